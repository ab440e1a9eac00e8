/**
 * Test doubles for the sim-worker loop and pool: a fake simulator with switches for the unhappy
 * paths, and scriptable fake workers whose replies and crashes the test decides.
 */
import type { LiveHandle, Simulator } from '../../src/host/simulator';
import type { SpawnWorker, Timers, WorkerEvents, WorkerPort } from '../../src/host/pool';
import type { DispatchExplanation, FromWorker, LiveAssignOutcome, LiveStandDownOutcome, LiveCandidateView, LiveSnapshot, SimResults, ToWorker } from '../../src/shared/protocol';

export class FakeCancelled extends Error {}
/** Thrown by buildWorld for `fail: 'area'`: a scenario problem found against the data. */
export class FakeScenarioError extends Error {}

/** Scenario understood by the fake simulator. */
export interface FakeScenario {
  name: string;
  /** progress steps in a run (default 4) */
  steps?: number;
  /** 'throw': the run throws an Error; 'world': building the world fails; 'area': it finds a scenario problem */
  fail?: 'throw' | 'world' | 'area';
  /** step at which the run cancels itself through the host's isCancelled (simulates a cancel arriving mid-run) */
  cancelAtStep?: number;
  /** live session: simulated seconds to its end (default 1000); 'throw' makes advancing throw */
  liveEndS?: number;
  liveFail?: 'throw';
  /** the fake world is built from these (its world spec) */
  areas?: unknown;
  travel?: unknown;
}

/** Trip coords of the fake live unit (one array, as the simulator keeps one per trip). */
const FAKE_TRIP = { departS: 0, coords: [-0.1, 51.5, -0.2, 51.6], timesS: [0, 100] };

/**
 * A fake live session: an event every 10 simulated seconds from -100 (warm-up) to `liveEndS`;
 * unit U1 drives FAKE_TRIP between 0 and 100 s, and is free at its base otherwise. Injected
 * incidents are numbered from 100 and stay pending until U1 or U2 is assigned (U2 is off duty: refused).
 */
