/**
 * The Compare panel (issue 16): the open scenario against a baseline and up to three more variants,
 * run on the worker pool with common random numbers (the host's `compareScenarios`), with progress,
 * the time left, Cancel and the interval narrowing as replications arrive; then the results. Its
 * code (with the map and uPlot) is a chunk of its own, fetched when the panel first opens.
 */
import { useState } from 'react';
import './compare.css';
import type { CompareOutcome } from '../../shared/protocol';
import { useAppStore } from '../store';
import { CompareProgressView } from './CompareProgressView';
import { CompareResults } from './CompareResults';
import { CompareSetup, type SetupChoice } from './CompareSetup';
import { useComparison } from './use-comparison';

function errorText(outcome: CompareOutcome & { ok: false }): string {
  const e = outcome.error;
  if (e.kind === 'cancelled') return 'Cancelled before any replication finished in every scenario.';
  if (e.kind === 'invalid-scenario') return `A scenario is not valid: ${e.errors.map((x) => `${x.path || '(scenario)'}: ${x.message}`).join('; ')}`;
  return `The comparison failed: ${e.message}`;
}

export function ComparePanel({ hidden, onClose }: { hidden: boolean; onClose: () => void }) {
  const { run, start, cancel } = useComparison();
  const [sequential, setSequential] = useState(false);
  const [setupKey, setSetupKey] = useState(0);
  // A new document, or the first edit of one, starts the form over: the default baseline follows it.
  const documentKey = useAppStore((s) => `${s.scenario.document}-${s.scenario.current !== s.scenario.original}`);
  const onRun = (choice: SetupChoice): void => {
    setSequential('rule' in choice.plan);
    void start({ scenarios: choice.scenarios, days: choice.days, plan: choice.plan });
  };
  return (
    <div className="compare-overlay" hidden={hidden}>
      <section className="panel compare" role="dialog" aria-modal="false" aria-labelledby="compare-title" data-testid="compare-panel">
        <header className="compare-header">
          <h2 id="compare-title">Compare scenarios</h2>
          <button type="button" onClick={onClose}>
            Close comparison
          </button>
        </header>
        {run.kind === 'running' && <CompareProgressView run={run} sequential={sequential} onCancel={cancel} />}
        {/* Kept mounted while a comparison runs, so the choices (and files added) stay for the next. */}
        <div hidden={run.kind === 'running'}>
          <CompareSetup key={`${setupKey}-${documentKey}`} onRun={onRun} />
        </div>
        {run.kind === 'done' && !run.outcome.ok && <p role="alert">{errorText(run.outcome)}</p>}
        {run.kind === 'done' && run.outcome.ok && (
          <>
            <CompareResults comparison={run.outcome.comparison} />
            <button type="button" onClick={() => setSetupKey((k) => k + 1)}>
              Reset the form
            </button>
          </>
        )}
      </section>
    </div>
  );
}
