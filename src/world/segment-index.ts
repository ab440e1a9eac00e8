/**
 * The nearest road segment of a point, for road snapping (road.ts): the segments of every road
 * (projected metres), numbered in the order of the grid cell they start in, so that the segments of
 * nearby cells lie near each other in memory; a fine and a coarse grid of them (segment-grid.ts);
 * and, for points far from every road, a flatbush tree, built on its first use.
 *
 * Equally near segments go to the lower first vertex (the lower segment number of the snapper's
 * first version, which numbered segments road by road, vertex by vertex).
 * Pure (no Node, no DOM).
 */
import Flatbush from 'flatbush';
import { localProjection } from '../sim/geo';
import type { RoadGraph } from '../sim/roads/graph';
import { NearestSegment, SegmentGrid, type GridParts, type SegmentSource } from './segment-grid';
import { fastLayout } from './segment-layout';

/**
 * Snapping grids, fine then coarse: the fine one for places near roads, searched so many rings of
 * cells (London: 100 m cells, as quick to search as 50 m ones and cheaper to build), the coarse one for places far from any (a unit gliding directly where
 * roads are thin: 40 % of a London week's snaps are over 300 m from a road, a tenth over 1.8 km).
 */
export const FINE = { cellM: 100, rings: 3 };
export const COARSE_CELL_M = 400;

/**
 * What the index is made of besides the graph (a host keeps it in a file, segment-file.ts, so that
 * a world build reads it instead of making it): the segments' order and the two grids.
 */
export interface SegmentLayout {
  /** First vertex of each segment, in index order. */
  readonly segV: Uint32Array;
  readonly fine: GridParts;
  readonly coarse: GridParts;
}

/** Consecutive segments (in road order) per item of the snapping tree. */
const TREE_RUN = 8;

/** Metres per degree of longitude (kx) and latitude (ky) at the mean latitude of the graph's nodes: snapping's projection. */
export function snapProjection(graph: Pick<RoadGraph, 'nodeCount' | 'nodeLat'>): { kx: number; ky: number } {
  let latSum = 0;
  for (let v = 0; v < graph.nodeCount; v++) latSum += graph.nodeLat[v]!;
  const { metresPerDegLon, metresPerDegLat } = localProjection(latSum / graph.nodeCount);
  return { kx: metresPerDegLon, ky: metresPerDegLat };
}

export class SegmentIndex {
  /** Segments in all. */
  readonly count: number;
  /** First vertex of each segment (it runs to the next vertex of its road). */
  readonly segV: Uint32Array;
  /** The segments' ends, projected where they are read (see SegmentSource). */
  private readonly source: SegmentSource;
  private readonly fine: SegmentGrid | null;
  private readonly coarse: SegmentGrid | null;
  private tree: Flatbush | null = null;
  /** Segment number of each segment in road order (for the tree), made with the tree. */
  private numberOf: Uint32Array | null = null;
  private readonly best = new NearestSegment();

  /**
   * The segments of `graph`'s roads projected with `kx`, `ky` metres per degree of longitude and
   * latitude, ordered and gridded as `layout` says (made before for this graph and projection),
   * else as made now. `treeOnly`: no grids, every search goes to the tree (for tests: the same answers).
   */
  constructor(
    private readonly graph: Pick<RoadGraph, 'roadCount' | 'roadFirstVertex' | 'vertexLon' | 'vertexLat'>,
    kx: number,
    ky: number,
    options: { treeOnly?: boolean; layout?: SegmentLayout | undefined } = {},
  ) {
    const { roadCount, vertexLon, vertexLat } = graph;
    const count = (this.count = vertexLon.length - roadCount);
    const treeOnly = options.treeOnly === true;
    const layout = options.layout ?? (treeOnly ? undefined : (fastLayout(graph, kx, ky, { fineCellM: FINE.cellM, coarseCellM: COARSE_CELL_M }) ?? referenceLayout(graph, kx, ky)));
    const segV = (this.segV = layout?.segV ?? segmentOrder(graph, kx, ky));
    if (segV.length !== count) throw new Error(`segment index: ${segV.length} segments in the layout, the graph has ${count}`);
    this.source = { segV, lon: vertexLon, lat: vertexLat, kx, ky };
    this.fine = layout && !treeOnly ? new SegmentGrid(layout.fine) : null;
    this.coarse = layout && !treeOnly ? new SegmentGrid(layout.coarse) : null;
  }

  /** The segments' order and grids (to keep them: see `SegmentLayout`); null for a tree-only index. */
  layout(): SegmentLayout | null {
    const { fine, coarse, segV } = this;
    return fine && coarse ? { segV, fine, coarse } : null;
  }

  /**
   * The nearest segment to the point (x, y) (projected metres) and the position along it (0..1),
   * ties to the lower first vertex. The result object is reused by the next call.
   */
  nearest(x: number, y: number): NearestSegment {
    const best = this.best;
    best.reset();
    const { fine, coarse, source } = this;
    if (fine && coarse) {
      // A point with no segment in the 3x3 coarse cells around it is farther from every road than
      // the fine grid's rings reach: straight to the coarse grid.
      if (coarse.countAround(x, y) > 0 && fine.nearest(x, y, source, best, FINE.rings)) return best;
      // The coarse grid's rings go on until they cover the grid (a few hundred cells at most on
      // a city): the tree is left for points far outside it.
      if (coarse.nearest(x, y, source, best, Math.max(coarse.cols, coarse.rows))) return best;
    }
    // Runs come in order of box distance: take a few, then every run closer than the best.
    const index = this.treeIndex();
    for (const k of index.neighbors(x, y, 8)) this.considerRun(k, x, y);
    for (const k of index.neighbors(x, y, Infinity, best.radius())) this.considerRun(k, x, y);
    return best;
  }

