/**
 * A uniform grid over the boxes of road segments (projected metres), for the nearest-segment
 * search of road snapping (road.ts, segment-index.ts): the cells around a point are visited ring by
 * ring, nearest first, skipping cells farther than the best found, until every segment not yet
 * visited is known to be farther than the best. On a city this is a few cells and a few dozen
 * segments, without the priority queue of a tree search.
 * Pure (no Node, no DOM).
 */

/** Slack (metres) on the ring stopping and cell skipping tests, well above the rounding of cell bounds. */
const RING_SLACK_M = 1e-6;

/**
 * The nearest segment found so far by `SegmentGrid.nearest`: its number, squared distance, position
 * along it (0..1) and tie key (of equally near segments the one with the lower key wins).
 */
export class NearestSegment {
  s = -1;
  d2 = Infinity;
  t = 0;
  key = 0;

  reset(): void {
    this.s = -1;
    this.d2 = Infinity;
    this.t = 0;
    this.key = 0;
  }

  /** Distance (metres) beyond which no segment can be nearer: the best's, with slack for rounding. */
  radius(): number {
    return Math.sqrt(this.d2) * (1 + 1e-12) + 1e-9;
  }

  /**
   * Considers segment `s` from (ax, ay) to (bx, by) for the point (x, y): kept when nearer (or as
   * near with a lower key). The arithmetic is the snapper's since its first version: the same
   * squared distance and position for the same segment, whichever index finds it.
   */
  consider(s: number, key: number, ax: number, ay: number, bx: number, by: number, x: number, y: number): void {
    const dxs = bx - ax;
    const dys = by - ay;
    const len2 = dxs * dxs + dys * dys;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dxs + (y - ay) * dys) / len2)) : 0;
    const dx = ax + t * dxs - x;
    const dy = ay + t * dys - y;
    const d2 = dx * dx + dy * dy;
    if (d2 < this.d2 || (d2 === this.d2 && key < this.key)) {
      this.s = s;
      this.d2 = d2;
      this.t = t;
      this.key = key;
    }
  }
}

/**
 * The segments a grid lists, by number: segment s runs from vertex segV[s] to vertex segV[s] + 1,
 * vertex v at (lon[v] * kx, lat[v] * ky) projected metres (the products made where they are used:
 * the same numbers as a table of projected ends, without its memory).
 */
export interface SegmentSource {
  readonly segV: Uint32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly kx: number;
  readonly ky: number;
}

/** What a grid is made of (a grid kept in a file, segment-file.ts, is made again from these). */
export interface GridParts {
  readonly x0: number;
  readonly y0: number;
  readonly cols: number;
  readonly rows: number;
  readonly cellM: number;
  /** Segments of cell c (row-major) are items[start[c] .. start[c + 1]). */
  readonly start: Uint32Array;
  readonly items: Uint32Array;
}

export class SegmentGrid implements GridParts {
  readonly x0: number;
  readonly y0: number;
  readonly cols: number;
  readonly rows: number;
  readonly cellM: number;
  readonly start: Uint32Array;
  readonly items: Uint32Array;

  /**
   * `boxes` holds two opposite corners of each segment's box (projected metres: minX, minY, maxX,
   * maxY, or a segment's two ends x0, y0, x1, y1); `cellM` is the cell side in metres. Each segment
   * is listed in every cell its box overlaps, in segment order. Or the grid of `parts`, as made
   * before (checked only for a consistent shape: the caller checks where they came from).
   */
  constructor(boxes: Float64Array, cellM: number);
  constructor(parts: GridParts);
  constructor(boxes: Float64Array | GridParts, cellM?: number) {
    const parts = boxes instanceof Float64Array ? gridParts(boxes, cellM!) : boxes;
    const { x0, y0, cols, rows, start, items } = parts;
    if (!(cols >= 1 && rows >= 1 && start.length === cols * rows + 1 && start[0] === 0 && start[cols * rows] === items.length)) {
      throw new Error(`segment grid: ${cols} x ${rows} cells do not match ${start.length} cell starts and ${items.length} items`);
    }
    this.x0 = x0;
    this.y0 = y0;
    this.cols = cols;
    this.rows = rows;
    this.cellM = parts.cellM;
    this.start = start;
    this.items = items;
  }

