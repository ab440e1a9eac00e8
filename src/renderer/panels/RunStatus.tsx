/** The batch run in hand: what, how far (with Cancel), and how it ended when it did not give figures. */
import type { RunError } from '../../shared/protocol';
import { useApi } from '../api-context';
import { formatCount } from '../format';
import { cancelRun } from '../sim-client/run';
import { useAppStore, useAppStoreApi } from '../store';

export function RunStatus() {
  const api = useApi();
  const store = useAppStoreApi();
  const run = useAppStore((s) => s.run);
  if (run.status === 'idle') return null;
  return (
    <section aria-label="Run" className="run" data-testid="run" data-status={run.status} data-revision={run.revision}>
      <div className="run-line">
        <span className="run-label">{run.label}</span>
        {run.demand !== null && <span className="run-demand" data-testid="run-demand">, {run.demand}</span>}
        {run.status === 'running' && (
          <>
            <progress max={1} value={run.progress} aria-label="Progress" />
            <span className="run-pct">{Math.round(run.progress * 100)}%</span>
            <button type="button" className="secondary" onClick={() => void cancelRun(api, store)}>
              Cancel
            </button>
          </>
        )}
        {run.status === 'done' && run.outcome?.ok && <span className="run-done">done in {formatCount(run.outcome.wallMs)} ms</span>}
        {run.status === 'cancelled' && <span>Cancelled.</span>}
      </div>
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
          <p>
            {error.kind === 'worker-crashed' ? 'The simulator stopped unexpectedly' : 'The simulation failed'}: {error.message}.{' '}
            {error.kind === 'worker-crashed' ? 'A fresh simulator is ready: change a number or undo to run again.' : ''}
          </p>
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
