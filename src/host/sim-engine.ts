/**
 * The real engine for the sim-worker loop: the scenario parser (src/shared/scenario), the world
 * builder (src/world) with the host's data provider, and the simulator (src/sim). Both the Node
 * worker thread and the Web Worker use this one wiring.
 */
import { parseScenario, type Scenario } from '../shared/scenario';
import { CancelledError, SIM_VERSION, combineReplications, replicationSeed, runScenario } from '../sim';
import type { SimWorld } from '../sim/world';
import { WorldError, buildWorld, type DataProvider } from '../world';
import type { SimEngine } from './engine';

export function createSimEngine(data: DataProvider): SimEngine<Scenario, SimWorld> {
  return {
    version: SIM_VERSION,
    parseScenario,
    buildWorld: (scenario) => buildWorld(scenario, data),
    runScenario(scenario, world, options) {
      const run = runScenario(scenario, world, {
        seed: replicationSeed(options.seed ?? scenario.seed, options.replication),
        ...(options.days === undefined ? {} : { days: options.days }),
        onProgress: options.onProgress,
        isCancelled: options.isCancelled,
        // Batch runs answer with results only; the incident log would be hundreds of MB for a year.
        incidentLog: false,
        clock: () => Date.now(),
      });
      return { results: run.results };
    },
    isCancellation: (error) => error instanceof CancelledError,
    scenarioIssues: (error) => (error instanceof WorldError ? error.issues : null),
    combineReplications: (results) => combineReplications(results),
  };
}
