/** Runs a check scenario file with replications, as `npm run sim -- run FILE --replications R` does. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenario } from '../../../src/shared/scenario';
import type { Results } from '../../../src/shared/results';
import { combineReplications, replicationSeed, runScenario, studentTQuantile } from '../../../src/sim';
import { buildWorld, noBuiltInData } from '../../../src/world';

export const CHECKS_DIR = path.resolve(__dirname, '../../../assets/scenarios/checks');

export async function replicate(file: string, replications: number): Promise<Results> {
  const r = parseScenario(JSON.parse(readFileSync(path.join(CHECKS_DIR, file), 'utf8')));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  const world = await buildWorld(r.scenario, noBuiltInData);
  const runs = Array.from({ length: replications }, (_, k) =>
    runScenario(r.scenario, world, { seed: replicationSeed(r.scenario.seed, k), incidentLog: false }).results,
  );
  return combineReplications(runs);
}

/**
 * The tolerance for comparing a replication mean with theory: the simulator's own 95% half-width
 * widened to a 99.9% Student t interval, so a correct simulator fails a check about once in a
 * thousand seeds (and this seed is fixed, so a check that passes keeps passing).
 */
export function tolerance(ci95: number | null | undefined, replications: number): number {
  if (ci95 === null || ci95 === undefined) throw new Error('no confidence interval: run at least 2 replications');
  const df = replications - 1;
  return (ci95 * studentTQuantile(0.9995, df)) / studentTQuantile(0.975, df);
}
