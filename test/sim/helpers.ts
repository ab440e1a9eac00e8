/** Shared helpers of the simulator tests. */
import type { Scenario, ScenarioInput } from '../../src/shared/scenario';
import { buildWorld, noBuiltInData } from '../../src/world';
import type { SimWorld } from '../../src/sim/world';
import { parsed } from './fixtures/small';

/** Parses `input` (must be valid) and builds its world from inline data. */
export async function prepare(input: ScenarioInput): Promise<{ scenario: Scenario; world: SimWorld }> {
  const scenario = parsed(input);
  return { scenario, world: await buildWorld(scenario, noBuiltInData) };
}

/** Results JSON without the wall time, for byte comparisons. */
export function stable(results: unknown): string {
  return JSON.stringify(results, (k, v: unknown) => (k === 'wallMs' ? 0 : v));
}
