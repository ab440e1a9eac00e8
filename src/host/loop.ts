/**
 * The sim-worker message loop, shared by the Node worker thread (src/node/sim-worker.ts) and the
 * Web Worker of the browser build (src/web/sim.worker.ts). Pure: the engine, the way out
 * (`post`) and the synchronous cancel check are injected, so it runs, and is tested, anywhere.
 *
 * Messages in are `ToWorker`, messages out `FromWorker` (src/shared/protocol.ts). Every call gets
 * exactly one `reply`; expected failures (bad scenario, cancelled, an exception in the simulator)
 * are reply values, never uncaught errors. Only a message that is not a `ToWorker` at all gets a
 * `rejected` message, naming what was wrong.
 */
import type { FromWorker, LiveOpenRequest, RunOneRequest, ToWorker, WorkerCallName, WorkerCalls, WorkerError } from '../shared/protocol';
import type { SimEngine } from './engine';
import { LiveRegistry } from './live-worker';

export interface HostDeps<Scenario, World> {
  readonly engine: SimEngine<Scenario, World>;
  readonly post: (message: FromWorker) => void;
  /**
   * Ids of calls cancelled since the last poll. A run holds the thread, so a `cancel` message
   * posted to the worker is not seen until it ends; a host that can read cancels synchronously
   * (Node: `receiveMessageOnPort`) gives this, and the run stops at its next cancel check.
   */
  readonly pollCancelled?: () => Iterable<number>;
  /** Minimum rise of a run's progress fraction between two progress messages (default 0.01). */
  readonly progressStep?: number;
  /** wall milliseconds, for the work time of live frames (default Date.now) */
  readonly clock?: () => number;
}

export interface SimHost {
  /** Handles one message; resolves when the call it started has replied (tests await this). */
  receive(message: unknown): Promise<void>;
}

const CALLS: readonly WorkerCallName[] = ['version', 'run', 'combine', 'liveOpen', 'liveAdvance', 'liveTrainer', 'liveClose'];

/**
 * The parts of a raw scenario the world is built from (src/world buildWorld: areas, the areas of
 * stations, area weights and surges it checks, demand points, travel, start, network). Runs that
 * differ only in resourcing (fleet, staffing, volumes, dispatch rules) share one world.
 */
export function worldKey(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return JSON.stringify(raw);
  const r = raw as Record<string, unknown>;
  const demand = (typeof r.demand === 'object' && r.demand !== null ? r.demand : {}) as Record<string, unknown>;
  return JSON.stringify([r.schemaVersion, r.areas, r.stations, demand.areaWeights, demand.surges, demand.points, demand.pointsSource, r.travel, r.start, r.network]);
}

