/**
 * Where calls come from, and how surges reshape it: the demand "cells" (points, areas, or the
 * whole network) with their weights, and for each line and each stretch of time between surge
 * boundaries the cumulative weights to sample a cell from and the line's total rate factor.
 *
 * Precedence (MODEL.md, MODEL-ADDITIONS.md): points > pointsSource (both arrive as
 * world.points) > areaWeights > by area size > uniform over the network.
 */
import type { Line, Scenario, SurgeSpec } from '../../shared/scenario';
import { greatCircleM } from '../geo';
import type { SimWorld } from '../world';
import { ScenarioError } from '../errors';

export type CellKind = 'points' | 'areas' | 'network';

/** One stretch of time with constant surge multipliers. */
export interface SurgeSegment {
  readonly fromS: number;
  readonly toS: number;
  /** Per line index: (sum of weight x multiplier) / (sum of weight); 1 with no surge. */
  readonly factor: Float64Array;
  /** Per line index: cumulative multiplied weights over the cells (last = total). */
  readonly cumulative: readonly Float64Array[];
  /** Per line index: cellGuide of `cumulative` (built with the cells; absent in hand-made segments). */
  readonly guide?: readonly Int32Array[];
}

export interface DemandCells {
  readonly kind: CellKind;
  /** Area index of each cell (-1 none); for kind 'areas' cell i is area i. */
  readonly cellArea: Int32Array;
  /** Segments covering (-Infinity, Infinity) in time order. */
  readonly segments: readonly SurgeSegment[];
  /** Each cell's weight before surges (the surges' extra calls are spread by it: event-calls.ts). */
  readonly weights: Float64Array;
}

/** Area indices a surge's `area` names: an area id, or a BCU id (all its areas). */
function surgeAreas(world: SimWorld, id: string, path: string): Set<number> {
  const areas = world.areas;
  if (!areas) throw new ScenarioError(path, 'a surge in an area needs areas');
  const out = new Set<number>();
  areas.ids.forEach((a, i) => {
    if (a === id || areas.bcus[i] === id) out.add(i);
  });
  if (out.size === 0) throw new ScenarioError(path, `unknown area or BCU "${id}"`);
  return out;
}

/**
 * The cells a surge reshapes, as a test on a cell index, or null for every cell: by area (an area
 * or BCU id), then by shape (circle or polygon: demand points inside it; needs demand points).
 */
export function surgeCells(world: SimWorld, sg: SurgeSpec, i: number): ((cell: number, area: number) => boolean) | null {
  const inAreas = sg.area === undefined ? null : surgeAreas(world, sg.area, `demand.surges[${i}].area`);
  const shape = sg.circle ?? sg.polygon;
  if (shape === undefined) return inAreas === null ? null : (_c, area) => inAreas.has(area);
  const points = world.points;
  if (!points) throw new ScenarioError(`demand.surges[${i}].${sg.circle ? 'circle' : 'polygon'}`, 'a surge in a circle or polygon needs demand points (demand.points or demand.pointsSource)');
  const inside = new Uint8Array(points.lon.length);
  for (let c = 0; c < inside.length; c++) {
    const lon = points.lon[c]!;
    const lat = points.lat[c]!;
    inside[c] = (sg.circle ? greatCircleM(lon, lat, sg.circle.lon, sg.circle.lat) <= sg.circle.radiusM : inPolygon(lon, lat, sg.polygon!)) ? 1 : 0;
  }
  return (c, area) => inside[c] === 1 && (inAreas === null || inAreas.has(area));
}

