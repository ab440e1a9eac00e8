/**
 * One replication of a scenario: the state of every call, call taker and unit, advanced one
 * event at a time on a simulated clock that never reads wall time.
 *
 * Time runs from -warmupS (the warm-up, not counted) to the end of the counted days, endS; then
 * arrivals stop and the run goes on until every counted incident has been reached ("drain"), or
 * DRAIN_LIMIT_S has passed. Batch runs and live sessions both drive this class, so they agree.
 *
 * The flows live beside it: calls.ts (arrival to incident), units.ts (a unit's job), dispatch
 * (choosing units), shifts.ts (staffing).
 */
import { GRADES, type Scenario } from '../../shared/scenario';
import { buildDemandCells, type DemandCells } from '../demand/weights';
import { Collector } from '../metrics/collector';
import { PendingQueue } from '../dispatch/pending';
import type { DispatchView } from '../dispatch/choose';
import { EventQueue } from '../engine/queue';
import { Fleet } from '../fleet/units';
import { startOffsetS } from '../time';
import type { Place, SimWorld } from '../world';
import type { Call } from './call';
import { EV as EV_IMPORTED, PRIORITY as PRIORITY_IMPORTED } from './events';
import { IncidentLog } from './incident-log';
import { buildLines, buildPools, buildSamplers, buildShifts, type LineRuntime, type PoolRuntime, type Samplers, type ShiftRuntime } from './setup';
import * as calls from './calls';
import * as units from './units';
import * as shifts from './shifts';
import { runDispatch } from './dispatcher';
import { streamRng, type Rng } from '../random/rng';
import { ScenarioError } from '../errors';

// Module-local copies: hot paths read them without going through module bindings.
const EV = EV_IMPORTED;
const PRIORITY = PRIORITY_IMPORTED;

/** How long after the counted days a run may go on reaching counted incidents. */
export const DRAIN_LIMIT_S = 14 * 86400;

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's days. */
  days?: number;
  /** Keep the incident log (default true). */
  incidentLog?: boolean;
}

/** Something that watches a run (live sessions keep rolling KPIs this way). */
export interface SimObserver {
  offered?(call: Call): void;
  answered?(call: Call, waitS: number): void;
  abandoned?(call: Call): void;
  firstArrival?(call: Call, responseS: number): void;
}

export class Simulation implements DispatchView {
  readonly scenario: Scenario;
  readonly world: SimWorld;
  readonly travel: SimWorld['travel'];
  readonly seed: number;
  readonly days: number;
  /** Seconds from Monday 00:00 to time 0. */
  readonly offsetS: number;
  /** First simulated instant (minus the warm-up). */
  readonly t0: number;
  /** End of the counted period. */
  readonly endS: number;
  readonly q = new EventQueue(4096);
  now: number;
  /** Events handled. */
  events = 0;
  /** The event last popped by step(): kind (EV), arguments, and whether it was live (not stale). */
  readonly last = { kind: -1, a: 0, b: 0, live: false, incident: -1 };
  finished = false;

  readonly cells: DemandCells;
  readonly lines: LineRuntime[];
  readonly samplers: Samplers;
  readonly shifts: ShiftRuntime[];
  readonly pools: PoolRuntime[];
  /** Per LINES index: pools serving the line, in scenario order. */
  readonly poolsForLine: number[][];
  /** Per LINES index: waiting call ids in arrival order (abandoned ones skipped lazily). */
  readonly waiting: number[][] = [[], []];
  readonly waitingHead = [0, 0];
  readonly fleet: Fleet;
  readonly areaBcu: Int32Array;
  readonly pending = new PendingQueue();
  readonly collector: Collector;
  readonly log: IncidentLog | null;
  /** Live calls by id; a finished call's entry is deleted. */
  readonly calls = new Map<number, Call>();
  nextCallId = 0;
  /** Counted calls not yet resolved (abandoned, referred, or reached by a unit). */
  openCounted = 0;
  dispatchScheduled = false;
  /**
   * Per grade: the fleet epoch at which the grade's pending incidents last found no unit at all
   * (none free for it, none to divert); -1 when not stuck. See dispatcher.ts.
   */
  readonly stuckEpoch = [-1, -1, -1, -1];
  /** Demand points' snapped places, filled on first use. */
  readonly pointPlaces: (Place | undefined)[] = [];
  /** Draws for injected incidents (never shared with the demand streams). */
  readonly injectRng: Rng;
  observer: SimObserver | null = null;

  constructor(scenario: Scenario, world: SimWorld, options: SimulationOptions = {}) {
    this.scenario = scenario;
    this.world = world;
    this.travel = world.travel;
    this.seed = options.seed ?? scenario.seed;
    this.days = options.days ?? scenario.days;
    if (!(this.days > 0)) throw new ScenarioError('days', `expected a number > 0, got ${this.days}`);
    this.offsetS = startOffsetS(scenario.start);
    this.t0 = -scenario.warmupHours * 3600;
    this.endS = this.days * 86400;
    this.now = this.t0;

    this.cells = buildDemandCells(scenario, world, ['999', '101']);
    this.lines = buildLines(scenario, this.seed, this.cells, this.offsetS, this.endS);
    this.samplers = buildSamplers(scenario);
    this.shifts = buildShifts(scenario);
    this.pools = buildPools(scenario, this.shifts);
    this.poolsForLine = [0, 1].map((l) => this.pools.flatMap((p, i) => (p.lines.includes(l) ? [i] : [])));
    this.fleet = new Fleet(scenario, world);
    const areas = world.areas;
    this.areaBcu = areas ? Int32Array.from(areas.bcus, (b) => (b === null ? -1 : this.fleet.bcuIds.indexOf(b))) : new Int32Array(0);
    this.collector = new Collector(2, areas?.ids.length ?? 0, this.fleet.n, this.endS);
    this.log = options.incidentLog === false ? null : new IncidentLog(1024, { areas: areas?.ids ?? [], units: this.fleet.ids });
    this.injectRng = streamRng(this.seed, 'injected');

    shifts.initialise(this);
    for (const line of this.lines) this.scheduleArrival(line, this.t0);
  }

