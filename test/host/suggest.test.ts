/**
 * `suggestResourcing` (the app's "Suggest resourcing") on a real pool of sim workers: the exact
 * M/M/c answer on the zero-travel check, progress per simulation, and Cancel ending it as
 * `cancelled`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cancelSuggestion, suggestResourcing } from '../../src/host/suggest';
import { createNodeSimPool } from '../../src/node/pool';
import type { SuggestProgress } from '../../src/shared/protocol';

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'src/node/sim-worker.ts');
const mmc = { ...(JSON.parse(readFileSync(path.join(root, 'assets/scenarios/checks/mmc-dispatch.json'), 'utf8')) as Record<string, unknown>), fleet: [{ station: 'X', count: 2 }] };

describe('suggestResourcing', () => {
  it('finds the smallest M/M/c meeting the target and reports each simulation', async () => {
    const pool = createNodeSimPool({ entry, size: 2 });
    try {
      const progress: SuggestProgress[] = [];
      const outcome = await suggestResourcing(pool, { jobId: 's1', scenario: mmc, targets: [{ key: 'I', pct: 60 }], replications: 4, days: 10 }, (p) => progress.push(p));
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      expect(outcome.scenario.fleet).toEqual([{ station: 'X', count: 5 }]);
      expect(outcome.described).toEqual(['bases in no BCU, round the clock: 2 -> 5 units']);
      expect(outcome.met).toBe(true);
      expect(progress.map((p) => p.evaluations)).toEqual(Array.from({ length: outcome.evaluations }, (_, i) => i + 1));
    } finally {
      pool.close();
    }
  });

  it('ends as cancelled when its job is cancelled, and refuses an invalid scenario', async () => {
    const pool = createNodeSimPool({ entry, size: 2 });
    try {
      // Cancelled between two simulations (after the pilot): the next one must not start.
      const running = suggestResourcing(pool, { jobId: 's2', scenario: mmc, targets: [{ key: 'I', pct: 60 }], replications: 4, days: 10 }, () => cancelSuggestion('s2'));
      expect(await running).toEqual({ ok: false, error: { kind: 'cancelled' } });
      expect(cancelSuggestion('s2'), 'finished: nothing left to cancel').toBe(false);
      // Cancelled while a batch runs.
      const mid = suggestResourcing(pool, { jobId: 's4', scenario: mmc, targets: [{ key: 'I', pct: 60 }], replications: 4, days: 10 });
      // One turn of the event loop: the pilot batch has been sent to the workers and cannot have come back
      // (a fixed 300 ms wait let a quiet machine finish the whole suggestion first).
      await new Promise((r) => setImmediate(r));
      expect(cancelSuggestion('s4')).toBe(true);
      expect(await mid).toEqual({ ok: false, error: { kind: 'cancelled' } });
      const bad = await suggestResourcing(pool, { jobId: 's3', scenario: { ...mmc, days: -1 }, targets: [{ key: 'I', pct: 60 }] });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error).toMatchObject({ kind: 'invalid-scenario', errors: [{ path: 'days' }] });
    } finally {
      pool.close();
    }
  });
});
