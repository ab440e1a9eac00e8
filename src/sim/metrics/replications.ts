/**
 * Several replications into one Results: every number is the mean across replications, and each
 * object gets `ci95` with the 95% confidence half-width (Student t, n - 1 degrees of freedom) of
 * its numeric fields. A figure that is null in some replications (nothing to measure there) is
 * averaged over the others. `meta` is summed or listed instead (see ResultsMeta).
 */
import type { Results } from '../../shared/results';
import { fmix32 } from '../random/rng';
import { meanCi95 } from './stats';

/**
 * The seed of replication `r` (0-based) of a scenario seeded `seed`: replication 0 uses the seed
 * itself (so one replication equals a plain run), the others a hash of (seed, r).
 */
export function replicationSeed(seed: number, r: number): number {
  if (r === 0) return seed;
  const lo = fmix32((seed >>> 0) ^ Math.imul(r, 0x9e3779b1));
  const hi = ((Math.floor(seed / 4294967296) ^ r) >>> 0) & 0x1fffff;
  return hi * 4294967296 + lo;
}

type Json = number | string | boolean | null | Json[] | { [key: string]: Json };

function isNumberLike(v: unknown): v is number | null {
  return typeof v === 'number' || v === null;
}

function combine(values: readonly Json[]): Json {
  const present = values.filter((v) => v !== undefined);
  const first = present[0];
  if (first === undefined) return null;
  if (present.every(isNumberLike) && present.some((v) => typeof v === 'number')) {
    const nums = present.filter((v): v is number => typeof v === 'number');
    return meanCi95(nums).mean;
  }
  if (Array.isArray(first)) {
    const length = Math.max(...present.map((v) => (Array.isArray(v) ? v.length : 0)));
    return Array.from({ length }, (_, i) => combine(present.map((v) => (v as Json[])[i]!).filter((x) => x !== undefined)));
  }
  if (first !== null && typeof first === 'object') {
    const keys = [...new Set(present.flatMap((v) => Object.keys(v as object)))].filter((k) => k !== 'ci95');
    const out: { [key: string]: Json } = {};
    const ci: { [key: string]: Json } = {};
    for (const k of keys) {
      const column = present.map((v) => (v as { [key: string]: Json })[k]!).filter((x) => x !== undefined);
      if (!column.every(isNumberLike)) {
        out[k] = combine(column);
        continue;
      }
      // A numeric field: its mean and half-width from one pass (null when never measured).
      const nums = column.filter((v): v is number => typeof v === 'number');
      const stats = nums.length > 0 ? meanCi95(nums) : null;
      out[k] = stats ? stats.mean : null;
      if (column.length === present.length) ci[k] = stats && nums.length >= 2 ? stats.half : null;
    }
    if (present.length >= 2 && Object.keys(ci).length > 0) out['ci95'] = ci;
    return out;
  }
  return first;
}

/** Means and 95% half-widths of replications of one scenario (in replication order). */
export function combineReplications(runs: readonly Results[]): Results {
  if (runs.length === 0) throw new Error('combineReplications: no replications');
  if (runs.length === 1) return runs[0]!;
  const hash = runs[0]!.meta.scenarioHash;
  const other = runs.find((r) => r.meta.scenarioHash !== hash);
  if (other) throw new Error(`combineReplications: replications of different scenarios (${hash} and ${other.meta.scenarioHash})`);
  const body = combine(runs.map((r) => ({ ...r, meta: null }) as unknown as Json)) as unknown as Omit<Results, 'meta'>;
  const sum = (f: (r: Results) => number) => runs.reduce((a, r) => a + f(r), 0);
  const access = runs.map((r) => r.meta.accessLegTimePct).filter((x): x is number => x !== null);
  return {
    ...body,
    meta: {
      ...runs[0]!.meta,
      replications: sum((r) => r.meta.replications),
      events: sum((r) => r.meta.events),
      wallMs: sum((r) => r.meta.wallMs),
      unresolved: sum((r) => r.meta.unresolved),
      accessLegTimePct: access.length > 0 ? access.reduce((a, b) => a + b, 0) / access.length : null,
      seeds: runs.flatMap((r) => r.meta.seeds),
    },
  };
}
