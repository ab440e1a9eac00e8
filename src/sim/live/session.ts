/**
 * Live sessions (for the map and for trainers): the same Simulation as a batch run, driven by
 * its host a little at a time. The host advances simulated time (at 1x, 60x or flat out: the pace
 * is the host's), reads compact snapshots, injects incidents and overrides the dispatcher.
 *
 * With nothing injected or assigned, a session run to the end gives the same Results as
 * runScenario with the same seed: both are one Simulation stepping through the same events.
 */
import { GRADES, LINES, type Grade, type Line, type Scenario } from '../../shared/scenario';
import type { Results } from '../../shared/results';
import { buildResults } from '../metrics/results';
import { createCall, injectIncident, offer } from '../model/call-flow';
import { EVENT_KINDS } from '../model/event-kinds';
import type { IncidentLog } from '../model/incident-log';
import type { Simulation } from '../model/simulation';
import { restoreNodes, saveState, snapshotableSimulation, snapshotNodes } from '../snapshot/snapshot';
import { streamRng } from '../random/rng';
import type { SimWorld } from '../world';
import { setUnitsRequired } from './effects';
import { assignUnit, rankCandidates, type AssignOutcome, type Candidate } from './override';
import { RollingKpis } from './kpis';
import { takeSnapshot, unitPlacesNow, unitPlacesOf, type LiveSnapshot, type LiveSnapshotOptions, type UnitPlaces } from './snapshot';
import { DispatchExplainer } from '../dispatch/explain';
import type { DispatchExplanation } from '../../shared/live';
import { outsideModelledArea } from './inject-area';
import { standDown, type StandDownOutcome } from './stand-down';

export type { LiveSnapshot, UnitView, IncidentView, TripView } from './snapshot';
export type { KpiWindow } from './kpis';
export type { AssignOutcome, Candidate } from './override';
export type { StandDownOutcome } from './stand-down';

/** An inject refused: the place is outside the modelled area (src/sim/live/inject-area.ts). */
export type InjectOutcome = { ok: true; incident: number } | { ok: false; reason: 'OUTSIDE_AREA'; message: string };

/** What one step did. Times in simulation seconds. */
export interface StepReport {
  tS: number;
  /** Event name: 'arrival', 'handling-end', 'unit-at-scene', 'dispatch', ... */
  event: string;
  /** Call/incident id the event is about, or null. */
  incident: number | null;
  /** Unit id the event is about, or null. */
  unit: string | null;
}

export interface InjectSpec {
  lon: number;
  lat: number;
  grade: Grade;
  /** Given: the incident starts as a call on this line (queued, answered, handled). Left out: it is pending at once. */
  line?: Line;
  /** Units the incident needs (default: its grade's unitsRequired; an exercise script may say). */
  unitsRequired?: number;
}

export interface LiveSession {
  /** Simulated time now (seconds since scenario start; negative during the warm-up). */
  readonly now: number;
  /** First simulated instant (-warmup). */
  readonly startS: number;
  /** End of the counted period. */
  readonly endS: number;
  /** True once the run is over (after the end, every counted incident reached). */
  readonly finished: boolean;
  /** Runs every event up to `tS` and moves the clock there. Returns the number of events run. */
  advanceTo(tS: number): number;
  advanceBy(dS: number): number;
  /** Runs the next event (skipping stale ones); null when the run is over. */
  step(): StepReport | null;
  snapshot(options?: LiveSnapshotOptions): LiveSnapshot;
  /** An incident at a place now; returns its id. Throws for a place or grade that cannot be, or outside the modelled area. */
  inject(spec: InjectSpec): number;
  /** As inject, but a place outside the modelled area is refused as a value, with the reason. */
  tryInject(spec: InjectSpec): InjectOutcome;
  /** Trainer: `unitId` leaves its incident, which no longer needs it, and goes back to base. */
  standDown(unitId: string): StandDownOutcome;
  /** The decision record of live incident `incidentId`, with why it waits now; null when it is not live. */
  explain(incidentId: number): DispatchExplanation | null;
  /** Dispatcher override: send `unitId` to `incidentId` now (diverting it if busy). */
  assign(incidentId: number, unitId: string): AssignOutcome;
  /** Every on-duty unit ranked for `incidentId`, with ETAs and why. */
  candidates(incidentId: number): Candidate[];
  /** Results so far. */
  results(): Results;
  /** The incident log so far. */
  readonly incidents: IncidentLog | null;
}

