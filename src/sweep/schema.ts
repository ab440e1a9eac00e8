/**
 * The sweep file's schema (docs/MODEL-ADDITIONS.md "Sweeps"): a base scenario, the variables with
 * their values, the horizon and the replications. Every combination of the variables' values runs
 * with the same seeds (common random numbers). Shapes and defaults only; whether a variable fits
 * the base scenario (a BCU that exists, a shift it has) is checked in ./variables.ts.
 */
import { z } from 'zod';
import { above, lat, lon, show, text, whole } from '../shared/scenario/primitives';
import { LIMITS } from '../shared/scenario/limits';

/** The schemaVersion of sweep files this code reads and writes. */
export const SWEEP_SCHEMA_VERSION = 1;
/** The most combinations one sweep may have (each runs `replications` times). */
export const MAX_COMBINATIONS = 10_000;

const range = z
  .strictObject({ from: z.number(), to: z.number(), step: above(0) })
  .refine((r) => r.to >= r.from, { error: 'expected "to" >= "from"', path: ['to'] })
  .refine((r) => (r.to - r.from) / r.step <= MAX_COMBINATIONS, { error: `expected at most ${MAX_COMBINATIONS} values`, path: ['step'] });

/** A variable's values: a list, or a range from..to by step (both ends included when on the step). */
const valuesOf = <T extends z.ZodType>(value: T) => ({
  values: z.array(value).min(1, { error: 'expected at least one value' }).optional(),
  range: range.optional(),
});

const shift = text().optional();

const counts = valuesOf(whole(0));
const variable = z.discriminatedUnion(
  'vary',
  [
    /** Units of one base on one shift (every shift when `shift` is left out). */
    z.strictObject({ vary: z.literal('base-units'), base: text(), shift, ...counts }),
    /** Units of one BCU on one shift, shared over its bases in proportion to what they have. */
    z.strictObject({ vary: z.literal('bcu-units'), bcu: text(), shift, ...counts }),
    /** Call takers of one pool on one shift. */
    z.strictObject({ vary: z.literal('call-takers'), pool: text(), shift, ...counts }),
    /** Demand level: every stream's calls per day times the value. */
    z.strictObject({ vary: z.literal('demand'), ...valuesOf(above(0)) }),
    /** A base's position. */
    z.strictObject({
      vary: z.literal('base-position'),
      base: text(),
      values: z.array(z.strictObject({ lon, lat })).min(1, { error: 'expected at least one position' }),
    }),
    /** Any scenario field by its path as errors show it, e.g. `grades.I.targetS` or `fleet[0].count`. */
    z.strictObject({ vary: z.literal('field'), path: text(), values: z.array(z.unknown()).min(1, { error: 'expected at least one value' }) }),
  ],
  {
    error: (iss) =>
      `expected a variable {"vary": "base-units" | "bcu-units" | "call-takers" | "demand" | "base-position" | "field", ...}, got ${show(
        (iss.input as { vary?: unknown } | undefined)?.vary ?? iss.input,
      )}`,
  },
);

export const sweepSchema = z.strictObject({
  schemaVersion: z.literal(SWEEP_SCHEMA_VERSION, { error: (iss) => `expected ${SWEEP_SCHEMA_VERSION}, got ${show(iss.input)}` }),
  name: text().optional(),
  description: z.string().optional(),
  /** The base scenario: a path relative to the sweep file, or a built-in name ("london"). */
  base: text(),
  /** Counted days of every run; default the base scenario's. */
  days: above(0).refine((d) => d <= LIMITS.days, { error: `expected at most ${LIMITS.days} days` }).optional(),
  replications: whole(1).refine((r) => r <= LIMITS.replications, { error: `expected at most ${LIMITS.replications}` }).default(5),
  /** Base seed of every combination; default the base scenario's. */
  seed: whole(0).refine((s) => s <= Number.MAX_SAFE_INTEGER).optional(),
  variables: z.array(variable).min(1, { error: 'expected at least one variable' }).max(16, { error: 'expected at most 16 variables' }),
});

export type SweepFile = z.output<typeof sweepSchema>;
export type SweepVariable = SweepFile['variables'][number];

/** Whether a parsed JSON object is meant as a sweep file rather than a scenario (it has `variables`). */
export function looksLikeSweep(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'variables' in raw;
}

/** The values a variable takes, in order. */
export function variableValues(v: SweepVariable): unknown[] {
  if ('range' in v && v.range) {
    const out: number[] = [];
    // Counted in steps from `from` so that rounding never adds or drops an end.
    const n = Math.floor((v.range.to - v.range.from) / v.range.step + 1e-9);
    for (let i = 0; i <= n; i++) out.push(Number((v.range.from + i * v.range.step).toPrecision(12)));
    return out;
  }
  return v.values ?? [];
}

/** Issues across fields the schema cannot say: exactly one of `values` and `range`, whole counts in ranges. */
export function sweepCrossIssues(s: SweepFile): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  s.variables.forEach((v, i) => {
    if (v.vary === 'base-position' || v.vary === 'field') return;
    const hasValues = v.values !== undefined;
    const hasRange = v.range !== undefined;
    if (hasValues === hasRange) out.push({ path: ['variables', i], message: 'expected exactly one of "values" and "range"' });
    if (hasRange && v.vary !== 'demand' && !variableValues(v).every((x) => Number.isInteger(x) && (x as number) >= 0)) {
      out.push({ path: ['variables', i, 'range'], message: 'expected whole numbers >= 0 (from, to and step of a count)' });
    }
  });
  return out;
}
