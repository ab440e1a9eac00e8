/**
 * A call while it is alive in the simulation: everything drawn for it on arrival (so a change of
 * resourcing cannot change what a call is), and where it stands. Per-slot fields are small plain
 * arrays (one entry per unit the incident needs): cheaper to allocate than typed arrays. Outcomes go to the incident log
 * as they happen; the object is dropped when the call is over.
 */
import type { Place } from '../world';

/** Where a call stands. */
export const CS = {
  WAITING: 0,
  IN_HANDLING: 1,
  ABANDONED: 2,
  /** Handled, waiting out the dispatcher's decision time. */
  DECIDING: 3,
  /** In the pending queue or being served by units. */
  ACTIVE: 4,
  /** Graded to no attendance. */
  REFERRED: 5,
  /** Every unit has cleared the scene. */
  DONE: 6,
} as const;

export interface Call {
  readonly id: number;
  readonly lineIndex: number;
  /** Counted in results: arrived in [0, end of counted days). */
  readonly counted: boolean;
  readonly injected: boolean;
  /** Arrival time of the call (seconds since scenario start). */
  readonly tS: number;
  readonly lon: number;
  readonly lat: number;
  /** Area index or -1. */
  readonly area: number;
  /** Index of the demand point it came from (-1 when not from points): shares snapped places. */
  readonly pointIndex: number;
  /** 0..3 for I, S, E, R. */
  readonly grade: number;
  readonly handlingS: number;
  /** Infinity: never abandons. */
  readonly patienceS: number;
  readonly decisionS: number;
  /** Units the incident needs. */
  readonly slots: number;
  /** Per slot: unit index or -1. */
  readonly slotUnit: number[];
  /** Per slot: time on scene still to spend (drawn on arrival; the rest after a diversion). */
  readonly slotOnSceneS: number[];
  readonly slotTurnoutS: number[];
  /** Per slot: when its current unit was dispatched. */
  readonly slotDispatchS: number[];
  /** Per slot: 1 once a unit has finished it. */
  readonly slotDone: number[];
  readonly arrest: boolean;
  readonly custodyS: number;
  state: number;
  place: Place | null;
  /** Slots with a unit assigned or done. */
  assigned: number;
  done: number;
  arrestTaken: boolean;
  /** When a call taker answered, NaN before. */
  answeredS: number;
  /** When handling ended (the incident was created), NaN before. */
  handledS: number;
  /** When it entered the pending queue (its place in grade order). */
  pendingS: number;
  /** First unit's arrival at scene, NaN before. */
  firstArriveS: number;
  /** In the pending queue now. */
  inPending: boolean;
  /** Carried over (dispatch.carryOver): queued behind every fresher incident of its grade. */
  carried: boolean;
}

/** A Call as the model writes it (the interface's readonly fields are fixed from arrival on). */
export type MutableCall = { -readonly [K in keyof Call]: Call[K] };

/** The slot arrays of a call with no slots (never written: every write is to a slot it has). */
export const NO_SLOTS = Object.freeze([]) as unknown as number[];

/**
 * A call object to fill in: every field present, in the order they are written (one shape for all).
 * A field that holds fractions (times, places, durations) starts as one (NaN, never read: the
 * caller writes every field): a field that starts as a small integer is kept as one by the engine
 * until the first fraction comes, and that change of the objects' shape then throws away the
 * optimised code of every function that has read a call so far.
 */
function blankCall(): MutableCall {
  return {
    id: 0,
    lineIndex: 0,
    counted: false,
    injected: false,
    tS: NaN,
    lon: NaN,
    lat: NaN,
    area: -1,
    pointIndex: -1,
    grade: 0,
    handlingS: NaN,
    patienceS: NaN,
    decisionS: NaN,
    slots: 0,
    slotUnit: NO_SLOTS,
    slotOnSceneS: NO_SLOTS,
    slotTurnoutS: NO_SLOTS,
    slotDispatchS: NO_SLOTS,
    slotDone: NO_SLOTS,
    arrest: false,
    custodyS: NaN,
    state: CS.WAITING,
    place: null,
    assigned: 0,
    done: 0,
    arrestTaken: false,
    answeredS: NaN,
    handledS: NaN,
    pendingS: NaN,
    firstArriveS: NaN,
    inPending: false,
    carried: false,
  };
}

/**
 * Call objects to use again: a batch run hands each call back when it is over (deleted from the
 * call table) and takes it for a later call, so a run allocates about as many call objects as calls
 * are alive at once, not one per call (less garbage, and the calls stay in a small, warm part of
 * memory). Only for runs where nothing keeps a call past its end: the model reads a call by id
 * (call table, events, units, waiting lines), and an observer reads a call only during its callback.
 * Live sessions keep none (their trainer actions read a call after it ends).
 */
export class CallPool {
  /**
   * Free objects by the length of their slot arrays (0 .. LISTS - 1; the last list holds longer
   * ones too): a call is taken from the list of its slots when it can be, so its arrays are used
   * again. One list for all made an attended call take a referred call's object (no arrays) more
   * often than not, and five new arrays with it.
   */
  private readonly free: MutableCall[][] = Array.from({ length: LISTS }, () => []);
  private count = 0;

  /** Objects waiting to be used again. */
  get size(): number {
    return this.count;
  }

  /**
   * A call object whose slot arrays have `slots` entries (the shared empty NO_SLOTS for none; the
   * entries' values are left to the caller to write). Every other field is the caller's to write.
   */
  take(slots: number): MutableCall {
    const call = this.count > 0 ? this.takeFree(slots) : blankCall();
    if (slots === 0) {
      if (call.slotUnit !== NO_SLOTS) {
        call.slotUnit = NO_SLOTS;
        call.slotOnSceneS = NO_SLOTS;
        call.slotTurnoutS = NO_SLOTS;
        call.slotDispatchS = NO_SLOTS;
        call.slotDone = NO_SLOTS;
      }
    } else if (call.slotUnit === NO_SLOTS || call.slotUnit.length !== slots) {
      call.slotUnit = newSlots(slots, -1);
      call.slotOnSceneS = newSlots(slots, 0.5);
      call.slotTurnoutS = newSlots(slots, 0.5);
      call.slotDispatchS = newSlots(slots, NaN);
      call.slotDone = newSlots(slots, 0);
    }
    return call;
  }

  /** A free object, from the list of `slots` when it has one, else from the first that has (some list has one). */
  private takeFree(slots: number): MutableCall {
    this.count--;
    const own = this.free[slots < LISTS ? slots : LISTS - 1]!;
    if (own.length > 0) return own.pop()!;
    for (const list of this.free) if (list.length > 0) return list.pop()!;
    throw new Error('call pool: no free object although its count says so');
  }

  /** `call` is over and nothing holds it: it may be handed out again. */
  give(call: Call): void {
    const n = call.slotUnit.length;
    this.free[n < LISTS ? n : LISTS - 1]!.push(call as MutableCall);
    this.count++;
  }
}

/** Free lists of CallPool (slot arrays of 0, 1, 2, and 3 or more entries). */
const LISTS = 4;

/** An array of `n` copies of `x` (a double's array starts as one: its entries hold doubles). */
function newSlots(n: number, x: number): number[] {
  const out = [x];
  for (let k = 1; k < n; k++) out.push(x);
  return out;
}
