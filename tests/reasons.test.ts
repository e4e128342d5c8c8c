// Protects bots' reasons as data (src/game/reasons.ts): every reason the doctrine, the bots and the what-if
// simulator give is a known code with the arguments its wording takes, every code is worded in all five languages,
// no reason in the code is free English, the move schemas refuse an unknown code by name, and a bot's reply and a
// rejected proposal's reason read in Japanese and Russian (the reply stored as data, worded where shown).
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import en from '../src/i18n/locales/en';
import ja from '../src/i18n/locales/ja';
import ru from '../src/i18n/locales/ru';
import ko from '../src/i18n/locales/ko';
import zh from '../src/i18n/locales/zh';
import { LANGUAGES, loadLanguage, translator, type Language } from '../src/i18n';
import { REASON_ARGS, REASON_CODES, type Reason } from '../src/game/reasons';
import { ReasonSchema, RespondArgs, CommitArgs, MessageArgs } from '../src/game/args';
import { firstIssue } from '../src/protocol/schemas';
import { ACTIONS, ACTION_IDS, PROPOSAL_KINDS, type ActionSpec } from '../src/game/catalog';
import { parseWhatIfFlag, policiesFor, withPolicies, type WhatIf } from '../src/sim/whatif';
import { SEATS, TREATY_FORMULAS, playerIDOf } from '../src/game/vocabulary';
import type { GameState, Proposal, ProposalTerms } from '../src/game/state';
import { scenarioOf } from '../src/game/state';
import { orderStance, proposalStance, responseStance } from '../src/bots/doctrine';
import { historicalBot } from '../src/bots/historical';
import { replyTo } from '../src/bots/replies';
import { reasonText, replyWords } from '../src/bots/reason-text';
import { makeBot } from '../src/bots/registry';
import { MatchDriver, botRng, playBotPhase } from '../src/match/match';
import { buildReplay, verifyReplay } from '../src/match/replay';
import { debriefFromCheck } from '../src/sim/debrief';
import { reportWords } from '../src/sim/debrief-words';
import { builtinScenario, BUILTIN_IDS } from '../src/scenario/builtin';
import { perSeat } from '../src/game/vocabulary';

const CATALOGUES = { en, ja, ru, ko, zh } as const;

beforeAll(async () => {
  for (const lang of LANGUAGES) await loadLanguage(lang);
});

/** The ICU arguments a message names (plural and number arguments too). */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)(?:,|\})/g)].map((m) => m[1]))].sort();
}

describe('reason codes and their words', () => {
  test('every code has a non-empty message in all five languages, naming exactly the arguments it takes', () => {
    for (const code of REASON_CODES) {
      for (const lang of LANGUAGES) {
        const message = (CATALOGUES[lang].reason as Record<string, string>)[code];
        expect(message, `${lang}: reason.${code}`).toBeTruthy();
        expect(argumentsOf(message), `${lang}: reason.${code}`).toEqual([...REASON_ARGS[code]].sort());
      }
    }
  });

  test('every code renders in every language with its arguments filled in', () => {
    const sample: Reason = {
      code: 'strategist-orders',
      args: { level: 'hard', actions: ['provocation', 'seek-patron'], score: 21.4, rollouts: 21 },
    };
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const text = reasonText(t, sample);
      expect(text).not.toMatch(/[{}]|reason\./);
      expect(text).toContain(t('action.provocation'));
      expect(text).toContain(t('botStrength.hard'));
    }
    expect(reasonText(translator('ru'), sample)).toContain('21 прогон');
    expect(reasonText(translator('en'), sample)).toContain('21.4 over 21 rollouts');
  });

  test('the move schemas refuse an unknown code, free text and wrong arguments, naming what is wrong', () => {
    const unknown = RespondArgs.safeParse({ id: 'p1', accept: false, reason: { code: 'because-i-said-so' } });
    expect(unknown.success).toBe(false);
    if (!unknown.success)
      expect(firstIssue(unknown.error)).toBe('reason.code: unknown reason code "because-i-said-so"');
    const order = CommitArgs.safeParse({ orders: [{ action: 'provocation', reason: { code: 'nope' } }] });
    expect(order.success).toBe(false);
    if (!order.success)
      expect(firstIssue(order.error)).toMatch(/^orders\.0\.reason\.code: unknown reason code "nope"/);
    expect(RespondArgs.safeParse({ id: 'p1', accept: true, reason: 'within its offer' }).success).toBe(false);
    const missing = ReasonSchema.safeParse({ code: 'no-aid-to' });
    expect(missing.success).toBe(false);
    if (!missing.success)
      expect(firstIssue(missing.error)).toMatch(/reason "no-aid-to" takes seat; missing seat/);
    expect(ReasonSchema.safeParse({ code: 'links-aid', args: { seat: 'japan' } }).success).toBe(false);
    expect(ReasonSchema.safeParse({ code: 'no-aid-to', args: { seat: 'mars' } }).success).toBe(false);
    expect(ReasonSchema.safeParse({ code: 'no-aid-to', args: { seat: 'us' } }).success).toBe(true);
    // A reply is data: a known reason, a topic and verdict from their lists, no text beside it.
    const reply = { topic: 'islands', verdict: 'no', reason: { code: 'red-line' }, variant: 7 };
    expect(MessageArgs.safeParse({ to: 'japan', text: '', reply }).success).toBe(true);
    expect(
      MessageArgs.safeParse({ to: 'japan', text: '', reply: { ...reply, reason: { code: 'x' } } }).success,
    ).toBe(false);
  });
});

