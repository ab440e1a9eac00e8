/**
 * The simulator core, in the spirit of SimPy's core.py: a clock, the event queue, and a table of
 * handlers indexed by event kind. It knows nothing of calls or units: a model gives it its table
 * of kinds (priority and name per kind) and one handler per kind, and keeps its own state, which
 * the core passes to the handler of each event.
 *
 * Time is seconds on the simulated clock (never wall time). An event is plain numbers: a kind and
 * two integer arguments (see queue.ts); no object is allocated per event.
 */
import { EventQueue } from './queue';

/** One row of a model's table of event kinds; the row's index is the kind's code. */
export interface EventKind {
  /** Name reported to hosts (live sessions' step reports). */
  readonly name: string;
  /** 0..4095; at equal times lower priorities run first. */
  readonly priority: number;
}

/**
 * Runs one event of its kind on the model state `s`, with the event's two arguments. Returns false
 * when the event was stale (the model changed since it was scheduled) and did nothing.
 */
export type Handler<S> = (s: S, a: number, b: number) => boolean;

export class SimCore<S> {
  /**
   * Simulated seconds now: the time of the event last popped, or where runUntil left the clock.
   * A fraction from the start (set by the constructor): a field first holding undefined would keep
   * its value boxed, a new heap number at every event, and one first holding a small integer (a
   * start of -86400) changes its shape at the first fractional time, which throws away the
   * optimised code of every function that has read the clock.
   */
  now = NaN;
  /** Events popped so far. */
  events = 0;
  /** The event last popped: its kind (index into the kinds table) and its two arguments. */
  kind = -1;
  a = 0;
  b = 0;
  private readonly queue: EventQueue;
  private readonly priority: Int32Array;
  private readonly handlers: readonly Handler<S>[];

  /** `kinds` and `handlers` are indexed alike (kind code = index); `startS` is the first instant. */
  constructor(kinds: readonly EventKind[], handlers: readonly Handler<S>[], startS: number) {
    if (handlers.length !== kinds.length) throw new Error(`${kinds.length} event kinds but ${handlers.length} handlers`);
    this.priority = Int32Array.from(kinds, (k) => k.priority);
    this.handlers = handlers;
    this.now = startS;
    this.queue = new EventQueue(4096, startS);
  }

  /** Schedules an event of `kind` at `timeS` (ties by the kind's priority, then in scheduling order). */
  schedule(timeS: number, kind: number, a = 0, b = 0): void {
    this.queue.push(timeS, this.priority[kind]!, kind, a, b);
  }

  /**
   * schedule() for a kind of which at most one event is ever pending (EventQueue.pushSide): the
   * same order of events, without the heap's work.
   */
  scheduleSide(timeS: number, kind: number, a = 0, b = 0): void {
    this.queue.pushSide(timeS, this.priority[kind]!, kind, a, b);
  }

  /** Time of the next event; Infinity when none is scheduled. */
  peekTime(): number {
    return this.queue.peekTime();
  }

  /** Events scheduled so far. */
  get scheduled(): number {
    return this.queue.scheduled;
  }

  /**
   * Takes the next event off the queue into kind/a/b and moves the clock to it (the caller has
   * checked with peekTime that there is one). Its handler runs on handle(), so a model can look at
   * the state the event finds before the event changes it.
   */
  pop(): void {
    const q = this.queue;
    q.pop();
    this.now = q.popTime;
    this.kind = q.popKind;
    this.a = q.popA;
    this.b = q.popB;
    this.events++;
  }

  /** Runs the handler of the event last popped on `s`; false when the event was stale. */
  handle(s: S): boolean {
    return this.handlers[this.kind]!(s, this.a, this.b);
  }
}
