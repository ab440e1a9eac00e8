/**
 * Live mode's messages (part of the one contract, re-exported by ./protocol.ts): what a host streams
 * to the renderer while a live session plays, and the commands the renderer sends it. Types and
 * constants only, so every process can import it.
 *
 * Times are simulation seconds since the scenario start (negative during the warm-up); places are
 * WGS84 lon/lat. A frame is a snapshot of the simulator's live session (src/sim/live/snapshot.ts)
 * with one saving: a unit's trip geometry is sent in the first frame after it changes, not again
 * while the unit keeps driving the same trip (`moving` true, `trip` absent). A session's first
 * frame sends no trips (`tripsPending`): the next one sends them all.
 */

import type { ExerciseStatus } from './exercise-log';

/** Playback speeds: simulated seconds per wall-clock second, or as fast as the simulator runs. */
export type LiveSpeed = 1 | 10 | 60 | 600 | 'max';
export const LIVE_SPEEDS: readonly LiveSpeed[] = [1, 10, 60, 600, 'max'];

/** A unit's state as the live session names it. */
export type LiveUnitState = 'off-duty' | 'free' | 'returning' | 'travelling' | 'on-scene' | 'custody';
export const LIVE_UNIT_STATES: readonly LiveUnitState[] = ['free', 'travelling', 'on-scene', 'returning', 'custody', 'off-duty'];

/** A journey the unit drives: positions at known times, so the map can glide it between frames. */
export interface LiveTrip {
  /** simulation time the unit sets off (after turnout) */
  readonly departS: number;
  /** flat [lon0, lat0, lon1, lat1, ...] */
  readonly coords: readonly number[];
  /** seconds after `departS` at each vertex (non-decreasing) */
  readonly timesS: readonly number[];
}

export interface LiveUnit {
  readonly id: string;
  readonly station: string;
  readonly state: LiveUnitState;
  /** where the unit is at the frame's time */
  readonly lon: number;
  readonly lat: number;
  /** incident it works on, or null */
  readonly incident: number | null;
  /** true while it drives a trip (travelling, returning, to custody, home off duty) */
  readonly moving: boolean;
  /** the trip, when it is new since the previous frame of this session (else keep the last one sent) */
  readonly trip?: LiveTrip;
}

export type LiveIncidentState = 'deciding' | 'pending' | 'assigned' | 'on-scene';

export interface LiveIncident {
  readonly id: number;
  readonly grade: 'I' | 'S' | 'E' | 'R';
  readonly lon: number;
  readonly lat: number;
  readonly state: LiveIncidentState;
  /** when the call arrived */
  readonly callS: number;
  /** units sent and not yet cleared */
  readonly units: readonly string[];
  readonly injected: boolean;
}

/** Rolling figures of one window of simulated time (src/sim/live/kpis.ts). Percentages 0..100; null = nothing to measure. */
export interface LiveKpiWindow {
  /** window start, simulation seconds */
  readonly fromS: number;
  readonly calls: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly answeredWithinTargetPct: number | null;
  readonly iAttended: number;
  readonly iMeanResponseS: number | null;
  readonly iWithinTargetPct: number | null;
  readonly attended: number;
  readonly withinTargetPct: number | null;
}

/** What one Step ran (the next live event). */
export interface LiveStepReport {
  readonly tS: number;
  /** 'arrival', 'handling-end', 'unit-at-scene', ... */
  readonly event: string;
  readonly incident: number | null;
  readonly unit: string | null;
}

/** What a live session shows at one instant, whatever carries it (the simulator's snapshot, a frame). */
export interface LiveState {
  /** simulation seconds */
  readonly tS: number;
  readonly finished: boolean;
  readonly incidents: readonly LiveIncident[];
  /** calls waiting for a call taker */
  readonly callsWaiting: number;
  /** incidents waiting for a unit */
  readonly pending: number;
  /** units committed to work (travelling to, on scene, custody) */
  readonly busyUnits: number;
  readonly kpis: { readonly lastHour: LiveKpiWindow; readonly today: LiveKpiWindow };
}

/** A unit as the simulator's live session shows it (`LiveUnit` is its form in a frame). */
export interface LiveUnitView {
  readonly id: string;
  readonly station: string;
  readonly state: LiveUnitState;
  readonly lon: number;
  readonly lat: number;
  /** incident it works on, or null */
  readonly incident: number | null;
  /** present while it moves (travelling, returning, driving to custody, or driving home off duty) */
  readonly trip?: LiveTrip;
  /** true when it moves but its trip was left out of this snapshot (`LiveSnapshotOptions.trips` false) */
  readonly tripLeftOut?: boolean;
}

