/** The current run: what, how far, and how it ended (results, or the reason there are none). */
import type { RunError } from '../../shared/protocol';
import { useAppStore } from '../store';
import { ResultsSummary } from './ResultsSummary';

export function RunStatus({ onCancel }: { onCancel: () => void }) {
  const run = useAppStore((s) => s.run);
  if (run.status === 'idle') return <p className="hint">No run yet.</p>;
  return (
    <section aria-label="Run" className="run" data-testid="run" data-status={run.status}>
      <h3>{run.label}</h3>
      {run.status === 'running' && (
        <div className="running">
          <progress max={1} value={run.progress} aria-label="Progress" />
          <span>{Math.round(run.progress * 100)}%</span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {run.status === 'cancelled' && <p>Cancelled.</p>}
      {run.outcome?.ok && <ResultsSummary outcome={run.outcome} />}
      {run.outcome && !run.outcome.ok && run.outcome.error.kind !== 'cancelled' && <RunFailure error={run.outcome.error} />}
    </section>
  );
}

function RunFailure({ error }: { error: Exclude<RunError, { kind: 'cancelled' }> }) {
  return (
    <div role="alert" className="failure" data-testid="run-error">
      {error.kind === 'invalid-scenario' ? (
        <>
          <p>The scenario has {error.errors.length === 1 ? 'a problem' : `${error.errors.length} problems`}:</p>
          <ul>
            {error.errors.map((e, i) => (
              <li key={i}>
                <code>{e.path || '(file)'}</code>: {e.message}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{error.kind === 'worker-crashed' ? 'The simulator stopped unexpectedly' : 'The simulation failed'}: {error.message}</p>
          {error.crashReport && (
            <p>
              A crash report was written to <code>{error.crashReport}</code>.
            </p>
          )}
        </>
      )}
    </div>
  );
}
