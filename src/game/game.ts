/**
 * Oil & Water as a boardgame.io Game. The same object serves the browser, the server, the command line and tests.
 *
 * Flow per match: `briefing` (every seat reads the era and says ready; secrets are dealt only after it, so they are
 * never part of the unfiltered initial state) → then per year `diplomacy` (News at its start; all seats at once) →
 * `policy` (all seats commit hidden orders) → Resolution as the policy phase ends → the next year's diplomacy.
 */
import type { Ctx, Game } from 'boardgame.io';
import { ActivePlayers, INVALID_MOVE } from 'boardgame.io/core';
import {
  type FacilitatorMoveName,
  type MoveArg,
  REFLECTION_MAX_CHARS,
  type SeatMoveName,
  cleanText,
  parseMoveArg,
} from './args';
import { acceptProblem, applyProposal, expireProposals, makeProposal, proposalProblem } from './diplomacy';
import { LEVERS } from './levers';
import {
  agendaChoiceProblem,
  applyDecision,
  chooseAgenda,
  injectEvent,
  runNews,
  settleDecisions,
} from './news';
import { ordersProblem } from './policy';
import { resolveRound } from './resolution';
import { finishMatch } from './scoring';
import { FACILITATOR_ID, NUM_PLAYERS, SEATS, type Seat, seatOf } from './vocabulary';
import { type GameState, createInitialState, nextId, perSeat, scenarioOf } from './state';
import { playerView } from './view';
import type { Scenario } from './scenario-schema';
import { parseScenario } from './scenario-validate';
import { PlainStatePlugin, plainStep } from './plain-step';

export const GAME_NAME = 'oil-and-water';

/** What a match is created from: a scenario (validated here) and the match seed. */
export interface SetupData {
  scenario: unknown;
  seed: string;
}

type MoveContext = { G: GameState; ctx: Ctx; playerID: string };
type Invalid = typeof INVALID_MOVE;

/**
 * Scenarios already checked, by the object given in the setup data, with what the check made of them. A scenario a
 * match has started from must not change afterwards (as src/game/scenario-registry.ts requires of registered ones),
 * so the matches of a batch, all started from one object, check it once: checking and hashing it again was a fifth
 * of a historical match.
 */
const CHECKED = new WeakMap<object, Scenario>();

/** Checks setup data: the scenario through its schema and semantic checks, the seed's shape, the seat count. */
export function checkSetupData(
  setupData: unknown,
  numPlayers: number = NUM_PLAYERS,
): { ok: true; scenario: Scenario; seed: string } | { ok: false; error: string } {
  if (numPlayers !== NUM_PLAYERS) {
    return {
      ok: false,
      error: `Oil & Water has ${SEATS.length} seats and a facilitator (${NUM_PLAYERS} players), not ${numPlayers}`,
    };
  }
  if (typeof setupData !== 'object' || setupData === null)
    return { ok: false, error: 'setupData must be an object { scenario, seed }' };
  const { scenario, seed } = setupData as Partial<SetupData>;
  if (typeof seed !== 'string' || seed.length === 0 || seed.length > 64) {
    return { ok: false, error: 'setupData.seed must be a string of 1-64 characters' };
  }
  const checked = typeof scenario === 'object' && scenario !== null ? CHECKED.get(scenario) : undefined;
  if (checked) return { ok: true, scenario: checked, seed };
  const result = parseScenario(scenario);
  if (!result.ok) {
    const shown = result.problems.slice(0, 5).map((p) => `scenario.${p.path}: ${p.message}`);
    const more = result.problems.length > 5 ? ` (and ${result.problems.length - 5} more)` : '';
    return { ok: false, error: `invalid scenario: ${shown.join('; ')}${more}` };
  }
  CHECKED.set(scenario as object, result.scenario);
  return { ok: true, scenario: result.scenario, seed };
}

/** Runs a move body on a seat, turning any unexpected failure into INVALID_MOVE so the reducer never throws. */
function seatMove<M extends SeatMoveName>(
  move: M,
  body: (G: GameState, seat: Seat, args: MoveArg<M>, ctx: Ctx) => void | Invalid,
) {
  return plainStep(({ G, ctx, playerID }: MoveContext, raw?: unknown): void | Invalid => {
    const seat = seatOf(playerID);
    if (!seat || G.outcome) return INVALID_MOVE;
    const args = parseMoveArg(move, raw);
    if (args === undefined) return INVALID_MOVE;
    try {
      return body(G, seat, args, ctx);
    } catch {
      return INVALID_MOVE;
    }
  });
}

const ready = seatMove('ready', (G, seat) => {
  if (G.ready[seat]) return INVALID_MOVE;
  G.ready[seat] = true;
});

const propose = seatMove('propose', (G, seat, args) => {
  if (G.ready[seat] || proposalProblem(G, seat, args) !== null) return INVALID_MOVE;
  makeProposal(G, seat, args);
});

