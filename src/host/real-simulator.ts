/**
 * The real `Simulator` (./simulator.ts): the scenario parser (src/shared/scenario), the world
 * builder (src/world) with the host's data provider, and the simulator (src/sim). The Node worker
 * thread, the Web Worker and the command line's in-process runner all use this one wiring.
 */
import { parseScenario, type Scenario } from '../shared/scenario';
import { CancelledError, SIM_VERSION, ScenarioError, createExerciseSession, replicationSeed, runScenario } from '../sim';
import { parseExercise, type Exercise } from '../shared/exercise';
import type { SimWorld } from '../sim/world';
import type { TraceCall } from '../sim/demand/trace';
import { WorldError, buildWorld, worldSpec, type DataProvider, type WorldSpec } from '../world';
import { HistogramCounter } from './histogram';
import type { SnappedPoint } from '../shared/protocol';
import { RoadTravelModel } from '../sim/travel/road';
import { pointOnEdge } from '../sim/travel/road-trip';
import type { Simulator } from './simulator';
import { keyOfSnapshot, snapshotKey } from '../sim/snapshot/snapshot';
import { saveExerciseSession, type ExerciseSession } from '../sim/live/script';

/** The road positions of `points` on the world's roads (src/world's snapping), or null on straight-line travel. */
export function snapPoints(world: SimWorld, points: readonly { readonly lon: number; readonly lat: number }[]): SnappedPoint[] | null {
  const travel = world.travel;
  if (!(travel instanceof RoadTravelModel)) return null;
  return points.map((p) => {
    const place = travel.place(p.lon, p.lat);
    if (place.edge < 0) return { lon: p.lon, lat: p.lat, distanceM: 0 };
    const on = pointOnEdge(travel.graph, place.edge, place.offsetM);
    return { lon: on.lon, lat: on.lat, distanceM: place.accessM };
  });
}

/** @param trace replay these recorded calls instead of random arrivals in every run (`run --replay`); a run's own `trace` option comes first */
export function realSimulator(data: DataProvider, clock: () => number = Date.now, trace?: readonly TraceCall[]): Simulator<Scenario, SimWorld, WorldSpec> {
  return {
    version: SIM_VERSION,
    parseScenario,
    worldSpec,
    buildWorld: (spec) => buildWorld(spec, data),
    runReplication(scenario, world, options) {
      // The observer counts response times for the key figures' histograms as the run goes.
      const counter = new HistogramCounter([scenario.grades.I.targetS, scenario.grades.S.targetS]);
      const run = runScenario(scenario, world, {
        seed: replicationSeed(options.seed ?? scenario.seed, options.replication),
        ...(options.days === undefined ? {} : { days: options.days }),
        // Results only unless asked: a year's incident log is hundreds of MB.
        incidentLog: options.incidentLog === true,
        // A kept log says why dispatch did what it did (its `reason` column); results are the same.
        explain: options.incidentLog === true,
        observer: counter,
        clock,
        isCancelled: options.isCancelled,
        onProgress: options.onProgress,
        // The request's own log first (the app), else the one this simulator was made with (the command line).
        ...(options.trace ? { trace: options.trace } : trace ? { trace } : {}),
      });
      return { results: run.results, histograms: counter.histograms(), ...(run.incidents ? { incidents: run.incidents.columns() } : {}) };
    },
    isCancellation: (error) => error instanceof CancelledError,
    scenarioIssues: (error) =>
      error instanceof WorldError ? error.issues : error instanceof ScenarioError ? [{ path: error.path, message: error.detail }] : null,
    openLive: (scenario, world, options) => {
      let exercise: Exercise | undefined;
      if (options.exercise !== undefined) {
        const parsed = parseExercise(options.exercise);
        if (!parsed.ok) throw new ScenarioError(`exercise.${parsed.errors[0]!.path}`, parsed.errors.map((e) => `${e.path || '(exercise)'}: ${e.message}`).join('; '));
        exercise = parsed.exercise;
      }
      return createExerciseSession(scenario, world, {
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.days === undefined ? {} : { days: options.days }),
        ...(options.startS === undefined ? {} : { startS: options.startS }),
        ...(exercise ? { exercise } : {}),
        ...(options.snapshot === undefined ? {} : { snapshot: options.snapshot }),
      });
    },
    liveKey: (scenario, options) => snapshotKey(scenario, options),
    snapshotKey: (text) => keyOfSnapshot(text),
    saveLive: (handle) => saveExerciseSession(handle as ExerciseSession),
    snapToRoads: (world, points) => snapPoints(world, points),
  };
}