export class FakeLive implements LiveHandle {
  now = -100;
  readonly startS = -100;
  constructor(
    readonly endS: number,
    private readonly fail: boolean,
  ) {}
  get finished(): boolean {
    return this.now >= this.endS;
  }
  advanceTo(tS: number): number {
    if (this.fail) throw new Error('fake live failure');
    const to = Math.min(tS, this.endS);
    const events = Math.max(0, Math.floor(to / 10) - Math.floor(this.now / 10));
    this.now = Math.max(this.now, to);
    return events;
  }
  readonly injected: LiveSnapshot['incidents'][number][] = [];
  inject(spec: { lon: number; lat: number; grade: 'I' | 'S' | 'E' }): number {
    if (this.finished) throw new Error('inject: the session is over');
    const id = 100 + this.injected.length;
    this.injected.push({ id, grade: spec.grade, lon: spec.lon, lat: spec.lat, state: 'pending', callS: this.now, units: [], injected: true });
    return id;
  }
  tryInject(spec: { lon: number; lat: number; grade: 'I' | 'S' | 'E' }): { ok: true; incident: number } | { ok: false; reason: 'OUTSIDE_AREA'; message: string } {
    // The fake's modelled area: longitudes west of 1 degree east.
    if (spec.lon > 1) return { ok: false, reason: 'OUTSIDE_AREA', message: `${spec.lon}, ${spec.lat} is outside the modelled area` };
    return { ok: true, incident: this.inject(spec) };
  }
  standDown(unit: string): LiveStandDownOutcome {
    const i = this.injected.findIndex((x) => x.units.includes(unit));
    if (i < 0) return { ok: false, reason: 'UNIT_NOT_ON_INCIDENT', message: `unit ${unit} is not on an incident` };
    const incident = this.injected[i]!.id;
    this.injected.splice(i, 1);
    return { ok: true, unit, incident, closed: true };
  }
  explain(incident: number): DispatchExplanation | null {
    if (!this.injected.some((x) => x.id === incident)) return null;
    return { incident, decisions: [], notes: [], waiting: 'no free unit it may take: 1 busy', text: 'waits: no free unit it may take: 1 busy' };
  }
  assign(incident: number, unit: string): LiveAssignOutcome {
    const i = this.injected.findIndex((x) => x.id === incident);
    if (i < 0) return { ok: false, reason: 'NO_SUCH_INCIDENT', message: `incident ${incident} is not live (never was, or is over)` };
    if (unit === 'U2') return { ok: false, reason: 'UNIT_OFF_DUTY', message: `unit ${unit} is off duty` };
    if (unit !== 'U1') return { ok: false, reason: 'NO_SUCH_UNIT', message: `no unit "${unit}"` };
    this.injected[i] = { ...this.injected[i]!, state: 'assigned', units: [unit] };
    return { ok: true, unit, incident, etaS: 240 };
  }
  candidates(incident: number): LiveCandidateView[] {
    if (!this.injected.some((x) => x.id === incident)) return [];
    return [
      { unit: 'U1', station: 'B', state: 'free', etaS: 240, chosen: true, eligible: true, reason: 'chosen by nearest-eta' },
      { unit: 'U3', station: 'B', state: 'free', etaS: Infinity, chosen: false, eligible: true, reason: 'free' },
    ];
  }
  step() {
    if (this.finished) return null;
    this.now = Math.min(this.endS, Math.floor(this.now / 10) * 10 + 10);
    return { tS: this.now, event: 'tick', incident: null, unit: null };
  }
  snapshot(): LiveSnapshot {
    const moving = this.now >= 0 && this.now < 100;
    const k = moving ? this.now / 100 : 0;
    const window = { fromS: 0, calls: 0, answered: 0, abandoned: 0, answeredWithinTargetPct: null, iAttended: 0, iMeanResponseS: null, iWithinTargetPct: null, attended: 0, withinTargetPct: null };
    return {
      tS: this.now,
      finished: this.finished,
      units: [
        moving
          ? { id: 'U1', station: 'B', state: 'travelling', lon: -0.1 - 0.1 * k, lat: 51.5 + 0.1 * k, incident: 1, trip: FAKE_TRIP }
          : { id: 'U1', station: 'B', state: 'free', lon: -0.1, lat: 51.5, incident: null },
      ],
      incidents: [...(moving ? [{ id: 1, grade: 'I', lon: -0.2, lat: 51.6, state: 'assigned', callS: -30, units: ['U1'], injected: false } as const] : []), ...this.injected],
      callsWaiting: 0,
      pending: 0,
      busyUnits: moving ? 1 : 0,
      kpis: { lastHour: window, today: window },
    };
  }
}

/** A complete results object whose calls offered and seed the test chooses. */
export function fakeResults(offered: number, seed: number, replications = 1): SimResults {
  return {
    meta: {
      scenario: 'fake',
      scenarioHash: '0'.repeat(64),
      seed,
      replications,
      days: 1,
      warmupHours: 0,
      events: 10 * offered,
      wallMs: 0,
      version: 'fake-1',
      accessLegTimePct: null,
      unresolved: 0,
      seeds: [seed],
      travelMode: 'straight-line',
    },
    calls: { offered, answered: offered, abandoned: 0, abandonedPct: 0, meanAnswerS: 5, p90AnswerS: 9, answeredWithinTargetPct: 100, answerTargetS: 10, byLine: {} },
    grades: {
      I: {
        incidents: offered,
        attended: offered,
        meanResponseS: 600,
        medianResponseS: 550,
        p90ResponseS: 900,
        withinTargetPct: 90,
        targetS: 900,
        components: { answerS: 5, handlingS: 200, dispatchQueueS: 10, turnoutS: 60, travelS: 325 },
      },
      R: { incidents: 2 },
    },
    units: { meanUtilisationPct: 40, byUnit: [] },
    areas: [],
    hourly: [],
  };
}

