/**
 * The London baseline (assets/scenarios/london-baseline.json) as the benches' child processes run
 * it: with the travel mode and the number of days they are asked for.
 */
import { loadScenarioFile } from '../src/node/scenario/load';
import { parseScenario, type Scenario } from '../src/shared/scenario';

export async function londonBaseline(mode: 'straight-line' | 'road', days: number): Promise<Scenario> {
  const raw = (await loadScenarioFile('london')) as unknown as { travel: Record<string, unknown>; days?: number };
  raw.travel = { ...raw.travel, mode };
  raw.days = days;
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`the London baseline (${mode}) is invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed.scenario;
}
