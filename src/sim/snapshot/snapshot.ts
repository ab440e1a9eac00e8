/**
 * Warm-up snapshots: a Simulation's whole state saved at an instant (the end of the warm-up, for
 * live sessions) and restored into a fresh Simulation of the same scenario, seed and world, which
 * then runs on exactly as the saved one would have (same results and incident log byte for byte).
 *
 * Format "response-sim-snapshot" version SNAPSHOT_FORMAT: one text, a JSON header line (format,
 * version, SIM_VERSION, scenario hash, seed, days, incident log kept, simulated time, events, the
 * body's length and hash), a newline, then the body: the JSON node table of graph.ts. A snapshot
 * of another scenario, seed, days or SIM_VERSION, of another format version, or damaged (cut short,
 * hash off, unreadable) is refused with a SnapshotError saying which.
 */
import { scenarioHash } from '../../shared/scenario/canonical';
import type { Scenario } from '../../shared/scenario';
import { Simulation } from '../model/simulation';
import { ArrivalProcess } from '../demand/arrivals';
import { hashString } from '../random/rng';
import { SIM_VERSION } from '../version';
import type { SimWorld } from '../world';
import { saveGraph, type Node } from './graph';
import { restoreGraph, type TripMaker } from './restore-graph';
import { deferredTrip, recordForSnapshot, recorderOf } from './record';

export const SNAPSHOT_FORMAT_NAME = 'response-sim-snapshot';
export const SNAPSHOT_FORMAT = 2;

/** What was saved: a Simulation alone, or a live session (its Simulation, rolling KPIs, inject streams, dispatch explainer). */
export type SnapshotKind = 'run' | 'live';

export interface SnapshotHeader {
  readonly format: typeof SNAPSHOT_FORMAT_NAME;
  readonly version: number;
  readonly kind: SnapshotKind;
  readonly simVersion: string;
  readonly scenarioHash: string;
  readonly seed: number;
  readonly days: number;
  readonly incidentLog: boolean;
  /** Simulated seconds at the save (0: the end of the warm-up). */
  readonly tS: number;
  readonly events: number;
  readonly bodyLength: number;
  readonly bodyHash: number;
}

/** A snapshot refused: for another run, of another version, or damaged. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** Simulation fields that only depend on the scenario and the world (the fresh one has them), and the warm-up's collector (never read). */
const SIM_SKIP = new Set(['scenario', 'world', 'travel', 'observer', 'explain', 'cells', 'samplers', 'gradeRules', 'shifts', 'poolsForLine', 'areaBcu', 'carryOverAfterS', 'warmCollector', 'tallies']);
const ARRIVALS_SKIP = new Set(['profile']);

export interface SnapshotOptions {
  /** As the Simulation was made with (SimulationOptions): checked against the snapshot. */
  seed?: number;
  days?: number;
  incidentLog?: boolean;
}

/** A fresh Simulation that can be saved later (recordForSnapshot before its first event). */
export function snapshotableSimulation(scenario: Scenario, world: SimWorld, options: SnapshotOptions = {}): Simulation {
  const sim = new Simulation(scenario, world, options);
  recordForSnapshot(sim);
  return sim;
}

/** The state of `sim` now, as snapshot text. `sim` must have been made by snapshotableSimulation (or recordForSnapshot). */
export function saveSimulation(sim: Simulation): string {
  return saveState(sim, 'run', {});
}