  /** Segments listed in the cell holding (x, y) and its eight neighbours (0 when all are empty or outside). */
  countAround(x: number, y: number): number {
    const cx = Math.floor((x - this.x0) / this.cellM);
    const cy = Math.floor((y - this.y0) / this.cellM);
    let n = 0;
    for (let r = Math.max(0, cy - 1), r1 = Math.min(this.rows - 1, cy + 1); r <= r1; r++) {
      const c0 = Math.max(0, cx - 1);
      const c1 = Math.min(this.cols - 1, cx + 1);
      if (c0 <= c1) n += this.start[r * this.cols + c1 + 1]! - this.start[r * this.cols + c0]!;
    }
    return n;
  }

  /**
   * The nearest segment to (x, y) of those listed here, into `best` (which may hold a segment found
   * before): segment s runs from vertex segV[s] to the next one of `seg` (see `SegmentSource`) and
   * its tie key is segV[s]. Visits the cells ring by ring, skipping cells farther than the best so
   * far, until every segment not visited lies farther than the best, or every cell was seen. Returns
   * false when it gave up after `maxRings` rings (the point is far from every road, or outside the
   * grid): then the caller must search otherwise (`best` keeps what was found).
   */
  nearest(x: number, y: number, seg: SegmentSource, best: NearestSegment, maxRings: number): boolean {
    const { cols, rows, start, items, cellM, x0, y0 } = this;
    const { segV, lon, lat, kx, ky } = seg;
    const cx = Math.floor((x - x0) / cellM);
    const cy = Math.floor((y - y0) / cellM);
    for (let ring = 0; ring <= maxRings; ring++) {
      for (let r = cy - ring; r <= cy + ring; r++) {
        if (r < 0 || r >= rows) continue;
        const edgeRow = r === cy - ring || r === cy + ring;
        const top = y0 + r * cellM;
        const dy = y < top ? top - y : y > top + cellM ? y - top - cellM : 0;
        // Whole rows at the ring's top and bottom, else only its two side cells.
        const step = edgeRow ? 1 : Math.max(1, 2 * ring);
        for (let c = cx - ring; c <= cx + ring; c += step) {
          if (c < 0 || c >= cols) continue;
          const cell = r * cols + c;
          let i = start[cell]!;
          const end = start[cell + 1]!;
          if (i === end) continue;
          // A cell wholly farther than the best holds no nearer segment: any nearer point of a
          // segment lies in a cell at least as near, which is visited.
          const left = x0 + c * cellM;
          const dx = x < left ? left - x : x > left + cellM ? x - left - cellM : 0;
          if (Math.sqrt(dx * dx + dy * dy) - RING_SLACK_M > best.radius()) continue;
          for (; i < end; i++) {
            const s = items[i]!;
            const v = segV[s]!;
            best.consider(s, v, lon[v]! * kx, lat[v]! * ky, lon[v + 1]! * kx, lat[v + 1]! * ky, x, y);
          }
        }
      }
      if (this.margin(x, y, cx, cy, ring) - RING_SLACK_M > best.radius()) return true;
      // Every cell seen (or skipped as farther than the best): every segment was considered.
      if (cx - ring <= 0 && cy - ring <= 0 && cx + ring >= cols - 1 && cy + ring >= rows - 1) return true;
    }
    return false;
  }

  /**
   * Visits (calls `visit` on) the segments listed in the cells around (x, y), ring by ring, until
   * every segment not visited has a box farther from (x, y) than `radius()` (metres, read after
   * each ring; the caller's best distance so far, with its own slack). A segment may be visited
   * more than once. Returns false when it gave up after `maxRings` rings (the point is far from
   * every road, or outside the grid): then the caller must search otherwise.
   */
  visitNear(x: number, y: number, visit: (s: number) => void, radius: () => number, maxRings: number): boolean {
    const { cols, rows, start, items, cellM } = this;
    const cx = Math.floor((x - this.x0) / cellM);
    const cy = Math.floor((y - this.y0) / cellM);
    for (let ring = 0; ring <= maxRings; ring++) {
      for (let r = cy - ring; r <= cy + ring; r++) {
        if (r < 0 || r >= rows) continue;
        const edgeRow = r === cy - ring || r === cy + ring;
        const step = edgeRow ? 1 : Math.max(1, 2 * ring);
        for (let c = cx - ring; c <= cx + ring; c += step) {
          if (c < 0 || c >= cols) continue;
          const cell = r * cols + c;
          for (let i = start[cell]!, end = start[cell + 1]!; i < end; i++) visit(items[i]!);
        }
      }
      if (this.margin(x, y, cx, cy, ring) - RING_SLACK_M > radius()) return true;
    }
    return false;
  }

