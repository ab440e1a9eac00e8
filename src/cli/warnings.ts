/** Warnings of a scenario on its built world, as the command line prints them (docs/MODEL-ADDITIONS.md "Warnings"). */
import { scenarioWarnings, type Scenario, type ScenarioWarning } from '../shared/scenario';
import type { SimWorld } from '../sim/world';
import { worldBounds } from '../world';

export function warningsFor(scenario: Scenario, world: SimWorld): ScenarioWarning[] {
  return scenarioWarnings(scenario, worldBounds(world));
}

/** `file: path: warning (code): message`, one line each. */
export function warningLines(warnings: readonly ScenarioWarning[], file: string): string[] {
  return warnings.map((w) => `${file}: ${w.path || '(file)'}: warning (${w.code}): ${w.message}`);
}
