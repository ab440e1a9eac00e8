/**
 * A pool of sim workers, whatever runs them: Node `worker_threads` (src/node/pool) or Web Workers
 * (src/web). Pure: the way to start a worker and the timers are injected.
 *
 * - Calls queue in order and go to the first idle worker; workers start lazily, up to `size`.
 * - A worker runs one call at a time (a run holds its thread).
 * - `cancel(group)` drops the group's queued calls and cancels its running ones; a worker that does
 *   not stop within `hardCancelMs` is terminated, so cancelling always ends the call.
 * - A worker that crashes (or is stopped for exceeding its memory limit) fails only its own call,
 *   with `worker-crashed` (a value, not an exception), and is replaced by a fresh one when there is
 *   work. The pool never gives up: however many crashes came in a row, the next call gets a new
 *   worker. A worker that cannot even be started fails the call that asked for it (so a broken
 *   entry file fails calls one by one, and never spins).
 * - A call whose message cannot be sent (`post` throws, e.g. a scenario that cannot be cloned)
 *   fails with `failed` naming the reason; its worker stays and takes the next call.
 */
import type { FromWorker, ToWorker, WorkerCallName, WorkerCalls, WorkerResult } from '../shared/protocol';

/** The pool's handle on one running worker. */
export interface WorkerPort {
  post(message: ToWorker): void;
  /**
   * Tells the worker synchronously readable news of a cancel (Node: a second MessagePort the
   * worker polls during a run). Without it the pool posts a `cancel` message, which the worker
   * only sees between runs.
   */
  signalCancel?(id: number): void;
  /** Stops the worker at once; it must not report a crash afterwards. */
  terminate(): void;
}

export interface WorkerEvents {
  message(message: FromWorker): void;
  /** The worker died or threw an uncaught error: what it was doing is lost. */
  crash(reason: string): void;
}

/** Starts one worker; may throw (reported as a crash). */
export type SpawnWorker = (events: WorkerEvents) => WorkerPort;

export interface Timers {
  /** Calls `fn` after `ms` milliseconds; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export interface PoolOptions {
  /** workers for shared batch work, >= 1 */
  readonly size: number;
  readonly spawn: SpawnWorker;
  readonly timers: Timers;
  /** milliseconds a cancelled call may take to stop before its worker is terminated (default 3000) */
  readonly hardCancelMs?: number;
}

export interface CallOptions {
  /** job id the call belongs to; `cancel(group)` cancels every call of the group */
  readonly group?: string;
  /** progress of a `run` call, 0..1 */
  readonly onProgress?: (fraction: number) => void;
}

interface Task {
  readonly id: number;
  readonly message: ToWorker & { type: 'call' };
  readonly group: string | undefined;
  readonly onProgress: ((fraction: number) => void) | undefined;
  readonly resolve: (result: WorkerResult<WorkerCallName>) => void;
  slot: Slot | null;
  stopHardCancel: (() => void) | null;
}

interface Slot {
  port: WorkerPort | null;
  task: Task | null;
  /** set once the pool has let go of this worker; later events from it are ignored */
  gone: boolean;
}

