/** The figures of the borough selected on the map (or in the borough table). */
import { formatCount, formatDuration, formatPct } from '../format';
import { update, useAppStore, useAppStoreApi } from '../store';
import { areaSelected } from '../store/map-slice';

export function AreaDetails() {
  const store = useAppStoreApi();
  const selected = useAppStore((s) => s.map.selectedArea);
  const area = useAppStore((s) => s.run.latest?.outcome.results.areas.find((a) => a.id === s.map.selectedArea) ?? null);
  const outline = useAppStore((s) => s.map.layers?.areas.features.find((f) => f.properties.id === s.map.selectedArea) ?? null);
  if (selected === null) return null;
  const name = area?.name ?? String(outline?.properties.name ?? selected);
  return (
    <section className="area-details" aria-label={`Borough: ${name}`} data-testid="area-details">
      <div className="area-details-head">
        <h3>{name}</h3>
        <button type="button" className="link" onClick={() => update(store, 'map', areaSelected, null)} aria-label={`Close the figures of ${name}`}>
          ×
        </button>
      </div>
      <p className="hint">
        {selected}
        {area?.bcu ? ` · BCU ${area.bcu}` : area ? ' · no BCU (not policed by the Met in this scenario)' : ''}
      </p>
      {!area ? (
        <p>No figures for this borough yet.</p>
      ) : (
        <table className="small-table">
          <thead>
            <tr>
              <th scope="col">Grade</th>
              <th scope="col">Incidents</th>
              <th scope="col">Mean response</th>
              <th scope="col">Within target</th>
            </tr>
          </thead>
          <tbody>
            {(['I', 'S', 'E'] as const).map((g) => (
              <tr key={g}>
                <th scope="row">{g}</th>
                <td>{formatCount(area[g]?.incidents ?? 0)}</td>
                <td>{formatDuration(area[g]?.meanResponseS)}</td>
                <td>{formatPct(area[g]?.withinTargetPct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
