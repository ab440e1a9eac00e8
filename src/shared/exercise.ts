/**
 * Exercise scripts (docs/MODEL-ADDITIONS.md "Exercise scripts"): a trainer's prepared exercise, a
 * file of its own (`kind: "exercise"`, `schemaVersion`) that names a scenario and a timeline of
 * what happens when: injected incidents, messages, pauses, unit faults, call-taker absence, demand
 * surges and recorded assignments. Validated like scenarios, every problem at its JSON path.
 * Times are simulation seconds since the scenario's start (negative: the warm-up), as in live mode.
 *
 * Shapes only; whether a unit, an area or a place exists in the scenario's world is checked when
 * the exercise is run (src/sim/live/script.ts `checkExercise`).
 */
import { z } from 'zod';
import { fromZodIssues, type ScenarioIssue } from './scenario/issues';
import { lat, lon, show, text } from './scenario/primitives';

/** The schemaVersion of exercise files this code reads and writes. */
export const EXERCISE_SCHEMA_VERSION = 1;
/** Timeline items one exercise may hold. */
export const MAX_EXERCISE_ITEMS = 10_000;
/** Latest time an item may have: a year after the start. */
export const MAX_EXERCISE_S = 366 * 86400;

const says = (what: string) => ({ error: (iss: { input?: unknown }) => `expected ${what}, got ${show(iss.input)}` });
const time = z.number(says('seconds since the scenario start')).min(-MAX_EXERCISE_S, says(`seconds from -${MAX_EXERCISE_S}`)).max(MAX_EXERCISE_S, says(`seconds up to ${MAX_EXERCISE_S}`));
const duration = z.number(says('a duration in seconds > 0')).positive(says('a duration in seconds > 0')).max(MAX_EXERCISE_S, says(`at most ${MAX_EXERCISE_S} seconds`));
const count = (max: number) => z.number(says(`a whole number from 1 to ${max}`)).int(says(`a whole number from 1 to ${max}`)).min(1, says(`a whole number from 1 to ${max}`)).max(max, says(`a whole number from 1 to ${max}`));
const label = (max: number) => z.string(says('text')).max(max, { error: `expected at most ${max} characters` });
const grade = z.enum(['I', 'S', 'E'], says("a grade 'I', 'S' or 'E'"));
/** Set on items recorded from the trainer's own actions ("Save exercise"); the log says who did what. */
const by = z.literal('trainer', says('"trainer" or nothing')).optional();

/** Where something happens: a place, or anywhere in an area (a borough or other area of the scenario, by id or name) or a BCU. */
const where = {
  place: z.strictObject({ lon, lat }).optional(),
  area: text().optional(),
  bcu: text().optional(),
};

const item = z.discriminatedUnion(
  'kind',
  [
    /** An incident now (no call handling: it waits for a unit at once). */
    z.strictObject({
      atS: time,
      kind: z.literal('inject'),
      ...where,
      grade,
      /** e.g. 'burglary in progress' */
      type: label(80).optional(),
      description: label(1000).optional(),
      /** units it needs (default: its grade's unitsRequired) */
      unitsRequired: count(20).optional(),
      by,
    }),
    /** A message shown to the room. */
    z.strictObject({ atS: time, kind: z.literal('message'), text: label(1000).min(1, { error: 'expected a message' }) }),
    /** The session pauses here (the trainer plays on); `text` is shown. */
    z.strictObject({ atS: time, kind: z.literal('pause'), text: label(1000).optional(), by }),
    /** A unit breaks down or is called away: off the board for `durationS` (taken off its incident if it has one). */
    z.strictObject({ atS: time, kind: z.literal('unit-fault'), unit: text(), durationS: duration, reason: label(200).optional() }),
    /** Call takers away: `count` fewer on duty (in `pool`, or the first pool) for `durationS`. */
    z.strictObject({ atS: time, kind: z.literal('call-taker-absence'), pool: text().optional(), count: count(10_000), durationS: duration }),
    /** Extra calls: `callsPerHour` more calls on `line` (default 999), anywhere or in an area, for `durationS`. */
    z.strictObject({
      atS: time,
      kind: z.literal('demand-surge'),
      ...where,
      line: z.enum(['999', '101'], says("a line '999' or '101'")).optional(),
      callsPerHour: z.number(says('calls per hour > 0')).positive(says('calls per hour > 0')).max(100_000, says('at most 100000 calls per hour')),
      durationS: duration,
    }),
    /** A dispatcher's assignment as recorded: incident ids are the recorded run's (the same when replayed with the same scenario and seed). */
    z.strictObject({ atS: time, kind: z.literal('assign'), incident: z.number(says('an incident id')).int(says('an incident id')).min(0, says('an incident id')), unit: text(), by }),
  ],
  {
    error: (iss) =>
      `expected an item {"kind": "inject" | "message" | "pause" | "unit-fault" | "call-taker-absence" | "demand-surge" | "assign", "atS": ...}, got ${show(
        (iss.input as { kind?: unknown } | undefined)?.kind ?? iss.input,
      )}`,
  },
);

