/**
 * Live mode's controls: Play/Pause (space), Step (the next event), Speed, Restart, the simulated
 * clock, and what is happening now (the live session's rolling figures). Named exactly "Play",
 * "Pause", "Step" and "Speed" for assistive technology and the end-to-end tests.
 */
import type { LiveSpeed } from '../../shared/protocol';
import { LIVE_SPEEDS } from '../../shared/protocol';
import { useApi } from '../api-context';
import { formatCount, formatDuration, formatPct } from '../format';
import { clockLabel, weekOffsetS } from '../live/clock';
import { effectiveScenario } from '../sim-client/auto-run';
import { controlLive, setLiveSpeed, startLive } from '../sim-client/live';
import { useAppStore, useAppStoreApi, type AppStore } from '../store';
import { runHorizon } from '../store/scenario-slice';
import type { DesktopApi } from '../../shared/protocol';
import { PresenterButton } from './PresenterButton';

export const SPEED_LABELS: Readonly<Record<string, string>> = { '1': '1×', '10': '10×', '60': '60×', '600': '600×', max: 'Max (as fast as possible)' };

/** Play when paused, pause when playing; starts a session (playing) when none runs. */
export function togglePlay(api: DesktopApi, store: AppStore): void {
  const { live, scenario } = store.getState();
  const running = live.status === 'running' || live.status === 'starting';
  if (!running) {
    void startLive(api, store, { scenario: effectiveScenario(store.getState()), days: runHorizon(scenario).days, playing: true });
    return;
  }
  void controlLive(api, store, { kind: live.playing ? 'pause' : 'play' });
}

export function LiveControls() {
  const api = useApi();
  const store = useAppStoreApi();
  const status = useAppStore((s) => s.live.status);
  const playing = useAppStore((s) => s.live.playing);
  const speed = useAppStore((s) => s.live.speed);
  const frame = useAppStore((s) => s.live.frame);
  const error = useAppStore((s) => s.live.error);
  const offset = useAppStore((s) => weekOffsetS(s.scenario.current.start));
  const clock = frame ? clockLabel(frame.tS, offset) : null;
  const restart = () => {
    const state = store.getState();
    void startLive(api, store, { scenario: effectiveScenario(state), days: runHorizon(state.scenario).days, playing: false });
  };
  const lastHour = frame?.kpis.lastHour;

  return (
    <section className="live-bar" aria-label="Live simulation">
      <div className="live-controls" role="toolbar" aria-label="Playback">
        <button type="button" className="play" aria-keyshortcuts="Space" onClick={() => togglePlay(api, store)} disabled={status === 'starting'} data-testid="play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => void controlLive(api, store, { kind: 'step' })} disabled={status !== 'running'} title="Run to the next event">
          Step
        </button>
        <label className="speed">
          Speed
          <select value={String(speed)} title="Simulated time per real second; Max runs as fast as the simulator can" onChange={(e) => void setLiveSpeed(api, store, (e.target.value === 'max' ? 'max' : Number(e.target.value)) as LiveSpeed)}>
            {LIVE_SPEEDS.map((s) => (
              <option key={String(s)} value={String(s)}>
                {SPEED_LABELS[String(s)]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={restart} title="Start the live run again from the end of its warm-up">
          Restart
        </button>
        <PresenterButton />
      </div>
      <div className="clock" aria-label="Simulated time" data-testid="clock" data-ts={frame?.tS ?? ''}>
        {clock ? (
          <>
            <span className="clock-time">{clock.time}</span>
            <span className="clock-day">{clock.day}</span>
          </>
        ) : (
          <span className="clock-time">{status === 'starting' ? 'Starting…' : '--:--:--'}</span>
        )}
      </div>
      {frame && (
        <dl className="live-figures" aria-label="Now">
          <div>
            <dt>Calls waiting</dt>
            <dd>{formatCount(frame.callsWaiting)}</dd>
          </div>
          <div>
            <dt>Incidents waiting</dt>
            <dd>{formatCount(frame.pending)}</dd>
          </div>
          <div>
            <dt>Units busy</dt>
            <dd data-testid="busy-units">{formatCount(frame.busyUnits)}</dd>
          </div>
          <div>
            <dt>I mean, last hour</dt>
            <dd>{formatDuration(lastHour?.iMeanResponseS)}</dd>
          </div>
          <div>
            <dt>I in time, last hour</dt>
            <dd>{formatPct(lastHour?.iWithinTargetPct)}</dd>
          </div>
        </dl>
      )}
      {frame?.step && (
        <p className="step-report" aria-live="polite">
          Step: {frame.step.event}
          {frame.step.incident !== null ? `, incident ${frame.step.incident}` : ''}
          {frame.step.unit !== null ? `, unit ${frame.step.unit}` : ''}
        </p>
      )}
      {status === 'failed' && error && (
        <p role="alert" className="failure" data-testid="live-error">
          {error.kind === 'worker-crashed'
            ? `The live simulation stopped unexpectedly (${error.message}). Restart to run it again.`
            : error.kind === 'invalid-scenario'
              ? `The live simulation cannot run this scenario: ${error.errors.map((e) => `${e.path || '(file)'}: ${e.message}`).join('; ')}`
              : error.kind === 'failed'
                ? `The live simulation failed: ${error.message}`
                : 'The live simulation was cancelled.'}
          {(error.kind === 'worker-crashed' || error.kind === 'failed') && error.crashReport ? ` A crash report was written to ${error.crashReport}.` : ''}
        </p>
      )}
    </section>
  );
}