export function createSimHost<Scenario, World>(deps: HostDeps<Scenario, World>): SimHost {
  const { engine, post } = deps;
  const step = deps.progressStep ?? 0.01;
  const inFlight = new Set<number>();
  const cancelled = new Set<number>();
  /** The world of the last scenario run here: replications of one scenario (and its resourcing variants) reuse it. */
  let worldCache: { key: string; world: Promise<World> } | null = null;
  const live = new LiveRegistry(deps.clock ?? (() => Date.now()));

  const isCancelled = (id: number): boolean => {
    if (deps.pollCancelled) {
      for (const polled of deps.pollCancelled()) if (inFlight.has(polled)) cancelled.add(polled);
    }
    return cancelled.has(id);
  };

  const worldFor = (key: string, scenario: Scenario): Promise<World> => {
    if (worldCache?.key !== key) {
      const world = engine.buildWorld(scenario);
      worldCache = { key, world };
      // A failed build must not poison the cache for the next call.
      world.catch(() => {
        if (worldCache?.world === world) worldCache = null;
      });
    }
    return worldCache.world;
  };

  async function liveOpen(request: LiveOpenRequest): Promise<WorkerCalls['liveOpen']['reply']> {
    const parsed = engine.parseScenario(request.scenario);
    if (!parsed.ok) throw new Expected({ kind: 'invalid-scenario', errors: parsed.errors });
    const world = await worldFor(worldKey(request.scenario), parsed.scenario);
    const handle = engine.openLive(parsed.scenario, world, {
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(request.days === undefined ? {} : { days: request.days }),
    });
    return live.open(request.session, handle);
  }

  async function run(id: number, request: RunOneRequest): Promise<WorkerCalls['run']['reply']> {
    const parsed = engine.parseScenario(request.scenario);
    if (!parsed.ok) throw new Expected({ kind: 'invalid-scenario', errors: parsed.errors });
    const world = await worldFor(worldKey(request.scenario), parsed.scenario);
    if (isCancelled(id)) throw new Expected({ kind: 'cancelled' });
    let lastSent = -Infinity;
    return engine.runScenario(parsed.scenario, world, {
      replication: request.replication,
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(request.days === undefined ? {} : { days: request.days }),
      ...(request.incidentLog === true ? { incidentLog: true } : {}),
      isCancelled: () => isCancelled(id),
      onProgress: (fraction) => {
        // 1e-9: 0.7 - 0.4 is 0.29999... in floating point, still a full step.
        if (fraction - lastSent >= step - 1e-9 || (fraction >= 1 && lastSent < 1)) {
          lastSent = fraction;
          post({ type: 'progress', id, progress: fraction });
        }
      },
    });
  }

  async function answer<K extends WorkerCallName>(id: number, call: K, request: WorkerCalls[K]['request']): Promise<void> {
    inFlight.add(id);
    try {
      let value: WorkerCalls[WorkerCallName]['reply'];
      if (call === 'version') value = { sim: engine.version };
      else if (call === 'run') value = await run(id, request as RunOneRequest);
      else if (call === 'combine') value = engine.combineReplications((request as WorkerCalls['combine']['request']).results);
      else if (call === 'liveOpen') value = await liveOpen(request as LiveOpenRequest);
      else if (call === 'liveAdvance') value = live.advance(request as WorkerCalls['liveAdvance']['request']);
      else if (call === 'liveTrainer') value = live.trainer(request as WorkerCalls['liveTrainer']['request']);
      else value = { closed: live.close((request as WorkerCalls['liveClose']['request']).session) };
      post({ type: 'reply', id, call, ok: true, value } as FromWorker);
    } catch (error) {
      post({ type: 'reply', id, call, ok: false, error: toWorkerError(error, engine) });
    } finally {
      inFlight.delete(id);
      cancelled.delete(id);
    }
  }

  return {
    receive(message: unknown): Promise<void> {
      const problem = checkMessage(message);
      if (problem !== null) {
        const m = message as { id?: unknown; type?: unknown; call?: unknown } | null;
        // A call we can name still gets its one reply, so the caller is not left waiting.
        if (m?.type === 'call' && typeof m.id === 'number' && CALLS.includes(m.call as WorkerCallName)) {
          post({ type: 'reply', id: m.id, call: m.call as WorkerCallName, ok: false, error: { kind: 'failed', message: `bad worker message: ${problem}` } });
        } else {
          post({ type: 'rejected', reason: problem });
        }
        return Promise.resolve();
      }
      const m = message as ToWorker;
      if (m.type === 'cancel') {
        if (inFlight.has(m.id)) cancelled.add(m.id);
        return Promise.resolve();
      }
      return answer(m.id, m.call, m.request);
    },
  };
}

/** An expected failure carried through `throw` inside this module only. */
class Expected extends Error {
  constructor(readonly error: WorkerError) {
    super(error.kind);
  }
}