/** What a live snapshot leaves out. */
export interface LiveSnapshotOptions {
  /**
   * false: moving units' trips are left out (`tripLeftOut`), so nothing asks for their geometry
   * (a road trip's is hundreds of vertices, worked out when first asked for): a session's first
   * frame shows sooner, and the frame after it brings them. Default true.
   */
  readonly trips?: boolean;
  /**
   * Asked (with the unit's id) before working out a moving unit's trip geometry that no snapshot
   * of this run worked out before (a restored session's trips: a route search and hundreds of
   * vertices each); false leaves that trip out (`tripLeftOut`). A host sends a restored session's
   * trips over a few frames this way, so none of them holds up the next (a Play). Default: all.
   */
  readonly newTrip?: (unit: string) => boolean;
}

/** What the simulator's live session shows at one instant (`LiveWorkerFrame` is its form on the wire). */
export interface LiveSnapshot extends LiveState {
  readonly units: readonly LiveUnitView[];
}

/** A frame as a sim worker answers it (the host adds the playback state). */
export interface LiveWorkerFrame extends LiveState {
  /** first simulated instant (-warm-up) and end of the counted period */
  readonly startS: number;
  readonly endS: number;
  readonly units: readonly LiveUnit[];
  /** the event a Step ran; null for frames made by playing */
  readonly step: LiveStepReport | null;
  /** wall milliseconds the worker spent on the events of this frame */
  readonly workMs: number;
  /** events run for this frame */
  readonly events: number;
  /** the session's exercise: log entries since the frame before, a scripted pause reached, the next inject */
  readonly exercise?: ExerciseStatus;
  /**
   * true when moving units' trips were left out of this frame (a session's first: it shows sooner,
   * its units where they are; and the next few, which bring them a few at a time); the next frame
   * of the session brings them, or some of them, and a host asks for one at once.
   */
  readonly tripsPending?: boolean;
}

/** A frame as the renderer receives it (the stream of `liveStart`). */
export interface LiveFrame extends LiveWorkerFrame {
  readonly jobId: string;
  /** 0, 1, 2, ... within the session */
  readonly seq: number;
  readonly playing: boolean;
  readonly speed: LiveSpeed;
}

/** What the renderer can ask of a running live session. */
export type LiveCommand =
  | { readonly kind: 'play' }
  | { readonly kind: 'pause' }
  /** runs the next event (pausing first when playing) */
  | { readonly kind: 'step' }
  /** runs flat out to `toS` (e.g. an exercise's next inject), pausing first when playing */
  | { readonly kind: 'jump'; readonly toS: number }
  | { readonly kind: 'speed'; readonly speed: LiveSpeed };

/** The playback state after a command; null from `liveControl` when no such session runs. */
export interface LivePlayback {
  readonly playing: boolean;
  readonly speed: LiveSpeed;
}

/** Grades a trainer can inject (R, a referral, never needs a unit). */
export type LiveInjectGrade = 'I' | 'S' | 'E';
export const LIVE_INJECT_GRADES: readonly LiveInjectGrade[] = ['I', 'S', 'E'];

/**
 * A trainer's action on a running live session (`liveTrainer`): place an incident now (pending at
 * once, no call handling), send a unit to an incident by hand (diverting it if busy), or list the
 * units that could go, nearest by ETA first. Unlike `LiveCommand` each needs the session's worker.
 */
export type LiveTrainerAction =
  | { readonly kind: 'inject'; readonly lon: number; readonly lat: number; readonly grade: LiveInjectGrade }
  | { readonly kind: 'assign'; readonly incident: number; readonly unit: string }
  | { readonly kind: 'candidates'; readonly incident: number }
  /** the unit leaves its incident, which no longer needs it, and goes back to base */
  | { readonly kind: 'standDown'; readonly unit: string };

/** Why the simulator would not send that unit (src/sim/live/override.ts). */
export type LiveAssignRefusal =
  | 'NO_SUCH_INCIDENT'
  | 'INCIDENT_NOT_READY'
  | 'INCIDENT_FULLY_ASSIGNED'
  | 'NO_SUCH_UNIT'
  | 'UNIT_OFF_DUTY'
  | 'UNIT_IN_CUSTODY'
  | 'UNIT_ALREADY_ON_INCIDENT'
  | 'NO_ROUTE'
  /** stand down: the unit is not travelling to or on scene at an incident */
  | 'UNIT_NOT_ON_INCIDENT'
  /** inject: the place is outside the modelled area (src/sim/live/inject-area.ts) */
  | 'OUTSIDE_AREA';

/** The simulator's answer to an assignment. */
export type LiveAssignOutcome =
  | { readonly ok: true; readonly unit: string; readonly incident: number; /** turnout + travel, seconds from now */ readonly etaS: number }
  | { readonly ok: false; readonly reason: LiveAssignRefusal; readonly message: string };

