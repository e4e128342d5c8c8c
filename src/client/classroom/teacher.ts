/**
 * The teacher's page: a new class match from a lesson preset (45, 50 or 90 minutes) or the whole era, with the
 * estimate updated live as the teacher changes the era, the preset, the last year or a phase limit.
 */
import { SEATS } from '../../game/vocabulary';
import type { ClassAnswer, CreatedMatchAnswer, PhaseSeconds, ScenariosAnswer } from '../../protocol/lobby';
import { el } from '../dom';
import { live, S, SEAT_LABEL } from '../strings';
import { LESSON_PRESETS, customPlan, minutesOf, presetPlan, type Era } from './lesson';
import { call, eraName } from './ui';
import { language } from '../../i18n';

const P = live(() => S.classroomPages);
const C = live(() => S.classGroups);
const WHOLE_ERA = 'whole-era';

/** Renders the form in `root`; `created` gets the new match (the caller opens its console). */
export async function renderTeacher(
  root: HTMLElement,
  report: (e: unknown) => void,
  created: (m: CreatedMatchAnswer) => void,
): Promise<void> {
  const info = await call<ScenariosAnswer>('GET', '/api/scenarios');
  const eraOf = (id: string): Era => {
    const s = info.scenarios.find((x) => x.id === id);
    return { startYear: s?.startYear ?? 0, endYear: s?.endYear ?? 0 };
  };
  const scenario = el(
    'select',
    { name: 'scenario' },
    ...info.scenarios.map((s) => {
      const option = el('option', { value: s.id, text: s.name });
      // In the page's language once the era's texts are here.
      if (language() !== 'en') void eraName(s.id, s.name).then((name) => (option.textContent = name));
      return option;
    }),
  );
  if (info.scenarios.some((s) => s.id === 'yeltsin-1992')) scenario.value = 'yeltsin-1992';
  const seed = el('input', { name: 'seed', placeholder: P.seedHint, maxlength: 64, autocomplete: 'off' });
  const botBoxes = SEATS.map((s) => el('input', { type: 'checkbox', name: `bot-${s}` }));
  const preset = el(
    'select',
    { name: 'preset' },
    ...LESSON_PRESETS.map((p) => el('option', { value: p.id, text: P.preset(p.minutes) })),
    el('option', { value: WHOLE_ERA, text: P.wholeEra }),
  );
  const seconds = (name: string) =>
    el('input', { type: 'number', name, min: 0, max: 86400, step: 10, required: true });
  const limits = {
    briefing: seconds('briefing'),
    diplomacy: seconds('diplomacy'),
    policy: seconds('policy'),
  };
  const endYear = el('input', { type: 'number', name: 'endYear', step: 1, required: true });
  const estimate = el('p', { class: 'estimate', 'data-test': 'estimate', 'aria-live': 'polite' });
  // One match, or a class of 3-6 groups playing the same plan side by side (compared at the end).
  const groups = el(
    'select',
    { name: 'groups' },
    el('option', { value: '1', text: C.oneMatch }),
    ...[3, 4, 5, 6].map((n) => el('option', { value: String(n), text: C.groupsOption(n) })),
  );
  const reflect = el('input', { type: 'checkbox', name: 'reflectionPrompt' });

  const phaseSeconds = (): PhaseSeconds => ({
    briefing: Number(limits.briefing.value) || 0,
    diplomacy: Number(limits.diplomacy.value) || 0,
    policy: Number(limits.policy.value) || 0,
  });
  const debriefMinutes = () => LESSON_PRESETS.find((p) => p.id === preset.value)?.debriefMinutes ?? 0;
  /** A preset (or the whole era) fills in the limits and the last year; the teacher may then change any of them. */
  const applyPreset = () => {
    const era = eraOf(scenario.value);
    const chosen = LESSON_PRESETS.find((p) => p.id === preset.value);
    const plan = chosen ? presetPlan(chosen, era) : customPlan(info.phaseSeconds, era, era.endYear);
    for (const k of ['briefing', 'diplomacy', 'policy'] as const)
      limits[k].value = String(plan.phaseSeconds[k]);
    endYear.min = String(era.startYear);
    endYear.max = String(era.endYear);
    endYear.value = String(plan.endYear);
    showEstimate();
  };
  const showEstimate = () => {
    const era = eraOf(scenario.value);
    const plan = customPlan(phaseSeconds(), era, Number(endYear.value) || era.endYear, debriefMinutes());
    estimate.textContent =
      plan.playSeconds === null || plan.lessonSeconds === null
        ? P.noEstimate
        : P.estimate(
            plan.years,
            era.startYear,
            plan.endYear,
            minutesOf(plan.playSeconds),
            minutesOf(plan.lessonSeconds),
          );
  };
  scenario.addEventListener('change', applyPreset);
  preset.addEventListener('change', applyPreset);
  for (const input of [...Object.values(limits), endYear]) input.addEventListener('input', showEstimate);

  const field = (label: string, input: HTMLElement) =>
    el('label', { class: 'field' }, el('span', { text: label }), input);
  const form = el(
    'form',
    { 'data-test': 'create', class: 'create-form' },
    el('h2', { text: P.newMatch }),
    field(P.scenario, scenario),
    field(P.lesson, preset),
    field(P.endYear, endYear),
    el(
      'div',
      { class: 'limits' },
      field(P.briefingSeconds, limits.briefing),
      field(P.diplomacySeconds, limits.diplomacy),
      field(P.policySeconds, limits.policy),
    ),
    estimate,
    el(
      'fieldset',
      {},
      el('legend', { text: P.botSeats }),
      ...SEATS.map((s, i) => el('label', {}, botBoxes[i], ` ${SEAT_LABEL[s]}`)),
    ),
    field(P.seed, seed),
    field(C.groups, groups),
    el('label', {}, reflect, ` ${C.reflectionPrompt}`),
    el('button', { type: 'submit', class: 'primary', text: P.create }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const bot = info.botKinds.includes('historical') ? 'historical' : 'random';
    const era = eraOf(scenario.value);
    const last = customPlan(phaseSeconds(), era, Number(endYear.value) || era.endYear).endYear;
    const body = {
      scenario: scenario.value,
      ...(seed.value ? { seed: seed.value } : {}),
      bots: Object.fromEntries(SEATS.filter((_, i) => botBoxes[i].checked).map((s) => [s, bot])),
      phaseSeconds: phaseSeconds(),
      ...(last < era.endYear ? { endYear: last } : {}),
      ...(reflect.checked ? { reflectionPrompt: true } : {}),
    };
    const count = Number(groups.value);
    if (count > 1) {
      // The token goes into this tab's sessionStorage, where the class page reads it, never into the address.
      call<ClassAnswer>('POST', '/api/classes', { ...body, groups: count })
        .then((c) => {
          sessionStorage.setItem(`oaw-class-${c.classID}`, c.facilitatorToken ?? '');
          location.assign(`?class=${encodeURIComponent(c.classID)}`);
        })
        .catch(report);
      return;
    }
    call<CreatedMatchAnswer>('POST', '/api/matches', body).then(created).catch(report);
  });
  applyPreset();
  const joinLink = `${location.origin}/classroom.html#join`;
  root.append(
    el('h1', { text: P.title }),
    form,
    el('p', { class: 'muted' }, P.studentsJoinAt(''), el('a', { href: joinLink, text: joinLink })),
  );
}
