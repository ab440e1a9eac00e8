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
