// Protects the after-action report in other languages: rendered with the Japanese catalogue and the era's Japanese
// texts, it keeps no English sentence of the report's catalogue, the log's, the charts' or the bots' reasons, nor
// an English event title; English (the command line's) stays as it was.
import { beforeAll, describe, expect, test } from 'vitest';
import en from '../src/i18n/locales/en';
import ja from '../src/i18n/locales/ja';
import { loadLanguage, translator } from '../src/i18n';
import { debriefFromCheck } from '../src/sim/debrief';
import { renderDebriefHtml } from '../src/sim/debrief-html';
import { reportWords, type ReportWords } from '../src/sim/debrief-words';
import { escapeHtml } from '../src/sim/html';
import { verifyReplay } from '../src/match/replay';
import { displayScenario, loadScenarioTexts } from '../src/scenario/texts';
import type { Scenario } from '../src/game/scenario-schema';
import { botReplay } from './replay-helpers';

let html: string;
let english: string;
let shown: Scenario;
let rules: Scenario;

/** Every message of a catalogue section with its key, English beside the other language's. */
function pairs(a: unknown, b: unknown, key = ''): [string, string, string][] {
  if (typeof a === 'string') return [[key, a, b as string]];
  return Object.entries(a as Record<string, unknown>).flatMap(([k, v]) =>
    pairs(v, (b as Record<string, unknown>)[k], key ? `${key}.${k}` : k),
  );
}

/** The words of an English message around its arguments, those long enough to mean something on their own. */
function fragments(message: string): string[] {
  if (message.includes(', plural,')) return [];
  return message
    .split(/\{\w+\}/)
    .map((s) =>
      s
        .trim()
        .replace(/^[(:;,.]+|[):;,.]+$/g, '')
        .trim(),
    )
    .filter((s) => s.length >= 8);
}

/** The report's own words: what players wrote and the paper's quotes are left out (never translated); bots' reasons stay in. */
function ownWords(page: string): string {
  return page
    .replace(/<blockquote>[\s\S]*?<\/blockquote>/g, '')
    .replace(/<q class="quote">[\s\S]*?<\/q>/g, '')
    .replace(/<div class="cite">“[\s\S]*?<\/div>/g, '');
}

beforeAll(async () => {
  const replay = botReplay('yeltsin-1992', 'report-ja');
  const check = verifyReplay(replay);
  if (!check.ok) throw new Error(check.error);
  rules = check.scenario;
  await loadLanguage('ja');
  shown = displayScenario(rules, await loadScenarioTexts(rules.id, 'ja'));
  const eventOf = (id: string) =>
    shown.events.find((e) => e.id === id) ?? shown.wildcards.deck.find((e) => e.id === id);
  const words: ReportWords = reportWords(translator('ja'), 'ja', {
    scenario: () => shown,
    news: (item) => eventOf(item.eventId) ?? item,
    agenda: (agenda) => shown.agendas.find((a) => a.id === agenda.id) ?? agenda,
    decision: (d) => {
      const found = eventOf(d.eventId)?.decision;
      return {
        prompt: found?.prompt ?? d.prompt,
        label: (id, fallback) => found?.options.find((o) => o.id === id)?.label ?? fallback,
      };
    },
  });
  html = renderDebriefHtml(debriefFromCheck(check, { words }), words);
  english = renderDebriefHtml(debriefFromCheck(check));
});

describe('the after-action report in Japanese', () => {
  test('is marked Japanese and uses the Japanese catalogue', () => {
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain(`<h2>${ja.report.section.outcome}</h2>`);
    expect(html).toContain(`<h2>${ja.report.section.timeline}</h2>`);
    expect(html).toContain(ja.report.timeline.year);
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h2>Where the match left history</h2>');
  });

  test('keeps no English sentence of the report, the log or the charts', () => {
    const page = ownWords(html);
    const sections: [unknown, unknown][] = [
      [en.report, ja.report],
      [en.log, ja.log],
      [en.S.charts.series, ja.S.charts.series],
      [en.seat, ja.seat],
      [en.action, ja.action],
      [en.reason, ja.reason],
    ];
    const left: string[] = [];
    let checked = 0;
    for (const [a, b] of sections) {
      for (const [key, message, translated] of pairs(a, b)) {
        if (message === translated) continue;
        for (const fragment of fragments(message)) {
          checked++;
          if (page.includes(escapeHtml(fragment))) left.push(`${key}: ${fragment}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(left).toEqual([]);
    // The bots' reasons are there, worded in Japanese (random bots: one code).
    expect(html).toContain(escapeHtml(ja.reason['random-choice']));
    expect(english).toContain('random legal choice');
    // The same check finds them in the English report: it can fail.
    expect(ownWords(english)).toContain('Where the match left history');
  });

  test('shows the era in Japanese: event titles, the era name, the questions', () => {
    const page = ownWords(html);
    expect(html).toContain(escapeHtml(shown.name));
    const translated = rules.events.filter((e, i) => shown.events[i].title !== e.title);
    expect(translated.length).toBeGreaterThan(3);
    for (const e of translated) expect(page).not.toContain(`<strong>${escapeHtml(e.title)}</strong>`);
    for (const e of shown.events) expect(html).toContain(escapeHtml(e.title));
  });
});
