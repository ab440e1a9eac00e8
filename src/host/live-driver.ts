/**
 * Live mode on the host's side (the `liveStart`, `liveControl`, `liveTrainer` and `cancel` calls of `DesktopApi`),
 * shared by the Electron main process and the browser build. The session itself runs in a sim
 * worker of its own (src/host/live-worker.ts); this side paces it: simulated time follows the wall
 * clock at the chosen speed, one `liveAdvance` at a time, and each answer is streamed as a frame.
 *
 * - Capped rate: at most one frame per `frameIntervalMs` (default 100 ms, 10 frames a second);
 *   the renderer glides units between frames along their trips.
 * - A slow worker never piles up requests: the next advance is asked for only after the last one
 *   answered, and the wall time it covers is capped at two intervals (the simulation then runs
 *   slower than asked instead of lurching).
 * - "As fast as possible" advances by a chunk of simulated time sized so that a frame costs the
 *   worker about `maxSpeedWorkMs`.
 * - A worker that crashes, or a simulator error, ends the session with the error as a value.
 * - A trainer's action (inject, assign, candidates) goes to the same worker, queued behind any
 *   advance in flight; the frame it answers with is streamed at once, so a paused map shows it.
 *
 * Pure: the pool, timers and wall clock are injected.
 */
import type {
  LiveCommand,
  LiveFrame,
  LiveOutcome,
  LivePlayback,
  LiveSpeed,
  LiveStartRequest,
  LiveTrainerAction,
  LiveTrainerOutcome,
  LiveTrip,
  LiveUnit,
  LiveWorkerFrame,
  RunError,
  WorkerCallName,
  WorkerCalls,
  WorkerResult,
} from '../shared/protocol';
import type { CallOptions, Timers } from './pool';

/** The part of a (dedicated) sim worker pool a live session uses. */
export interface LivePool {
  call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request'], options?: CallOptions): Promise<WorkerResult<K>>;
  /** crashes of the pool's workers so far (a crash between calls loses the session all the same) */
  readonly crashes: { readonly count: number; readonly lastReason: string | null };
  /** cancels the calls of `group` (a session stopped while it opens: its warm-up stops) */
  cancel?(group: string): boolean;
}

export interface LiveDriverOptions {
  /** the pool the live sessions run in (a dedicated one: a live session holds its worker's state) */
  readonly pool: () => LivePool;
  readonly timers: Timers;
  /** wall milliseconds */
  readonly now: () => number;
  /** minimum wall milliseconds between frames (default 100) */
  readonly frameIntervalMs?: number;
  /** worker milliseconds per frame aimed at when playing as fast as possible (default 60) */
  readonly maxSpeedWorkMs?: number;
  /**
   * A first frame known before the worker opens the session (the browser build's prebuilt frame,
   * src/web/prebuilt.ts), or null. It is shown at once and the session plays from it: what the user
   * asks meanwhile waits in the worker's queue behind its `liveOpen`. When the worker's own first
   * frame arrives, `matches` says whether it is the same; if not, the worker's is shown.
   */
  readonly firstFrame?: (request: LiveStartRequest) => { readonly frame: LiveWorkerFrame; matches(frame: LiveWorkerFrame): boolean } | null;
}

/** Default speed of a new session: an hour a minute. */
export const DEFAULT_LIVE_SPEED: LiveSpeed = 60;
/** Simulated seconds per frame at "max": first guess, and bounds of the adapted chunk. */
const MAX_CHUNK_FIRST_S = 600;
const MAX_CHUNK_MIN_S = 30;
const MAX_CHUNK_MAX_S = 6 * 3600;

/** The live sessions of one host. One plays at a time: starting another stops it. */
export class LiveDriver {
  private current: Session | null = null;

  constructor(private readonly options: LiveDriverOptions) {}

  /** Starts a session and streams its frames to `emit`; resolves when it ends. Never rejects. */
  start(request: LiveStartRequest, emit: (frame: LiveFrame) => void): Promise<LiveOutcome> {
    this.current?.stop();
    const session = new Session(this.options, request, emit);
    this.current = session;
    void session.done.then(() => {
      if (this.current === session) this.current = null;
    });
    return session.done;
  }

