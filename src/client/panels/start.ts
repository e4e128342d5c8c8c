/** The start screen: era (with its briefing), seed, and who plays each seat. */
import { botKinds } from '../../bots/registry';
import { SEATS, type Seat } from '../../game/vocabulary';
import { BUILTIN_IDS, builtinName, loadBuiltinScenario } from '../../scenario/builtin';
import { el, replace } from '../dom';
import type { Controller } from '../session';
import { randomSeed, startProblem, type StartOptions } from '../start-options';
import { tutorialDone } from '../tutorial';
import { BOT_DESCRIPTION, botName, S, SEAT_LABEL, W } from '../strings';
import { language, t } from '../../i18n';
import { loadScenarioTexts, type ScenarioTexts } from '../../scenario/texts';
import { languageSwitcher } from '../language-switcher';

/**
 * Renders the start screen into `root`, filling in `initial` as the form changes (so a language switch can redraw it
 * as filled); `onStart` receives checked options, `onOpenReplay` opens the replay viewer.
 */
export function renderStart(
  root: HTMLElement,
  initial: StartOptions,
  onStart: (options: StartOptions) => void,
  onOpenReplay?: () => void,
  onTutorial?: () => void,
): void {
  const options = initial;
  const briefing = el('p', { class: 'briefing', 'data-test': 'briefing' });
  const years = el('p', { class: 'years' });
  const problem = el('p', { class: 'problem', role: 'alert' });
  // The chosen era downloads on demand (src/scenario/builtin-browser.ts): its briefing shows once it is here.
  const showBriefing = () => {
    const id = options.scenarioId;
    void Promise.all([loadBuiltinScenario(id), eraTexts(id)]).then(([sc, texts]) => {
      if (options.scenarioId !== id) return;
      briefing.textContent = texts?.briefing ?? sc?.briefing ?? '';
      years.textContent = sc ? S.start.years(sc.startYear, sc.endYear) : '';
    });
  };

  const scenarioSelect = el(
    'select',
    {
      id: 'start-scenario',
      'data-test': 'scenario',
      onchange: () => ((options.scenarioId = scenarioSelect.value), showBriefing()),
    },
    ...BUILTIN_IDS.map((id) => {
      const option = el('option', {
        value: id,
        text: builtinName(id) ?? id,
        selected: id === options.scenarioId,
      });
      // The era's name in the page's language once its texts are here (English: the index's name).
      void eraTexts(id).then((texts) => texts?.name && (option.textContent = texts.name));
      return option;
    }),
  );
  const seedInput = el('input', {
    id: 'start-seed',
    'data-test': 'seed',
    type: 'text',
    maxlength: 64,
    value: options.seed,
    oninput: () => (options.seed = seedInput.value),
  });
  const controllerValue = (c: Controller) => (c.type === 'human' ? 'human' : `bot:${c.kind}`);
  const seatRows = SEATS.map((seat: Seat) => {
    const select = el(
      'select',
      {
        id: `start-seat-${seat}`,
        'data-test': `controller-${seat}`,
        onchange: () => {
          const v = select.value;
          options.controllers[seat] = v === 'human' ? { type: 'human' } : { type: 'bot', kind: v.slice(4) };
          describe();
        },
      },
      el('option', { value: 'human', text: S.start.human }),
      ...botKinds().map((kind) => el('option', { value: `bot:${kind}`, text: S.start.bot(botName(kind)) })),
    );
    select.value = controllerValue(options.controllers[seat]);
    // What the chosen bot plays like, in one line beside it (nothing for a person).
    const help = el('span', { class: 'help muted', 'data-test': `bot-help-${seat}` });
    const describe = () => {
      const c = options.controllers[seat];
      help.textContent = c.type === 'bot' ? (BOT_DESCRIPTION[c.kind.split(':')[0]] ?? '') : '';
    };
    describe();
    return el(
      'div',
      { class: 'seat-row' },
      el('label', { for: select.id, text: SEAT_LABEL[seat] }),
      select,
      help,
    );
  });

  const form = el(
    'form',
    {
      class: 'start-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        options.seed = seedInput.value.trim();
        const wrong = startProblem(options);
        problem.textContent = wrong ?? '';
        if (!wrong) onStart(options);
      },
    },
    el('div', { class: 'start-language' }, languageSwitcher()),
    el('h1', { text: S.title }),
    el('p', { class: 'subtitle', text: S.subtitle }),
    el('h2', { text: S.start.heading }),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'start-scenario', text: S.start.scenario }),
      scenarioSelect,
      years,
    ),
    briefing,
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'start-seed', text: S.start.seed }),
      seedInput,
      el('button', {
        type: 'button',
        text: S.start.newSeed,
        onclick: () => {
          seedInput.value = randomSeed();
          options.seed = seedInput.value;
        },
      }),
      el('p', { class: 'help', text: S.start.seedHelp }),
    ),
    el('fieldset', {}, el('legend', { text: S.start.seats }), ...seatRows),
    problem,
    el('button', { type: 'submit', class: 'primary', 'data-test': 'start', text: S.start.play }),
    onOpenReplay
      ? el('button', {
          type: 'button',
          'data-test': 'open-replay',
          text: S.start.openReplay,
          onclick: onOpenReplay,
        })
      : null,
    // The guided match leads the screen until this browser has finished or skipped it once.
    onTutorial
      ? el(
          'p',
          { class: 'tutorial-offer' },
          el('button', {
            type: 'button',
            class: tutorialDone() ? '' : 'primary',
            'data-test': 'tutorial',
            text: W.start.tutorial,
            onclick: onTutorial,
          }),
          ' ',
          el('span', { class: 'help', text: W.start.tutorialHelp }),
        )
      : null,
    el('p', { class: 'help', 'data-test': 'keyboard-help', text: t('a11y.helpLine') }),
  );
  showBriefing();
  replace(root, form);
}

/** An era's texts in the page's language; none in English (the scenario file and the era index are English). */
function eraTexts(id: string): Promise<ScenarioTexts | undefined> {
  const lang = language();
  return lang === 'en' ? Promise.resolve(undefined) : loadScenarioTexts(id, lang).catch(() => undefined);
}
