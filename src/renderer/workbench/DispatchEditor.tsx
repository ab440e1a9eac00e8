/** Dispatch rules, visible and editable, each with a one-line explanation beside it. */
import { useMemo, useState } from 'react';
import { NumberField } from '../panels/NumberField';
import { BCU_RESERVE_EXPLAIN, BORDER_TEXT, clearBcuReserve, setBcuReserve, DIVERT_EXPLAIN, POLICIES, POLICY_TEXT, RESERVE_EXPLAIN, RESERVE_GRADES, readDispatch, setDivert, setPolicy, setReserve, type Policy } from '../scenario/dispatch';
import { BORDER_RULES, setBorder, type BorderRule } from '../scenario/resourcing';
import { isObj } from '../scenario/raw';
import { useAppStore, useAppStoreApi } from '../store';
import { applyEdit } from './actions';

export function DispatchEditor() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.scenario.current);
  const rules = useMemo(() => readDispatch(current), [current]);
  const [error, setError] = useState<string | null>(null);
  const [bcuOpen, setBcuOpen] = useState(false);
  const layers = useAppStore((s) => s.map.layers);
  // The scenario's BCUs (areas.groups), named from the map's outlines where it has them.
  const bcus = useMemo(() => {
    const names = new Map((layers?.bcus?.features ?? []).map((f) => [String(f.properties.id), String(f.properties.name)]));
    const groups = isObj(current.areas) && isObj(current.areas.groups) ? Object.keys(current.areas.groups) : [];
    return groups.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
  }, [current, layers]);
  return (
    <section className="panel workbench-dispatch" aria-labelledby="dispatch-title" data-testid="dispatch-editor">
      <h2 id="dispatch-title">Dispatch rules</h2>
      <dl className="rules">
        <dt>
          <label htmlFor="dispatch-policy">Dispatch policy</label>
        </dt>
        <dd>
          <select id="dispatch-policy" value={rules.policy} onChange={(e) => setError(applyEdit(store, (raw) => setPolicy(raw, e.target.value as Policy), 'Dispatch policy'))}>
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
          <select id="dispatch-border" value={rules.border} onChange={(e) => setError(applyEdit(store, (raw) => setBorder(raw, e.target.value as BorderRule), 'Border rule'))}>
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
          <input id="dispatch-divert" type="checkbox" checked={rules.divert} onChange={(e) => setError(applyEdit(store, (raw) => setDivert(raw, e.target.checked), e.target.checked ? 'Divert to I calls' : 'No diversion to I calls'))} />
          <span className="explain">{DIVERT_EXPLAIN}</span>
        </dd>
        {RESERVE_GRADES.map((g) => (
          <div key={g} className="rule">
            <dt>Reserve from {g} work, per BCU</dt>
            <dd>
              <NumberField label={`Reserve from ${g} work, per BCU`} value={rules.reserve[g]} max={50_000} onCommit={(n) => setError(applyEdit(store, (raw) => setReserve(raw, g, n), `Reserve from ${g} work`))} testId={`reserve-${g}`} />
              <span className="explain">{RESERVE_EXPLAIN[g]}</span>
            </dd>
          </div>
        ))}
      </dl>
      {bcus.length > 0 && (
        <details open={bcuOpen} onToggle={(e) => setBcuOpen((e.target as HTMLDetailsElement).open)}>
          <summary>Reserve by BCU ({Object.keys(rules.reserveByBcu).length} with their own)</summary>
          <p className="explain">{BCU_RESERVE_EXPLAIN}</p>
          {bcuOpen && (
            <table className="data-table compact" data-testid="reserve-by-bcu">
              <caption className="visually-hidden">Reserve per grade per BCU</caption>
              <thead>
                <tr>
                  <th scope="col">BCU</th>
                  {RESERVE_GRADES.map((g) => (
                    <th scope="col" key={g}>
                      From {g} work
                    </th>
                  ))}
                  <th scope="col">Rule</th>
                </tr>
              </thead>
              <tbody>
                {bcus.map((b) => {
                  const own = rules.reserveByBcu[b.id];
                  return (
                    <tr key={b.id}>
                      <th scope="row">{b.name}</th>
                      {RESERVE_GRADES.map((g) => (
                        <td key={g}>
                          <NumberField label={`Reserve from ${g} work, ${b.name}`} value={(own ?? rules.reserve)[g]} max={50_000} onCommit={(n) => setError(applyEdit(store, (raw) => setBcuReserve(raw, b.id, g, n), `Reserve from ${g} work in ${b.name}`))} />
                        </td>
                      ))}
                      <td>
                        {own ? (
                          <button type="button" className="link" onClick={() => setError(applyEdit(store, (raw) => clearBcuReserve(raw, b.id), `London-wide reserve in ${b.name}`))}>
                            Use London-wide<span className="visually-hidden"> reserve in {b.name}</span>
                          </button>
                        ) : (
                          'London-wide'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </details>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
