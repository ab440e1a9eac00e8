/**
 * The road data coverage layer on the map: the cells of the grid coloured by their distance to the
 * nearest modelled road (./coverage.ts), one SVG path per distance class, in a pane below the
 * boroughs that lets clicks through (the boroughs stay clickable and keep their tooltips).
 */
import { useMemo } from 'react';
import { GeoJSON, Pane } from 'react-leaflet';
import type { RoadCoverage } from '../../shared/protocol';
import { COVERAGE_CLASSES, COVERAGE_OPACITY, coverageShapes } from './coverage';

/** Leaflet's overlay pane (the boroughs) sits at z-index 400, tiles at 200. */
const PANE_Z = 350;

export function CoverageLayer({ coverage }: { coverage: RoadCoverage }) {
  const shapes = useMemo(() => coverageShapes(coverage), [coverage]);
  return (
    <Pane name="road-coverage" style={{ zIndex: PANE_Z, pointerEvents: 'none' }}>
      {shapes.map((shape) => (
        <GeoJSON
          // GeoJSON layers never take new data: a new grid gets new layers.
          key={`${coverage.graphKey}-${coverage.cellM}-${shape.k}`}
          data={{ type: 'Feature', properties: { k: shape.k, cells: shape.cells }, geometry: { type: 'MultiPolygon', coordinates: shape.polygons } } as GeoJSON.Feature}
          interactive={false}
          style={() => ({
            stroke: false,
            fillColor: COVERAGE_CLASSES[shape.k]!.colour,
            fillOpacity: COVERAGE_OPACITY,
            className: `coverage-class coverage-class-${shape.k}`,
          })}
        />
      ))}
    </Pane>
  );
}
