/**
 * Small zod building blocks of the scenario schema, each with an error message in the words of
 * MODEL.md: "expected a whole number >= 0, got -2". Every check of a block carries the same
 * message so that whichever check fails, the user reads what the field wants.
 */
import { z } from 'zod';
import { LIMITS } from './limits';

/** A value as shown in an error message: JSON for plain values, a word for the rest. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.length > 6 ? `an array of ${value.length} items` : JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const says = (what: string) => ({ error: (iss: { input?: unknown }) => `expected ${what}, got ${show(iss.input)}` });

/** A whole number >= `min` (counts: staff, units, seeds). */
export function whole(min = 0) {
  const m = says(`a whole number >= ${min}`);
  return z.number(m).int(m).min(min, m);
}

/** A finite number >= `min` (durations, weights). */
export function atLeast(min: number) {
  const m = says(`a number >= ${min}`);
  return z.number(m).min(min, m).refine(Number.isFinite, m);
}

/** A finite number > `min` (means, speeds, factors). */
export function above(min: number) {
  const m = says(`a number > ${min}`);
  return z.number(m).gt(min, m).refine(Number.isFinite, m);
}

/** A relative weight from 0 to LIMITS.weight (demand points, areas): larger ones overflow their sums. */
export function weight() {
  const m = says(`a weight from 0 to ${LIMITS.weight.toExponential()}`);
  return z.number(m).min(0, m).max(LIMITS.weight, m);
}

/** A share in [0, 1] (grade mix, probabilities). */
export function share() {
  const m = says('a number from 0 to 1');
  return z.number(m).min(0, m).max(1, m);
}

/** A non-empty string (ids, names). */
export function text() {
  const m = says('a non-empty string');
  return z.string(m).min(1, m);
}

/** Longitude in degrees, WGS84. */
export const lon = z.number(says('a longitude from -180 to 180')).min(-180, says('a longitude from -180 to 180')).max(180, says('a longitude from -180 to 180'));
/** Latitude in degrees, WGS84. */
export const lat = z.number(says('a latitude from -90 to 90')).min(-90, says('a latitude from -90 to 90')).max(90, says('a latitude from -90 to 90'));

/** `"HH:MM"`, a time of day (shift starts). */
export const timeOfDay = z
  .string(says('a time of day "HH:MM"'))
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('a time of day "HH:MM" (00:00 to 23:59)'));

/** Days in `month` (1-12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `"YYYY-MM-DDTHH:MM:SS"`, a London local date and time (scenario start); the date must exist. */
export const localDateTime = z
  .string(says('a local date and time "YYYY-MM-DDTHH:MM:SS"'))
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, says('a local date and time "YYYY-MM-DDTHH:MM:SS"'))
  .refine((t) => Number(t.slice(8, 10)) <= daysInMonth(Number(t.slice(0, 4)), Number(t.slice(5, 7))), {
    error: (iss) => `expected a date that exists, got ${show(iss.input)} (${monthOf(String(iss.input))})`,
  });

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "February 2023 has 28 days" for "2023-02-30T...". */
function monthOf(t: string): string {
  const [year, month] = [Number(t.slice(0, 4)), Number(t.slice(5, 7))];
  return `${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
}

/** Exactly `n` numbers > 0, e.g. 24 hour-of-day multipliers. */
export function factors(n: number, what: string) {
  const m = says(`${n} ${what} (numbers > 0)`);
  return z.array(above(0), m).length(n, m);
}

/** The call lines of MODEL.md. */
export const LINES = ['999', '101'] as const;
export type Line = (typeof LINES)[number];
export const line = z.enum(LINES, says('a line "999" or "101"'));

/** The Met grades of MODEL.md, in dispatch priority order. */
export const GRADES = ['I', 'S', 'E', 'R'] as const;
export type Grade = (typeof GRADES)[number];
export const grade = z.enum(GRADES, says('a grade "I", "S", "E" or "R"'));

/** Seconds from 0 to LIMITS.durationS (a distribution's value, min, max). */
function seconds() {
  const m = says(`a number of seconds from 0 to ${LIMITS.durationS.toExponential()}`);
  return z.number(m).min(0, m).max(LIMITS.durationS, m);
}

/** Seconds above 0, at most LIMITS.durationS (a distribution's mean). */
function positiveSeconds() {
  const m = says(`a number of seconds > 0 and at most ${LIMITS.durationS.toExponential()}`);
  return z.number(m).gt(0, m).max(LIMITS.durationS, m);
}

/**
 * A coefficient of variation from LIMITS.cvMin to LIMITS.cv: beyond these the samplers' numbers
 * leave the doubles (cv^2 overflows, a gamma shape of 1/cv^2 is infinite) and event times are NaN.
 */
function cv() {
  const m = says(`a coefficient of variation from ${LIMITS.cvMin} to ${LIMITS.cv}`);
  return z.number(m).min(LIMITS.cvMin, m).max(LIMITS.cv, m);
}

/**
 * A probability distribution of a duration in seconds (MODEL.md "Distributions"). Every variant
 * describes non-negative values; parameters are bounded (LIMITS.durationS, LIMITS.cv) so that
 * every sample is a finite number of seconds.
 */
export const distribution = z.discriminatedUnion(
  'dist',
  [
    z.strictObject({ dist: z.literal('fixed'), value: seconds() }),
    z.strictObject({ dist: z.literal('exponential'), mean: positiveSeconds() }),
    z.strictObject({ dist: z.literal('lognormal'), mean: positiveSeconds(), cv: cv() }),
    z.strictObject({ dist: z.literal('gamma'), mean: positiveSeconds(), cv: cv() }),
    z.strictObject({ dist: z.literal('uniform'), min: seconds(), max: seconds() }).refine((d) => d.max >= d.min, {
      message: 'expected max >= min',
      path: ['max'],
    }),
    z.strictObject({
      dist: z.literal('empirical'),
      values: z.array(seconds(), says('a non-empty array of numbers >= 0')).min(1, says('a non-empty array of numbers >= 0')),
    }),
  ],
  {
    error: (iss) =>
      `expected a distribution {"dist": "fixed" | "exponential" | "lognormal" | "gamma" | "uniform" | "empirical", ...}, got ${show(
        (iss.input as { dist?: unknown } | undefined)?.dist ?? iss.input,
      )}`,
  },
);
export type Distribution = z.output<typeof distribution>;