const respond = seatMove('respond', (G, seat, { id, accept, reason }) => {
  const p = G.proposals.find((x) => x.id === id);
  if (!p || p.to !== seat || p.status !== 'open' || p.round !== G.round) return INVALID_MOVE;
  if (accept && acceptProblem(G, p) !== null) return INVALID_MOVE;
  p.status = accept ? 'accepted' : 'rejected';
  if (reason) p.answerReason = reason;
  if (accept) applyProposal(G, p);
});

const withdraw = seatMove('withdraw', (G, seat, { id }) => {
  const p = G.proposals.find((x) => x.id === id);
  if (!p || p.from !== seat || p.status !== 'open') return INVALID_MOVE;
  p.status = 'withdrawn';
});

const decide = seatMove('decide', (G, seat, { id, option, reason }) => {
  const d = G.decisions.find((x) => x.id === id);
  if (!d || d.seat !== seat || d.chosen !== null || d.round !== G.round) return INVALID_MOVE;
  if (!applyDecision(G, id, option, reason)) return INVALID_MOVE;
});

/** The seat picks one of its era's agendas in the first year; the one dealt stands otherwise (news.ts). */
const chooseAgendaMove = seatMove('chooseAgenda', (G, seat, { id }, ctx) => {
  if (agendaChoiceProblem(G, seat, id, ctx.phase) !== null) return INVALID_MOVE;
  chooseAgenda(G, seat, id);
});

/** A facilitator move: only player '6' may make it. */
function facilitatorMove<M extends FacilitatorMoveName>(
  move: M,
  body: (G: GameState, args: MoveArg<M>, ctx: Ctx) => void | Invalid,
) {
  return plainStep(({ G, ctx, playerID }: MoveContext, raw?: unknown): void | Invalid => {
    if (playerID !== FACILITATOR_ID || G.outcome) return INVALID_MOVE;
    const args = parseMoveArg(move, raw);
    if (args === undefined) return INVALID_MOVE;
    try {
      return body(G, args, ctx);
    } catch {
      return INVALID_MOVE;
    }
  });
}

/** Fires an event from the era's wildcard deck: now during Diplomacy, else at the next News. */
const inject = facilitatorMove('inject', (G, { id }, ctx) => {
  if (!scenarioOf(G).wildcards.deck.some((c) => c.id === id)) return INVALID_MOVE;
  if (ctx.phase === 'diplomacy') {
    if (!injectEvent(G, id)) return INVALID_MOVE;
  } else if (G.injected.includes(id) || G.injected.length >= 5) return INVALID_MOVE;
  else G.injected.push(id);
});

/** Ends the phase for idle seats: they are marked ready, and in Policy commit no orders. */
const advance = facilitatorMove('advance', (G, _args, ctx) => {
  for (const seat of SEATS) {
    if (G.ready[seat]) continue;
    if (ctx.phase === 'policy') G.orders[seat] = [];
    G.ready[seat] = true;
  }
});

const endMatch = facilitatorMove('endMatch', (G) => {
  finishMatch(G, 'facilitator');
});

/** Notices a match may hold: several a year for a long era is plenty for one class. */
export const MAX_BROADCASTS = 60;

/** A notice to the whole class, kept in the state (not only sent over the socket) so the replay holds it. */
const broadcast = facilitatorMove('broadcast', (G, { text }) => {
  const clean = cleanText(text);
  if (clean.length === 0 || clean.length > LEVERS.messages.statementMaxChars) return INVALID_MOVE;
  // A bound on the list, so a runaway console cannot grow every seat's sync without limit.
  if ((G.broadcasts?.length ?? 0) >= MAX_BROADCASTS) return INVALID_MOVE;
  G.broadcasts = [...(G.broadcasts ?? []), { round: G.round, year: G.year, text: clean }];
});
// inject is redacted: its argument in the log would tell every seat the queued event before News (view.ts).
const facilitation = { inject: { move: inject, redact: true }, advance, endMatch, broadcast };

/** Messages are kept in order, so this round's are at the end: scan back only over them. */
function messagesThisRound(G: GameState, seat: Seat): number {
  let count = 0;
  for (let i = G.messages.length - 1; i >= 0 && G.messages[i].round === G.round; i--) {
    if (G.messages[i].from === seat) count += 1;
  }
  return count;
}

// A bot's reply is data (empty text, worded where shown); anything else is text the seat typed.
const sendMessage = seatMove('sendMessage', (G, seat, { to, text, reply }) => {
  const clean = cleanText(text);
  if (to === seat || clean.length > LEVERS.messages.privateMaxChars) return INVALID_MOVE;
  if (reply ? clean.length > 0 : clean.length === 0) return INVALID_MOVE;
  if (messagesThisRound(G, seat) >= LEVERS.messages.maxPerSeatPerRound) return INVALID_MOVE;
  G.messages.push({
    id: nextId(G, 'm'),
    round: G.round,
    from: seat,
    to,
    text: clean,
    ...(reply ? { reply } : {}),
  });
});

