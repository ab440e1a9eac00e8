/**
 * Live mode's trainer controls: inject an incident of a chosen grade where the map is clicked,
 * pick an incident (its square on the map, or the table here), see it and why dispatch did what it
 * did (DispatchDecision), send any unit to it by hand (UnitPicker: searchable, a busy unit diverted
 * after a confirmation) or stand one of its units down. While the session plays, the units listed
 * and the decision record are asked for again about once a second. Named "Grade", "Inject incident",
 * "Find unit", "Assign unit", "Assign", "Divert", "Stand down" for assistive technology and the
 * end-to-end tests; every part works from the keyboard.
 */
import { useEffect, useMemo, useRef } from 'react';
import { LIVE_INJECT_GRADES, type LiveIncident, type LiveInjectGrade } from '../../shared/protocol';
import { useApi } from '../api-context';
import { clockLabel, weekOffsetS } from '../live/clock';
import { GRADE_LABELS } from '../map/colours';
import { refreshCandidates, selectIncident, standDownUnit } from '../sim-client/trainer';
import { update, useAppStore, useAppStoreApi } from '../store';
import { gradeChosen, incidentsForTable, placingSet } from '../store/trainer-slice';
import { DispatchDecision } from './DispatchDecision';
import { UnitPicker } from './UnitPicker';

/** Wall milliseconds between asks for the selected incident's candidates while playing. */
export const REFRESH_MS = 1000;

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
  const seq = useAppStore((s) => s.live.frame?.seq);
  const playing = useAppStore((s) => s.live.playing);
  const lastAsked = useRef(0);
  // The list stays current while playing: a frame at least REFRESH_MS after the last ask asks again.
  useEffect(() => {
    if (!playing || selectedId === null || trainer.busy || trainer.loading) return;
    const now = performance.now();
    if (now - lastAsked.current < REFRESH_MS) return;
    lastAsked.current = now;
    void refreshCandidates(api, store);
  }, [seq, playing, selectedId, trainer.busy, trainer.loading, api, store]);

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
                <dd data-testid="incident-units">
                  {selected.units.length > 0
                    ? selected.units.map((u, k) => (
                        <span key={u} className="incident-unit">
                          {k > 0 ? ', ' : ''}
                          {u}{' '}
                          <button type="button" className="link" aria-label={`Stand down ${u}`} disabled={!running || trainer.busy} onClick={() => void standDownUnit(api, store, u)}>
                            Stand down
                          </button>
                        </span>
                      ))
                    : 'none'}
                </dd>
              </div>
              <div>
                <dt>Source</dt>
                <dd>{selected.injected ? 'injected by the trainer' : 'simulated call'}</dd>
              </div>
            </dl>
          ) : (
            <p className="hint">This incident is over (or not in the latest frame).</p>
          )}
          <UnitPicker canAssign={running && selected !== undefined} />
          <DispatchDecision explanation={trainer.explanation} offsetS={offset} />
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
