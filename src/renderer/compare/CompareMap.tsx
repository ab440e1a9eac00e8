/**
 * The comparison as a diverging map of boroughs: each filled by the verdict and size of the chosen
 * figure's paired difference (./colours.ts), with a legend that says which colour is better and a
 * tooltip per borough. The outlines are the ones the main map drew (the host's map layers).
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo } from 'react';
import { GeoJSON, MapContainer, useMap } from 'react-leaflet';
import type { Comparison, MapFeatureCollection } from '../../shared/protocol';
import { useAppStore } from '../store';
import { BETTER, divergingFill, largestDifference, NOT_MEASURED, SAME, WORSE } from './colours';
import { differenceText, unitWord, verdictText } from './format';

function FitTo({ outlines }: { outlines: MapFeatureCollection }) {
  const map = useMap();
  useEffect(() => {
    const bounds = L.geoJSON(outlines as unknown as GeoJSON.FeatureCollection).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [4, 4] });
  }, [map, outlines]);
  return null;
}

export function CompareMap({ comparison: c, variant, figure }: { comparison: Comparison; variant: number; figure: number }) {
  const outlines = useAppStore((s) => s.map.layers?.areas ?? null);
  const info = c.areaFigures[figure]!;
  const byId = useMemo(() => new Map(c.areas.map((a) => [a.id, a.figures[figure]!.differences[variant]!])), [c, figure, variant]);
  const largest = useMemo(() => largestDifference([...byId.values()]), [byId]);
  const key = `${figure}-${variant}-${c.replications.length}`;
  const title = `${info.label}: ${c.scenarios[variant + 1]!.label} against ${c.scenarios[0]!.label}, by borough`;
  return (
    <figure className="compare-map">
      {outlines === null ? (
        <p className="muted">No borough outlines to draw for these scenarios (the table below has every figure).</p>
      ) : (
        <MapContainer center={[51.49, -0.11]} zoom={9} zoomSnap={0.25} className="compare-map-canvas" attributionControl={false} scrollWheelZoom={false} aria-label={title}>
          <FitTo outlines={outlines} />
          <GeoJSON
            key={key}
            data={outlines as unknown as GeoJSON.FeatureCollection}
            style={(feature) => {
              const d = byId.get(String(feature?.properties?.id));
              return { color: '#4a5360', weight: 1, fillOpacity: 0.85, fillColor: d ? divergingFill(d, largest) : NOT_MEASURED };
            }}
            onEachFeature={(feature, layer) => {
              const d = byId.get(String(feature.properties?.id));
              layer.bindTooltip(`${String(feature.properties?.name ?? '')}: ${d ? `${differenceText(d, info.unit)} ${unitWord(info.unit)}, ${verdictText(d)}` : 'not in the comparison'}`);
            }}
          />
        </MapContainer>
      )}
      <figcaption>
        {title}.
        <ul className="compare-legend" aria-label="Map legend">
          <li>
            <span className="swatch" style={{ background: BETTER[2] }} />
            <span className="swatch" style={{ background: BETTER[0] }} /> Blue: better than the baseline (deeper: a larger difference)
          </li>
          <li>
            <span className="swatch" style={{ background: WORSE[2] }} />
            <span className="swatch" style={{ background: WORSE[0] }} /> Red: worse than the baseline
          </li>
          <li>
            <span className="swatch" style={{ background: SAME }} /> Grey: no detectable difference
          </li>
          <li>
            <span className="swatch" style={{ background: NOT_MEASURED }} /> White: not measured
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
