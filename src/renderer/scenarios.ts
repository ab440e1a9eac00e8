/** Scenarios built into the app (assets/scenarios): our own files, no third-party data. */
import london from '../../assets/scenarios/london-baseline.json';
import small from '../../assets/scenarios/small.json';

export interface BuiltinScenario {
  readonly id: string;
  readonly label: string;
  readonly scenario: Record<string, unknown>;
}

export const SMALL_SCENARIO: BuiltinScenario = { id: 'small', label: small.name, scenario: small };
/** The scenario the app starts with. */
export const LONDON_BASELINE: BuiltinScenario = { id: 'london-baseline', label: london.name, scenario: london };
