/**
 * A scenario that validated but cannot run on its world, found when a run is set up (all demand
 * weights 0, a surge in an unknown area, ...). Bad input, not a bug: hosts report it with its JSON
 * path (the command line exits 2).
 */
export class ScenarioError extends Error {
  constructor(
    /** JSON path in the scenario, e.g. `demand.surges[0].area`. */
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'ScenarioError';
  }
}
