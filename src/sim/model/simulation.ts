/**
 * One replication of a scenario: the state of every call, call taker and unit, advanced one
 * event at a time on a simulated clock that never reads wall time.
 *
 * Time runs from -warmupS (the warm-up, not counted) to the end of the counted days, endS; then
 * arrivals stop and the run goes on until every counted incident has been reached ("drain"), or
 * DRAIN_LIMIT_S has passed. Batch runs and live sessions both drive this class, so they agree.
 *
 * The flows live beside it, one handler per event kind (handlers.ts): call-flow.ts (arrival to
 * incident), unit-jobs.ts (a unit's job), dispatch-pass.ts (choosing units), shift-changes.ts
 * (staffing); they see the state through SimState (state.ts).
 */
import { GRADES, type Scenario } from '../../shared/scenario';
import { SimCore } from '../core/core';
import { primeEventQueue } from '../core/prime';
import { buildDemandCells, type DemandCells } from '../demand/weights';
import { buildEventCalls } from '../demand/event-calls';
import { Collector, primeSamples } from '../metrics/collector';
import { PendingQueue } from '../dispatch/pending';
import { Fleet } from '../fleet/fleet';
import { startOffsetS } from '../time';
import type { Place, SimWorld } from '../world';
import { Breaks } from './breaks';
import { CallPool, type Call } from './call';
import { CallTable, primeCallTable } from './call-table';
import { carryOverAfterS } from './carry-over';
import { CrimeReports } from './crime-report';
import { EV, EVENT_KINDS, SUBJECT_CALL, SUBJECT_CODE, SUBJECT_UNIT } from './event-kinds';
import { HANDLERS } from './handlers';
import { IncidentLog } from './incident-log';
import { buildGradeRules, buildLines, buildPools, buildSamplers, buildShifts, type GradeRules, type LineRuntime, type PoolRuntime, type Samplers, type ShiftRuntime } from './setup';
import { initialise } from './shift-changes';
import type { DispatchHook, SimObserver, SimState } from './state';
import { streamRng, type Rng } from '../random/rng';
import { ScenarioError } from '../errors';
import { TraceArrivals, traceByLine, type TraceCall } from '../demand/trace';

export type { SimObserver } from './state';

const SUBJECT = SUBJECT_CODE;

/** How long after the counted days a run may go on reaching counted incidents. */
export const DRAIN_LIMIT_S = 14 * 86400;

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's days. */
  days?: number;
  /** Keep the incident log (default true). */
  incidentLog?: boolean;
  /** Replay these recorded calls instead of random arrivals (src/sim/demand/trace.ts). */
  trace?: readonly TraceCall[];
}

/**
 * The model of one replication: its state (SimState, which the handlers take) on a SimCore that
 * keeps the clock and the events. step() runs one event; runUntil() runs up to a time.
 */
export class Simulation implements SimState {
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
  /** The clock, the event queue and the handler table. */
  readonly core: SimCore<SimState>;
  /** The event last popped by step(): kind (EV), arguments, whether it was live (not stale), and the call it was about (-1: none). */
  readonly last = { kind: -1, a: 0, b: 0, live: false, incident: -1 };
  finished = false;

  readonly cells: DemandCells;
  readonly lines: LineRuntime[];
  readonly samplers: Samplers;
  readonly gradeRules: GradeRules;
  readonly shifts: ShiftRuntime[];
  readonly pools: PoolRuntime[];
  readonly poolsForLine: number[][];
  readonly waiting: number[][] = [[], []];
  readonly waitingHead = [0, 0];
  readonly fleet: Fleet;
  readonly areaBcu: Int32Array;
  readonly pending = new PendingQueue();
  readonly collector: Collector;
  /** The warm-up's collector (collector.ts): fed as the counted one is, never read. */
  readonly warmCollector: Collector;
  readonly tallies: readonly [Collector, Collector];
  readonly log: IncidentLog | null;
  readonly calls = new CallTable();
  /** Finished calls' objects, used again for new calls (see recycleCalls); null until then. */
  callPool: CallPool | null = null;
  nextCallId = 0;
  openCounted = 0;
  private dispatchScheduled = false;
  readonly stuckEpoch = [-1, -1, -1, -1];
  readonly pointPlaces: (Place | undefined)[];
  /** Draws for injected incidents (never shared with the demand streams). */
  readonly injectRng: Rng;
  observer: SimObserver | null = null;
  explain: DispatchHook | null = null;
  readonly reports: CrimeReports | null;
  readonly breaks: Breaks | null;
  readonly carryOverAfterS: Float64Array | null;