  /** The playback after `command`; null when no session `jobId` is running. */
  control(jobId: string, command: LiveCommand): LivePlayback | null {
    const session = this.current;
    if (!session || session.jobId !== jobId) return null;
    return session.control(command);
  }

  /** What a trainer's `action` came to (after the worker did it); null when no session `jobId` is running. */
  trainer(jobId: string, action: LiveTrainerAction): Promise<LiveTrainerOutcome | null> {
    const session = this.current;
    if (!session || session.jobId !== jobId) return Promise.resolve(null);
    return session.trainer(action);
  }

  /** Stops session `jobId`; false when it is not running. */
  stop(jobId: string): boolean {
    const session = this.current;
    if (!session || session.jobId !== jobId) return false;
    session.stop();
    return true;
  }

  /** The running session's id, or null. */
  get running(): string | null {
    return this.current?.jobId ?? null;
  }

  /**
   * Resolves once no session is opening: its worker answered the `liveOpen` (the session's own
   * first frame), or it ended. Work that would take a core from a session opening waits for this
   * (the browser build's check of its prebuilt figures).
   */
  async settled(): Promise<void> {
    for (let session = this.current; session?.isOpening; session = this.current) await session.openSettled;
  }
}

class Session {
  readonly jobId: string;
  readonly done: Promise<LiveOutcome>;
  private resolve!: (outcome: LiveOutcome) => void;
  private readonly pool: LivePool;
  private readonly interval: number;
  private readonly maxWorkMs: number;
  private playing: boolean;
  private speed: LiveSpeed;
  private seq = 0;
  private tS = 0;
  private finished = false;
  private ended = false;
  /** the liveOpen call (with its warm-up) is in flight */
  private opening = true;
  /** resolves when the liveOpen call has answered, or the session ended */
  readonly openSettled: Promise<void>;
  private openDone!: () => void;
  private busy = false;
  private stepQueued = false;
  /** a Jump asked for (simulation seconds), run by the next tick */
  private jumpTo: number | null = null;
  /** the last frame left moving units' trips out (`tripsPending`): the next tick asks for a frame even when paused (at once) */
  private tripsOwed = false;
  /** Trips of paused frames that only brought owed trips (each would redraw the page for nothing): shown with the next frame that owes none, or of another kind. */
  private readonly heldTrips = new Map<string, LiveTrip>();
  private cancelTimer: (() => void) | null = null;
  private lastTickWall = 0;
  private chunkS = MAX_CHUNK_FIRST_S;
  /** the pool's crash count when the session opened: a higher count means its worker (and the session) is gone */
  private crashesAtOpen = 0;

  constructor(
    private readonly options: LiveDriverOptions,
    private readonly request: LiveStartRequest,
    private readonly emit: (frame: LiveFrame) => void,
  ) {
    this.jobId = request.jobId;
    this.pool = options.pool();
    this.interval = options.frameIntervalMs ?? 100;
    this.maxWorkMs = options.maxSpeedWorkMs ?? 60;
    this.playing = request.playing ?? false;
    this.speed = request.speed ?? DEFAULT_LIVE_SPEED;
    this.done = new Promise((resolve) => (this.resolve = resolve));
    this.openSettled = new Promise((resolve) => (this.openDone = resolve));
    void this.open();
  }

  get isOpening(): boolean {
    return this.opening && !this.ended;
  }

  control(command: LiveCommand): LivePlayback {
    if (!this.ended && !this.finished) {
      switch (command.kind) {
        case 'play':
          if (!this.playing) {
            this.playing = true;
            this.lastTickWall = this.options.now();
            // The first playing frame comes one interval on (a frame now would show no change).
            if (!this.busy) this.schedule(this.interval);
          }
          break;
        case 'pause':
          this.playing = false;
          this.clearTimer();
          // Paused while trips are still owed: they come without play.
          if (this.tripsOwed) this.kick();
          break;
        case 'step':
          this.playing = false;
          this.clearTimer();
          this.stepQueued = true;
          this.kick();
          break;
        case 'speed':
          this.speed = command.speed;
          this.chunkS = MAX_CHUNK_FIRST_S;
          break;
        case 'jump':
          this.playing = false;
          this.clearTimer();
          this.jumpTo = command.toS;
          this.kick();
          break;
      }
    } else if (command.kind === 'speed') {
      this.speed = command.speed;
    }
    return { playing: this.playing, speed: this.speed };
  }