/** Checks a reason: a known code with its arguments, worded (not its key) in every language. */
function checkReason(reason: unknown, where: string, seen: Set<string>): void {
  const parsed = ReasonSchema.safeParse(reason);
  expect(parsed.success, `${where}: ${JSON.stringify(reason)}`).toBe(true);
  const r = reason as Reason;
  if (!seen.has(r.code)) {
    for (const lang of LANGUAGES) {
      const text = reasonText(translator(lang), r);
      expect(text, `${where} in ${lang}`).not.toMatch(/[{}]|^reason\./);
    }
  }
  seen.add(r.code);
}

/** Every stance the doctrine can take in this view: all orders, proposals and answers, for every seat. */
function allStances(view: GameState, where: string, seen: Set<string>): void {
  const projects = scenarioOf(view).projects.map((p) => p.id);
  const targets = [...SEATS, ...projects, 'habomai'];
  const termsOf = (kind: string): ProposalTerms[] =>
    kind === 'peace-treaty'
      ? TREATY_FORMULAS.map((formula) => ({ formula }))
      : kind === 'energy-stake'
        ? projects.flatMap((project) => [5, 20].map((share) => ({ project, share })))
        : kind === 'aid'
          ? [{ amount: 1 }]
          : [{}];
  for (const seat of SEATS) {
    for (const action of ACTION_IDS)
      for (const target of (ACTIONS[action] as ActionSpec).target ? targets : [undefined])
        checkReason(orderStance(view, seat, action, target).reason, where, seen);
    for (const to of SEATS) {
      if (to === seat) continue;
      for (const kind of PROPOSAL_KINDS) {
        for (const terms of termsOf(kind)) {
          checkReason(proposalStance(view, seat, to, kind, terms).reason, where, seen);
          const p: Proposal = {
            id: 'p-x',
            round: view.round,
            from: to,
            to: seat,
            kind,
            terms,
            status: 'open',
          };
          checkReason(responseStance(view, seat, p).reason, where, seen);
          checkReason(historicalBot.respond({ seat, view, next: () => 0.5 }, p).reason, where, seen);
        }
      }
    }
  }
}

