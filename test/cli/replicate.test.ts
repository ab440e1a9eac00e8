/**
 * Replications on the worker pool give what they give in this process: the same combined results
 * byte for byte (apart from wall time) and the same incident log of replication 0, which crosses
 * the thread boundary as columns.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicate } from '../../src/cli/replicate';
import type { Results } from '../../src/shared/results';
import { parseScenario } from '../../src/shared/scenario';
import { IncidentLog } from '../../src/sim';
import { CHECKS } from './run-cli';

const silent = { update: () => {}, done: () => {} };
const withoutWall = (r: Results) => JSON.stringify({ ...r, meta: { ...r.meta, wallMs: 0 } });

describe('replicate', () => {
  it('gives identical results and incident log on two worker threads and in this process', async () => {
    const parsed = parseScenario(JSON.parse(readFileSync(path.join(CHECKS, 'mmc-dispatch.json'), 'utf8')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const scenario = parsed.scenario;
    const options = { replications: 3, days: 1, keepLog: true, progress: silent, file: 'mmc-dispatch.json' };

    const here = await replicate(scenario, { ...options, workers: 0 });
    const pooled = await replicate(scenario, { ...options, workers: 2 });

    expect(withoutWall(pooled.combined), 'combined results').toBe(withoutWall(here.combined));
    expect(pooled.runs.map(withoutWall), 'each replication').toEqual(here.runs.map(withoutWall));
    expect(pooled.log, 'incident log of replication 0').not.toBeNull();
    expect(pooled.log!.length).toBe(here.log!.length);
    expect(pooled.log!.length, 'calls in the log').toBeGreaterThan(100);
    expect([...pooled.log!.records()]).toEqual([...here.log!.records()]);

    const columns = here.log!.columns();
    const { travelS: _dropped, ...f64 } = columns.f64;
    expect(() => IncidentLog.fromColumns({ ...columns, f64: f64 as typeof columns.f64 })).toThrow(/'travelS' missing/);
  });
});
