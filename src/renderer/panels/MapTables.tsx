/**
 * The map's information as tables, for keyboard and screen-reader users (and anyone who wants the
 * numbers): figures by BCU and by borough (selecting a row selects the borough on the map), the
 * live units and incidents by state, and the road data coverage by BCU (./CoverageTable.tsx).
 */
import { useMemo } from 'react';
import { LIVE_UNIT_STATES } from '../../shared/protocol';
import { bcuFigures } from '../figures/areas';
import { formatCount, formatDuration, formatPct } from '../format';
import { GRADE_LABELS, UNIT_STATE_LABELS } from '../map/colours';
import { update, useAppStore, useAppStoreApi } from '../store';
import { areaSelected } from '../store/map-slice';
import { CoverageTable } from './CoverageTable';

export function MapTables() {
  const store = useAppStoreApi();
  const results = useAppStore((s) => s.run.latest?.outcome.results ?? null);
  const selected = useAppStore((s) => s.map.selectedArea);
  const bcuNames = useAppStore((s) => s.map.layers?.bcus);
  const frame = useAppStore((s) => s.live.frame);
  const bcus = useMemo(() => (results ? bcuFigures(results) : []), [results]);
  const names = useMemo(() => new Map((bcuNames?.features ?? []).map((f) => [String(f.properties.id), String(f.properties.name)])), [bcuNames]);
  const units = useMemo(() => {
    const counts = new Map<string, number>();
    for (const u of frame?.units ?? []) counts.set(u.state, (counts.get(u.state) ?? 0) + 1);
    return counts;
  }, [frame]);
  const incidents = useMemo(() => {
    const counts = new Map<string, number>();
    for (const i of frame?.incidents ?? []) counts.set(`${i.grade}:${i.state}`, (counts.get(`${i.grade}:${i.state}`) ?? 0) + 1);
    return counts;
  }, [frame]);

  return (
    <section className="panel map-tables" aria-labelledby="map-tables-title">
      <h2 id="map-tables-title">Map data</h2>
      {frame && (
        <div className="now-tables">
          <table className="small-table" data-testid="units-now">
            <caption>Units now</caption>
            <tbody>
              {LIVE_UNIT_STATES.map((s) => (
                <tr key={s} data-state={s} data-count={units.get(s) ?? 0}>
                  <th scope="row">{UNIT_STATE_LABELS[s]}</th>
                  <td>{formatCount(units.get(s) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="small-table">
            <caption>Incidents now</caption>
            <thead>
              <tr>
                <th scope="col">Grade</th>
                <th scope="col">Waiting</th>
                <th scope="col">Unit on the way</th>
                <th scope="col">On scene</th>
              </tr>
            </thead>
            <tbody>
              {(['I', 'S', 'E'] as const).map((g) => (
                <tr key={g}>
                  <th scope="row">{GRADE_LABELS[g]}</th>
                  <td>{formatCount((incidents.get(`${g}:pending`) ?? 0) + (incidents.get(`${g}:deciding`) ?? 0))}</td>
                  <td>{formatCount(incidents.get(`${g}:assigned`) ?? 0)}</td>
                  <td>{formatCount(incidents.get(`${g}:on-scene`) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!results ? (
        <p className="hint">Figures by BCU and borough appear when the run is done.</p>
      ) : (
        <>
          <table className="data-table" data-testid="bcu-table">
            <caption>By BCU</caption>
            <thead>
              <tr>
                <th scope="col">BCU</th>
                <th scope="col">I incidents</th>
                <th scope="col">I mean</th>
                <th scope="col">I within</th>
                <th scope="col">S mean</th>
                <th scope="col">S within</th>
              </tr>
            </thead>
            <tbody>
              {bcus.map((b) => (
                <tr key={b.id} data-testid={`bcu-row-${b.id}`} data-i-mean={b.meanI ?? ''} data-i-within={b.withinI ?? ''} data-i-incidents={b.incidentsI}>
                  <th scope="row">{names.get(b.id) ? `${names.get(b.id)} (${b.id})` : b.id}</th>
                  <td>{formatCount(b.incidentsI)}</td>
                  <td>{formatDuration(b.meanI)}</td>
                  <td>{formatPct(b.withinI)}</td>
                  <td>{formatDuration(b.meanS)}</td>
                  <td>{formatPct(b.withinS)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table" data-testid="borough-table">
            <caption>By borough (select a borough to show it on the map)</caption>
            <thead>
              <tr>
                <th scope="col">Borough</th>
                <th scope="col">BCU</th>
                <th scope="col">I incidents</th>
                <th scope="col">I mean</th>
                <th scope="col">I within</th>
                <th scope="col">S mean</th>
                <th scope="col">S within</th>
              </tr>
            </thead>
            <tbody>
              {results.areas.map((a) => (
                <tr key={a.id} className={a.id === selected ? 'selected' : undefined} aria-selected={a.id === selected} data-testid={`area-row-${a.id}`}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => update(store, 'map', areaSelected, a.id === selected ? null : a.id)} aria-pressed={a.id === selected}>
                      {a.name}
                    </button>
                  </th>
                  <td>{a.bcu ?? '–'}</td>
                  <td>{formatCount(a.I?.incidents ?? 0)}</td>
                  <td>{formatDuration(a.I?.meanResponseS)}</td>
                  <td>{formatPct(a.I?.withinTargetPct)}</td>
                  <td>{formatDuration(a.S?.meanResponseS)}</td>
                  <td>{formatPct(a.S?.withinTargetPct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <CoverageTable />
    </section>
  );
}