  /** The road of vertex `v` (a binary search of the roads' first vertices). */
  roadOf(v: number): number {
    const first = this.graph.roadFirstVertex;
    let lo = 0;
    let hi = this.graph.roadCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (first[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Considers the segments of tree run k (TREE_RUN consecutive segments in road order). */
  private considerRun(k: number, x: number, y: number): void {
    const numberOf = this.numberOf!;
    const { best } = this;
    const { segV, lon, lat, kx, ky } = this.source;
    for (let j = k * TREE_RUN, end = Math.min(this.count, j + TREE_RUN); j < end; j++) {
      const s = numberOf[j]!;
      const v = segV[s]!;
      best.consider(s, v, lon[v]! * kx, lat[v]! * ky, lon[v + 1]! * kx, lat[v + 1]! * ky, x, y);
    }
  }

  /**
   * The tree is the fallback for places far from every road (the grids answer the rest): built on
   * its first use, not with every world. It indexes runs of TREE_RUN consecutive segments of the
   * road order by the box around them (mostly pieces of one road): an eighth of the items to sort,
   * and a run's box is no farther than any of its segments, so the runs within the best distance
   * hold every segment that could be nearer.
   */
  private treeIndex(): Flatbush {
    if (this.tree !== null) return this.tree;
    const { count } = this;
    const { segV, lon, lat, kx, ky } = this.source;
    // Road order numbers segment s as (its first vertex) - (its road): roads before r end one vertex each without a segment.
    const numberOf = new Uint32Array(count);
    for (let s = 0; s < count; s++) numberOf[segV[s]! - this.roadOf(segV[s]!)] = s;
    const runs = Math.ceil(count / TREE_RUN);
    const built = new Flatbush(runs);
    for (let k = 0; k < runs; k++) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let j = k * TREE_RUN, end = Math.min(count, j + TREE_RUN); j < end; j++) {
        const v = segV[numberOf[j]!]!;
        const ax = lon[v]! * kx;
        const ay = lat[v]! * ky;
        const bx = lon[v + 1]! * kx;
        const by = lat[v + 1]! * ky;
        minX = Math.min(minX, ax, bx);
        minY = Math.min(minY, ay, by);
        maxX = Math.max(maxX, ax, bx);
        maxY = Math.max(maxY, ay, by);
      }
      built.add(minX, minY, maxX, maxY);
    }
    built.finish();
    this.numberOf = numberOf;
    this.tree = built;
    return built;
  }
}

/**
 * The layout made the first way (segment-layout.ts makes the same in fewer passes, where it can): the
 * segment order, then each grid over a table of the segments' projected ends.
 */
export function referenceLayout(graph: Pick<RoadGraph, 'roadCount' | 'roadFirstVertex' | 'vertexLon' | 'vertexLat'>, kx: number, ky: number): SegmentLayout {
  const segV = segmentOrder(graph, kx, ky);
  const ends = segmentEnds({ segV, lon: graph.vertexLon, lat: graph.vertexLat, kx, ky }, segV.length);
  return { segV, fine: new SegmentGrid(ends, FINE.cellM), coarse: new SegmentGrid(ends, COARSE_CELL_M) };
}

/**
 * First vertex of each segment, ordered by the fine cell of the south-west corner of the
 * segment's box, row by row (a counting sort), road order within a cell: the segments of nearby
 * cells lie near each other in memory.
 */
function segmentOrder(graph: Pick<RoadGraph, 'roadCount' | 'roadFirstVertex' | 'vertexLon' | 'vertexLat'>, kx: number, ky: number): Uint32Array {
  const { roadCount, roadFirstVertex, vertexLon, vertexLat } = graph;
  // Every road has at least two vertices: segments of road r start at its vertices but the last.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let v = 0; v < vertexLon.length; v++) {
    const x = vertexLon[v]! * kx;
    const y = vertexLat[v]! * ky;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const cols = Math.max(1, Math.floor((maxX - minX) / FINE.cellM) + 1);
  const rows = Math.max(1, Math.floor((maxY - minY) / FINE.cellM) + 1);
  const next = new Uint32Array(cols * rows + 1);
  const homeCell = (v: number): number => {
    const x = Math.min(vertexLon[v]! * kx, vertexLon[v + 1]! * kx);
    const y = Math.min(vertexLat[v]! * ky, vertexLat[v + 1]! * ky);
    return Math.min(rows - 1, Math.floor((y - minY) / FINE.cellM)) * cols + Math.min(cols - 1, Math.floor((x - minX) / FINE.cellM));
  };
  for (let r = 0; r < roadCount; r++) {
    for (let v = roadFirstVertex[r]!, last = roadFirstVertex[r + 1]! - 1; v < last; v++) next[homeCell(v) + 1]!++;
  }
  for (let c = 1; c < next.length; c++) next[c]! += next[c - 1]!;
  const segV = new Uint32Array(vertexLon.length - roadCount);
  for (let r = 0; r < roadCount; r++) {
    for (let v = roadFirstVertex[r]!, last = roadFirstVertex[r + 1]! - 1; v < last; v++) segV[next[homeCell(v)]!++] = v;
  }
  return segV;
}

/** Ends of each segment, projected: x0, y0, x1, y1 (metres), written in order (to build grids and the tree). */
function segmentEnds({ segV, lon, lat, kx, ky }: SegmentSource, count: number): Float64Array {
  const ends = new Float64Array(4 * count);
  for (let i = 0, o = 0; i < count; i++, o += 4) {
    const v = segV[i]!;
    ends[o] = lon[v]! * kx;
    ends[o + 1] = lat[v]! * ky;
    ends[o + 2] = lon[v + 1]! * kx;
    ends[o + 3] = lat[v + 1]! * ky;
  }
  return ends;
}