export const exerciseSchema = z.strictObject({
  kind: z.literal('exercise', says('"exercise"')),
  schemaVersion: z.literal(EXERCISE_SCHEMA_VERSION, says(String(EXERCISE_SCHEMA_VERSION))),
  name: text(),
  description: label(4000).optional(),
  /** The scenario it is written for: a built-in name ('london', 'small') or a file, relative to the exercise file. */
  scenario: text(),
  /** Seed of the session (default: the scenario's). */
  seed: z.number(says('a whole number >= 0')).int(says('a whole number >= 0')).min(0, says('a whole number >= 0')).max(2 ** 32 - 1, says('a seed below 2^32')).optional(),
  /** Where the session starts playing: it runs flat out to here when opened (default: the first instant). */
  startS: time.optional(),
  timeline: z.array(item).max(MAX_EXERCISE_ITEMS, { error: `expected at most ${MAX_EXERCISE_ITEMS} items` }),
});

export type Exercise = z.output<typeof exerciseSchema>;
export type ExerciseItem = Exercise['timeline'][number];
export type ExerciseItemKind = ExerciseItem['kind'];

/** The item's place fields: exactly one of place, area, bcu for an inject; at most one for a surge. */
function whereIssues(items: readonly ExerciseItem[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  items.forEach((it, i) => {
    if (it.kind !== 'inject' && it.kind !== 'demand-surge') return;
    const given = (['place', 'area', 'bcu'] as const).filter((k) => it[k] !== undefined);
    if (given.length > 1) out.push({ path: `timeline[${i}].${given[1]}`, message: `expected one of place, area or bcu, got ${given.join(' and ')}` });
    else if (given.length === 0 && it.kind === 'inject') out.push({ path: `timeline[${i}]`, message: 'expected a place {lon, lat}, an area or a bcu' });
  });
  return out;
}

export type ExerciseParse = { readonly ok: true; readonly exercise: Exercise } | { readonly ok: false; readonly errors: readonly ScenarioIssue[] };

/** Validates a parsed exercise file; every problem at its JSON path. */
export function parseExercise(raw: unknown): ExerciseParse {
  const r = exerciseSchema.safeParse(raw, { reportInput: true });
  if (!r.success) return { ok: false, errors: fromZodIssues(r.error.issues) };
  const errors = whereIssues(r.data.timeline);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, exercise: r.data };
}

/** Whether a parsed JSON value claims to be an exercise (its `kind`). */
export function looksLikeExercise(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && (raw as { kind?: unknown }).kind === 'exercise';
}

/** The timeline in the order it happens (by time; equal times keep the file's order). */
export function timelineInOrder(ex: Exercise): ExerciseItem[] {
  return ex.timeline.map((it, i) => ({ it, i })).sort((a, b) => a.it.atS - b.it.atS || a.i - b.i).map((x) => x.it);
}

/** The exercise file's text: canonical two-space JSON with a final newline. */
export function exerciseText(ex: Exercise): string {
  return JSON.stringify(ex, null, 2) + '\n';
}