export class SimWorkerPool {
  private readonly queue: Task[] = [];
  private readonly slots: Slot[] = [];
  private readonly dedicatedPools: SimWorkerPool[] = [];
  private nextId = 1;
  private crashCount = 0;
  private lastCrashReason: string | null = null;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`pool size must be an integer >= 1, got ${options.size}`);
  }

  /** workers allowed for shared work */
  get size(): number {
    return this.options.size;
  }

  /** workers currently started */
  get started(): number {
    return this.slots.length;
  }

  /**
   * Crashes of this pool's workers so far, busy or idle, and the last reason. A caller keeping
   * state in a worker (a live session) learns from a new count that the state is gone.
   */
  get crashes(): { readonly count: number; readonly lastReason: string | null } {
    return { count: this.crashCount, lastReason: this.lastCrashReason };
  }

  /** Sends one call to a worker (queued until one is idle); resolves with its value or error, never rejects. */
  call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request'], options: CallOptions = {}): Promise<WorkerResult<K>> {
    return new Promise<WorkerResult<K>>((resolve) => {
      if (this.closed) return resolve({ ok: false, error: { kind: 'cancelled' } });
      const id = this.nextId++;
      this.queue.push({
        id,
        message: { type: 'call', id, call, request } as ToWorker & { type: 'call' },
        group: options.group,
        onProgress: options.onProgress,
        resolve: resolve as (result: WorkerResult<WorkerCallName>) => void,
        slot: null,
        stopHardCancel: null,
      });
      this.pump();
    });
  }

  /** Cancels every queued and running call of `group`; true when there was one. */
  cancel(group: string): boolean {
    let found = false;
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const task = this.queue[i]!;
      if (task.group !== group) continue;
      found = true;
      this.queue.splice(i, 1);
      task.resolve({ ok: false, error: { kind: 'cancelled' } });
    }
    for (const slot of this.slots) {
      const task = slot.task;
      if (!task || task.group !== group || task.stopHardCancel) continue;
      found = true;
      this.cancelRunning(slot, task);
    }
    for (const pool of this.dedicatedPools) found = pool.cancel(group) || found;
    return found;
  }

  /**
   * A pool of one worker of its own (e.g. for a live session), outside the shared workers;
   * closed with this pool. `hardCancelMs` overrides this pool's.
   */
  dedicated(options: { readonly hardCancelMs?: number } = {}): SimWorkerPool {
    if (this.closed) throw new Error('dedicated(): the pool is closed');
    const pool = new SimWorkerPool({ ...this.options, size: 1, ...options });
    this.dedicatedPools.push(pool);
    return pool;
  }

  /** Terminates every worker; calls still queued or running resolve as cancelled. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve({ ok: false, error: { kind: 'cancelled' } });
    for (const slot of [...this.slots]) {
      if (slot.task) this.finish(slot.task, { ok: false, error: { kind: 'cancelled' } });
      this.drop(slot);
    }
    for (const pool of this.dedicatedPools.splice(0)) pool.close();
  }

  private cancelRunning(slot: Slot, task: Task): void {
    if (slot.port?.signalCancel) slot.port.signalCancel(task.id);
    else slot.port?.post({ type: 'cancel', id: task.id });
    task.stopHardCancel = this.options.timers.after(this.options.hardCancelMs ?? 3000, () => {
      if (slot.task !== task) return;
      // The worker did not stop in time (a run that never checks): end it the hard way.
      this.finish(task, { ok: false, error: { kind: 'cancelled' } });
      this.drop(slot);
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot: Slot | null = this.slots.find((s) => s.task === null) ?? null;
      if (!slot) {
        if (this.slots.length >= this.options.size) return;
        slot = this.start();
        if (!slot) continue; // the start failed and failed the call at the head of the queue
      }
      const task = this.queue.shift()!;
      task.slot = slot;
      slot.task = task;
      try {
        slot.port!.post(task.message);
      } catch (error) {
        // Nothing reached the worker (structured clone fails before sending): only this call fails,
        // and the worker is free for the next one.
        this.finish(task, { ok: false, error: { kind: 'failed', message: `the ${task.message.call} call could not be sent to a sim worker: ${messageOf(error)}` } });
      }
    }
  }

  /**
   * A new slot with a started worker, or null when starting threw: then that counts as a crash and
   * fails the call at the head of the queue (the one the worker was for), so a pool whose workers
   * cannot start answers each call instead of retrying for ever.
   */
  private start(): Slot | null {
    const slot: Slot = { port: null, task: null, gone: false };
    this.slots.push(slot);
    try {
      slot.port = this.options.spawn({
        message: (message) => {
          if (!slot.gone) this.onMessage(slot, message);
        },
        crash: (reason) => {
          if (!slot.gone) this.onCrash(slot, reason);
        },
      });
      return slot;
    } catch (error) {
      const reason = `could not start a sim worker: ${messageOf(error)}`;
      this.drop(slot);
      this.crashCount++;
      this.lastCrashReason = reason;
      this.queue.shift()?.resolve({ ok: false, error: { kind: 'worker-crashed', message: reason } });
      return null;
    }
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    const task = slot.task;
    if (message.type === 'rejected') {
      // The worker could not read what we sent: a bug on this side, surfaced on the call in hand.
      if (task) this.finish(task, { ok: false, error: { kind: 'failed', message: `sim worker rejected a message: ${message.reason}` } });
      this.pump();
      return;
    }
    if (!task || message.id !== task.id) return; // late news of a call already ended (cancelled)
    if (message.type === 'progress') {
      task.onProgress?.(message.progress);
      return;
    }
    this.finish(task, message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
    this.pump();
  }

  private onCrash(slot: Slot, reason: string): void {
    const task = slot.task;
    this.drop(slot);
    this.crashCount++;
    this.lastCrashReason = reason;
    if (task) this.finish(task, { ok: false, error: { kind: 'worker-crashed', message: reason } });
    // A fresh worker for whatever is queued; a worker that dies at once fails only the call it took.
    this.pump();
  }

  private finish(task: Task, result: WorkerResult<WorkerCallName>): void {
    task.stopHardCancel?.();
    if (task.slot) task.slot.task = null;
    task.slot = null;
    task.resolve(result);
  }

  private drop(slot: Slot): void {
    slot.gone = true;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    try {
      slot.port?.terminate();
    } finally {
      slot.port = null;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