/** What the fake world is built from. */
export interface FakeWorldSpec {
  areas?: unknown;
  travel?: unknown;
  fail?: FakeScenario['fail'];
  name?: string;
}

export function fakeSimulator(hooks: { onStep?: (step: number) => void } = {}) {
  const stats = { worldsBuilt: 0 };
  const simulator: Simulator<FakeScenario, { name: string }, FakeWorldSpec> = {
    version: 'fake-1',
    parseScenario(raw) {
      const r = raw as Partial<FakeScenario> | null;
      if (typeof r !== 'object' || r === null || typeof r.name !== 'string') {
        return { ok: false, errors: [{ path: 'name', message: 'expected a string' }] };
      }
      return { ok: true, scenario: r as FakeScenario };
    },
    // The fake world is built from the areas and the travel; a failing build names its scenario.
    worldSpec: (scenario) => ({ areas: scenario.areas, travel: scenario.travel, ...(scenario.fail ? { fail: scenario.fail, name: scenario.name } : {}) }),
    async buildWorld(scenario) {
      stats.worldsBuilt++;
      if (scenario.fail === 'world') throw new Error(`no data for ${scenario.name}`);
      if (scenario.fail === 'area') throw new FakeScenarioError(`unknown area in ${scenario.name}`);
      return { name: scenario.name ?? 'world' };
    },
    runReplication(scenario, _world, options) {
      const steps = scenario.steps ?? 4;
      for (let step = 1; step <= steps; step++) {
        hooks.onStep?.(step);
        if (options.isCancelled()) throw new FakeCancelled('cancelled');
        if (scenario.fail === 'throw' && step === 2) throw new Error(`boom in ${scenario.name}`);
        options.onProgress(step / steps);
      }
      const seed = (options.seed ?? 7) + options.replication;
      return { results: fakeResults(100 + seed, seed) };
    },
    isCancellation: (error) => error instanceof FakeCancelled,
    scenarioIssues: (error) => (error instanceof FakeScenarioError ? [{ path: 'areas', message: error.message }] : null),
    openLive: (scenario) => new FakeLive(scenario.liveEndS ?? 1000, scenario.liveFail === 'throw'),
  };
  return { simulator, stats };
}

export const realTimers: Timers = {
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

/** A worker the test drives by hand. */
export class ScriptedWorker implements WorkerPort {
  readonly received: ToWorker[] = [];
  readonly signalled: number[] = [];
  terminated = false;
  constructor(readonly events: WorkerEvents, withSignal: boolean) {
    if (withSignal) this.signalCancel = (id: number) => void this.signalled.push(id);
  }
  signalCancel?: (id: number) => void;
  post(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The id of the call this worker is running (the last call it received). */
  get currentId(): number {
    const calls = this.received.filter((m) => m.type === 'call');
    if (calls.length === 0) throw new Error('this worker received no call');
    return calls[calls.length - 1]!.id;
  }
  send(message: FromWorker): void {
    this.events.message(message);
  }
  replyRun(offered: number): void {
    this.send({ type: 'reply', id: this.currentId, call: 'run', ok: true, value: { results: fakeResults(offered, 1) } });
  }
  crash(reason = 'segfault'): void {
    this.events.crash(reason);
  }
}

/** A spawn function making ScriptedWorkers; `workers` lists them in start order. */
export function scriptedSpawn(options: { withSignal?: boolean; failStart?: string } = {}) {
  const workers: ScriptedWorker[] = [];
  const spawn: SpawnWorker = (events) => {
    if (options.failStart) throw new Error(options.failStart);
    const worker = new ScriptedWorker(events, options.withSignal ?? false);
    workers.push(worker);
    return worker;
  };
  return { spawn, workers };
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
