/**
 * The golden run: the small test scenario with its own seed, to results JSON without wall time.
 * Used in-process by the tests and as the body of a worker_threads worker (see worker.ts).
 */
import { runScenario } from '../../src/sim';
import { buildWorld, noBuiltInData } from '../../src/world';
import { parsed, smallInput } from '../sim/fixtures/small';

export async function goldenResultsJson(): Promise<string> {
  const scenario = parsed(smallInput());
  const world = await buildWorld(scenario, noBuiltInData);
  const { results } = runScenario(scenario, world);
  return JSON.stringify({ ...results, meta: { ...results.meta, wallMs: 0 } });
}
