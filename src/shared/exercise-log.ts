/**
 * The exercise log (docs/MODEL-ADDITIONS.md "Exercise log"): what happened in a live session that
 * the trainer, the script or the room made happen, in time order. Every live session keeps one; it
 * is compact (the random run itself is not in it: the same scenario and seed repeat it), so a
 * session can be replayed from it for review (`scriptFromLog`) and exported (./exercise-export.ts).
 * Types only, and the conversion back to a script.
 */
import { EXERCISE_SCHEMA_VERSION, type Exercise, type ExerciseItem } from './exercise';

export type ExerciseLogKind =
  | 'inject'
  | 'message'
  | 'pause'
  | 'unit-fault'
  | 'unit-back'
  | 'call-taker-absence'
  | 'call-takers-back'
  | 'demand-surge'
  | 'surge-end'
  | 'assign'
  | 'arrived'
  | 'refused';

export interface ExerciseLogEntry {
  /** simulation seconds */
  readonly tS: number;
  readonly kind: ExerciseLogKind;
  /** who made it happen: the script, the trainer at the controls, or the simulation (a unit arriving) */
  readonly by: 'script' | 'trainer' | 'simulation';
  readonly incident?: number;
  readonly unit?: string;
  readonly grade?: 'I' | 'S' | 'E' | 'R';
  readonly lon?: number;
  readonly lat?: number;
  /** the message, the incident's type and description, or why it was refused */
  readonly text?: string;
  /** assign: turnout + travel, seconds */
  readonly etaS?: number;
  /** arrived: call to first unit at scene, seconds, and the grade's target */
  readonly responseS?: number;
  readonly targetS?: number;
  /** assign: the incident a diverted unit left; unit-fault: the incident it was taken off */
  readonly left?: number;
  /** the script item (or the trainer's action as one) that did it, to write it back as a script */
  readonly item?: ExerciseItem;
}

/** What a frame carries about the exercise (LiveWorkerFrame.exercise). */
export interface ExerciseStatus {
  /** the exercise's name; null for a session without a script */
  readonly name: string | null;
  /** time of the next scripted inject, null when none is left */
  readonly nextInjectS: number | null;
  /** a scripted pause was reached at this time (the host pauses playback) */
  readonly pausedAtS: number | null;
  /** log entries since the frame before */
  readonly entries: readonly ExerciseLogEntry[];
}

export interface ScriptHeader {
  readonly name: string;
  readonly scenario: string;
  readonly seed?: number;
  readonly startS?: number;
  readonly description?: string;
}

/**
 * An exercise script from a log: every scripted item and every trainer action (injects as places,
 * assignments, pauses) at the time it happened. Played on the same scenario and seed it repeats
 * the session. `pauses: false` leaves the pauses out (a review plays through).
 */
export function scriptFromLog(log: readonly ExerciseLogEntry[], header: ScriptHeader, options: { pauses?: boolean } = {}): Exercise {
  const timeline: ExerciseItem[] = [];
  for (const e of log) {
    if (!e.item) continue;
    if (e.item.kind === 'pause' && options.pauses === false) continue;
    timeline.push({ ...e.item, atS: e.tS });
  }
  return {
    kind: 'exercise',
    schemaVersion: EXERCISE_SCHEMA_VERSION,
    name: header.name,
    ...(header.description === undefined ? {} : { description: header.description }),
    scenario: header.scenario,
    ...(header.seed === undefined ? {} : { seed: header.seed }),
    ...(header.startS === undefined ? {} : { startS: header.startS }),
    timeline,
  };
}
