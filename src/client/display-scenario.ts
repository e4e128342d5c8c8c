/**
 * The scenario as the browser shows it: in English the scenario file itself; in another language a display copy with
 * the era's texts translated (src/scenario/texts.ts `displayScenario`: briefings, events, decisions, agendas,
 * questions, projects' names). The rules' scenario, its hash and the match state never change: only panels read this.
 *
 * A language's scenario texts load lazily (one chunk per era and language). Until they are here the English is
 * shown; `onScenarioTexts` tells the screens to render again when they arrive.
 */
import type { Scenario } from '../game/scenario-schema';
import { scenarioOf as rulesScenarioOf } from '../game/scenario-registry';
import type { Seat } from '../game/vocabulary';
import {
  displayScenario,
  leaderName as leaderNameIn,
  loadScenarioTexts,
  seatBriefingTexts,
  type ScenarioTexts,
} from '../scenario/texts';
import { language } from '../i18n';

const texts = new Map<string, ScenarioTexts | undefined>();
const loading = new Map<string, Promise<void>>();
const copies = new Map<string, Scenario>();
const listeners = new Set<() => void>();

const textKey = (scenarioId: string, lang: string) => `${scenarioId}|${lang}`;

/** Loads an era's texts in a language (the current one by default); resolves when they can be shown. */
export function loadDisplayTexts(scenarioId: string, lang: string = language()): Promise<void> {
  const key = textKey(scenarioId, lang);
  if (lang === 'en' || texts.has(key)) return Promise.resolve();
  return loading.get(key) ?? startLoading(scenarioId, lang);
}

/** Loads an era's texts in a language (none if that fails), then tells the listeners; the promise is in `loading`. */
function startLoading(scenarioId: string, lang: string): Promise<void> {
  const key = textKey(scenarioId, lang);
  const pending = loadScenarioTexts(scenarioId, lang)
    .catch(() => undefined)
    .then((loaded) => {
      texts.set(key, loaded);
      loading.delete(key);
      for (const listener of [...listeners]) listener();
    });
  loading.set(key, pending);
  return pending;
}

/** Calls `listener` when an era's texts arrive; returns the unsubscribe. */
export function onScenarioTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentTexts(scenario: Scenario): ScenarioTexts | undefined {
  const lang = language();
  if (lang === 'en') return undefined;
  const key = textKey(scenario.id, lang);
  if (!texts.has(key)) void loadDisplayTexts(scenario.id, lang);
  return texts.get(key);
}

/** The scenario of a match state (or a view of one) in the current language, for display only. */
export function scenarioOf(G: { scenarioHash: string; scenarioId?: string }): Scenario {
  const scenario = rulesScenarioOf(G);
  const found = currentTexts(scenario);
  if (!found) return scenario;
  const key = `${G.scenarioHash}|${language()}`;
  let copy = copies.get(key);
  if (!copy) {
    copy = displayScenario(scenario, found);
    copies.set(key, copy);
  }
  return copy;
}

/** A leader's name in the current language (the state holds the scenario's English name). */
export function leaderName(G: { scenarioHash: string; scenarioId?: string }, english: string): string {
  return leaderNameIn(currentTexts(rulesScenarioOf(G)), english);
}

/** A seat's era briefing and the note on place names in the current language, where the era has them. */
export function seatBriefing(
  G: { scenarioHash: string; scenarioId?: string },
  seat: Seat,
): { era: string | undefined; placeNames: string | undefined } {
  const scenario = rulesScenarioOf(G);
  const lang = language();
  if (lang === 'en') {
    // English: the era's extras file (the scenario file does not hold these texts); loaded like any language.
    const key = textKey(scenario.id, 'en');
    if (!texts.has(key)) void loadEnglishExtras(scenario.id);
    return seatBriefingTexts(texts.get(key), seat);
  }
  return seatBriefingTexts(currentTexts(scenario), seat);
}

function loadEnglishExtras(scenarioId: string): void {
  if (!loading.has(textKey(scenarioId, 'en'))) void startLoading(scenarioId, 'en');
}

type Texted = { scenarioHash: string; scenarioId?: string };

function eventIn(G: Texted, id: string) {
  const scenario = scenarioOf(G);
  return scenario.events.find((e) => e.id === id) ?? scenario.wildcards.deck.find((e) => e.id === id);
}

/** A news item's title and text in the current language (the state holds the scenario's English). */
export function newsText(
  G: Texted,
  item: { eventId: string; title: string; text: string },
): { title: string; text: string } {
  const event = eventIn(G, item.eventId);
  return event ? { title: event.title, text: event.text } : { title: item.title, text: item.text };
}

/** A dealt agenda's title and text in the current language. */
export function agendaText(
  G: Texted,
  agenda: { id: string; title: string; text: string },
): { title: string; text: string } {
  const found = scenarioOf(G).agendas.find((a) => a.id === agenda.id);
  return found ? { title: found.title, text: found.text } : { title: agenda.title, text: agenda.text };
}

/** An open decision's prompt and option labels in the current language. */
export function decisionText(
  G: Texted,
  decision: { eventId: string; prompt: string; options: { id: string; label: string }[] },
): { prompt: string; label: (optionId: string, english: string) => string } {
  const d = eventIn(G, decision.eventId)?.decision;
  return {
    prompt: d?.prompt ?? decision.prompt,
    label: (optionId, english) => d?.options.find((o) => o.id === optionId)?.label ?? english,
  };
}