  constructor(scenario: Scenario, world: SimWorld, options: SimulationOptions = {}) {
    // Once per process: the rare paths of the queue, the call table and the samples (results unchanged).
    primeEventQueue();
    primeCallTable();
    primeSamples();
    this.scenario = scenario;
    this.world = world;
    this.travel = world.travel;
    // Filled in any order as calls come: sized up front, so the engine keeps it a plain array (not a dictionary).
    this.pointPlaces = new Array<Place | undefined>(world.points?.lon.length ?? 0).fill(undefined);
    this.seed = options.seed ?? scenario.seed;
    this.days = options.days ?? scenario.days;
    if (!(this.days > 0)) throw new ScenarioError('days', `expected a number > 0, got ${this.days}`);
    this.offsetS = startOffsetS(scenario.start);
    this.t0 = -scenario.warmupHours * 3600;
    this.endS = this.days * 86400;
    this.core = new SimCore<SimState>(EVENT_KINDS, HANDLERS, this.t0);

    this.cells = buildDemandCells(scenario, world, ['999', '101']);
    const lines = buildLines(scenario, this.seed, this.cells, this.offsetS, this.endS, options.trace ? [] : buildEventCalls(scenario, world, this.cells, ['999', '101']));
    const trace = options.trace ? traceByLine(options.trace, lines.length) : null;
    this.lines = trace ? lines.map((l, i) => withTrace(l, new TraceArrivals(trace[i]!, this.t0, this.endS))) : lines;
    this.samplers = buildSamplers(scenario);
    this.gradeRules = buildGradeRules(scenario);
    this.shifts = buildShifts(scenario);
    this.pools = buildPools(scenario, this.shifts);
    this.poolsForLine = [0, 1].map((l) => this.pools.flatMap((p, i) => (p.lines.includes(l) ? [i] : [])));
    this.fleet = new Fleet(scenario, world);
    const areas = world.areas;
    this.areaBcu = areas ? Int32Array.from(areas.bcus, (b) => (b === null ? -1 : this.fleet.bcuIds.indexOf(b))) : new Int32Array(0);
    this.collector = new Collector(2, areas?.ids.length ?? 0, this.fleet.n, this.endS);
    this.warmCollector = new Collector(2, areas?.ids.length ?? 0, this.fleet.n, 0, this.t0);
    this.tallies = [this.warmCollector, this.collector];
    this.log = options.incidentLog === false ? null : new IncidentLog(1024, { areas: areas?.ids ?? [], units: this.fleet.ids });
    this.injectRng = streamRng(this.seed, 'injected');
    this.reports = CrimeReports.build(scenario, this.seed);
    this.breaks = Breaks.build(scenario, this.fleet, this.seed);
    this.carryOverAfterS = carryOverAfterS(scenario);

    initialise(this);
    for (const line of this.lines) this.scheduleArrival(line, this.t0);
  }

  /**
   * From now on, a finished call's object is used again for a later call (call.ts CallPool): for
   * batch runs, where nothing reads a call after it is over (an observer reads the call it is
   * given during the callback only). Live sessions do not, as their trainer actions may.
   */
  recycleCalls(): void {
    this.callPool ??= new CallPool();
  }

  /** Simulated seconds now. */
  get now(): number {
    return this.core.now;
  }

  /** Events handled. */
  get events(): number {
    return this.core.events;
  }

