/**
 * Point-in-area for one GeoJSON Polygon or MultiPolygon feature, with the answers of turf's
 * booleanPointInPolygon (boundary counts as inside), faster: turf (point-in-polygon-hao) walks
 * every edge of every ring for each point (London's boroughs: thousands of edges each, ~50 ms for
 * the 4,835 demand points of every world build); here the edges of each polygon are listed by
 * horizontal band, and a point reads only the edges of its band.
 *
 * The same answers: hao's result for a polygon depends only on the edges whose latitude range holds
 * the point's (a boundary edge, else the parity of crossings; the order of edges only picks which
 * boundary edge is met first), and each such edge is judged by hao's own arithmetic: the same
 * differences, and the sign of robust-predicates' orient2d where its first, floating test decides.
 * Where it would go on to exact arithmetic (a point within rounding of an edge's line), or where
 * turf would do anything else (a feature with its own bbox, a ring hao refuses), the point is
 * left to turf (`contains` gives null).
 * Pure (no Node, no DOM).
 */

/** orient2d's error bound for its floating-point test (robust-predicates: (3 + 16 eps) eps). */
const CCW_ERR_BOUND_A = (3 + 16 * 1.1102230246251565e-16) * 1.1102230246251565e-16;
/** Edges per band, about, when the bands are made. */
const EDGES_PER_BAND = 8;
const MAX_BANDS = 4096;

/** One polygon's edges (x1, y1, x2, y2 in `ends`), listed by band of latitude. */
interface PolygonBands {
  readonly ends: Float64Array;
  readonly y0: number;
  readonly bandH: number;
  readonly bands: number;
  /** Edges of band b are items[start[b] .. start[b + 1]). */
  readonly start: Uint32Array;
  readonly items: Uint32Array;
}

type Position = readonly number[];
type Ring = readonly Position[];

export class AreaTest {
  /** Null: turf answers every point (see the file comment). */
  private readonly polygons: PolygonBands[] | null;

  constructor(feature: { readonly bbox?: unknown; readonly geometry: unknown }) {
    this.polygons = feature.bbox === undefined ? polygonsOf(feature.geometry) : null;
  }

  /**
   * Whether (x, y) lies in the feature or on its boundary, as turf's booleanPointInPolygon says;
   * null when this cannot tell without turf's exact arithmetic (then the caller asks turf).
   */
  contains(x: number, y: number): boolean | null {
    const polygons = this.polygons;
    if (!polygons) return null;
    for (const p of polygons) {
      const { ends, start, items } = p;
      const b = Math.min(p.bands - 1, Math.max(0, Math.floor((y - p.y0) / p.bandH)));
      let k = 0;
      for (let i = start[b]!, end = start[b + 1]!; i < end; i++) {
        const o = 4 * items[i]!;
        // hao's step from (u1, v1) to (u2, v2), the edge's ends less the point.
        const u1 = ends[o]! - x;
        const v1 = ends[o + 1]! - y;
        const u2 = ends[o + 2]! - x;
        const v2 = ends[o + 3]! - y;
        if (v1 === 0 && v2 === 0) {
          if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true;
        } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
          // orient2d(u1, u2, v1, v2, 0, 0), while its floating test decides.
          const detleft = (u2 - 0) * (v1 - 0);
          const detright = (u1 - 0) * (v2 - 0);
          const f = detleft - detright;
          if (!(detleft === 0 || detright === 0 || detleft > 0 !== detright > 0) && !(Math.abs(f) >= CCW_ERR_BOUND_A * Math.abs(detleft + detright))) return null;
          if (f === 0) return true;
          if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
        }
      }
      if (k % 2 === 1) return true;
    }
    return false;
  }
}

/** The polygons of a Polygon or MultiPolygon, banded; null when turf is to answer (rings it would refuse, odd shapes). */
function polygonsOf(geometry: unknown): PolygonBands[] | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return null;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? (g.coordinates as unknown[]) : null;
  if (!polys) return null;
  const out: PolygonBands[] = [];
  for (const poly of polys) {
    const banded = Array.isArray(poly) ? bands(poly as unknown[]) : null;
    if (!banded) return null;
    out.push(banded);
  }
  return out;
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
}

/** A polygon's edges (each ring's consecutive positions, as hao walks them) listed by band. */
function bands(rings: readonly unknown[]): PolygonBands | null {
  let edges = 0;
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 1 || !(ring as unknown[]).every(isPosition)) return null;
    const r = ring as Ring;
    const first = r[0]!;
    const last = r[r.length - 1]!;
    // hao throws for such a ring: turf's answer (the error) is the caller's.
    if (first[0] !== last[0] && first[1] !== last[1]) return null;
    edges += r.length - 1;
  }
  const ends = new Float64Array(4 * edges);
  let minY = Infinity;
  let maxY = -Infinity;
  let e = 0;
  for (const ring of rings as Ring[]) {
    for (let i = 0; i + 1 < ring.length; i++, e += 4) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      ends[e] = a[0]!;
      ends[e + 1] = a[1]!;
      ends[e + 2] = b[0]!;
      ends[e + 3] = b[1]!;
      minY = Math.min(minY, a[1]!, b[1]!);
      maxY = Math.max(maxY, a[1]!, b[1]!);
    }
  }
  for (let i = 0; i < ends.length; i++) if (!Number.isFinite(ends[i]!)) return null;
  const count = Math.max(1, Math.min(MAX_BANDS, Math.ceil(edges / EDGES_PER_BAND)));
  const y0 = edges > 0 ? minY : 0;
  const bandH = edges > 0 && maxY > minY ? (maxY - minY) / count : 1;
  const band = (y: number): number => Math.min(count - 1, Math.max(0, Math.floor((y - y0) / bandH)));
  // Each edge in every band from its lowest end's to its highest end's (a point's band is between them).
  const start = new Uint32Array(count + 1);
  for (let o = 0; o < ends.length; o += 4) {
    for (let b = band(Math.min(ends[o + 1]!, ends[o + 3]!)), top = band(Math.max(ends[o + 1]!, ends[o + 3]!)); b <= top; b++) start[b + 1]!++;
  }
  for (let b = 0; b < count; b++) start[b + 1]! += start[b]!;
  const items = new Uint32Array(start[count]!);
  const fill = start.slice(0, count);
  for (let o = 0, i = 0; o < ends.length; o += 4, i++) {
    for (let b = band(Math.min(ends[o + 1]!, ends[o + 3]!)), top = band(Math.max(ends[o + 1]!, ends[o + 3]!)); b <= top; b++) items[fill[b]!++] = i;
  }
  return { ends, y0, bandH, bands: count, start, items };
}
