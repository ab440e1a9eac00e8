/**
 * The road data coverage layer as the map draws it (pure functions, tested without Leaflet): the
 * cells of a `RoadCoverage` grid in distance classes, each class one MultiPolygon of row runs (a run
 * = neighbouring cells of a row in the same class, one rectangle), and the access-leg time a
 * distance implies under a scenario's travel settings (MODEL.md "Travel": straight line x
 * `detourFactor` at `offRoadSpeedKph`).
 */
import type { RoadCoverage } from '../../shared/protocol';
import { parseScenario } from '../../shared/scenario';

export interface CoverageClass {
  /** metres from a cell's centre to the nearest modelled road: fromM <= d < toM */
  readonly fromM: number;
  readonly toM: number;
  readonly colour: string;
}

/** Distance classes, near to far; blue to purple, apart from the boroughs' orange choropleth. */
export const COVERAGE_CLASSES: readonly CoverageClass[] = [
  { fromM: 0, toM: 100, colour: '#edf8fb' },
  { fromM: 100, toM: 250, colour: '#bfd3e6' },
  { fromM: 250, toM: 500, colour: '#9ebcda' },
  { fromM: 500, toM: 1000, colour: '#8c96c6' },
  { fromM: 1000, toM: 2000, colour: '#8856a7' },
  { fromM: 2000, toM: Infinity, colour: '#810f7c' },
];

/** Fill opacity of the cells (the boroughs' fill is turned down while the layer shows). */
export const COVERAGE_OPACITY = 0.7;

/** Index into COVERAGE_CLASSES of a distance in metres; -1 for a cell outside the areas (d < 0). */
export function coverageClassOf(distanceM: number): number {
  if (!(distanceM >= 0)) return -1;
  for (let k = 0; k < COVERAGE_CLASSES.length; k++) if (distanceM < COVERAGE_CLASSES[k]!.toM) return k;
  return COVERAGE_CLASSES.length - 1;
}

/** "750 m", "1.5 km" */
export function formatMetres(m: number): string {
  if (m < 1000) return `${Math.round(m)} m`;
  const km = m / 1000;
  return `${Number.isInteger(km) ? km : km.toFixed(1)} km`;
}

/** "under 100 m", "500 m – 1 km", "2 km and more" */
export function coverageClassLabel(k: number): string {
  const c = COVERAGE_CLASSES[k];
  if (!c) throw new Error(`coverage class ${k} does not exist (0..${COVERAGE_CLASSES.length - 1})`);
  if (c.fromM === 0) return `under ${formatMetres(c.toM)}`;
  if (c.toM === Infinity) return `${formatMetres(c.fromM)} and more`;
  return `${formatMetres(c.fromM)} – ${formatMetres(c.toM)}`;
}

export interface CoverageShape {
  /** index into COVERAGE_CLASSES */
  readonly k: number;
  /** cells of the class */
  readonly cells: number;
  /** rectangles as GeoJSON MultiPolygon coordinates, lon/lat */
  readonly polygons: number[][][][];
}

const shapesOf = new WeakMap<RoadCoverage, CoverageShape[]>();

/**
 * The cells of `coverage` by class (classes without cells left out), near to far. Worked out once
 * per coverage object (the layer and its legend both ask).
 */
export function coverageShapes(coverage: RoadCoverage): readonly CoverageShape[] {
  let shapes = shapesOf.get(coverage);
  if (!shapes) {
    shapes = buildShapes(coverage);
    shapesOf.set(coverage, shapes);
  }
  return shapes;
}

function buildShapes(coverage: RoadCoverage): CoverageShape[] {
  const { cols, rows, west, south, dLon, dLat, distanceM } = coverage;
  const cells = COVERAGE_CLASSES.map(() => 0);
  const polygons: number[][][][][] = COVERAGE_CLASSES.map(() => []);
  const lonAt = (c: number) => west + c * dLon;
  for (let r = 0; r < rows; r++) {
    const s = south + r * dLat;
    const n = s + dLat;
    let c = 0;
    while (c < cols) {
      const k = coverageClassOf(distanceM[r * cols + c]!);
      let end = c + 1;
      while (end < cols && coverageClassOf(distanceM[r * cols + end]!) === k) end++;
      if (k >= 0) {
        cells[k]! += end - c;
        const w = lonAt(c);
        const e = lonAt(end);
        polygons[k]!.push([
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ]);
      }
      c = end;
    }
  }
  return COVERAGE_CLASSES.map((_, k) => ({ k, cells: cells[k]!, polygons: polygons[k]! })).filter((shape) => shape.cells > 0);
}

/** What the access leg of a distance depends on in a scenario (MODEL.md "Travel"). */
export interface AccessSettings {
  readonly mode: 'straight-line' | 'road';
  /** `network.source` when it names a data set or file, else null */
  readonly network: string | null;
  readonly detourFactor: number;
  readonly offRoadSpeedKph: number;
  readonly blueLightFactor: number;
}

const settingsOf = new WeakMap<object, AccessSettings | null>();

/**
 * The scenario's access-leg settings (its defaults applied), or null when it is not a valid
 * scenario. Parsed once per scenario object (the store's scenarios are never changed in place; the
 * legend and the table both ask after every edit).
 */
export function accessSettings(raw: unknown): AccessSettings | null {
  if (typeof raw !== 'object' || raw === null) return readAccessSettings(raw);
  if (!settingsOf.has(raw)) settingsOf.set(raw, readAccessSettings(raw));
  return settingsOf.get(raw)!;
}

function readAccessSettings(raw: unknown): AccessSettings | null {
  const parsed = parseScenario(raw);
  if (!parsed.ok) return null;
  const { travel, network } = parsed.scenario;
  const source = (network as { source?: unknown } | undefined)?.source;
  return {
    mode: travel.mode,
    network: typeof source === 'string' ? source : null,
    detourFactor: travel.detourFactor,
    offRoadSpeedKph: travel.offRoadSpeedKph,
    blueLightFactor: travel.blueLightFactor,
  };
}

/** Seconds of the access leg across `distanceM` straight metres, before congestion and blue lights. */
export function accessLegS(distanceM: number, settings: Pick<AccessSettings, 'detourFactor' | 'offRoadSpeedKph'>): number {
  return (distanceM * settings.detourFactor) / (settings.offRoadSpeedKph / 3.6);
}
