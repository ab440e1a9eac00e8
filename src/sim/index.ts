/**
 * The simulator's public face: batch runs, replications, live sessions, and the types hosts need.
 * Pure TypeScript: no Node, no DOM, no wall clock, no Math.random (see docs/DESIGN.md).
 */
export { SIM_VERSION } from './version';
export { TraceArrivals, type TraceCall } from './demand/trace';
export { createExerciseSession, checkExercise, checkExerciseOn, type ExerciseSession, type ExerciseOptions } from './live/script';
export { ScenarioError } from './errors';
export { runScenario, checkRunnable, CancelledError, type RunOptions, type SimRun } from './run';
export { combineReplications, replicationSeed } from './metrics/replications';
export { IncidentLog, type IncidentLogColumns, type IncidentRecord } from './model/incident-log';
export { Simulation, DRAIN_LIMIT_S, type SimulationOptions, type SimObserver } from './model/simulation';
export { StraightLineTravel, type StraightLineOptions } from './travel/straight-line';
export { greatCircleM } from './geo';
export { startOffsetS, hourOfDay } from './time';
export { sampler, meanOf } from './random/distributions';
export { streamRng, Rng } from './random/rng';
export { studentTQuantile, meanCi95 } from './metrics/stats';
export { KEY_FIGURES, AREA_FIGURES, compareFigures, compareAreas, pairedDifference, meanInterval, verdictOf, shouldContinue } from './metrics/paired';
export type { Verdict, FigureUnit, MeanInterval, PairedDifference, KeyFigure, FigureComparison, AreaComparison, StoppingRule, StoppingDecision } from './metrics/paired';
export type { SimWorld, TravelModel, Place, Trip, Ranked, AreaSet, DemandPoints } from './world';
export {
  createLiveSession,
  type LiveSession,
  type LiveOptions,
  type InjectSpec,
  type StepReport,
  type LiveSnapshot,
  type UnitView,
  type IncidentView,
  type TripView,
  type KpiWindow,
  type AssignOutcome,
  type Candidate,
} from './live/session';
