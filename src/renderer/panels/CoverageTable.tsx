/**
 * The road data coverage layer as text (one of the map data tables): per BCU, the share of demand
 * farther than the layer's `farM` from a modelled road, the demand-weighted mean distance and the
 * access leg it implies under the scenario's travel settings. Shown whenever the host has the
 * layer, whether or not it is drawn.
 */
import { useMemo } from 'react';
import type { CoverageDemand } from '../../shared/protocol';
import { formatDuration, formatPct } from '../format';
import { accessLegS, accessSettings, formatMetres } from '../map/coverage';
import { useAppStore } from '../store';

export function CoverageTable() {
  const coverage = useAppStore((s) => s.map.layers?.coverage ?? null);
  const raw = useAppStore((s) => s.scenario.current);
  const settings = useMemo(() => accessSettings(raw), [raw]);
  if (!coverage) return null;
  const far = formatMetres(coverage.farM);
  const london = coverage.demand.london;
  const row = (d: CoverageDemand) => (
    <>
      <td>{formatPct(d.farSharePct)}</td>
      <td>{d.meanDistanceM === null ? '–' : formatMetres(d.meanDistanceM)}</td>
      <td>{settings && d.meanDistanceM !== null ? formatDuration(accessLegS(d.meanDistanceM, settings)) : '–'}</td>
    </>
  );
  return (
    <>
      <p className="coverage-summary" data-testid="coverage-summary" data-far-share={london.farSharePct ?? ''}>
        {formatPct(london.farSharePct)} of {coverage.network === 'london' ? "London's" : 'the'} demand lies more than {far} from a modelled road, so its
        incidents are reached by a long access leg; east of the Greenwich meridian only main roads are modelled.
      </p>
      <table className="data-table" data-testid="coverage-table">
        <caption>Demand far from a modelled road, by BCU (road data coverage)</caption>
        <thead>
          <tr>
            <th scope="col">BCU</th>
            <th scope="col">Demand more than {far} from a road</th>
            <th scope="col">Mean distance to a road</th>
            <th scope="col">Mean access leg</th>
          </tr>
        </thead>
        <tbody>
          {coverage.demand.byBcu.map((b) => (
            <tr key={b.bcu} data-testid={`coverage-row-${b.bcu}`} data-far-share={b.farSharePct ?? ''}>
              <th scope="row">{b.name && b.name !== b.bcu ? `${b.name} (${b.bcu})` : b.bcu}</th>
              {row(b)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="coverage-row-london">
            <th scope="row">All</th>
            {row(london)}
          </tr>
        </tfoot>
      </table>
      <p className="hint">
        Demand: the built-in demand points weighted by demand. Access leg: the distance × {settings?.detourFactor ?? 'the detour factor'} at{' '}
        {settings ? `${settings.offRoadSpeedKph} km/h` : 'the off-road speed'} (this scenario's travel settings), before congestion and blue lights.
      </p>
    </>
  );
}
