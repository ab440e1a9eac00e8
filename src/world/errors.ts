/** Problems found while building a world: scenario references to data that is not there. */
import type { ScenarioIssue } from '../shared/scenario';

/** Bad scenario input found against the data (an unknown area id, a malformed point set). */
export class WorldError extends Error {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(issues.map((i) => `${i.path || '(scenario)'}: ${i.message}`).join('\n'));
    this.name = 'WorldError';
  }
}

/** A built-in data set that this host cannot provide (bad input for the scenario, not a bug). */
export class MissingDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingDataError';
  }
}