  call(id: number): Call | undefined {
    return this.calls.get(id);
  }

  schedule(timeS: number, kind: number, a = 0, b = 0): void {
    this.q.push(timeS, PRIORITY[kind]!, kind, a, b);
  }

  scheduleArrival(line: LineRuntime, afterS: number): void {
    const t = line.arrivals.next(afterS);
    if (t < this.endS) this.schedule(t, EV.ARRIVAL, line.index, 0);
  }

  /** Asks for one dispatch pass after everything else at this instant. */
  requestDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    this.schedule(this.now, EV.DISPATCH);
  }

  /** Moves unit `u` to `state`, booking the time spent in the old one. */
  setUnitState(u: number, state: number): void {
    const f = this.fleet;
    const old = f.state[u]!;
    this.collector.unitInterval(u, old, f.since[u]!, this.now);
    f.noteState(u, old, state);
    f.state[u] = state;
    f.since[u] = this.now;
  }

  /** Time of the next event, Infinity when the run is over. */
  nextEventTime(): number {
    return this.finished ? Infinity : this.q.peekTime();
  }

  /** The last time a run may reach. */
  get limitS(): number {
    return this.endS + DRAIN_LIMIT_S;
  }

  /** Handles the next event; false when the run is over. Returns the kind handled via lastKind. */
  step(): boolean {
    if (this.finished) return false;
    const t = this.q.peekTime();
    if (t === Infinity) {
      // Nothing left to happen (no shifts, no arrivals left): the run ends at the counted end.
      this.finish(Math.max(this.now, this.endS));
      return false;
    }
    if (t > this.limitS) {
      this.finish(this.limitS);
      return false;
    }
    const q = this.q;
    q.pop();
    this.now = q.popTime;
    this.events++;
    const last = this.last;
    last.kind = q.popKind;
    last.a = q.popA;
    last.b = q.popB;
    // The call an event is about, read before the event changes it (a clearing unit forgets its call).
    const kind = q.popKind;
    last.incident = kind >= EV.UNIT_AT_BASE && kind <= EV.UNIT_CUSTODY_END ? this.fleet.incident[q.popA]! : kind >= EV.HANDLING_END && kind <= EV.DISPATCHABLE ? q.popA : -1;
    last.live = this.handle(kind, q.popA, q.popB);
    if (kind === EV.ARRIVAL) last.incident = this.nextCallId - 1;
    if (this.now >= this.endS && this.openCounted === 0) this.finish(this.now);
    return true;
  }

  /** Runs every event up to and including time `tS`, then sets the clock to `tS` (if not over). */
  runUntil(tS: number): void {
    while (!this.finished && this.q.peekTime() <= tS) this.step();
    if (!this.finished && tS > this.now) this.now = Math.min(tS, this.limitS);
  }

  private finish(atS: number): void {
    this.finished = true;
    if (atS > this.now) this.now = atS;
  }

  /** Runs one event; false when it was stale (a unit's plans changed since it was scheduled). */
  private handle(kind: number, a: number, b: number): boolean {
    const v = this.fleet.version;
    switch (kind) {
      case EV.ARRIVAL:
        calls.arrival(this, this.lines[a]!);
        break;
      case EV.HANDLING_END:
        calls.handlingEnd(this, a, b);
        break;
      case EV.ABANDON:
        return calls.abandon(this, a);
      case EV.DISPATCHABLE:
        return calls.dispatchable(this, a);
      case EV.DISPATCH:
        this.dispatchScheduled = false;
        runDispatch(this);
        break;
      case EV.UNIT_AT_SCENE:
        if (v[a] !== b) return false;
        units.atScene(this, a);
        break;
      case EV.UNIT_SCENE_END:
        if (v[a] !== b) return false;
        units.sceneEnd(this, a);
        break;
      case EV.UNIT_AT_CUSTODY:
        if (v[a] !== b) return false;
        units.atCustody(this, a);
        break;
      case EV.UNIT_CUSTODY_END:
        if (v[a] !== b) return false;
        units.clear(this, a);
        break;
      case EV.UNIT_AT_BASE:
        if (v[a] !== b) return false;
        units.atBase(this, a);
        break;
      case EV.SHIFT_END:
        shifts.shiftEnd(this, a);
        break;
      case EV.SHIFT_START:
        shifts.shiftStart(this, a);
        break;
      default:
        throw new Error(`unknown event kind ${kind}`);
    }
    return true;
  }

  /** Grade key of a grade index. */
  gradeKey(grade: number): (typeof GRADES)[number] {
    return GRADES[grade]!;
  }
}