/** The simulator's answer to standing a unit down (src/sim/live/stand-down.ts). */
export type LiveStandDownOutcome =
  | { readonly ok: true; readonly unit: string; /** the incident it left */ readonly incident: number; /** that incident is over with it */ readonly closed: boolean }
  | { readonly ok: false; readonly reason: 'NO_SUCH_UNIT' | 'UNIT_NOT_ON_INCIDENT' | 'UNIT_IN_CUSTODY'; readonly message: string };

/** An on-duty unit that could be sent to an incident, as the dispatcher sees it now. */
export interface LiveCandidate {
  readonly unit: string;
  readonly station: string;
  readonly state: LiveUnitState;
  /** turnout + travel from where the unit is now, seconds; null when it cannot reach the incident */
  readonly etaS: number | null;
  /** the dispatch policy would send it now */
  readonly chosen: boolean;
  /** free and allowed by the border and reserve rules */
  readonly eligible: boolean;
  /** why (not): 'chosen by nearest-eta', 'free', 'held in reserve', 'busy: on-scene at incident 12', ... */
  readonly reason: string;
  /** the incident it works on now (sending it diverts it from there); absent or null: none */
  readonly incident?: number | null;
}

/**
 * Why a unit was or was not the one sent (src/sim/dispatch/explain.ts): the one sent; weighed by the
 * rule but slower (or farther, by straight line); busy; off duty; held in reserve for higher grades;
 * outside the border rule; not of the incident's own area (home-station-first); no route.
 */
export type DispatchVerdict = 'chosen' | 'slower' | 'busy' | 'off-duty' | 'reserve' | 'border' | 'home-area' | 'no-route';

/** One unit in a dispatch decision, as it stood when the decision was taken. */
export interface ExplainedUnit {
  readonly unit: string;
  readonly state: LiveUnitState;
  /** turnout + travel, seconds, when it was weighed; null when not weighed or unreachable */
  readonly etaS: number | null;
  readonly verdict: DispatchVerdict;
  /** in words: 'slower by 1.3 min', 'busy: on-scene at incident 12', 'held in reserve for I' */
  readonly why: string;
}

/** One unit sent to an incident, and why that one. */
export interface DispatchDecision {
  /** simulation seconds */
  readonly tS: number;
  /** the incident's unit slot it filled, 0-based */
  readonly slot: number;
  /** by the dispatch policy, a diversion under `dispatch.divert`, or by the trainer's hand */
  readonly how: 'policy' | 'diversion' | 'trainer';
  readonly unit: string;
  /** turnout + travel, seconds; null when unreachable */
  readonly etaS: number | null;
  /** the rule that chose, in words */
  readonly rule: string;
  /** units weighed, nearest first (the one sent always among them; at most 12) */
  readonly candidates: readonly ExplainedUnit[];
  /** how many on-duty units were passed over for each reason (off duty: units not on duty) */
  readonly passedOver: Readonly<Partial<Record<DispatchVerdict, number>>>;
}

/** The decision record of an incident: every unit sent and why, and why it waits now. */
export interface DispatchExplanation {
  readonly incident: number;
  readonly decisions: readonly DispatchDecision[];
  /** other dispatch events: a unit diverted away or stood down */
  readonly notes: readonly string[];
  /** why it waits for a unit now; null when it does not wait */
  readonly waiting: string | null;
  /** the incident log's `reason` so far */
  readonly text: string;
}

/** A candidate as the simulator ranks it (`LiveCandidate` is its form on the wire, where an unreachable ETA is null). */
export interface LiveCandidateView extends Omit<LiveCandidate, 'etaS'> {
  /** turnout + travel, seconds; Infinity when unreachable */
  readonly etaS: number;
}

/**
 * What a trainer's action came to. Refusals are values: the simulator's reasons for an assignment,
 * `SESSION_OVER` (the run ended, nothing more can happen), `FAILED` (the worker could not do it).
 */
export type LiveTrainerOutcome =
  | { readonly ok: true; readonly kind: 'inject'; readonly incident: number; /** simulation time it was placed */ readonly tS: number }
  | { readonly ok: true; readonly kind: 'assign'; readonly incident: number; readonly unit: string; readonly etaS: number; readonly tS: number }
  | {
      readonly ok: true;
      readonly kind: 'candidates';
      readonly incident: number;
      readonly candidates: readonly LiveCandidate[];
      readonly tS: number;
      /** the incident's dispatch decision record and why it waits now; absent or null when it is not live */
      readonly explanation?: DispatchExplanation | null;
    }
  | { readonly ok: true; readonly kind: 'standDown'; readonly unit: string; /** the incident it left */ readonly incident: number; /** that incident is over with it */ readonly closed: boolean; readonly tS: number }
  | {
      readonly ok: false;
      readonly kind: LiveTrainerAction['kind'];
      readonly reason: LiveAssignRefusal | 'SESSION_OVER' | 'FAILED';
      readonly message: string;
    };