/** Even-odd rule on lon/lat (edges as straight lines in degrees; fine at a city's scale). */
export function inPolygon(lon: number, lat: number, corners: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
    const [xi, yi] = corners[i]!;
    const [xj, yj] = corners[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function buildDemandCells(s: Scenario, world: SimWorld, lines: readonly Line[]): DemandCells {
  let kind: CellKind;
  let weights: Float64Array;
  let cellArea: Int32Array;
  if (world.points) {
    kind = 'points';
    weights = Float64Array.from(world.points.weight);
    cellArea = Int32Array.from(world.points.area);
  } else if (world.areas) {
    kind = 'areas';
    const areas = world.areas;
    const given = s.demand.areaWeights;
    weights = Float64Array.from(areas.ids, (id, i) => (given ? (given[id] ?? 0) : areas.areaKm2[i]!));
    cellArea = Int32Array.from(areas.ids, (_, i) => i);
  } else if (world.randomNetworkPlace) {
    kind = 'network';
    weights = Float64Array.of(1);
    cellArea = Int32Array.of(-1);
  } else {
    throw new ScenarioError('demand', 'no way to place calls (no points, no areas, and the travel model has no network)');
  }
  const baseTotal = weights.reduce((a, b) => a + b, 0);
  if (!(baseTotal > 0)) throw new ScenarioError(world.points ? 'demand.points' : 'demand.areaWeights', 'every place has weight 0');

  const surges = s.demand.surges.map((sg, i) => ({
    ...sg,
    fromS: sg.fromS ?? -Infinity,
    toS: sg.toS ?? Infinity,
    cells: surgeCells(world, sg, i),
  }));
  const bounds = [...new Set(surges.flatMap((sg) => [sg.fromS, sg.toS]))].filter(Number.isFinite).sort((a, b) => a - b);
  const edges = [-Infinity, ...bounds, Infinity];
  const segments: SurgeSegment[] = [];
  for (let j = 0; j + 1 < edges.length; j++) {
    const fromS = edges[j]!;
    const toS = edges[j + 1]!;
    // A time inside the stretch (the one stretch (-Infinity, Infinity) when no surge has a window).
    const mid = Number.isFinite(fromS) ? fromS : Number.isFinite(toS) ? toS - 1 : 0;
    const factor = new Float64Array(lines.length);
    const cumulative = lines.map((line, li) => {
      const active = surges.filter((sg) => sg.fromS <= mid && mid < sg.toS && (sg.line === undefined || sg.line === line));
      const cum = new Float64Array(weights.length);
      let acc = 0;
      for (let c = 0; c < weights.length; c++) {
        let w = weights[c]!;
        for (const sg of active) if (sg.cells === null || sg.cells(c, cellArea[c]!)) w *= sg.multiplier;
        acc += w;
        cum[c] = acc;
      }
      factor[li] = acc / baseTotal;
      return cum;
    });
    segments.push({ fromS, toS, factor, cumulative, guide: cumulative.map(cellGuide) });
  }
  return { kind, cellArea, segments, weights };
}

/** Index of the first cumulative weight > u * total (u in [0, 1)). */
export function pickCell(cumulative: Float64Array, u: number): number {
  const target = u * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Entries of a guide at most (a power of two): 256 kB. */
const MAX_GUIDE = 1 << 16;

/**
 * A guide table for pickCellGuided over `cumulative`: K + 1 entries (K a power of two, about the
 * number of cells), entry b the cell pickCell gives for u = b / K (K: the last cell).
 */
export function cellGuide(cumulative: Float64Array): Int32Array {
  let k = 1;
  while (k < cumulative.length && k < MAX_GUIDE) k *= 2;
  const guide = new Int32Array(k + 1);
  const last = cumulative.length - 1;
  const total = cumulative[last]!;
  // pickCell(cumulative, b / k) for each b, in one walk: its target grows with b.
  let c = 0;
  for (let b = 0; b < k; b++) {
    const target = (b / k) * total;
    while (c < last && !(cumulative[c]! > target)) c++;
    guide[b] = c;
  }
  guide[k] = last;
  return guide;
}

/**
 * pickCell(cumulative, u), exactly, searching only between two entries of `guide`
 * (cellGuide(cumulative)) instead of the whole list. With K = guide.length - 1 and b = floor(u K)
 * (u K is exact, K a power of two): u >= b / K, so the target u x total is at least (b / K) x total
 * (rounding keeps the order), and the first cell above it is at or after guide[b]; u < (b + 1) / K
 * puts it at or before guide[b + 1]. The binary search between them finds it as the whole search does.
 */
export function pickCellGuided(cumulative: Float64Array, guide: Int32Array, u: number): number {
  const target = u * cumulative[cumulative.length - 1]!;
  const b = Math.floor(u * (guide.length - 1));
  let lo = guide[b]!;
  let hi = guide[b + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