  call(id: number): Call | undefined {
    return this.calls.get(id);
  }

  schedule(timeS: number, kind: number, a = 0, b = 0): void {
    this.core.schedule(timeS, kind, a, b);
  }

  scheduleArrival(line: LineRuntime, afterS: number): void {
    const t = line.arrivals.next(afterS);
    if (t < this.endS) this.core.schedule(t, EV.ARRIVAL, line.index, 0);
  }

  requestDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    // At most one pass is ever pending (dispatchScheduled): it goes beside the heap, in the same order.
    this.core.scheduleSide(this.core.now, EV.DISPATCH, 0, 0);
  }

  dispatchRan(): void {
    this.dispatchScheduled = false;
  }

  setUnitState(u: number, state: number): void {
    const f = this.fleet;
    const old = f.state[u]!;
    const now = this.core.now;
    this.collector.unitInterval(u, old, f.since[u]!, now);
    this.warmCollector.unitInterval(u, old, f.since[u]!, now);
    f.noteState(u, old, state);
    f.state[u] = state;
    f.since[u] = now;
  }

  /** Time of the next event, Infinity when the run is over. */
  nextEventTime(): number {
    return this.finished ? Infinity : this.core.peekTime();
  }

  /** The last time a run may reach. */
  get limitS(): number {
    return this.endS + DRAIN_LIMIT_S;
  }

  /** Handles the next event; false when the run is over. What it was is left in `last`. */
  step(): boolean {
    const core = this.core;
    if (this.finished || this.endsBefore(core.peekTime())) return false;
    core.pop();
    const kind = core.kind;
    const last = this.last;
    last.kind = kind;
    last.a = core.a;
    last.b = core.b;
    // The call an event is about, read before the event changes it (a clearing unit forgets its call).
    const subject = SUBJECT[kind]!;
    last.incident = subject === SUBJECT_UNIT ? this.fleet.incident[core.a]! : subject === SUBJECT_CALL ? core.a : -1;
    last.live = core.handle(this);
    if (kind === EV.ARRIVAL) last.incident = this.nextCallId - 1;
    this.endIfOver();
    return true;
  }

  /**
   * Runs up to `n` events as step() does, but without noting each in `last` (a batch run reads
   * none of it); returns how many ran (fewer than `n` only when the run is over).
   */
  runEvents(n: number): number {
    const core = this.core;
    let k = 0;
    while (k < n && !this.finished && !this.endsBefore(core.peekTime())) {
      core.pop();
      core.handle(this);
      k++;
      this.endIfOver();
    }
    return k;
  }

  /** Ends the run when the next event, at `t`, is not to be handled; whether it did. */
  private endsBefore(t: number): boolean {
    if (t === Infinity) {
      // Nothing left to happen (no shifts, no arrivals left): the run ends at the counted end.
      this.finish(Math.max(this.core.now, this.endS));
      return true;
    }
    if (t > this.limitS) {
      this.finish(this.limitS);
      return true;
    }
    return false;
  }

  /** Ends the run once the counted time is over and no counted call is still open. */
  private endIfOver(): void {
    // Both comparisons made at every event (see collector.ts on code a run has never executed).
    const none = this.openCounted === 0;
    if (this.core.now >= this.endS && none) this.finish(this.core.now);
  }

  /** Runs every event up to and including time `tS`, then sets the clock to `tS` (if not over). */
  runUntil(tS: number): void {
    while (!this.finished && this.core.peekTime() <= tS) this.step();
    if (!this.finished && tS > this.core.now) this.core.now = Math.min(tS, this.limitS);
  }

  private finish(atS: number): void {
    this.finished = true;
    if (atS > this.core.now) this.core.now = atS;
  }

  gradeKey(grade: number): (typeof GRADES)[number] {
    return GRADES[grade]!;
  }
}

function withTrace(line: LineRuntime, trace: TraceArrivals): LineRuntime {
  return { ...line, arrivals: trace, trace, events: null, eventRng: null };
}