  async trainer(action: LiveTrainerAction): Promise<LiveTrainerOutcome> {
    const over: LiveTrainerOutcome = { ok: false, kind: action.kind, reason: 'SESSION_OVER', message: 'the live run is over' };
    if (this.ended || this.finished || this.workerLost()) return over;
    const result = await this.pool.call('liveTrainer', { session: this.jobId, action }, { group: this.jobId });
    if (this.ended) return over;
    if (!result.ok) {
      // A crashed worker took the session with it; a failure inside the simulator leaves it running.
      if (result.error.kind === 'worker-crashed') this.fail(result.error);
      else if (this.workerLost()) return over;
      const message = result.error.kind === 'failed' || result.error.kind === 'worker-crashed' ? result.error.message : result.error.kind;
      return { ok: false, kind: action.kind, reason: 'FAILED', message };
    }
    if (result.value.frame) {
      this.deliver(result.value.frame);
      if (this.tripsOwed && !this.playing && !this.ended && !this.finished) this.kick();
    }
    return result.value.outcome;
  }

  stop(): void {
    if (this.ended) return;
    this.end({ ok: true, reason: 'stopped', tS: this.tS });
  }

  private async open(): Promise<void> {
    const { scenario, seed, days, exercise, startS, warm } = this.request;
    const early = this.options.firstFrame?.(this.request) ?? null;
    // Shown at once; the worker's queue runs what the user asks meanwhile after its liveOpen (sent here, before any await).
    if (early) this.opened(early.frame);
    const result = await this.pool.call(
      'liveOpen',
      {
        session: this.jobId,
        scenario,
        ...(seed === undefined ? {} : { seed }),
        ...(days === undefined ? {} : { days }),
        ...(exercise === undefined ? {} : { exercise }),
        ...(startS === undefined ? {} : { startS }),
        ...(warm === undefined ? {} : { warm }),
      },
      { group: this.jobId },
    );
    this.opening = false;
    this.openDone();
    if (this.ended) return;
    if (!result.ok) return this.fail(result.error);
    this.crashesAtOpen = this.pool.crashes.count;
    // Shown already (and perhaps played on since): the worker has caught up.
    if (early?.matches(result.value)) return;
    this.opened(result.value);
  }

  private opened(frame: LiveWorkerFrame): void {
    this.lastTickWall = this.options.now();
    this.deliver(frame);
    if (this.playing && !this.busy) this.schedule(this.interval);
    // A first frame without its units' trips (src/host/live-worker.ts): the next frame, at once, brings them.
    else if (this.tripsOwed && !this.ended && !this.finished) this.kick();
  }

