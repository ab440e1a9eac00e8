/** Dispatch rules, visible and editable, each with a one-line explanation beside it. */
import { useMemo, useState } from 'react';
import { NumberField } from '../panels/NumberField';
import { BORDER_TEXT, DIVERT_EXPLAIN, POLICIES, POLICY_TEXT, RESERVE_EXPLAIN, RESERVE_GRADES, readDispatch, setDivert, setPolicy, setReserve, type Policy } from '../scenario/dispatch';
import { BORDER_RULES, setBorder, type BorderRule } from '../scenario/resourcing';
import { useAppStore, useAppStoreApi } from '../store';
import { applyEdit } from './actions';

export function DispatchEditor() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.scenario.current);
  const rules = useMemo(() => readDispatch(current), [current]);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="panel workbench-dispatch" aria-labelledby="dispatch-title" data-testid="dispatch-editor">
      <h2 id="dispatch-title">Dispatch rules</h2>
      <dl className="rules">
        <dt>
          <label htmlFor="dispatch-policy">Dispatch policy</label>
        </dt>
        <dd>
          <select id="dispatch-policy" value={rules.policy} onChange={(e) => setError(applyEdit(store, (raw) => setPolicy(raw, e.target.value as Policy)))}>
            {POLICIES.map((p) => (
              <option key={p} value={p}>
                {POLICY_TEXT[p].label}
              </option>
            ))}
          </select>
          <span className="explain">{POLICY_TEXT[rules.policy].explain}</span>
        </dd>
        <dt>
          <label htmlFor="dispatch-border">Border rule</label>
        </dt>
        <dd>
          <select id="dispatch-border" value={rules.border} onChange={(e) => setError(applyEdit(store, (raw) => setBorder(raw, e.target.value as BorderRule)))}>
            {BORDER_RULES.map((b) => (
              <option key={b} value={b}>
                {BORDER_TEXT[b].label}
              </option>
            ))}
          </select>
          <span className="explain">{BORDER_TEXT[rules.border].explain}</span>
        </dd>
        <dt>
          <label htmlFor="dispatch-divert">Divert to I calls</label>
        </dt>
        <dd>
          <input id="dispatch-divert" type="checkbox" checked={rules.divert} onChange={(e) => setError(applyEdit(store, (raw) => setDivert(raw, e.target.checked)))} />
          <span className="explain">{DIVERT_EXPLAIN}</span>
        </dd>
        {RESERVE_GRADES.map((g) => (
          <div key={g} className="rule">
            <dt>Reserve from {g} work, per BCU</dt>
            <dd>
              <NumberField label={`Reserve from ${g} work, per BCU`} value={rules.reserve[g]} max={50_000} onCommit={(n) => setError(applyEdit(store, (raw) => setReserve(raw, g, n)))} testId={`reserve-${g}`} />
              <span className="explain">{RESERVE_EXPLAIN[g]}</span>
            </dd>
          </div>
        ))}
      </dl>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
