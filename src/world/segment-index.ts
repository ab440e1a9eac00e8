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
import type { RoadGraph } from '../sim/roads/graph';
import { NearestSegment, SegmentGrid } from './segment-grid';

/**
 * Snapping grids, fine then coarse: the fine one for places near roads, searched so many rings of
 * cells (London: 100 m cells, as quick to search as 50 m ones and cheaper to build), the coarse one for places far from any (a unit gliding directly where
 * roads are thin: 40 % of a London week's snaps are over 300 m from a road, a tenth over 1.8 km).
 */
const FINE = { cellM: 100, rings: 3 };
const COARSE_CELL_M = 400;

/** Consecutive segments (in road order) per item of the snapping tree. */
const TREE_RUN = 8;

export class SegmentIndex {
  /** Segments in all. */
  readonly count: number;
  /** First vertex of each segment (it runs to the next vertex of its road). */
  readonly segV: Uint32Array;
  /** Ends of each segment, projected: x0, y0, x1, y1 (metres). */
  readonly ends: Float64Array;
  private readonly fine: SegmentGrid | null;
  private readonly coarse: SegmentGrid | null;
  private tree: Flatbush | null = null;
  /** Segment number of each segment in road order (for the tree), made with the tree. */
  private numberOf: Uint32Array | null = null;
  private readonly best = new NearestSegment();

  /**
   * The segments of `graph`'s roads projected with `kx`, `ky` metres per degree of longitude and
   * latitude. `treeOnly`: no grids, every search goes to the tree (for tests: the same answers).
   */
  constructor(
    private readonly graph: Pick<RoadGraph, 'roadCount' | 'roadFirstVertex' | 'vertexLon' | 'vertexLat'>,
    kx: number,
    ky: number,
    treeOnly = false,
  ) {
    const { roadCount, roadFirstVertex, vertexLon, vertexLat } = graph;
    const count = (this.count = vertexLon.length - roadCount);
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
    // Segment order: by the fine cell of the south-west corner of the segment's box, row by row
    // (a counting sort), road order within a cell.
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
    const segV = (this.segV = new Uint32Array(count));
    const ends = (this.ends = new Float64Array(4 * count));
    for (let r = 0; r < roadCount; r++) {
      for (let v = roadFirstVertex[r]!, last = roadFirstVertex[r + 1]! - 1; v < last; v++) segV[next[homeCell(v)]!++] = v;
    }
    // Written in order (scattered writes to 18 MB cost more than scattered reads).
    for (let i = 0, o = 0; i < count; i++, o += 4) {
      const v = segV[i]!;
      ends[o] = vertexLon[v]! * kx;
      ends[o + 1] = vertexLat[v]! * ky;
      ends[o + 2] = vertexLon[v + 1]! * kx;
      ends[o + 3] = vertexLat[v + 1]! * ky;
    }
    this.fine = treeOnly ? null : new SegmentGrid(ends, FINE.cellM);
    this.coarse = treeOnly ? null : new SegmentGrid(ends, COARSE_CELL_M);
  }

  /**
   * The nearest segment to the point (x, y) (projected metres) and the position along it (0..1),
   * ties to the lower first vertex. The result object is reused by the next call.
   */
  nearest(x: number, y: number): NearestSegment {
    const best = this.best;
    best.reset();
    const { fine, coarse, ends, segV } = this;
    if (fine && coarse) {
      // A point with no segment in the 3x3 coarse cells around it is farther from every road than
      // the fine grid's rings reach: straight to the coarse grid.
      if (coarse.countAround(x, y) > 0 && fine.nearest(x, y, ends, segV, best, FINE.rings)) return best;
      // The coarse grid's rings go on until they cover the grid (a few hundred cells at most on
      // a city): the tree is left for points far outside it.
      if (coarse.nearest(x, y, ends, segV, best, Math.max(coarse.cols, coarse.rows))) return best;
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
    const { ends, segV, best } = this;
    for (let j = k * TREE_RUN, end = Math.min(this.count, j + TREE_RUN); j < end; j++) {
      const s = numberOf[j]!;
      const o = 4 * s;
      best.consider(s, segV[s]!, ends[o]!, ends[o + 1]!, ends[o + 2]!, ends[o + 3]!, x, y);
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
    const { count, ends, segV } = this;
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
        const o = 4 * numberOf[j]!;
        minX = Math.min(minX, ends[o]!, ends[o + 2]!);
        minY = Math.min(minY, ends[o + 1]!, ends[o + 3]!);
        maxX = Math.max(maxX, ends[o]!, ends[o + 2]!);
        maxY = Math.max(maxY, ends[o + 1]!, ends[o + 3]!);
      }
      built.add(minX, minY, maxX, maxY);
    }
    built.finish();
    this.numberOf = numberOf;
    this.tree = built;
    return built;
  }
}
