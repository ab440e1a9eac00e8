/**
 * "Suggest resourcing": runs the optimiser (the host's `suggestResourcing`, docs/MODEL-ADDITIONS.md
 * "Optimiser") on the open scenario at the run horizon, with progress and Cancel, then shows what
 * changed and opens the result as a new scenario ("suggested from <name>").
 */
import { useRef, useState } from 'react';
import { useApi } from '../api-context';
import { update, useAppStore, useAppStoreApi } from '../store';
import { runHorizon, scenarioOpened } from '../store/scenario-slice';
import type { SuggestOutcome } from '../../shared/protocol';
import { NumberField } from './NumberField';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly jobId: string; readonly evaluations: number; readonly max: number }
  | { readonly kind: 'done'; readonly outcome: SuggestOutcome; readonly from: string };

const REPLICATIONS = 4;
const MAX_EVALUATIONS = 30;

function errorText(outcome: SuggestOutcome & { ok: false }): string {
  const e = outcome.error;
  if (e.kind === 'cancelled') return 'Cancelled.';
  if (e.kind === 'invalid-scenario') return `The scenario is not valid: ${e.errors.map((x) => `${x.path || '(scenario)'}: ${x.message}`).join('; ')}`;
  return `The suggestion failed: ${e.message}`;
}

export function SuggestPanel() {
  const api = useApi();
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.scenario.current);
  const name = useAppStore((s) => s.scenario.name);
  const horizon = useAppStore((s) => runHorizon(s.scenario).days);
  const [target, setTarget] = useState(90);
  const [per, setPer] = useState<'bcu' | 'base'>('bcu');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const counter = useRef(0);

  const start = async () => {
    const jobId = `suggest-${Date.now()}-${++counter.current}`;
    setState({ kind: 'running', jobId, evaluations: 0, max: MAX_EVALUATIONS });
    const outcome = await api.suggestResourcing(
      { jobId, scenario: current, targets: [{ key: 'I', pct: target }], by: per, replications: REPLICATIONS, days: horizon, maxEvaluations: MAX_EVALUATIONS },
      (p) => setState((s) => (s.kind === 'running' && s.jobId === jobId ? { ...s, evaluations: p.evaluations, max: p.maxEvaluations } : s)),
    ).catch((error: unknown): SuggestOutcome => ({ ok: false, error: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } }));
    setState({ kind: 'done', outcome, from: name });
  };

  return (
    <section className="panel suggest" aria-labelledby="suggest-title" data-testid="suggest">
      <h2 id="suggest-title">Suggest resourcing</h2>
      <div className="resourcing-row">
        <NumberField label="I within target, %" value={target} min={1} max={99} onCommit={setTarget} />
        <label>
          Units per
          <select value={per} onChange={(e) => setPer(e.target.value === 'base' ? 'base' : 'bcu')}>
            <option value="bcu">BCU</option>
            <option value="base">base</option>
          </select>
        </label>
      </div>
      {state.kind === 'running' ? (
        <p role="status">
          Simulating candidate {state.evaluations + 1} of at most {state.max}…{' '}
          <button type="button" onClick={() => void api.cancel(state.jobId)}>
            Cancel
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => void start()}>
          Suggest resourcing
        </button>
      )}
      {state.kind === 'done' && !state.outcome.ok && <p role="alert">{errorText(state.outcome)}</p>}
      {state.kind === 'done' && state.outcome.ok && (
        <SuggestResult outcome={state.outcome} onOpen={(raw) => update(store, 'scenario', scenarioOpened, { raw, origin: `suggested from ${state.from}` })} />
      )}
    </section>
  );
}

function SuggestResult({ outcome, onOpen }: { outcome: SuggestOutcome & { ok: true }; onOpen: (raw: Record<string, unknown>) => void }) {
  return (
    <div data-testid="suggest-result">
      <p>
        {outcome.stopped
          ? `Stopped early (${outcome.stopped}); the cheapest resourcing found that meets the target, not confirmed.`
          : outcome.met
            ? `Every target holds with 95% confidence (${outcome.evaluations} simulations).`
            : 'Not every target holds.'}
      </p>
      <ul>
        {outcome.targets.map((t) => (
          <li key={t.key}>
            {t.key}: {t.mean === null ? 'n/a' : t.mean.toFixed(1)}% ± {t.half === null ? 'n/a' : t.half.toFixed(1)} (target {t.pct}%)
          </li>
        ))}
      </ul>
      {outcome.described.length === 0 ? (
        <p>No change to the resourcing.</p>
      ) : (
        <ul aria-label="What changed">
          {outcome.described.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onOpen({ ...outcome.scenario })}>
        Open as new scenario
      </button>
    </div>
  );
}