/** `sim` and the objects beside it (`extraRoots`, restored by restoreNodes onto the same names) as snapshot text. */
export function saveState(sim: Simulation, kind: SnapshotKind, extraRoots: Record<string, object>): string {
  const recorder = recorderOf(sim);
  if (!recorder) throw new Error('saveSimulation: the simulation was not made to be saved (recordForSnapshot before its first event)');
  if (sim.lines.some((l) => l.trace)) throw new Error('saveSimulation: a replay of recorded calls cannot be saved');
  const root = { sim, ...extraRoots };
  const nodes = saveGraph(root, {
    recorder,
    forbidden: new Set<object>([sim.world, recorder.real, sim.travel, sim.scenario]),
    skip: (o) => (o === sim ? SIM_SKIP : o instanceof ArrivalProcess ? ARRIVALS_SKIP : undefined),
  });
  const body = JSON.stringify(nodes);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT_NAME,
    version: SNAPSHOT_FORMAT,
    kind,
    simVersion: SIM_VERSION,
    scenarioHash: scenarioHash(sim.scenario),
    seed: sim.seed,
    days: sim.days,
    incidentLog: sim.log !== null,
    tS: sim.now,
    events: sim.events,
    bodyLength: body.length,
    bodyHash: hashString(body),
  };
  return `${JSON.stringify(header)}\n${body}`;
}

/** The header of snapshot text, checked for format and damage (not for which run it belongs to). */
export function readSnapshotHeader(text: string): SnapshotHeader {
  if (typeof text !== 'string') throw new SnapshotError('not a snapshot: expected text');
  const nl = text.indexOf('\n');
  if (nl < 0) throw new SnapshotError('not a snapshot (or cut short): no header line');
  let header: SnapshotHeader;
  try {
    header = JSON.parse(text.slice(0, nl)) as SnapshotHeader;
  } catch {
    throw new SnapshotError('not a snapshot: its header is not JSON');
  }
  if (header?.format !== SNAPSHOT_FORMAT_NAME) throw new SnapshotError(`not a snapshot: format "${String(header?.format)}", expected "${SNAPSHOT_FORMAT_NAME}"`);
  if (header.version !== SNAPSHOT_FORMAT) throw new SnapshotError(`snapshot format version ${header.version}; this build reads version ${SNAPSHOT_FORMAT}`);
  if (header.simVersion !== SIM_VERSION) throw new SnapshotError(`snapshot of simulator version ${header.simVersion}; this is ${SIM_VERSION}`);
  const bodyLength = text.length - nl - 1;
  if (bodyLength !== header.bodyLength) throw new SnapshotError(`snapshot damaged: its body has ${bodyLength} characters, the header says ${header.bodyLength} (cut short?)`);
  return header;
}

/** Why `header` does not belong to this run, or null when it does. */
export function snapshotMismatch(header: SnapshotHeader, scenario: Scenario, options: SnapshotOptions = {}): string | null {
  if (header.scenarioHash !== scenarioHash(scenario)) return `snapshot of another scenario (hash ${header.scenarioHash.slice(0, 12)}, this one ${scenarioHash(scenario).slice(0, 12)})`;
  const seed = options.seed ?? scenario.seed;
  if (header.seed !== seed) return `snapshot of seed ${header.seed}; this run's seed is ${seed}`;
  const days = options.days ?? scenario.days;
  if (header.days !== days) return `snapshot of a ${header.days}-day run; this run has ${days} days`;
  const log = options.incidentLog !== false;
  if (header.incidentLog !== log) return `snapshot ${header.incidentLog ? 'with' : 'without'} an incident log; this run ${log ? 'keeps' : 'keeps none'}`;
  return null;
}

/**
 * A Simulation of `scenario` on `world` in the state `text` saved, ready to step on (and to be
 * saved again). Throws SnapshotError when the snapshot is for another run, version or is damaged.
 */
export function restoreSimulation(text: string, scenario: Scenario, world: SimWorld, options: SnapshotOptions = {}): Simulation {
  const nodes = snapshotNodes(text, 'run', scenario, options);
  const sim = snapshotableSimulation(scenario, world, options);
  restoreNodes(nodes, sim, {});
  return sim;
}

/** The key of the run a snapshot is for: equal keys, interchangeable snapshots (SIM_VERSION, scenario hash, seed, days, log kept). */
export function snapshotKey(scenario: Scenario, options: SnapshotOptions = {}): string {
  return `${SIM_VERSION}:${scenarioHash(scenario)}:${options.seed ?? scenario.seed}:${options.days ?? scenario.days}:${options.incidentLog !== false}`;
}