describe('every reason the bots give is a code', () => {
  test('the doctrine over whole matches of every era, and every action the bots dispatch', () => {
    const seen = new Set<string>();
    let actions = 0;
    for (const id of BUILTIN_IDS) {
      const scenario = builtinScenario(id)!;
      for (const kind of ['historical', 'random'] as const) {
        const seed = `reasons-${kind}`;
        const driver = new MatchDriver({ scenario, seed });
        const bots = perSeat(() => makeBot(kind));
        const rngs = perSeat((s) => botRng(seed, s));
        for (let guard = 0; !driver.over && guard < 200; guard++) {
          if (kind === 'historical' && driver.phase === 'policy') {
            // A perturbed copy too: close ROK–Russia ties, a recent incident, Russia at the 1956 rung.
            allStances(driver.G, `${id} ${driver.G.year}`, seen);
            const odd = structuredClone(driver.G);
            odd.koreaTies.rok.russia = 90;
            odd.koreaTies.dprk.us = 0;
            odd.positions.russia = 2;
            odd.alignment.sinoRussian = 0;
            odd.log.push({ round: odd.round, year: odd.year, kind: 'fishing-incident' } as never);
            allStances(odd, `${id} ${driver.G.year} (perturbed)`, seen);
          }
          playBotPhase(driver, bots, rngs, new Set(), {
            onAction: (note) => {
              if (!note.accepted) return;
              actions++;
              const arg = note.args[0] as { reason?: unknown; orders?: { reason?: unknown }[] } | undefined;
              if (note.reason) checkReason(note.reason, `${id} ${note.move}`, seen);
              if (arg?.reason !== undefined) checkReason(arg.reason, `${id} ${note.move}`, seen);
              for (const o of arg?.orders ?? []) checkReason(o.reason, `${id} order`, seen);
            },
          });
        }
      }
    }
    expect(actions).toBeGreaterThan(500);
    // The drive reaches most of the doctrine's codes, so a free-English reason anywhere in it would have shown.
    expect(seen.size).toBeGreaterThan(90);
  });

  test('the strategist and what-if policies give codes too', () => {
    const seen = new Set<string>();
    const scenario = builtinScenario('yeltsin-1992')!;
    const flags = ['japan:abandon-linkage@1992', 'russia:treaty=none@1992', 'japan:treaty=none@1992'];
    const whatIfs = flags.map((f) => {
      const parsed = parseWhatIfFlag(f);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    }) as WhatIf[];
    for (const [name, bots] of [
      ['strategist', perSeat(() => makeBot('strategist:easy'))],
      ['what-if', perSeat((s) => withPolicies(historicalBot, policiesFor(whatIfs, s)))],
    ] as const) {
      const driver = new MatchDriver({ scenario, seed: `reasons-${name}` });
      const rngs = perSeat((s) => botRng(`reasons-${name}`, s));
      while (!driver.over && driver.G.round <= 1)
        playBotPhase(driver, bots, rngs, new Set(), {
          onAction: (note) => {
            expect(note.accepted, `${name} ${note.move}`).toBe(true);
            const arg = note.args[0] as { reason?: unknown; orders?: { reason?: unknown }[] } | undefined;
            if (arg?.reason !== undefined) checkReason(arg.reason, `${name} ${note.move}`, seen);
            for (const o of arg?.orders ?? []) checkReason(o.reason, `${name} order`, seen);
          },
        });
    }
    expect(seen).toContain('strategist-orders');
    expect(seen).toContain('what-if-forced');
  });

  test('no reason in the bots, the match engine or the what-if simulator is written as free text', () => {
    const files = [
      ...readdirSync('src/bots').map((f) => `src/bots/${f}`),
      'src/sim/whatif.ts',
      'src/match/botphase.ts',
      'src/server/bot-planner.ts',
      'src/client/session.ts',
    ].filter((f) => f.endsWith('.ts'));
    const codes = new Set<string>(REASON_CODES);
    const problems: string[] = [];
    let stances = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\breason:\s*(['"`])/g)) problems.push(`${file}: reason: ${m[1]}…`);
      for (const m of source.matchAll(/\b(?:keep|FORBID)\(\s*['"`]([^'"`]*)/g)) {
        stances++;
        if (!codes.has(m[1])) problems.push(`${file}: ${m[0]}`);
      }
      for (const m of source.matchAll(/\bcode:\s*'([^']*)'/g))
        if (!codes.has(m[1])) problems.push(`${file}: ${m[0]}`);
    }
    expect(problems).toEqual([]);
    // The scan reads the doctrine's stances: it would see one written as English.
    expect(stances).toBeGreaterThan(80);
  });
});

describe('reasons and replies read in the reader’s language', () => {
  const scenario = builtinScenario('yeltsin-1992')!;

  test("a bot's reply is stored as data and worded in Japanese and Russian", () => {
    const view = new MatchDriver({ scenario, seed: '7' }).view('japan');
    const reply = replyTo(view, 'japan', 'Invest in our energy projects');
    expect(reply).toMatchObject({ verdict: 'no', topic: 'economy', reason: { code: 'links-aid' } });
    const words = (lang: Language) => replyWords(translator(lang), reply);
    expect(words('ja')).toContain('政経不可分');
    expect(words('ja')).not.toMatch(/[A-Za-z]/);
    expect(words('ru')).toContain('«сэйкэй фукабун»');
    expect(words('ru')).not.toMatch(/[A-Za-z]/);
    expect(words('en')).toContain('links aid to the islands: seikei fukabun');
  });

  test("a rejected proposal's reason is data in the state and reads in Russian in the report", () => {
    const d = new MatchDriver({ scenario, seed: 'rejected' });
    for (const s of SEATS) expect(d.move(playerIDOf(s), 'ready')).toBe(true);
    expect(d.phase).toBe('diplomacy');
    // Russia offers Japan a stake; Japan's linkage (seikei fukabun) refuses it while the islands are not on offer.
    expect(
      d.move(playerIDOf('russia'), 'propose', [
        { to: 'japan', kind: 'energy-stake', terms: { project: 'sakhalin-2', share: 20 } },
      ]),
    ).toBe(true);
    const p = d.view('japan').proposals.find((x) => x.to === 'japan' && x.status === 'open')!;
    const answer = historicalBot.respond({ seat: 'japan', view: d.view('japan'), next: () => 0.5 }, p);
    expect(answer).toEqual({ accept: false, reason: { code: 'links-aid' } });
    expect(d.move(playerIDOf('japan'), 'respond', [{ id: p.id, accept: false, reason: answer.reason }])).toBe(
      true,
    );
    expect(d.G.proposals.find((x) => x.id === p.id)?.answerReason).toEqual({ code: 'links-aid' });
    expect(reasonText(translator('ja'), answer.reason)).toBe('援助を島の問題と結びつける（政経不可分）');

    const replay = buildReplay({
      scenario,
      seed: 'rejected',
      seats: perSeat(() => 'human'),
      driver: d,
      createdBy: 'test',
    });
    const check = verifyReplay(replay);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const debrief = debriefFromCheck(check, { words: reportWords(translator('ru'), 'ru') });
    const japan = debrief.seats.find((s) => s.seat === 'japan');
    expect(japan?.keyDecisions).toContainEqual(
      expect.objectContaining({ kind: 'response', reason: 'увязывает помощь с островами: «сэйкэй фукабун»' }),
    );
    // The English report (the command line's) words the same code in English.
    const english = debriefFromCheck(check).seats.find((s) => s.seat === 'japan');
    expect(english?.keyDecisions).toContainEqual(
      expect.objectContaining({ kind: 'response', reason: 'links aid to the islands: seikei fukabun' }),
    );
  });
});