const makeStatement = seatMove('makeStatement', (G, seat, { text }) => {
  const clean = cleanText(text);
  if (clean.length === 0 || clean.length > LEVERS.messages.statementMaxChars) return INVALID_MOVE;
  if (messagesThisRound(G, seat) >= LEVERS.messages.maxPerSeatPerRound) return INVALID_MOVE;
  G.messages.push({ id: nextId(G, 'm'), round: G.round, from: seat, to: 'all', text: clean });
});

const commitOrders = seatMove('commitOrders', (G, seat, { orders }) => {
  if (G.ready[seat]) return INVALID_MOVE;
  const typed = orders.map((o) => ({ ...o })) as GameState['orders'][Seat] & object;
  if (ordersProblem(G, seat, typed) !== null) return INVALID_MOVE;
  G.orders[seat] = typed;
  G.ready[seat] = true;
});

/**
 * A seat's reflection on the year it is playing or the one just resolved (Diplomacy comes right after the recap of
 * the previous year; Policy is the last chance on the current one, including the era's final year, after which the
 * match is over). One per seat and year: writing again replaces it. It changes nothing else in the state.
 */
const reflect = seatMove('reflect', (G, seat, { year, text }) => {
  const clean = cleanText(text);
  if (clean.length === 0 || clean.length > REFLECTION_MAX_CHARS) return INVALID_MOVE;
  if (year > G.year || year < Math.max(scenarioOf(G).startYear, G.year - 1)) return INVALID_MOVE;
  const kept = (G.reflections ?? []).filter((r) => !(r.seat === seat && r.year === year));
  G.reflections = [...kept, { seat, year, text: clean }];
});

/** Secret-bearing moves keep their arguments out of other seats' copies of the log. */
const secret = <F>(move: F) => ({ move, redact: true });

const allReady = ({ G }: { G: GameState }) => SEATS.every((s) => G.ready[s]);
const resetReady = ({ G }: { G: GameState }) => {
  G.ready = perSeat(() => false);
};

function beginRound({ G }: { G: GameState }) {
  if (G.outcome) return;
  G.round += 1;
  runNews(G);
}

// Ready flags are cleared as a phase ends, not as the next begins: boardgame.io checks the next phase's endIf
// before running its onBegin.
function endDiplomacy({ G }: { G: GameState }) {
  G.ready = perSeat(() => false);
  settleDecisions(G);
  expireProposals(G);
}

function endPolicy({ G }: { G: GameState }) {
  G.ready = perSeat(() => false);
  if (!G.outcome) resolveRound(G);
}

const talk = { sendMessage: secret(sendMessage), makeStatement, ...facilitation };

export const OilAndWater: Game<GameState, Record<string, unknown>, SetupData> = {
  name: GAME_NAME,
  minPlayers: NUM_PLAYERS,
  maxPlayers: NUM_PLAYERS,
  disableUndo: true,
  // The flow is the rules' own: no client may end a phase, a turn or the game by itself. boardgame.io 0.50 only
  // hides disabled events from the client API (its reducer still runs any GAME_EVENT), so the server's transport
  // refuses every client event as well (src/server/transport.ts).
  events: {
    pass: false,
    endGame: false,
    endPhase: false,
    setPhase: false,
    endTurn: false,
    endStage: false,
    setStage: false,
    setActivePlayers: false,
  },
  setup: (_context, setupData) => {
    const checked = checkSetupData(setupData);
    if (!checked.ok) throw new Error(checked.error);
    return createInitialState(checked.scenario, checked.seed);
  },
  validateSetupData: (setupData, numPlayers) => {
    const checked = checkSetupData(setupData, numPlayers);
    return checked.ok ? undefined : checked.error;
  },
  playerView,
  // Moves and hooks run on a plain copy of G rather than an Immer draft (src/game/plain-step.ts).
  plugins: [PlainStatePlugin],
  endIf: ({ G }) => G.outcome ?? undefined,
  phases: {
    briefing: {
      start: true,
      next: 'diplomacy',
      turn: { activePlayers: ActivePlayers.ALL },
      moves: { ready, ...talk },
      endIf: allReady,
      onEnd: plainStep(resetReady),
    },
    diplomacy: {
      next: 'policy',
      turn: { activePlayers: ActivePlayers.ALL },
      onBegin: plainStep(beginRound),
      endIf: allReady,
      onEnd: plainStep(endDiplomacy),
      moves: {
        ready,
        propose: secret(propose),
        respond: secret(respond),
        withdraw: secret(withdraw),
        decide: secret(decide),
        chooseAgenda: secret(chooseAgendaMove),
        reflect: secret(reflect),
        ...talk,
      },
    },
    policy: {
      next: 'diplomacy',
      turn: { activePlayers: ActivePlayers.ALL },
      endIf: allReady,
      onEnd: plainStep(endPolicy),
      moves: {
        commitOrders: secret(commitOrders),
        chooseAgenda: secret(chooseAgendaMove),
        reflect: secret(reflect),
        ...talk,
      },
    },
  },
};
