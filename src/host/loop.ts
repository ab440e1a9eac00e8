/**
 * The sim-worker message loop, shared by the Node worker thread (src/node/sim-worker.ts) and the
 * Web Worker of the browser build (src/web/sim.worker.ts). Pure: the simulator, the way out
 * (`post`) and the synchronous cancel check are injected, so it runs, and is tested, anywhere.
 *
 * Messages in are `ToWorker`, checked against `toWorkerSchema` and `workerRequestSchemas`
 * (src/shared/worker-schemas.ts); messages out `FromWorker` (src/shared/protocol.ts). Each call is
 * answered by its handler in `handlers`, a map typed from `WorkerCalls`. Every call gets exactly
 * one `reply`; expected failures (bad scenario, cancelled, an exception in the simulator) are reply
 * values, never uncaught errors. Only a message that is not a `ToWorker` at all gets a `rejected`
 * message, naming what was wrong.
 */
import type { z } from 'zod';
import type { FromWorker, WorkerCallName, WorkerCalls } from '../shared/protocol';
import { describeWorkerIssue, toWorkerSchema, workerCallSchema, workerRequestSchemas } from '../shared/worker-schemas';
import { LiveRegistry } from './live-worker';
import { WarmSnapshots } from './warm-snapshots';
import { ReplicationWorker, toWorkerError, Expected } from './replication-worker';
import type { LiveHandle, Simulator } from './simulator';

export interface HostDeps<Scenario, World, Spec> {
  readonly simulator: Simulator<Scenario, World, Spec>;
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
  /**
   * A warm-up snapshot made before (the browser build's prebuilt one), asked for when a warmed live
   * session opens with none in memory: its text when it is for `key`, else null (src/host/warm-snapshots.ts).
   */
  readonly warmSnapshot?: (key: string) => Promise<string | null>;
}

export interface SimHost {
  /** Handles one message; resolves when the call it started has replied (tests await this). */
  receive(message: unknown): Promise<void>;
}

/** One handler per worker call: the checked request in, the reply out (or a thrown failure). */
type WorkerHandlers = { readonly [K in WorkerCallName]: (request: WorkerCalls[K]['request'], id: number) => Promise<WorkerCalls[K]['reply']> };

