/**
 * Demand: the overall level, a multiplier per BCU or borough, and demand events (a circle on the
 * map, a window, a multiplier, the lines it applies to), listed and editable in a table; "Add demand
 * event" arms a map click (Esc cancels).
 */
import { useMemo, useState } from 'react';
import { NumberField } from '../panels/NumberField';
import { MAX_EXTRA_PER_HOUR, MAX_MULTIPLIER, MIX_GRADES, dayAndClock, lineMix, withGradeShare, type GradeMix, readAreaMultipliers, readEvents, removeEvent, secondsAt, setAreaMultiplier, specOf, updateEvent, windowText, type DemandEvent, type EventSpec } from '../scenario/demand';
import { num } from '../scenario/raw';
import { update, useAppStore, useAppStoreApi } from '../store';
import { demandMultiplierOf, demandMultiplierSet } from '../store/scenario-slice';
import { workbenchPlacingSet } from '../store/workbench-slice';
import { applyEdit, finishPolygon } from './actions';

function When({ label, tS, days, onChange }: { label: string; tS: number; days: number; onChange: (tS: number) => void }) {
  const { day, clock } = dayAndClock(tS);
  return (
    <span className="when">
      <select aria-label={`${label}: day`} value={day} onChange={(e) => onChange(secondsAt(Number(e.target.value), clock))}>
        {Array.from({ length: Math.max(days, day) }, (_, i) => (
          <option key={i} value={i + 1}>
            Day {i + 1}
          </option>
        ))}
      </select>
      <input type="time" aria-label={`${label}: time`} value={clock} onChange={(e) => e.target.value && onChange(secondsAt(day, e.target.value))} />
    </span>
  );
}

/** An event's grade mix as percentages, each editable (the others rescale to fill the rest), and a way back to the line's mix. */
function MixFields({ event: e, mix, onChange }: { event: DemandEvent; mix: GradeMix; onChange: (mix: GradeMix | null, what: string) => void }) {
  return (
    <span className="grade-mix">
      {MIX_GRADES.map((g) => (
        <label key={g}>
          {g} %
          <NumberField label={`${g} % of the extra calls of ${e.label}`} value={Math.round(mix[g] * 1000) / 10} min={0} max={100} step={5} integer={false} onCommit={(p) => onChange(withGradeShare(mix, g, p / 100), `Grade ${g} share`)} />
        </label>
      ))}
      {e.gradeMix ? (
        <button type="button" className="link" onClick={() => onChange(null, "Line's grade mix")}>
          Line's mix<span className="visually-hidden"> for {e.label}</span>
        </button>
      ) : (
        <span className="hint">the line's mix</span>
      )}
    </span>
  );
}