/** Exercise scripts reach the model through this (src/sim/live/script.ts). */
export function modelOf(session: LiveSession): Simulation {
  if (!(session instanceof Session)) throw new Error('modelOf: not a live session of this simulator');
  return session.model;
}

export interface LiveOptions {
  seed?: number;
  days?: number;
  /**
   * A snapshot of a session of the same scenario, seed and days (saveLiveSession; e.g. at the end
   * of its warm-up): the session opens in that state instead of at the start of its warm-up.
   * Throws SnapshotError (src/sim/snapshot) for one of another run, version, or damaged.
   */
  snapshot?: string;
}

class Session implements LiveSession {
  private readonly sim: Simulation;
  private readonly kpis: RollingKpis;
  private readonly injectStreams;
  private readonly explainer: DispatchExplainer;
  /** Every unit's place as saved in the snapshot restored, until the first snapshot (src/sim/live/snapshot.ts UnitPlaces). */
  private firstPlaces: UnitPlaces | null = null;

  constructor(scenario: Scenario, world: SimWorld, options: LiveOptions) {
    // Made to be saved (saveLiveSession): its trips' questions are noted (src/sim/snapshot/record.ts).
    this.sim = snapshotableSimulation(scenario, world, { seed: options.seed, days: options.days });
    const sim = this.sim;
    this.kpis = new RollingKpis(
      (l) => sim.lines[l]!.answerTargetS,
      (g) => scenario.grades[GRADES[g]!].targetS,
      sim.offsetS,
    );
    sim.observer = this.kpis;
    this.explainer = new DispatchExplainer(sim, true);
    sim.explain = this.explainer;
    const rng = (purpose: string) => streamRng(sim.seed, `injected:${purpose}`);
    this.injectStreams = {
      location: rng('location'),
      grade: rng('grade'),
      handling: rng('handling'),
      patience: rng('patience'),
      decision: rng('decision'),
      onScene: rng('onScene'),
      turnout: rng('turnout'),
      arrest: rng('arrest'),
      custody: rng('custody'),
    };
    if (options.snapshot !== undefined) {
      const nodes = snapshotNodes(options.snapshot, 'live', scenario, { seed: options.seed, days: options.days });
      this.firstPlaces = unitPlacesOf(restoreNodes(nodes, sim, this.savedBeside()).places, sim);
    }
  }

  /** What a snapshot holds beside the Simulation (restored onto the same names). */
  savedBeside(): Record<string, object> {
    return { kpis: this.kpis, injectStreams: this.injectStreams, explainer: this.explainer };
  }

  /** The session's whole state now, as snapshot text (src/sim/snapshot); with every unit's place now, for the first frame of a session restored from it. */
  save(): string {
    return saveState(this.sim, 'live', { ...this.savedBeside(), places: unitPlacesNow(this.sim) });
  }

  get now(): number {
    return this.sim.now;
  }
  get startS(): number {
    return this.sim.t0;
  }
  get endS(): number {
    return this.sim.endS;
  }
  get finished(): boolean {
    return this.sim.finished;
  }
  get incidents(): IncidentLog | null {
    return this.sim.log;
  }

  advanceTo(tS: number): number {
    if (!Number.isFinite(tS)) throw new Error(`advanceTo: time must be finite, got ${tS}`);
    const before = this.sim.events;
    this.sim.runUntil(tS);
    return this.sim.events - before;
  }

  advanceBy(dS: number): number {
    if (!(dS >= 0)) throw new Error(`advanceBy: expected seconds >= 0, got ${dS}`);
    return this.advanceTo(this.sim.now + dS);
  }

