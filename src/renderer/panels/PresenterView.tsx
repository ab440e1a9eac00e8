/**
 * The presenter view (issue 17 item 7): the map full screen with a large clock and the live figures,
 * readable on a projector across a room. "Presenter view" (in the live bar) opens it; Escape or
 * "Leave presenter view" leaves. The map itself is made full screen by the `presenter` class on the
 * app (styles.css); this is the overlay of clock and figures, and the key that leaves.
 */
import { useEffect } from 'react';
import { formatCount, formatDuration, formatPct } from '../format';
import { clockLabel, weekOffsetS } from '../live/clock';
import { update, useAppStore, useAppStoreApi } from '../store';
import { presenterSet } from '../store/trainer-slice';
import { resized } from './PresenterButton';

export function PresenterView() {
  const store = useAppStoreApi();
  const on = useAppStore((s) => s.trainer.presenter);
  const frame = useAppStore((s) => s.live.frame);
  const status = useAppStore((s) => s.live.status);
  const offset = useAppStore((s) => weekOffsetS(s.scenario.current.start));

  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      update(store, 'trainer', presenterSet, false);
      requestAnimationFrame(resized);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [on, store]);

  if (!on) return null;
  const clock = frame ? clockLabel(frame.tS, offset) : null;
  const hour = frame?.kpis.lastHour;
  const today = frame?.kpis.today;
  const figures: [string, string][] = frame
    ? [
        ['Incidents waiting', formatCount(frame.pending)],
        ['Units busy', formatCount(frame.busyUnits)],
        ['Calls waiting', formatCount(frame.callsWaiting)],
        ['I mean response, last hour', formatDuration(hour?.iMeanResponseS)],
        ['I within target, last hour', formatPct(hour?.iWithinTargetPct)],
        ['Within target today', formatPct(today?.withinTargetPct)],
      ]
    : [];
  return (
    <div className="presenter-overlay" role="region" aria-label="Presenter view" data-testid="presenter-view">
      <div className="presenter-clock" aria-label="Simulated time" data-testid="presenter-clock">
        <span className="presenter-time">{clock ? clock.time : status === 'starting' ? 'Starting…' : '--:--:--'}</span>
        {clock && <span className="presenter-day">{clock.day}</span>}
        {frame && <span className="presenter-state">{frame.finished ? 'finished' : frame.playing ? `playing ${frame.speed === 'max' ? 'max' : `${frame.speed}×`}` : 'paused'}</span>}
      </div>
      <dl className="presenter-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="presenter-leave"
        onClick={() => {
          update(store, 'trainer', presenterSet, false);
          requestAnimationFrame(resized);
        }}
      >
        Leave presenter view
      </button>
    </div>
  );
}
