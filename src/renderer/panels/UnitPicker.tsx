/**
 * Sending a unit by hand: "Find unit" narrows "Assign unit" (every on-duty unit, nearest by ETA
 * first) by unit id, station or state; "Assign" sends the unit chosen. A unit working on another
 * incident is diverted only after the trainer answers a question naming the incident it leaves
 * ("Divert" or "Cancel"). Named so for assistive technology and the end-to-end tests.
 */
import { useMemo } from 'react';
import { useApi } from '../api-context';
import { assignChosen, confirmDivert, selectIncident } from '../sim-client/trainer';
import { update, useAppStore, useAppStoreApi } from '../store';
import { candidateLabel, confirmAsked, filterChanged, unitChosen } from '../store/trainer-slice';
import { divertConfirmText, filterCandidates } from '../store/trainer-units';

export function UnitPicker({ canAssign }: { canAssign: boolean }) {
  const api = useApi();
  const store = useAppStoreApi();
  const trainer = useAppStore((s) => s.trainer);
  const incidents = useAppStore((s) => s.live.frame?.incidents);
  const shown = useMemo(() => filterCandidates(trainer.candidates ?? [], trainer.filter), [trainer.candidates, trainer.filter]);
  const all = trainer.candidates?.length ?? 0;
  const confirm = trainer.confirm;
  const confirmState = confirm ? trainer.candidates?.find((c) => c.unit === confirm.unit)?.state : undefined;
  // The chosen unit may be filtered out of view: the select then shows the first one shown.
  const value = shown.some((c) => c.unit === trainer.unit) ? trainer.unit : '';

  return (
    <>
      <div className="trainer-assign">
        <label>
          Find unit
          <input
            type="search"
            value={trainer.filter}
            placeholder="unit, station or state"
            disabled={trainer.candidates === null}
            onChange={(e) => update(store, 'trainer', filterChanged, e.target.value)}
          />
        </label>
        <label>
          Assign unit
          <select value={value} disabled={trainer.candidates === null || shown.length === 0} onChange={(e) => update(store, 'trainer', unitChosen, e.target.value)}>
            {trainer.candidates === null ? (
              <option value="">{trainer.loading ? 'Finding units…' : 'No units listed'}</option>
            ) : shown.length === 0 ? (
              <option value="">{all === 0 ? 'No units on duty' : 'No unit matches'}</option>
            ) : (
              <>
                {value === '' && <option value="">Choose a unit</option>}
                {shown.map((c) => (
                  <option key={c.unit} value={c.unit} disabled={c.etaS === null} title={c.reason}>
                    {candidateLabel(c)}
                  </option>
                ))}
              </>
            )}
          </select>
        </label>
        <button type="button" disabled={!canAssign || trainer.busy || value === '' || confirm !== null} onClick={() => void assignChosen(api, store)}>
          Assign
        </button>
        <button type="button" className="secondary" onClick={() => void selectIncident(api, store, null)}>
          Close
        </button>
      </div>
      <p className="hint" data-testid="units-listed">
        {trainer.candidates === null ? '' : `${shown.length} of ${all} units on duty`}, nearest first by ETA (turnout + travel from where each unit is now); a busy unit is diverted.
      </p>
      {confirm && (
        <div role="alertdialog" aria-labelledby="divert-question" className="divert-confirm" data-testid="divert-confirm">
          <p id="divert-question">{divertConfirmText(confirm.unit, confirm.from, confirm.to, confirmState, incidents?.find((i) => i.id === confirm.from))}</p>
          <button type="button" autoFocus disabled={trainer.busy} onClick={() => void confirmDivert(api, store)}>
            Divert
          </button>
          <button type="button" className="secondary" onClick={() => update(store, 'trainer', confirmAsked, null)}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
