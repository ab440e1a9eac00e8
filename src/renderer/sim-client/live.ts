/**
 * The live session through the injected API into the store: start (paused or playing), the
 * streamed frames, play / pause / step / speed, and its end. A rejected call is logged and shown
 * as a failed session, never swallowed.
 */
import type { DesktopApi, LiveCommand, LiveSpeed } from '../../shared/protocol';
import { update, type AppStore } from '../store';
import { frameReceived, liveEnded, liveStarting, playbackChanged, speedChosen } from '../store/live-slice';
import { trainerSessionStarted } from '../store/trainer-slice';
import { newJobId } from './run';

export interface StartLive {
  readonly scenario: Record<string, unknown>;
  readonly days?: number;
  readonly playing: boolean;
  /** an exercise script to play (src/shared/exercise.ts) */
  readonly exercise?: Record<string, unknown>;
  /** run flat out to this time when opened */
  readonly startS?: number;
}

/** Wall milliseconds for frame arrival times (the map's clock). */
const wallNow = (): number => performance.now();

/** Starts a session (stopping the store's current one); resolves when it ends. */
export async function startLive(api: DesktopApi, store: AppStore, live: StartLive): Promise<void> {
  const previous = store.getState().live;
  if (previous.jobId !== null && (previous.status === 'starting' || previous.status === 'running')) void api.cancel(previous.jobId);
  const jobId = newJobId('live');
  update(store, 'live', liveStarting, { jobId });
  update(store, 'trainer', trainerSessionStarted, { jobId });
  const { speed } = store.getState().live;
  try {
    const outcome = await api.liveStart(
      {
        jobId,
        scenario: live.scenario,
        speed,
        playing: live.playing,
        // warm: the session opens past its warm-up, run at full speed in the worker (issue 17 item 2).
        warm: true,
        ...(live.days === undefined ? {} : { days: live.days }),
        ...(live.exercise === undefined ? {} : { exercise: live.exercise }),
        ...(live.startS === undefined ? {} : { startS: live.startS }),
      },
      (frame) => update(store, 'live', frameReceived, { frame, receivedAt: wallNow() }),
    );
    update(store, 'live', liveEnded, { jobId, outcome });
  } catch (error) {
    console.error('liveStart failed', error);
    update(store, 'live', liveEnded, { jobId, outcome: { ok: false, error: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } } });
  }
}

/** Sends a command to the running session; false when none runs. */
export async function controlLive(api: DesktopApi, store: AppStore, command: LiveCommand): Promise<boolean> {
  const { jobId, status } = store.getState().live;
  if (command.kind === 'speed') update(store, 'live', speedChosen, command.speed);
  if (jobId === null || (status !== 'running' && status !== 'starting')) return false;
  const playback = await api.liveControl(jobId, command);
  if (playback === null) return false;
  update(store, 'live', playbackChanged, { jobId, playback });
  return true;
}

export function setLiveSpeed(api: DesktopApi, store: AppStore, speed: LiveSpeed): Promise<boolean> {
  return controlLive(api, store, { kind: 'speed', speed });
}

/** Stops the running session, if any. */
export async function stopLive(api: DesktopApi, store: AppStore): Promise<boolean> {
  const { jobId, status } = store.getState().live;
  if (jobId === null || (status !== 'running' && status !== 'starting')) return false;
  return api.cancel(jobId);
}
