/**
 * The trainer's exercise (issue 17): load an exercise script and run it on the open scenario, jump
 * to its next inject, read its messages; every live session's log kept here (the script's items,
 * the trainer's injects, assignments and pauses) to save as a script ("Save exercise") or export
 * ("Export log (CSV)", "Export summary (HTML)"); and the after-action review: choose a moment on the
 * "Review time" slider and "Review from here" replays the recorded session to it (the same scenario
 * and seed give the same run), to play on at any speed with the live controls.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { exerciseText, parseExercise, type Exercise } from '../../shared/exercise';
import { scriptFromLog } from '../../shared/exercise-log';
import { exerciseLogCsv, exerciseSummaryHtml } from '../../shared/exercise-export';
import { parseJsonText } from '../../shared/json-text';
import { useApi } from '../api-context';
import { clockLabel, weekOffsetS } from '../live/clock';
import { effectiveScenario } from '../sim-client/auto-run';
import { controlLive, startLive } from '../sim-client/live';
import { useAppStore, useAppStoreApi } from '../store';
import { runHorizon } from '../store/scenario-slice';
import { download, emptyRecording, lastMessage, recordLive, type Recording } from './recorder';

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'exercise';

export function ExercisePanel() {
  const api = useApi();
  const store = useAppStoreApi();
  const status = useAppStore((s) => s.live.status);
  const jobId = useAppStore((s) => s.live.jobId);
  const exerciseNow = useAppStore((s) => s.live.frame?.exercise);
  const offset = useAppStore((s) => weekOffsetS(s.scenario.current.start));
  const scenarioName = useAppStore((s) => s.scenario.name);
  const [loaded, setLoaded] = useState<{ exercise: Exercise; file: string } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [rec, setRec] = useState<Recording>(emptyRecording);
  const [running, setRunning] = useState<Exercise | null>(null);
  const [reviewAt, setReviewAt] = useState<number | null>(null);
  const reviewJob = useRef<string | null>(null);
  const recorded = useRef<Recording>(emptyRecording);

  useEffect(() => {
    const take = () => {
      const { live } = store.getState();
      const next = recordLive(recorded.current, live, live.jobId !== null && live.jobId === reviewJob.current);
      if (next !== recorded.current) {
        recorded.current = next;
        setRec(next);
      }
    };
    take();
    return store.subscribe(take);
  }, [store]);

  const clock = (tS: number) => {
    const c = clockLabel(tS, offset);
    return `${c.day} ${c.time}`;
  };
  const reviewing = jobId !== null && jobId === reviewJob.current;
  const live = status === 'running' || status === 'starting';

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setLoaded(null);
    const json = parseJsonText(await file.text());
    if (!json.ok) return setErrors([`${file.name}: not valid JSON: ${json.message}`]);
    const parsed = parseExercise(json.value);
    if (!parsed.ok) return setErrors(parsed.errors.map((x) => `${file.name}: ${x.path || '(file)'}: ${x.message}`));
    setErrors([]);
    setLoaded({ exercise: parsed.exercise, file: file.name });
  };

  const start = (exercise: Exercise, startS: number | undefined, review: boolean) => {
    const state = store.getState();
    void startLive(api, store, {
      scenario: effectiveScenario(state),
      days: runHorizon(state.scenario).days,
      playing: false,
      exercise: exercise as unknown as Record<string, unknown>,
      ...(startS === undefined ? {} : { startS }),
    });
    reviewJob.current = review ? store.getState().live.jobId : null;
  };

  const header = () => ({
    name: `${running?.name ?? scenarioName} (recorded)`,
    scenario: running?.scenario ?? scenarioName,
    ...(running?.seed === undefined ? {} : { seed: running.seed }),
    ...(running?.startS === undefined ? {} : { startS: running.startS }),
  });
  const title = running?.name ?? `Live session on ${scenarioName}`;
  const message = lastMessage(rec.entries);
  const next = exerciseNow?.nextInjectS ?? null;
  const injects = rec.entries.filter((x) => x.kind === 'inject').length;
  const fromS = rec.fromS ?? 0;
  const toS = rec.toS ?? 0;
  const at = Math.min(toS, Math.max(fromS, reviewAt ?? toS));

  return (
    <section className="panel exercise" aria-labelledby="exercise-title" data-testid="exercise">
      <h2 id="exercise-title">Exercise</h2>
      <label className="file-input">
        Load exercise <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
      </label>
      {errors.length > 0 && (
        <ul role="alert" className="failure" data-testid="exercise-errors">
          {errors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
      {loaded && (
        <p data-testid="exercise-loaded">
          {loaded.exercise.name}: {loaded.exercise.timeline.length} items, written for {loaded.exercise.scenario} (runs on the open scenario, {scenarioName}).{' '}
          <button
            type="button"
            onClick={() => {
              setRunning(loaded.exercise);
              start(loaded.exercise, undefined, false);
            }}
          >
            Run exercise
          </button>
        </p>
      )}
      {reviewing && <p data-testid="exercise-reviewing">Reviewing the recorded session (not recorded again).</p>}
      <p data-testid="exercise-status" data-entries={rec.entries.length} data-injects={injects} data-next={next ?? ''}>
        {running ? `${running.name}: ` : ''}
        {rec.entries.length} log entries, {injects} injects.{next !== null ? ` Next inject at ${clock(next)}.` : ''}
      </p>
      {message && (
        <p className="exercise-message" aria-live="polite" data-testid="exercise-message">
          {clock(message.tS)}: {message.text}
        </p>
      )}
      <div role="toolbar" aria-label="Exercise">
        <button type="button" disabled={!live || next === null} onClick={() => next !== null && void controlLive(api, store, { kind: 'jump', toS: next })} title="Run flat out to the script's next inject">
          Next inject
        </button>
        <button type="button" disabled={rec.entries.length === 0} onClick={() => download(`${slug(header().name)}.exercise.json`, exerciseText(scriptFromLog(rec.entries, header())), 'application/json')}>
          Save exercise
        </button>
        <button type="button" disabled={rec.entries.length === 0} onClick={() => download(`${slug(title)}-log.csv`, exerciseLogCsv(rec.entries), 'text/csv')}>
          Export log (CSV)
        </button>
        <button type="button" disabled={rec.entries.length === 0} onClick={() => download(`${slug(title)}-summary.html`, exerciseSummaryHtml(rec.entries, title), 'text/html')}>
          Export summary (HTML)
        </button>
      </div>
      <div className="exercise-review" role="group" aria-label="After-action review">
        <label>
          Review time{' '}
          <input type="range" min={fromS} max={toS} step={1} value={at} disabled={rec.toS === null || toS <= fromS} onChange={(e) => setReviewAt(Number(e.target.value))} />
        </label>
        <output data-testid="review-time">{rec.toS === null ? '' : clock(at)}</output>{' '}
        <button type="button" disabled={rec.toS === null} onClick={() => start(scriptFromLog(rec.entries, header(), { pauses: false }), at, true)} title="Replay the recorded session up to this moment, paused">
          Review from here
        </button>
      </div>
    </section>
  );
}
