/**
 * The road data coverage layer's switch (one of the map's layer controls) and, while the layer
 * shows, its legend: the distance classes with the access-leg time each implies under the
 * scenario's travel settings, and what that means for incidents there.
 */
import { useMemo } from 'react';
import { formatCount, formatDuration } from '../format';
import { update, useAppStore, useAppStoreApi } from '../store';
import { coverageShown } from '../store/map-slice';
import { COVERAGE_CLASSES, accessLegS, accessSettings, coverageClassLabel, coverageShapes, formatMetres, type AccessSettings } from './coverage';

/** "0:20 – 0:49", "under 0:20", "6:30 and more" for class k. */
function accessRange(k: number, settings: AccessSettings): string {
  const c = COVERAGE_CLASSES[k]!;
  if (c.fromM === 0) return `under ${formatDuration(accessLegS(c.toM, settings))}`;
  if (c.toM === Infinity) return `${formatDuration(accessLegS(c.fromM, settings))} and more`;
  return `${formatDuration(accessLegS(c.fromM, settings))} – ${formatDuration(accessLegS(c.toM, settings))}`;
}

export function CoverageSwitch() {
  const store = useAppStoreApi();
  const show = useAppStore((s) => s.map.showCoverage);
  const coverage = useAppStore((s) => s.map.layers?.coverage ?? null);
  const error = useAppStore((s) => s.map.layers?.coverageError ?? null);
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={show && coverage !== null}
          disabled={coverage === null}
          aria-describedby="coverage-switch-note"
          onChange={(e) => update(store, 'map', coverageShown, e.target.checked)}
          data-testid="coverage-switch"
        />
        Show road data coverage
      </label>
      <span id="coverage-switch-note" className="legend-note">
        {coverage ? 'where road data is thin: distance to the nearest modelled road' : `not available${error ? `: ${error}` : ' for these areas'}`}
      </span>
    </>
  );
}

export function CoverageLegend() {
  const show = useAppStore((s) => s.map.showCoverage);
  const coverage = useAppStore((s) => s.map.layers?.coverage ?? null);
  const raw = useAppStore((s) => s.scenario.current);
  const settings = useMemo(() => accessSettings(raw), [raw]);
  if (!show || !coverage) return null;
  const shapes = coverageShapes(coverage);
  const cells = new Map(shapes.map((shape) => [shape.k, shape.cells]));
  const total = shapes.reduce((sum, shape) => sum + shape.cells, 0);
  return (
    <div className="coverage-legend" role="group" aria-labelledby="coverage-legend-title" data-testid="coverage-legend" data-cells={total}>
      <p id="coverage-legend-title" className="legend-title">
        Road data coverage: distance from each {formatMetres(coverage.cellM)} cell to the nearest modelled road
      </p>
      <ul className="legend-list">
        {COVERAGE_CLASSES.map((c, k) => (
          <li key={k} data-cells={cells.get(k) ?? 0}>
            <span className="swatch coverage-swatch" style={{ background: c.colour }} aria-hidden="true" />
            {coverageClassLabel(k)}
            {settings ? ` · access leg ${accessRange(k, settings)}` : ''}
            <span className="legend-note">
              {' '}
              ({formatCount(cells.get(k) ?? 0)} {cells.get(k) === 1 ? 'cell' : 'cells'})
            </span>
          </li>
        ))}
      </ul>
      <p className="legend-note">
        {settings
          ? `Incidents here reach the road by an access leg of the distance × ${settings.detourFactor} at ${settings.offRoadSpeedKph} km/h (this scenario's travel settings; shorter on blue lights: ÷ ${settings.blueLightFactor}). `
          : 'Incidents here reach the road by an access leg of the distance × the detour factor at the off-road speed (MODEL.md "Travel"). '}
        East of the Greenwich meridian only main roads (motorways, trunk roads, a few A roads) are modelled.
      </p>
      {settings?.mode === 'straight-line' && <p className="legend-note">This scenario uses straight-line travel: it has no access legs.</p>}
      {settings?.mode === 'road' && settings.network !== null && settings.network !== coverage.network && (
        <p className="legend-note">
          This scenario drives on {settings.network}; the layer shows the built-in {coverage.network} roads.
        </p>
      )}
    </div>
  );
}
