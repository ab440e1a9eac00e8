/**
 * Live mode's trainer controls: inject an incident of a chosen grade where the map is clicked,
 * pick an incident (its square on the map, or the table here), see it, and send a unit to it by hand
 * from the units nearest by ETA. Named "Grade", "Inject incident", "Assign unit" and "Assign" for
 * assistive technology and the end-to-end tests; every part works from the keyboard.
 */
import { useMemo } from 'react';
import { LIVE_INJECT_GRADES, type LiveIncident, type LiveInjectGrade } from '../../shared/protocol';
import { useApi } from '../api-context';
import { clockLabel, weekOffsetS } from '../live/clock';
import { GRADE_LABELS } from '../map/colours';
import { assignChosen, selectIncident } from '../sim-client/trainer';
import { update, useAppStore, useAppStoreApi } from '../store';
import { CANDIDATES_SHOWN, candidateLabel, gradeChosen, incidentsForTable, placingSet, unitChosen } from '../store/trainer-slice';

const STATE_LABELS: Readonly<Record<LiveIncident['state'], string>> = {
  deciding: 'being decided',
  pending: 'waiting for a unit',
  assigned: 'unit on the way',
  'on-scene': 'unit on scene',
};

export function TrainerPanel() {
  const api = useApi();
  const store = useAppStoreApi();
  const status = useAppStore((s) => s.live.status);
  const liveJob = useAppStore((s) => s.live.jobId);
  const incidents = useAppStore((s) => s.live.frame?.incidents);
  const trainer = useAppStore((s) => s.trainer);
  const offset = useAppStore((s) => weekOffsetS(s.scenario.current.start));
  const running = status === 'running';
  const table = useMemo(() => incidentsForTable(incidents ?? []), [incidents]);
  const selectedId = trainer.jobId === liveJob ? trainer.selected : null;
  const selected = selectedId === null ? undefined : incidents?.find((i) => i.id === selectedId);
  const shown = (trainer.candidates ?? []).slice(0, CANDIDATES_SHOWN);

  return (
    <section className="panel trainer" aria-labelledby="trainer-title" data-testid="trainer">
      <h2 id="trainer-title">Trainer</h2>
      <div className="trainer-inject" role="group" aria-label="Inject an incident">
        <label>
          Grade
          <select value={trainer.grade} onChange={(e) => update(store, 'trainer', gradeChosen, e.target.value as LiveInjectGrade)}>
            {LIVE_INJECT_GRADES.map((g) => (
              <option key={g} value={g}>
                {GRADE_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-pressed={trainer.placing} disabled={!running || trainer.busy} onClick={() => update(store, 'trainer', placingSet, !trainer.placing)}>
          Inject incident
        </button>
        {trainer.placing && <span className="hint">Click the map to place it; Esc cancels.</span>}
      </div>
      {!running && <p className="hint">The trainer's controls work while a live session runs (Play or Step starts one).</p>}
      {trainer.message && (
        <p role="status" className={trainer.message.ok ? 'trainer-message' : 'trainer-message refused'} data-testid="trainer-message">
          {trainer.message.text}
        </p>
      )}

      {selectedId !== null && (
        <div className="trainer-incident" data-testid="selected-incident" data-state={selected?.state ?? 'over'}>
          <h3>Incident {selectedId}</h3>
          {selected ? (
            <dl className="incident-details">
              <div>
                <dt>Grade</dt>
                <dd>{GRADE_LABELS[selected.grade]}</dd>
              </div>
              <div>
                <dt>State</dt>
                <dd data-testid="incident-state">{STATE_LABELS[selected.state]}</dd>
              </div>
              <div>
                <dt>Called</dt>
                <dd>{clockLabel(selected.callS, offset).time}</dd>
              </div>
              <div>
                <dt>Units</dt>
                <dd data-testid="incident-units">{selected.units.length > 0 ? selected.units.join(', ') : 'none'}</dd>
              </div>
              <div>
                <dt>Source</dt>
                <dd>{selected.injected ? 'injected by the trainer' : 'simulated call'}</dd>
              </div>
            </dl>
          ) : (
            <p className="hint">This incident is over (or not in the latest frame).</p>
          )}
          <div className="trainer-assign">
            <label>
              Assign unit
              <select value={trainer.unit} disabled={trainer.candidates === null || shown.length === 0} onChange={(e) => update(store, 'trainer', unitChosen, e.target.value)}>
                {trainer.candidates === null ? (
                  <option value="">{trainer.loading ? 'Finding units…' : 'No units listed'}</option>
                ) : shown.length === 0 ? (
                  <option value="">No units on duty</option>
                ) : (
                  shown.map((c) => (
                    <option key={c.unit} value={c.unit} disabled={c.etaS === null} title={c.reason}>
                      {candidateLabel(c)}
                    </option>
                  ))
                )}
              </select>
            </label>
            <button type="button" disabled={!running || trainer.busy || trainer.unit === '' || !selected} onClick={() => void assignChosen(api, store)}>
              Assign
            </button>
            <button type="button" className="secondary" onClick={() => void selectIncident(api, store, null)}>
              Close
            </button>
          </div>
          <p className="hint">Nearest first by ETA (turnout + travel from where each unit is now); {CANDIDATES_SHOWN} at most.</p>
        </div>
      )}

      {table.length > 0 && (
        <table className="small-table trainer-incidents" data-testid="incident-list">
          <caption>Incidents now (injected first, then the newest)</caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Grade</th>
              <th scope="col">State</th>
              <th scope="col">Units</th>
            </tr>
          </thead>
          <tbody>
            {table.map((i) => (
              <tr key={i.id} className={i.id === selectedId ? 'selected' : undefined} data-injected={i.injected} data-testid={`incident-row-${i.id}`}>
                <th scope="row">
                  <button type="button" className="link" aria-pressed={i.id === selectedId} onClick={() => void selectIncident(api, store, i.id === selectedId ? null : i.id)}>
                    {`Incident ${i.id}`}
                  </button>
                  {i.injected ? ' (injected)' : ''}
                </th>
                <td>{i.grade}</td>
                <td>{STATE_LABELS[i.state]}</td>
                <td>{i.units.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