function toWorkerError(error: unknown, engine: Pick<SimEngine, 'isCancellation' | 'scenarioIssues'>): WorkerError {
  if (error instanceof Expected) return error.error;
  if (engine.isCancellation(error)) return { kind: 'cancelled' };
  const issues = engine.scenarioIssues(error);
  if (issues !== null) return { kind: 'invalid-scenario', errors: issues };
  if (error instanceof Error) return { kind: 'failed', message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { kind: 'failed', message: String(error) };
}

/** null when `message` is a well-formed `ToWorker`, else what is wrong with it. */
function checkMessage(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return `expected a message object, got ${typeof message}`;
  const m = message as Record<string, unknown>;
  if (typeof m.id !== 'number' || !Number.isInteger(m.id)) return `message.id: expected an integer, got ${JSON.stringify(m.id)}`;
  if (m.type === 'cancel') return null;
  if (m.type !== 'call') return `message.type: expected 'call' or 'cancel', got ${JSON.stringify(m.type)}`;
  if (!CALLS.includes(m.call as WorkerCallName)) return `message.call: expected one of ${CALLS.join(', ')}, got ${JSON.stringify(m.call)}`;
  if (typeof m.request !== 'object' || m.request === null) return `message.request: expected an object (call '${String(m.call)}', id ${m.id})`;
  if (m.call === 'run') {
    const r = m.request as Record<string, unknown>;
    if (r.seed !== undefined && (typeof r.seed !== 'number' || !Number.isInteger(r.seed))) return `message.request.seed: expected an integer (call 'run', id ${m.id})`;
    if (typeof r.replication !== 'number' || !Number.isInteger(r.replication) || r.replication < 0) {
      return `message.request.replication: expected an integer >= 0 (call 'run', id ${m.id})`;
    }
    if (r.days !== undefined && (typeof r.days !== 'number' || !(r.days > 0))) return `message.request.days: expected a number > 0 (call 'run', id ${m.id})`;
    if (r.incidentLog !== undefined && typeof r.incidentLog !== 'boolean') return `message.request.incidentLog: expected true or false (call 'run', id ${m.id})`;
  }
  if (m.call === 'combine' && !Array.isArray((m.request as Record<string, unknown>).results)) {
    return `message.request.results: expected an array (call 'combine', id ${m.id})`;
  }
  if (m.call === 'liveOpen' || m.call === 'liveAdvance' || m.call === 'liveTrainer' || m.call === 'liveClose') {
    const r = m.request as Record<string, unknown>;
    const where = `(call '${m.call}', id ${m.id})`;
    if (typeof r.session !== 'string' || r.session === '') return `message.request.session: expected a session name ${where}`;
    if (m.call === 'liveOpen') {
      if (r.seed !== undefined && (typeof r.seed !== 'number' || !Number.isInteger(r.seed))) return `message.request.seed: expected an integer ${where}`;
      if (r.days !== undefined && (typeof r.days !== 'number' || !(r.days > 0))) return `message.request.days: expected a number > 0 ${where}`;
    }
    if (m.call === 'liveAdvance') {
      if (r.toS !== undefined && (typeof r.toS !== 'number' || !Number.isFinite(r.toS))) return `message.request.toS: expected a finite number ${where}`;
      if (r.step !== undefined && typeof r.step !== 'boolean') return `message.request.step: expected a boolean ${where}`;
      if (r.toS === undefined && r.step !== true) return `message.request: expected toS or step: true ${where}`;
    }
    if (m.call === 'liveTrainer') {
      const problem = checkTrainerAction(r.action);
      if (problem !== null) return `message.request.action${problem} ${where}`;
    }
  }
  return null;
}

/** null when `action` is a well-formed `LiveTrainerAction`, else what is wrong (after its path). */
function checkTrainerAction(action: unknown): string | null {
  if (typeof action !== 'object' || action === null) return ': expected an object';
  const a = action as Record<string, unknown>;
  const isId = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (a.kind === 'inject') {
    if (typeof a.lon !== 'number' || !(Math.abs(a.lon) <= 180)) return '.lon: expected a longitude';
    if (typeof a.lat !== 'number' || !(Math.abs(a.lat) <= 90)) return '.lat: expected a latitude';
    if (a.grade !== 'I' && a.grade !== 'S' && a.grade !== 'E') return ".grade: expected 'I', 'S' or 'E'";
    return null;
  }
  if (a.kind === 'assign' || a.kind === 'candidates') {
    if (!isId(a.incident)) return '.incident: expected an incident id';
    if (a.kind === 'assign' && (typeof a.unit !== 'string' || a.unit === '')) return '.unit: expected a unit id';
    return null;
  }
  return `.kind: expected 'inject', 'assign' or 'candidates', got ${JSON.stringify(a.kind)}`;
}
