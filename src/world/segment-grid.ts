/**
 * A uniform grid over the boxes of road segments (projected metres), for the nearest-segment
 * search of road snapping (road.ts): the cells around a point are visited ring by ring, nearest
 * first, until every segment not yet visited is known to be farther than the best found. On a
 * city this is a few cells and a few dozen segments, without the priority queue of a tree search.
 * Pure (no Node, no DOM).
 */

/** Slack (metres) on the ring stopping test, well above the rounding of cell indices. */
const RING_SLACK_M = 1e-6;

export class SegmentGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Segments of cell c (row-major) are items[start[c] .. start[c + 1]). */
  private readonly start: Uint32Array;
  private readonly items: Uint32Array;

  /**
   * `boxes` holds minX, minY, maxX, maxY (projected metres) of each segment; `cellM` is the cell
   * side in metres. Each segment is listed in every cell its box overlaps.
   */
  constructor(
    boxes: Float64Array,
    private readonly cellM: number,
  ) {
    const count = boxes.length / 4;
    if (!(count >= 1 && Number.isInteger(count))) throw new Error(`segment grid: ${boxes.length} box numbers is not a whole, non-zero number of boxes`);
    if (!(cellM > 0)) throw new Error(`segment grid: cell size ${cellM} m is not positive`);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let s = 0; s < count; s++) {
      minX = Math.min(minX, boxes[4 * s]!);
      minY = Math.min(minY, boxes[4 * s + 1]!);
      maxX = Math.max(maxX, boxes[4 * s + 2]!);
      maxY = Math.max(maxY, boxes[4 * s + 3]!);
    }
    if (!(Number.isFinite(minX) && Number.isFinite(minY) && Number.isFinite(maxX) && Number.isFinite(maxY))) throw new Error('segment grid: a segment box is not finite');
    this.x0 = minX;
    this.y0 = minY;
    this.cols = Math.floor((maxX - minX) / cellM) + 1;
    this.rows = Math.floor((maxY - minY) / cellM) + 1;
    const cells = this.cols * this.rows;
    // Counting sort by cell: count each cell's segments, sum, then fill.
    const start = new Uint32Array(cells + 1);
    this.forCells(boxes, count, (cell) => start[cell + 1]!++);
    for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
    const next = start.slice(0, cells);
    const items = new Uint32Array(start[cells]!);
    this.forCells(boxes, count, (cell, s) => (items[next[cell]!++] = s));
    this.start = start;
    this.items = items;
  }

  /** Calls `each` with every (cell, segment) pair whose box overlaps the cell. */
  private forCells(boxes: Float64Array, count: number, each: (cell: number, s: number) => void): void {
    for (let s = 0; s < count; s++) {
      const c0 = this.col(boxes[4 * s]!);
      const c1 = this.col(boxes[4 * s + 2]!);
      const r0 = this.row(boxes[4 * s + 1]!);
      const r1 = this.row(boxes[4 * s + 3]!);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) each(r * this.cols + c, s);
    }
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
        // Whole rows at the ring's top and bottom, else only its two side cells.
        const step = edgeRow ? 1 : Math.max(1, 2 * ring);
        for (let c = cx - ring; c <= cx + ring; c += step) {
          if (c < 0 || c >= cols) continue;
          const cell = r * cols + c;
          for (let i = start[cell]!, end = start[cell + 1]!; i < end; i++) visit(items[i]!);
        }
      }
      // Every segment not visited lies wholly outside the block of cells seen so far.
      const margin = Math.min(
        x - (this.x0 + (cx - ring) * cellM),
        this.x0 + (cx + ring + 1) * cellM - x,
        y - (this.y0 + (cy - ring) * cellM),
        this.y0 + (cy + ring + 1) * cellM - y,
      );
      if (margin - RING_SLACK_M > radius()) return true;
    }
    return false;
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.cellM)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.cellM)));
  }
}
