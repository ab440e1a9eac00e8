/**
 * The map's legend and options: the figure the boroughs are coloured by (with its classes), unit
 * states, incident grades, bases; the layer controls (off-duty units, road data coverage) and, while
 * it shows, the coverage layer's legend.
 */
import { useMemo } from 'react';
import { LIVE_UNIT_STATES } from '../../shared/protocol';
import { CHOROPLETH_FIGURES, NO_DATA_COLOUR, choroplethDef, choroplethScale } from '../figures/areas';
import { formatDuration, formatPct } from '../format';
import { update, useAppStore, useAppStoreApi } from '../store';
import { figureChosen, offDutyShown, type ChoroplethFigure } from '../store/map-slice';
import { GRADE_COLOURS, GRADE_LABELS, INJECTED_RING_COLOUR, UNIT_COLOURS, UNIT_STATE_LABELS } from './colours';
import { CoverageLegend, CoverageSwitch } from './CoverageLegend';

export function MapLegend() {
  const store = useAppStoreApi();
  const figure = useAppStore((s) => s.map.figure);
  const showOffDuty = useAppStore((s) => s.map.showOffDuty);
  const coverageOn = useAppStore((s) => s.map.showCoverage && (s.map.layers?.coverage ?? null) !== null);
  const results = useAppStore((s) => s.run.latest?.outcome.results ?? null);
  const def = choroplethDef(figure);
  const scale = useMemo(() => choroplethScale(def, (results?.areas ?? []).map((a) => def.read(a))), [def, results]);
  const fmt = (v: number) => (def.kind === 'duration' ? formatDuration(v) : def.kind === 'pct' ? formatPct(v) : String(Math.round(v)));
  return (
    <div className="map-legend" aria-label="Map legend" role="group">
      <label className="figure-choice">
        Colour boroughs by
        <select value={figure} onChange={(e) => update(store, 'map', figureChosen, e.target.value as ChoroplethFigure)} data-testid="choropleth-figure">
          {CHOROPLETH_FIGURES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <ul className="legend-list choropleth-legend" aria-label={`${def.label} classes`} data-testid="choropleth-legend">
        {scale.breaks.length === 0 ? (
          <li>
            <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" /> no figures yet
          </li>
        ) : (
          scale.colours.map((c, k) => (
            <li key={k}>
              <span className="swatch" style={{ background: c }} aria-hidden="true" />
              {fmt(scale.breaks[k]!)} – {fmt(scale.breaks[k + 1]!)}
            </li>
          ))
        )}
        <li className="legend-note">
          {def.worse === 'high' ? 'darker = higher (worse)' : 'darker = lower (worse)'}
          {coverageOn ? '; faint while the road data coverage shows' : ''}
        </li>
      </ul>
      <ul className="legend-list" aria-label="Units">
        {LIVE_UNIT_STATES.map((s) => (
          <li key={s}>
            <span className="dot" style={{ background: UNIT_COLOURS[s] }} aria-hidden="true" />
            {UNIT_STATE_LABELS[s]}
          </li>
        ))}
      </ul>
      <ul className="legend-list" aria-label="Incidents and bases">
        {(['I', 'S', 'E'] as const).map((g) => (
          <li key={g}>
            <span className="square" style={{ background: GRADE_COLOURS[g] }} aria-hidden="true" />
            {GRADE_LABELS[g]}
          </li>
        ))}
        <li>
          <span className="square pending" aria-hidden="true" />
          outlined: waiting for a unit
        </li>
        <li>
          <span className="ring" style={{ borderColor: INJECTED_RING_COLOUR }} aria-hidden="true" />
          ringed: injected by the trainer
        </li>
        <li>
          <span className="dot base-dot" aria-hidden="true" />
          Base (white: synthetic)
        </li>
        <li>
          <span className="line" aria-hidden="true" />
          BCU border
        </li>
      </ul>
      <fieldset className="layer-controls">
        <legend>Layers</legend>
        <label className="check">
          <input type="checkbox" checked={showOffDuty} onChange={(e) => update(store, 'map', offDutyShown, e.target.checked)} />
          Show off-duty units
        </label>
        <CoverageSwitch />
      </fieldset>
      <CoverageLegend />
    </div>
  );
}