/** The key (as snapshotKey) of the run the snapshot `text` is for, or null when it is no snapshot. */
export function keyOfSnapshot(text: string): string | null {
  try {
    const h = readSnapshotHeader(text);
    return `${h.simVersion}:${h.scenarioHash}:${h.seed}:${h.days}:${h.incidentLog}`;
  } catch {
    return null;
  }
}

/** The checked node table of `text`, a snapshot of kind `kind` for this run (SnapshotError otherwise). */
export function snapshotNodes(text: string, kind: SnapshotKind, scenario: Scenario, options: SnapshotOptions = {}): Node[] {
  const ready = prepared;
  prepared = null;
  const header = readSnapshotHeader(text);
  if (header.kind !== kind) throw new SnapshotError(`a snapshot of a ${header.kind === 'live' ? 'live session' : 'batch run'}, not of a ${kind === 'live' ? 'live session' : 'batch run'}`);
  const mismatch = snapshotMismatch(header, scenario, options);
  if (mismatch) throw new SnapshotError(mismatch);
  if (ready !== null && ready.text === text) return ready.nodes;
  return bodyNodes(text, header);
}

/** Text checked and parsed ahead (prepareSnapshot), for the next snapshotNodes of that same text only. */
let prepared: { readonly text: string; readonly nodes: Node[] } | null = null;

/**
 * Checks and parses snapshot `text` now, for the restore that will ask for it next (its node table
 * is used once: a restore takes arrays and objects from it): a host calls this while it waits for
 * something else (the browser's live worker, as the road graph arrives), so the restore does not.
 * A damaged text is left for that restore to refuse.
 */
export function prepareSnapshot(text: string): void {
  prepared = null;
  try {
    prepared = { text, nodes: bodyNodes(text, readSnapshotHeader(text)) };
  } catch {
    // refused again, with the reason, by the restore
  }
}

/** The node table of `text`'s body, checked against `header`'s hash. */
function bodyNodes(text: string, header: SnapshotHeader): Node[] {
  const body = text.slice(text.indexOf('\n') + 1);
  if (hashString(body) !== header.bodyHash) throw new SnapshotError('snapshot damaged: its body does not match its hash');
  let nodes: Node[];
  try {
    nodes = JSON.parse(body) as Node[];
  } catch {
    throw new SnapshotError('snapshot damaged: its body is not JSON');
  }
  if (!Array.isArray(nodes) || nodes.length === 0) throw new SnapshotError('snapshot damaged: no state in its body');
  return nodes;
}

/**
 * How a restore makes `sim`'s saved trips again: on roads, deferred until first used (record.ts
 * DeferredTrip: most saved trips are over, and each is a route search); straight-line trips are
 * cheap and asked at once (dispatch reads their places without a call, straight-line.ts placeAtInto).
 */
function tripMaker(sim: Simulation): TripMaker {
  const travel = sim.travel;
  const recorder = recorderOf(sim);
  if (travel.mode !== 'road' || !recorder) return (origin, dest, departS, blueLight) => travel.trip(origin(), dest, departS, blueLight);
  return (origin, dest, departS, blueLight, durationS) =>
    deferredTrip(
      recorder,
      {
        get origin() {
          return origin();
        },
        dest,
        departS,
        blueLight,
      },
      durationS,
    );
}

/**
 * Writes `nodes` (root: { sim, ...extraRoots }) onto `sim` and the extra roots; returns the root,
 * with what else was saved beside them (restored as made anew).
 */
export function restoreNodes(nodes: readonly Node[], sim: Simulation, extraRoots: Record<string, object>): Record<string, unknown> {
  const root: Record<string, unknown> = { sim, ...extraRoots };
  try {
    restoreGraph(nodes, root, tripMaker(sim));
    return root;
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(error instanceof Error ? error.message : String(error));
  }
}
