/**
 * The London data step: a full build from the source data into a fresh cache, and the check that
 * finds a current build (what every first use pays once the cache exists).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Report } from './run';
import { ensureBuiltinDataReport } from '../src/node/data/builtin';
import { CACHE_ENV } from '../src/node/data/paths';

export default async function (report: Report): Promise<void> {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'london-bench-'));
  try {
    const env = { ...process.env, [CACHE_ENV]: cache };
    let t = performance.now();
    ensureBuiltinDataReport({ env });
    report('london-data build', (performance.now() - t) / 1000, 's');
    const runs = 20;
    t = performance.now();
    for (let i = 0; i < runs; i++) ensureBuiltinDataReport({ env });
    report('london-data cached check', (performance.now() - t) / runs, 'ms');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
