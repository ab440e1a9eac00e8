/**
 * The table of bases: every change the map allows, from the keyboard. Name, position (lat, lon),
 * area, units per shift, open or closed; "Add base" arms a map click (Esc cancels).
 */
import { useEffect, useMemo, useState } from 'react';
import { LIMITS } from '../../shared/scenario/limits';
import { NumberField } from '../panels/NumberField';
import { readBases, renameBase, setBaseClosed } from '../scenario/bases';
import { readResourcing, setBaseUnits } from '../scenario/resourcing';
import { update, useAppStore, useAppStoreApi } from '../store';
import { baseSelected, workbenchPlacingSet } from '../store/workbench-slice';
import { useApi } from '../api-context';
import { applyEdit, moveBaseTo, snapLastMove } from './actions';
import { moveText } from './move-text';

export function BasesEditor() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.scenario.current);
  const placing = useAppStore((s) => s.workbench.placing);
  const selected = useAppStore((s) => s.workbench.selectedBase);
  const areas = useAppStore((s) => s.map.layers?.areas);
  const [error, setError] = useState<string | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  // A base added or moved on the map opens the table, where its units and name are set.
  useEffect(() => {
    if (selected !== null) setTableOpen(true);
  }, [selected]);
  const bases = useMemo(() => readBases(current), [current]);
  const model = useMemo(() => readResourcing(current), [current]);
  const units = useMemo(() => new Map(model.bcus.flatMap((b) => b.bases).map((b) => [b.id, b.perShift])), [model]);
  const areaNames = useMemo(() => new Map((areas?.features ?? []).map((f) => [String(f.properties.id), String(f.properties.name)])), [areas]);
  const report = (message: string | null) => setError(message);
  const api = useApi();
  const lastMove = useAppStore((s) => s.workbench.lastMove);
  const snap = useAppStore((s) => s.workbench.snap);
  // Each move or addition asks the host where the base lies on the road network.
  useEffect(() => {
    if (lastMove) void snapLastMove(api, store);
  }, [api, store, lastMove]);

  return (
    <section className="panel workbench-bases" aria-labelledby="bases-title" data-testid="bases-editor">
      <h2 id="bases-title">Bases</h2>
      <div className="toolbar">
        <button type="button" aria-pressed={placing === 'base'} onClick={() => update(store, 'workbench', workbenchPlacingSet, placing === 'base' ? null : 'base')}>
          Add base
        </button>
        <span className="hint">Drag a base on the map to move it; its units go with it.</span>
      </div>
      <p className="hint move-status" role="status" data-testid="base-move">
        {lastMove ? moveText(lastMove, snap) : ''}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <details open={tableOpen} onToggle={(e) => setTableOpen((e.target as HTMLDetailsElement).open)}>
        <summary>Table of bases ({bases.length})</summary>
        {/* Rendered only when open: hundreds of fields cost every render of the app. */}
        {tableOpen && (
          <div className="table-scroll">
            <table className="data-table bases-table">
              <caption className="visually-hidden">Bases: name, position, area, units per shift, open or closed</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Latitude</th>
                  <th scope="col">Longitude</th>
                  <th scope="col">Area</th>
                  {model.shifts.map((s) => (
                    <th scope="col" key={s}>
                      Units, {s}
                    </th>
                  ))}
                  <th scope="col">Open</th>
                </tr>
              </thead>
              <tbody>
                {bases.map((b) => (
                  <tr key={b.id} className={`${b.closed ? 'closed' : ''} ${b.id === selected ? 'selected' : ''}`} data-testid={`base-${b.id}`} onFocus={() => update(store, 'workbench', baseSelected, b.id)}>
                    <td>
                      <input
                        type="text"
                        aria-label={`Name of base ${b.name}`}
                        defaultValue={b.name}
                        key={b.name}
                        onBlur={(e) => e.target.value !== b.name && report(applyEdit(store, (raw) => renameBase(raw, b.id, e.target.value), `Rename base ${b.name}`))}
                        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
                      />
                    </td>
                    <td>
                      <NumberField label={`Latitude of ${b.name}`} value={b.lat} min={-90} max={90} step={0.001} integer={false} className="number-field coord" onCommit={(lat) => report(moveBaseTo(store, b.id, b.lon, lat))} />
                    </td>
                    <td>
                      <NumberField label={`Longitude of ${b.name}`} value={b.lon} min={-180} max={180} step={0.001} integer={false} className="number-field coord" onCommit={(lon) => report(moveBaseTo(store, b.id, lon, b.lat))} />
                    </td>
                    <td>{b.area ? (areaNames.get(b.area) ?? b.area) : '–'}</td>
                    {model.shifts.map((s) => (
                      <td key={s}>
                        <NumberField label={`Units, ${b.name}, ${s}`} value={units.get(b.id)?.[s] ?? 0} max={LIMITS.units} onCommit={(n) => report(applyEdit(store, (raw) => setBaseUnits(raw, b.id, s, n), `Units of ${b.name}, ${s} shift`))} />
                      </td>
                    ))}
                    <td>
                      <label className="check">
                        <input type="checkbox" checked={!b.closed} onChange={(e) => report(applyEdit(store, (raw) => setBaseClosed(raw, b.id, !e.target.checked), `${e.target.checked ? 'Reopen' : 'Close'} base ${b.name}`))} />
                        <span>
                          Open<span className="visually-hidden">: {b.name}</span>
                        </span>
                      </label>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </section>
  );
}