export function createSimHost<Scenario, World, Spec>(deps: HostDeps<Scenario, World, Spec>): SimHost {
  const { simulator, post } = deps;
  const step = deps.progressStep ?? 0.01;
  const inFlight = new Set<number>();
  const cancelled = new Set<number>();
  const worker = new ReplicationWorker(simulator);
  const live = new LiveRegistry(deps.clock ?? (() => Date.now()));
  const warm = new WarmSnapshots(simulator, deps.warmSnapshot);
  /** Work left for right after a reply is posted, in the same task (no other message comes between). */
  const afterReply: (() => void)[] = [];

  const isCancelled = (id: number): boolean => {
    if (deps.pollCancelled) {
      for (const polled of deps.pollCancelled()) if (inFlight.has(polled)) cancelled.add(polled);
    }
    return cancelled.has(id);
  };

  const parsed = (raw: unknown): Scenario => {
    const outcome = simulator.parseScenario(raw);
    if (!outcome.ok) throw new Expected({ kind: 'invalid-scenario', errors: outcome.errors });
    return outcome.scenario;
  };

  const handlers: WorkerHandlers = {
    version: async () => ({ sim: simulator.version }),
    run: async (request, id) => {
      let lastSent = -Infinity;
      return worker.run(parsed(request.scenario), request, {
        isCancelled: () => isCancelled(id),
        onProgress: (fraction) => {
          // 1e-9: 0.7 - 0.4 is 0.29999... in floating point, still a full step.
          if (fraction - lastSent >= step - 1e-9 || (fraction >= 1 && lastSent < 1)) {
            lastSent = fraction;
            post({ type: 'progress', id, progress: fraction });
          }
        },
      });
    },
    liveOpen: async (request, id) => {
      const scenario = parsed(request.scenario);
      const options = {
        ...(request.seed === undefined ? {} : { seed: request.seed }),
        ...(request.days === undefined ? {} : { days: request.days }),
        ...(request.exercise === undefined ? {} : { exercise: request.exercise }),
        ...(request.startS === undefined ? {} : { startS: request.startS }),
      };
      // A warmed session without an exercise opens from a warm-up snapshot when one is at hand.
      const key = request.warm === true && request.exercise === undefined && request.startS === undefined ? (simulator.liveKey?.(scenario, options) ?? null) : null;
      // Looked up (perhaps fetched) while the world is built.
      const found = key === null ? null : warm.find(key);
      const world = await worker.worldFor(scenario);
      const snapshot = await found;
      const restored = key !== null && snapshot !== null ? warm.open(key, snapshot, (text) => simulator.openLive(scenario, world, { ...options, snapshot: text })) : null;
      if (restored) return live.open(request.session, restored);
      const handle = simulator.openLive(scenario, world, options);
      // The warm-up at full speed, here, rather than played at the session's pace (issue 17 item 2);
      // in slices, reading messages between them, so a session replaced while it warms up stops.
      // (An exercise's script may pause in the warm-up: it runs in one go, as before.)
      if (request.warm === true && handle.now < 0) {
        if (request.exercise === undefined) await warmUp(handle, Math.min(0, handle.endS), () => isCancelled(id), deps.clock ?? (() => Date.now()));
        else handle.advanceTo(Math.min(0, handle.endS));
        // Saved once the first frame is posted (before any other message can change the session).
        if (key !== null && handle.now === 0) afterReply.push(() => warm.keep(key, handle));
      }
      return live.open(request.session, handle);
    },
    liveAdvance: async (request) => live.advance(request),
    liveTrainer: async (request) => live.trainer(request),
    liveClose: async (request) => ({ closed: live.close(request.session) }),
    snap: async (request) => {
      const world = await worker.worldFor(parsed(request.scenario));
      return { points: simulator.snapToRoads ? simulator.snapToRoads(world, request.points) : null };
    },
  };

  async function answer<K extends WorkerCallName>(id: number, call: K, request: WorkerCalls[K]['request']): Promise<void> {
    inFlight.add(id);
    try {
      const handler: WorkerHandlers[K] = handlers[call];
      const value = await handler(request, id);
      post(reply(id, call, value));
      for (const after of afterReply.splice(0)) after();
    } catch (error) {
      post({ type: 'reply', id, call, ok: false, error: toWorkerError(error, simulator) });
    } finally {
      inFlight.delete(id);
      cancelled.delete(id);
    }
  }

  return {
    receive(message: unknown): Promise<void> {
      const envelope = toWorkerSchema.safeParse(message);
      if (!envelope.success) {
        post({ type: 'rejected', reason: describeWorkerIssue(envelope.error, 'message') });
        return Promise.resolve();
      }
      const { id, type } = envelope.data;
      if (type === 'cancel') {
        if (inFlight.has(id)) cancelled.add(id);
        return Promise.resolve();
      }
      const call = workerCallSchema.safeParse(envelope.data.call);
      if (!call.success) {
        post({ type: 'rejected', reason: describeWorkerIssue(call.error, 'message.call') });
        return Promise.resolve();
      }
      return start(id, call.data, envelope.data.request);
    },
  };

  function start<K extends WorkerCallName>(id: number, call: K, raw: unknown): Promise<void> {
    const checked = requestSchemas[call].safeParse(raw);
    if (!checked.success) {
      // A call we can name still gets its one reply, so the caller is not left waiting.
      const problem = `${describeWorkerIssue(checked.error, 'message.request')} (call '${call}', id ${id})`;
      post({ type: 'reply', id, call, ok: false, error: { kind: 'failed', message: `bad worker message: ${problem}` } });
      return Promise.resolve();
    }
    return answer(id, call, checked.data);
  }
}

/** Resolves in a later task, after the messages already waiting (a timer: Node and Web Workers both have one; this file has neither's types). */
const nextTask = (): Promise<void> => new Promise((resolve) => (globalThis as unknown as { setTimeout(fn: () => void, ms: number): unknown }).setTimeout(resolve, 0));

/** Wall milliseconds of warm-up run between two looks at the worker's messages. */
const WARM_SLICE_MS = 100;

/**
 * Runs `handle` to `toS` as one `advanceTo` would (the same events: `advanceTo` is run to a time),
 * in slices of about WARM_SLICE_MS, yielding to the worker's messages between them; throws a
 * cancellation when `isCancelled` says so.
 */
async function warmUp(handle: LiveHandle, toS: number, isCancelled: () => boolean, clock: () => number): Promise<void> {
  let sliceS = 900;
  let tS = handle.now;
  while (tS < toS) {
    const started = clock();
    tS = Math.min(toS, tS + sliceS);
    handle.advanceTo(tS);
    if (handle.finished) return;
    const tookMs = clock() - started;
    sliceS = Math.min(6 * 3600, Math.max(60, sliceS * Math.min(2, Math.max(0.5, WARM_SLICE_MS / Math.max(1, tookMs)))));
    await nextTask();
    if (isCancelled()) throw new Expected({ kind: 'cancelled' });
  }
}

/** The request schemas, typed by call (checked here key by key against `WorkerCalls`). */
const requestSchemas: { readonly [K in WorkerCallName]: z.ZodType<WorkerCalls[K]['request']> } = workerRequestSchemas;

/** The success reply of call `call`. */
function reply<K extends WorkerCallName>(id: number, call: K, value: WorkerCalls[K]['reply']): FromWorker {
  // FromWorker is a union over the calls; TypeScript cannot tie a generic K's value to its member.
  return { type: 'reply', id, call, ok: true, value } as Extract<FromWorker, { call: K; ok: true }>;
}
