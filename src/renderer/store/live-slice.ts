/**
 * The live slice: the live session the map plays, its last frame and the trips of the units that
 * move. Frames arrive about ten times a second; the map's canvas layer reads this slice outside
 * React (store.getState() in requestAnimationFrame) and glides units along `trips` between frames.
 * No Leaflet object is kept here (STYLE.md 13).
 */
import type { LiveFrame, LiveOutcome, LivePlayback, LiveSpeed, LiveTrip, RunError } from '../../shared/protocol';

export type LiveStatus = 'idle' | 'starting' | 'running' | 'finished' | 'failed';

export interface LiveState {
  readonly jobId: string | null;
  readonly status: LiveStatus;
  readonly playing: boolean;
  readonly speed: LiveSpeed;
  /** the last frame received */
  readonly frame: LiveFrame | null;
  /** wall milliseconds (performance.now) when `frame` arrived */
  readonly receivedAt: number;
  /** the trip of each unit that is moving, by unit id */
  readonly trips: Readonly<Record<string, LiveTrip>>;
  /** why the session ended without being asked to */
  readonly error: RunError | null;
}

export const initialLiveState: LiveState = {
  jobId: null,
  status: 'idle',
  playing: false,
  speed: 60,
  frame: null,
  receivedAt: 0,
  trips: {},
  error: null,
};

/** A new session: the old frame and trips go (another scenario may have other units). */
export function liveStarting(state: LiveState, payload: { jobId: string }): LiveState {
  return { ...initialLiveState, speed: state.speed, jobId: payload.jobId, status: 'starting' };
}

/** A frame of the current session; trips are merged (a frame sends a trip only when it is new). */
export function frameReceived(state: LiveState, payload: { frame: LiveFrame; receivedAt: number }): LiveState {
  const { frame } = payload;
  if (frame.jobId !== state.jobId || state.status === 'failed') return state;
  let trips: Record<string, LiveTrip> | null = null;
  const own = (): Record<string, LiveTrip> => (trips ??= { ...state.trips });
  for (const unit of frame.units) {
    if (unit.trip) own()[unit.id] = unit.trip;
    else if (!unit.moving && state.trips[unit.id] !== undefined) delete own()[unit.id];
  }
  return {
    ...state,
    status: frame.finished ? 'finished' : 'running',
    playing: frame.playing,
    speed: frame.speed,
    frame,
    receivedAt: payload.receivedAt,
    trips: trips ?? state.trips,
  };
}

/** The answer of a play/pause/step/speed command. */
export function playbackChanged(state: LiveState, payload: { jobId: string; playback: LivePlayback }): LiveState {
  if (payload.jobId !== state.jobId) return state;
  return { ...state, playing: payload.playback.playing, speed: payload.playback.speed };
}

/** The speed chosen while no session runs (used by the next one). */
export function speedChosen(state: LiveState, speed: LiveSpeed): LiveState {
  return { ...state, speed };
}

export function liveEnded(state: LiveState, payload: { jobId: string; outcome: LiveOutcome }): LiveState {
  if (payload.jobId !== state.jobId) return state;
  const { outcome } = payload;
  if (outcome.ok) return { ...state, playing: false, status: outcome.reason === 'finished' ? 'finished' : state.frame ? state.status : 'idle' };
  if (outcome.error.kind === 'cancelled') return { ...state, playing: false };
  return { ...state, playing: false, status: 'failed', error: outcome.error };
}