  step(): StepReport | null {
    const sim = this.sim;
    while (sim.step()) {
      const { kind, a, live, incident } = sim.last;
      if (!live) continue;
      const k = EVENT_KINDS[kind]!;
      return {
        tS: sim.now,
        event: k.name,
        incident: nonNegative(incident),
        unit: k.subject === 'unit' ? sim.fleet.ids[a]! : null,
      };
    }
    return null;
  }

  snapshot(options?: LiveSnapshotOptions): LiveSnapshot {
    // The snapshots after a restore, at the saved instant, that leave trips out: the saved places (the trips of the units on the move are then not asked for).
    const saved = this.firstPlaces;
    const same = saved !== null && saved.tS === this.sim.now && saved.events === this.sim.events;
    if (!same) this.firstPlaces = null;
    const places = same && (options?.trips === false || options?.newTrip !== undefined) ? saved : null;
    return takeSnapshot(this.sim, this.kpis.at(this.sim.now), options, places);
  }

  inject(spec: InjectSpec): number {
    const outcome = this.tryInject(spec);
    if (!outcome.ok) throw new Error(`inject: ${outcome.message}`);
    return outcome.incident;
  }

  tryInject(spec: InjectSpec): InjectOutcome {
    const sim = this.sim;
    if (sim.finished) throw new Error('inject: the session is over');
    this.firstPlaces = null;
    if (!(Math.abs(spec.lon) <= 180 && Math.abs(spec.lat) <= 90)) throw new Error(`inject: bad place ${spec.lon}, ${spec.lat}`);
    const grade = GRADES.indexOf(spec.grade);
    if (grade < 0) throw new Error(`inject: unknown grade "${spec.grade}"`);
    const lineIndex = spec.line === undefined ? 0 : LINES.indexOf(spec.line);
    if (lineIndex < 0) throw new Error(`inject: unknown line "${spec.line}"`);
    const outside = outsideModelledArea(sim, spec.lon, spec.lat);
    if (outside !== null) return { ok: false, reason: 'OUTSIDE_AREA', message: outside };
    const area = sim.world.areas?.locate(spec.lon, spec.lat) ?? -1;
    const call = createCall(sim, { lineIndex, lon: spec.lon, lat: spec.lat, area, pointIndex: -1, grade }, true, this.injectStreams);
    if (spec.unitsRequired !== undefined && call.slots > 0) setUnitsRequired(call, spec.unitsRequired);
    if (spec.line === undefined) injectIncident(sim, call);
    else offer(sim, call);
    return { ok: true, incident: call.id };
  }

  assign(incidentId: number, unitId: string): AssignOutcome {
    this.firstPlaces = null;
    return assignUnit(this.sim, incidentId, unitId, this.explainer);
  }

  standDown(unitId: string): StandDownOutcome {
    this.firstPlaces = null;
    return standDown(this.sim, unitId, (id, text) => this.explainer.note(id, text));
  }

  explain(incidentId: number): DispatchExplanation | null {
    return this.explainer.explanation(incidentId);
  }

  candidates(incidentId: number): Candidate[] {
    return rankCandidates(this.sim, incidentId);
  }

  results(): Results {
    return buildResults(this.sim);
  }

  /** The model itself, for exercise scripts (src/sim/live/script.ts): unit faults, call-taker absence, surges. */
  get model(): Simulation {
    return this.sim;
  }
}

function nonNegative(x: number): number | null {
  return x >= 0 ? x : null;
}

/** The whole state of a live session now (e.g. at the end of its warm-up), for LiveOptions.snapshot. */
export function saveLiveSession(session: LiveSession): string {
  if (!(session instanceof Session)) throw new Error('saveLiveSession: not a live session of this simulator');
  return session.save();
}

/** A live session of `scenario` on `world`, at the start of its warm-up (or as `options.snapshot` left it). */
export function createLiveSession(scenario: Scenario, world: SimWorld, options: LiveOptions = {}): LiveSession {
  return new Session(scenario, world, options);
}