  /** Starts a tick now unless one is running (it schedules the next itself). */
  private kick(): void {
    if (!this.busy) this.schedule(0);
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.cancelTimer = this.options.timers.after(ms, () => {
      this.cancelTimer = null;
      void this.tick();
    });
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private async tick(): Promise<void> {
    if (this.ended || this.busy || this.finished) return;
    let request: WorkerCalls['liveAdvance']['request'];
    const started = this.options.now();
    if (this.stepQueued) {
      this.stepQueued = false;
      request = { session: this.jobId, step: true };
    } else if (this.jumpTo !== null) {
      request = { session: this.jobId, toS: this.jumpTo };
      this.jumpTo = null;
    } else if (this.playing) {
      const elapsed = Math.min(Math.max(0, started - this.lastTickWall), 2 * this.interval);
      this.lastTickWall = started;
      const toS = this.speed === 'max' ? this.tS + this.chunkS : this.tS + (this.speed * elapsed) / 1000;
      request = { session: this.jobId, toS };
    } else if (this.tripsOwed) {
      // No events (never backwards): the same instant again, with the trips.
      request = { session: this.jobId, toS: this.tS };
    } else return;
    this.tripsOwed = false;

    if (this.workerLost()) return;
    this.busy = true;
    const result = await this.pool.call('liveAdvance', request, { group: this.jobId });
    this.busy = false;
    if (this.ended) return;
    // A worker that died between calls is replaced by a fresh one without the session.
    if (!result.ok && result.error.kind !== 'worker-crashed' && this.workerLost()) return;
    if (!result.ok) return this.fail(result.error);
    const frame = result.value;
    const tripsOnly = request.toS !== undefined && request.toS === this.tS && frame.events === 0;
    if (this.speed === 'max' && request.toS !== undefined) {
      // Aim the next chunk at maxWorkMs of the worker's time (at most halving or doubling).
      const factor = Math.min(2, Math.max(0.5, this.maxWorkMs / Math.max(1, frame.workMs)));
      this.chunkS = Math.min(MAX_CHUNK_MAX_S, Math.max(MAX_CHUNK_MIN_S, this.chunkS * factor));
    }
    this.deliver(frame, tripsOnly && !this.playing);
    if (this.ended) return;
    // Trips still owed come at once while paused; playing, the playing frames bring them (one interval apart).
    if (this.stepQueued || this.jumpTo !== null || (this.tripsOwed && !this.playing)) this.schedule(0);
    else if (this.playing) this.schedule(Math.max(0, this.interval - (this.options.now() - started)));
  }

  /** @param tripsOnly a paused frame at the same instant asked for the owed trips: held while more are owed */
  private deliver(given: LiveWorkerFrame, tripsOnly = false): void {
    this.tS = given.tS;
    // Moving units' trips left out (all in a session's first frame, some in the next few): owed until a frame has none left out.
    this.tripsOwed = given.tripsPending === true;
    if (tripsOnly && this.tripsOwed && !given.finished && given.exercise === undefined) {
      for (const u of given.units) if (u.trip) this.heldTrips.set(u.id, u.trip);
      return;
    }
    const frame = this.heldTrips.size === 0 ? given : { ...given, units: given.units.map((u) => this.withHeldTrip(u)) };
    this.heldTrips.clear();
    // The exercise script paused here: the trainer plays on.
    if (frame.exercise && frame.exercise.pausedAtS !== null) {
      this.playing = false;
      this.clearTimer();
    }
    if (frame.finished) {
      this.finished = true;
      this.playing = false;
    }
    this.emit({ ...frame, jobId: this.jobId, seq: this.seq++, playing: this.playing, speed: this.speed });
    if (frame.finished) this.end({ ok: true, reason: 'finished', tS: frame.tS });
  }

  /** `u` with its held trip when the frame sends none (the worker sent it before: it is still that one while the unit moves). */
  private withHeldTrip(u: LiveUnit): LiveUnit {
    const held = this.heldTrips.get(u.id);
    return held === undefined || u.trip !== undefined || !u.moving ? u : { ...u, trip: held };
  }

  /** Ends the session when its worker crashed since it opened; true if so. */
  private workerLost(): boolean {
    const { count, lastReason } = this.pool.crashes;
    if (count === this.crashesAtOpen) return false;
    this.fail({ kind: 'worker-crashed', message: lastReason ?? 'the sim worker of the live session stopped' });
    return true;
  }

  private fail(error: RunError): void {
    this.end({ ok: false, error });
  }

  private end(outcome: LiveOutcome): void {
    if (this.ended) return;
    this.ended = true;
    this.playing = false;
    this.clearTimer();
    // Stopped while it opens: the warm-up is worker time nobody will use (it stops between slices).
    if (this.opening) this.pool.cancel?.(this.jobId);
    this.openDone();
    // The worker's copy of the session is dropped; a crashed worker has none left to drop.
    if (outcome.ok || outcome.error.kind !== 'worker-crashed') void this.pool.call('liveClose', { session: this.jobId });
    this.resolve(outcome);
  }
}