export function DemandEditor() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.scenario.current);
  const level = useAppStore((s) => demandMultiplierOf(s.scenario));
  const placing = useAppStore((s) => s.workbench.placing);
  const corners = useAppStore((s) => s.workbench.corners.length);
  const layers = useAppStore((s) => s.map.layers);
  const [error, setError] = useState<string | null>(null);
  const [borough, setBorough] = useState('');
  // Rendered only when open (fields cost every render of the app).
  const [bcuOpen, setBcuOpen] = useState(false);
  const multipliers = useMemo(() => readAreaMultipliers(current), [current]);
  const events = useMemo(() => readEvents(current), [current]);
  const days = Math.max(1, Math.ceil(num(current.days) || 7));
  const bcus = useMemo(() => (layers?.bcus?.features ?? []).map((f) => ({ id: String(f.properties.id), name: String(f.properties.name) })), [layers]);
  const boroughs = useMemo(() => (layers?.areas.features ?? []).map((f) => ({ id: String(f.properties.id), name: String(f.properties.name) })).sort((a, b) => a.name.localeCompare(b.name)), [layers]);
  const nameOf = (id: string) => bcus.find((b) => b.id === id)?.name ?? boroughs.find((b) => b.id === id)?.name ?? id;
  const setEvent = (e: DemandEvent, patch: Partial<EventSpec>, what: string) => setError(applyEdit(store, (raw) => updateEvent(raw, e.index, { ...specOf(e), ...patch }), `${what} of ${e.label}`));
  const chosen = borough || boroughs[0]?.id || '';

  return (
    <section className="panel workbench-demand" aria-labelledby="demand-title" data-testid="demand-editor">
      <h2 id="demand-title">Demand</h2>
      <div className="resourcing-row">
        <label>
          Overall demand level (x)
          <NumberField label="Overall demand level (x)" value={level} min={0.1} max={5} step={0.1} integer={false} onCommit={(m) => update(store, 'scenario', demandMultiplierSet, m)} />
        </label>
        {boroughs.length > 0 && (
          <span className="borough-multiplier">
            <label>
              Borough
              <select value={chosen} onChange={(e) => setBorough(e.target.value)}>
                {boroughs.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Borough demand (x)
              <NumberField label="Borough demand (x)" value={multipliers[chosen] ?? 1} min={0} max={MAX_MULTIPLIER} step={0.1} integer={false} onCommit={(m) => setError(applyEdit(store, (raw) => setAreaMultiplier(raw, chosen, m), `Demand of ${nameOf(chosen)}`))} />
            </label>
          </span>
        )}
      </div>
      {bcus.length > 0 && (
        <details open={bcuOpen} onToggle={(e) => setBcuOpen((e.target as HTMLDetailsElement).open)}>
          <summary>Demand by BCU</summary>
          {bcuOpen && (
            <table className="data-table compact">
              <caption className="visually-hidden">Demand multiplier by BCU</caption>
              <thead>
                <tr>
                  <th scope="col">BCU</th>
                  <th scope="col">Demand (x)</th>
                </tr>
              </thead>
              <tbody>
                {bcus.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">{b.name}</th>
                    <td>
                      <NumberField label={`Demand (x), ${b.name}`} value={multipliers[b.id] ?? 1} min={0} max={MAX_MULTIPLIER} step={0.1} integer={false} onCommit={(m) => setError(applyEdit(store, (raw) => setAreaMultiplier(raw, b.id, m), `Demand of ${b.name}`))} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      )}
      {Object.keys(multipliers).length > 0 && <p className="hint">Multiplied: {Object.entries(multipliers).map(([id, m]) => `${nameOf(id)} x${m}`).join(', ')}</p>}

      <h3>Demand events</h3>
      <div className="toolbar">
        <button type="button" aria-pressed={placing === 'event'} onClick={() => update(store, 'workbench', workbenchPlacingSet, placing === 'event' ? null : 'event')}>
          Add demand event
        </button>
        <button type="button" aria-pressed={placing === 'polygon'} onClick={() => update(store, 'workbench', workbenchPlacingSet, placing === 'polygon' ? null : 'polygon')}>
          Draw event area
        </button>
        {placing === 'polygon' && (
          <button type="button" disabled={corners < 3} onClick={() => finishPolygon(store)}>
            Finish polygon ({corners} corner{corners === 1 ? '' : 's'})
          </button>
        )}
        <span className="hint">Add demand event places a 1 km circle where the map is clicked; Draw event area takes a polygon corner by corner. Set times and size here; an event multiplies the usual calls in its area (Demand x), adds calls an hour of its own with their grade mix, or both.</span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {events.length === 0 ? (
        <p className="hint">No demand events.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table events-table" data-testid="events-table">
            <caption className="visually-hidden">Demand events</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Where</th>
                <th scope="col">Starts</th>
                <th scope="col">Ends</th>
                <th scope="col">Demand (x)</th>
                <th scope="col">Extra calls an hour</th>
                <th scope="col">Grade mix of the extra calls</th>
                <th scope="col">Lines</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.index} data-testid={`event-${e.index}`}>
                  <td>
                    <input type="text" aria-label={`Name of event ${e.label}`} defaultValue={e.label} key={e.label} onBlur={(ev) => ev.target.value !== e.label && setEvent(e, { label: ev.target.value }, 'Name')} onKeyDown={(ev) => ev.key === 'Enter' && (ev.target as HTMLInputElement).blur()} />
                  </td>
                  <td>
                    {e.shape.kind === 'circle' ? (
                      <label>
                        Radius (m)
                        <NumberField label={`Radius (m) of ${e.label}`} value={e.shape.radiusM} min={50} max={50000} step={50} onCommit={(r) => e.shape.kind === 'circle' && setEvent(e, { shape: { ...e.shape, radiusM: r } }, 'Radius')} />
                      </label>
                    ) : e.shape.kind === 'polygon' ? (
                      `${e.shape.corners.length}-corner polygon`
                    ) : e.shape.kind === 'area' ? (
                      nameOf(e.shape.area)
                    ) : (
                      'all demand'
                    )}
                  </td>
                  {e.fromS === null || e.toS === null ? (
                    <td colSpan={2}>{windowText(current, e.fromS, e.toS)}</td>
                  ) : (
                    <>
                      <td>
                        <When label={`Start of ${e.label}`} tS={e.fromS} days={days} onChange={(t) => setEvent(e, { fromS: t }, 'Start')} />
                      </td>
                      <td>
                        <When label={`End of ${e.label}`} tS={e.toS} days={days + 1} onChange={(t) => setEvent(e, { toS: t }, 'End')} />
                      </td>
                    </>
                  )}
                  <td>
                    <NumberField label={`Demand (x) of ${e.label}`} value={e.multiplier} min={0} max={MAX_MULTIPLIER} step={0.5} integer={false} onCommit={(m) => setEvent(e, { multiplier: m }, 'Demand (x)')} />
                  </td>
                  <td>
                    <NumberField label={`Extra calls an hour of ${e.label}`} value={e.extraPerHour} min={0} max={MAX_EXTRA_PER_HOUR} step={5} integer={false} onCommit={(n) => setEvent(e, { extraPerHour: n }, 'Extra calls')} />
                  </td>
                  <td>
                    {e.extraPerHour > 0 ? <MixFields event={e} mix={e.gradeMix ?? lineMix(current, e.line)} onChange={(gradeMix, what) => setEvent(e, { gradeMix }, what)} /> : <span className="hint">no extra calls</span>}
                  </td>
                  <td>
                    <select aria-label={`Lines of ${e.label}`} value={e.line ?? ''} onChange={(ev) => setEvent(e, { line: ev.target.value || null }, 'Lines')}>
                      <option value="">999 and 101</option>
                      <option value="999">999 only</option>
                      <option value="101">101 only</option>
                    </select>
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => setError(applyEdit(store, (raw) => removeEvent(raw, e.index), `Remove ${e.label}`))}>
                      Remove<span className="visually-hidden"> {e.label}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
