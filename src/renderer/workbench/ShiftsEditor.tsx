/**
 * Shift patterns: each shift's start and length, with the gaps and overlaps in the day's cover
 * as warnings naming the hours. Units and call takers per shift are in the resourcing panel and
 * the table of bases.
 */
import { useMemo, useState } from 'react';
import { NumberField } from '../panels/NumberField';
import { coverWarnings, readShifts, setShiftHours, setShiftStart, shiftCover } from '../scenario/shifts';
import { useAppStore, useAppStoreApi } from '../store';
import { applyEdit } from './actions';

export function ShiftsEditor() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.scenario.current);
  const shifts = useMemo(() => readShifts(current), [current]);
  const warnings = useMemo(() => coverWarnings(shiftCover(current)), [current]);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="panel workbench-shifts" aria-labelledby="shifts-title" data-testid="shifts-editor">
      <h2 id="shifts-title">Shift patterns</h2>
      {shifts.length === 0 ? (
        <p className="hint">This scenario staffs round the clock (no shifts).</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Shifts: start and length</caption>
          <thead>
            <tr>
              <th scope="col">Shift</th>
              <th scope="col">Starts at</th>
              <th scope="col">Hours</th>
            </tr>
          </thead>
          <tbody>
            {shifts.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.id}</th>
                <td>
                  <input type="time" aria-label={`Start of the ${s.id} shift`} value={s.start} onChange={(e) => e.target.value && setError(applyEdit(store, (raw) => setShiftStart(raw, s.id, e.target.value), `Start of the ${s.id} shift`))} />
                </td>
                <td>
                  <NumberField label={`Hours of the ${s.id} shift`} value={s.hours} min={0.25} max={24} step={0.25} integer={false} onCommit={(h) => setError(applyEdit(store, (raw) => setShiftHours(raw, s.id, h), `Hours of the ${s.id} shift`))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="warnings" data-testid="cover-warnings" aria-label="Cover warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
