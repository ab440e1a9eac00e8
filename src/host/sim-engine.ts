/**
 * The real engine for the sim-worker loop: the scenario parser (src/shared/scenario), the world
 * builder (src/world) with the host's data provider, and the simulator (src/sim). Both the Node
 * worker thread and the Web Worker use this one wiring.
 */
import { parseScenario, type Scenario } from '../shared/scenario';
import { CancelledError, SIM_VERSION, ScenarioError, Simulation, combineReplications, createLiveSession, replicationSeed } from '../sim';
import { buildResults } from '../sim/metrics/results';
import type { SimWorld } from '../sim/world';
import { WorldError, buildWorld, type DataProvider } from '../world';
import type { SimEngine } from './engine';
import { HistogramCounter } from './histogram';

/** Events between progress reports and cancellation checks (as src/sim/run.ts). */
const CHUNK = 4096;

export function createSimEngine(data: DataProvider): SimEngine<Scenario, SimWorld> {
  return {
    version: SIM_VERSION,
    parseScenario,
    buildWorld: (scenario) => buildWorld(scenario, data),
    runScenario(scenario, world, options) {
      // runScenario of src/sim, plus an observer counting response times for the histograms.
      const started = Date.now();
      const sim = new Simulation(scenario, world, {
        seed: replicationSeed(options.seed ?? scenario.seed, options.replication),
        ...(options.days === undefined ? {} : { days: options.days }),
        // Batch runs answer with results only unless asked: a year's incident log is hundreds of MB.
        incidentLog: options.incidentLog === true,
      });
      const counter = new HistogramCounter([scenario.grades.I.targetS, scenario.grades.S.targetS]);
      sim.observer = counter;
      const span = sim.endS - sim.t0;
      for (;;) {
        if (options.isCancelled()) throw new CancelledError();
        let n = 0;
        while (n < CHUNK && sim.step()) n++;
        if (sim.finished) break;
        options.onProgress(Math.min(1, Math.max(0, (sim.now - sim.t0) / span)));
      }
      options.onProgress(1);
      const results = buildResults(sim, { wallMs: Date.now() - started });
      return { results, histograms: counter.histograms(), ...(sim.log ? { incidents: sim.log.columns() } : {}) };
    },
    isCancellation: (error) => error instanceof CancelledError,
    scenarioIssues: (error) =>
      error instanceof WorldError ? error.issues : error instanceof ScenarioError ? [{ path: error.path, message: error.detail }] : null,
    combineReplications: (results) => combineReplications(results),
    openLive: (scenario, world, options) => createLiveSession(scenario, world, options),
  };
}
