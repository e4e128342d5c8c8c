/**
 * Lesson presets: a class match that fits a lesson. A match opens with one briefing, then plays each year as a
 * diplomacy and a policy phase; the server ends a phase at its limit at the latest (earlier when every seat is
 * ready), so briefing + years × (diplomacy + policy) is the longest the play can take. A preset fixes the phase
 * limits and plays the era's first years that fit, leaving minutes for the debrief; the server then ends the era at
 * that year (`endYear` on `POST /api/matches`, src/scenario/lesson-cut.ts), so the class gets a real ending.
 * Pure: the teacher's form and the tests use it.
 */
import type { PhaseSeconds } from '../../protocol/lobby';

export type LessonPresetId = 'lesson-45' | 'lesson-50' | 'lesson-90';

export interface LessonPreset {
  id: LessonPresetId;
  /** The whole lesson, in minutes: play and debrief. */
  minutes: number;
  /** Minutes kept for the debrief after the end. */
  debriefMinutes: number;
  phaseSeconds: PhaseSeconds;
}

/** Shorter lessons get shorter phases (a diplomacy round of 4 minutes still allows a deal or two). */
export const LESSON_PRESETS: readonly LessonPreset[] = [
  {
    id: 'lesson-45',
    minutes: 45,
    debriefMinutes: 8,
    phaseSeconds: { briefing: 180, diplomacy: 240, policy: 150 },
  },
  {
    id: 'lesson-50',
    minutes: 50,
    debriefMinutes: 8,
    phaseSeconds: { briefing: 180, diplomacy: 270, policy: 150 },
  },
  {
    id: 'lesson-90',
    minutes: 90,
    debriefMinutes: 12,
    phaseSeconds: { briefing: 300, diplomacy: 420, policy: 210 },
  },
];

export interface Era {
  startYear: number;
  endYear: number;
}

export interface LessonPlan {
  phaseSeconds: PhaseSeconds;
  /** The last year played (the era's own end, or earlier). */
  endYear: number;
  years: number;
  /** The longest the play can take, in seconds; null when a phase has no limit (0). */
  playSeconds: number | null;
  /** Play and debrief, in seconds; null when a phase has no limit. */
  lessonSeconds: number | null;
}

/** The years of an era, first and last included. */
export function eraYears(era: Era): number {
  return era.endYear - era.startYear + 1;
}

/** The longest a match of `years` years takes under these limits, in seconds; null when a phase has no limit. */
export function estimateSeconds(phaseSeconds: PhaseSeconds, years: number): number | null {
  const { briefing, diplomacy, policy } = phaseSeconds;
  if (briefing <= 0 || diplomacy <= 0 || policy <= 0) return null;
  return briefing + years * (diplomacy + policy);
}

/** The plan of a preset for an era: as many of the era's first years as fit before the debrief (at least one). */
export function presetPlan(preset: LessonPreset, era: Era): LessonPlan {
  const { briefing, diplomacy, policy } = preset.phaseSeconds;
  const playBudget = (preset.minutes - preset.debriefMinutes) * 60 - briefing;
  const years = Math.max(1, Math.min(eraYears(era), Math.floor(playBudget / (diplomacy + policy))));
  return customPlan(preset.phaseSeconds, era, era.startYear + years - 1, preset.debriefMinutes);
}

/** The plan of limits and an end year the teacher chose (the end year is kept within the era). */
export function customPlan(
  phaseSeconds: PhaseSeconds,
  era: Era,
  endYear: number,
  debriefMinutes = 0,
): LessonPlan {
  const last = Math.min(era.endYear, Math.max(era.startYear, Math.round(endYear)));
  const years = last - era.startYear + 1;
  const playSeconds = estimateSeconds(phaseSeconds, years);
  return {
    phaseSeconds: { ...phaseSeconds },
    endYear: last,
    years,
    playSeconds,
    lessonSeconds: playSeconds === null ? null : playSeconds + debriefMinutes * 60,
  };
}

/** Minutes, rounded up: a lesson estimate should not promise less than it takes. */
export function minutesOf(seconds: number): number {
  return Math.ceil(seconds / 60);
}
