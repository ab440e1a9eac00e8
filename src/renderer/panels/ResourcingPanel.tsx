/**
 * The resourcing panel: units per shift for each BCU (and, opened out, for each base), call takers
 * per shift, a demand multiplier, the dispatch border rule and the run horizon. Every change marks
 * the scenario modified and is one undo step; the figures re-run on their own (sim-client/auto-run.ts).
 * The horizon is a run option, not part of the scenario: its own `days` unless another is chosen.
 */
import { Fragment, useMemo, useState } from 'react';
import { BORDER_RULES, readResourcing, setBaseUnits, setBcuUnits, setBorder, setCallTakers, type BorderRule } from '../scenario/resourcing';
import { editScenario, update, useAppStore, useAppStoreApi } from '../store';
import { demandMultiplierOf, demandMultiplierSet, horizonLabel, horizonSet, scenarioDays } from '../store/scenario-slice';
import { LIMITS } from '../../shared/scenario/limits';
import { NumberField } from './NumberField';

const BORDER_LABELS: Readonly<Record<BorderRule, string>> = {
  any: 'Any unit (nearest wins)',
  bcu: 'Same BCU first',
  area: 'Same borough only',
};

/** Run horizons the user may choose instead of the scenario's own `days`. */
export const HORIZONS: readonly { days: number; label: string }[] = [
  { days: 1, label: '1 day' },
  { days: 2, label: '2 days' },
  { days: 7, label: '1 week' },
];

export function ResourcingPanel() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.scenario.current);
  const multiplier = useAppStore((s) => demandMultiplierOf(s.scenario));
  const chosenDays = useAppStore((s) => s.scenario.chosenDays);
  const ownDays = scenarioDays(current);
  const horizonText = useAppStore((s) => horizonLabel(s.scenario));
  const modified = useAppStore((s) => s.scenario.modified);
  const bcuNames = useAppStore((s) => s.map.layers?.bcus);
  const model = useMemo(() => readResourcing(current), [current]);
  const names = useMemo(() => {
    const out = new Map<string, string>();
    for (const f of bcuNames?.features ?? []) if (typeof f.properties.id === 'string' && typeof f.properties.name === 'string') out.set(f.properties.id, f.properties.name);
    return out;
  }, [bcuNames]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // Each edit is one undo step named after its field; typing in one field merges into one step.
  const edit = (fn: (raw: typeof current) => typeof current, label: string) => editScenario(store, fn, label);
  const bcuLabel = (id: string | null) => (id === null ? 'Bases in no BCU' : names.has(id) ? `${names.get(id)} (${id})` : id);
  const bcuName = (id: string | null) => (id === null ? 'Bases in no BCU' : (names.get(id) ?? id));
  const shiftLabel = (s: string) => s;

  return (
    <section className="panel resourcing" aria-labelledby="resourcing-title" data-testid="resourcing">
      <h2 id="resourcing-title">
        Resourcing {modified && <span className="badge">modified</span>}
      </h2>
      <div className="resourcing-row">
        <label>
          Run for
          <select value={chosenDays ?? ''} onChange={(e) => update(store, 'scenario', horizonSet, e.target.value === '' ? null : Number(e.target.value))} aria-describedby="horizon-source">
            <option value="">
              {ownDays} day{ownDays === 1 ? '' : 's'}, from the scenario
            </option>
            {HORIZONS.map((h) => (
              <option key={h.days} value={h.days}>
                {h.label}
              </option>
            ))}
          </select>
        </label>
        <span id="horizon-source" className="hint" data-testid="horizon">
          {horizonText}
        </span>
        <label>
          Demand multiplier
          <NumberField label="Demand multiplier" value={multiplier} min={0.1} max={5} step={0.1} integer={false} onCommit={(m) => update(store, 'scenario', demandMultiplierSet, m)} testId="demand-multiplier" />
        </label>
        <label>
          Dispatch border rule
          <select value={model.border} onChange={(e) => edit((raw) => setBorder(raw, e.target.value as BorderRule), 'Dispatch border rule')} data-testid="border-rule">
            {BORDER_RULES.map((b) => (
              <option key={b} value={b}>
                {BORDER_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">
        Calls a day:{' '}
        {Object.entries(model.callsPerDay)
          .map(([line, n]) => `${line}: ${Math.round(n).toLocaleString('en-GB')}`)
          .join(', ')}
      </p>

      {model.pools.length > 0 && (
        <table className="resourcing-table">
          <caption>Call takers per shift</caption>
          <thead>
            <tr>
              <th scope="col">Pool</th>
              {model.shifts.map((s) => (
                <th scope="col" key={s}>
                  {shiftLabel(s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.pools.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.id} <span className="hint">({p.lines.join(', ')})</span>
                </th>
                {model.shifts.map((s) => (
                  <td key={s}>
                    <NumberField label={`Call takers, ${p.id}, ${s}`} value={p.perShift[s] ?? 0} max={LIMITS.staff} onCommit={(n) => edit((raw) => setCallTakers(raw, p.id, s, n), `Call takers, ${p.id}, ${s}`)} testId={`call-takers-${p.id}-${s}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <table className="resourcing-table units">
        <caption>Units per shift, by BCU and base</caption>
        <thead>
          <tr>
            <th scope="col">BCU</th>
            {model.shifts.map((s) => (
              <th scope="col" key={s}>
                {shiftLabel(s)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Bases</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {model.bcus.map((b) => {
            const key = b.id ?? '(none)';
            const expanded = open.has(key);
            return (
              <Fragment key={key}>
                <tr className="bcu-row" data-testid={`bcu-units-${key}`}>
                  <th scope="row" title={bcuLabel(b.id)}>
                    {bcuName(b.id)}
                  </th>
                  {model.shifts.map((s) => (
                    <td key={s}>
                      <NumberField label={`Units, ${bcuLabel(b.id)}, ${s}`} value={b.perShift[s] ?? 0} max={LIMITS.units} onCommit={(n) => edit((raw) => setBcuUnits(raw, b.id, s, n), `Units, ${bcuName(b.id)}, ${s}`)} testId={`units-${key}-${s}`} />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-expanded={expanded}
                      // The accessible name starts with the visible text (WCAG 2.5.3).
                      aria-label={`${expanded ? 'hide' : `${b.bases.length} base${b.bases.length === 1 ? '' : 's'}`} of ${bcuLabel(b.id)}`}
                      onClick={() => setOpen((o) => (o.has(key) ? new Set([...o].filter((k) => k !== key)) : new Set([...o, key])))}
                    >
                      {expanded ? 'hide' : `${b.bases.length} base${b.bases.length === 1 ? '' : 's'}`}
                    </button>
                  </td>
                </tr>
                {expanded &&
                  b.bases.map((base) => (
                    <tr key={base.id} className="base-row">
                      <th scope="row">{base.name}</th>
                      {model.shifts.map((s) => (
                        <td key={s}>
                          <NumberField label={`Units, ${base.name}, ${s}`} value={base.perShift[s] ?? 0} max={LIMITS.units} onCommit={(n) => edit((raw) => setBaseUnits(raw, base.id, s, n), `Units, ${base.name}, ${s}`)} />
                        </td>
                      ))}
                      <td />
                    </tr>
                  ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