  /** Distance from (x, y) to the edge of the block of cells within `ring` rings of cell (cx, cy). */
  private margin(x: number, y: number, cx: number, cy: number, ring: number): number {
    // Every segment not visited lies wholly outside the block of cells seen so far.
    return Math.min(
      x - (this.x0 + (cx - ring) * this.cellM),
      this.x0 + (cx + ring + 1) * this.cellM - x,
      y - (this.y0 + (cy - ring) * this.cellM),
      this.y0 + (cy + ring + 1) * this.cellM - y,
    );
  }
}

/**
 * The grid of the boxes (see the SegmentGrid constructor): a counting sort by cell, each cell's
 * segments counted, summed, then filled (no callback per pair: a city has a million of them).
 */
function gridParts(boxes: Float64Array, cellM: number): GridParts {
  const count = boxes.length / 4;
  if (!(count >= 1 && Number.isInteger(count))) throw new Error(`segment grid: ${boxes.length} box numbers is not a whole, non-zero number of boxes`);
  if (!(cellM > 0)) throw new Error(`segment grid: cell size ${cellM} m is not positive`);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let o = 0; o < boxes.length; o += 4) {
    const ax = boxes[o]!;
    const ay = boxes[o + 1]!;
    const bx = boxes[o + 2]!;
    const by = boxes[o + 3]!;
    if (ax < minX) minX = ax;
    if (bx < minX) minX = bx;
    if (ay < minY) minY = ay;
    if (by < minY) minY = by;
    if (ax > maxX) maxX = ax;
    if (bx > maxX) maxX = bx;
    if (ay > maxY) maxY = ay;
    if (by > maxY) maxY = by;
    if (!(Number.isFinite(ax) && Number.isFinite(ay) && Number.isFinite(bx) && Number.isFinite(by))) throw new Error('segment grid: a segment box is not finite');
  }
  const x0 = minX;
  const y0 = minY;
  const cols = Math.floor((maxX - minX) / cellM) + 1;
  const rows = Math.floor((maxY - minY) / cellM) + 1;
  const cells = cols * rows;
  const col = (x: number): number => Math.min(cols - 1, Math.max(0, Math.floor((x - x0) / cellM)));
  const row = (y: number): number => Math.min(rows - 1, Math.max(0, Math.floor((y - y0) / cellM)));
  const start = new Uint32Array(cells + 1);
  for (let s = 0; s < count; s++) {
    const o = 4 * s;
    const c0 = col(Math.min(boxes[o]!, boxes[o + 2]!));
    const c1 = col(Math.max(boxes[o]!, boxes[o + 2]!));
    const r0 = row(Math.min(boxes[o + 1]!, boxes[o + 3]!));
    const r1 = row(Math.max(boxes[o + 1]!, boxes[o + 3]!));
    for (let r = r0; r <= r1; r++) for (let c = c0, cell = r * cols + c0 + 1; c <= c1; c++, cell++) start[cell]!++;
  }
  for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
  // Filled through start itself, which moves each cell's start to the next cell's; moved back after.
  const items = new Uint32Array(start[cells]!);
  for (let s = 0; s < count; s++) {
    const o = 4 * s;
    const c0 = col(Math.min(boxes[o]!, boxes[o + 2]!));
    const c1 = col(Math.max(boxes[o]!, boxes[o + 2]!));
    const r0 = row(Math.min(boxes[o + 1]!, boxes[o + 3]!));
    const r1 = row(Math.max(boxes[o + 1]!, boxes[o + 3]!));
    for (let r = r0; r <= r1; r++) for (let c = c0, cell = r * cols + c0; c <= c1; c++, cell++) items[start[cell]!++] = s;
  }
  start.copyWithin(1, 0, cells);
  start[0] = 0;
  return { x0, y0, cols, rows, cellM, start, items };
}
