/**
 * The snapping index's layout (segment-index.ts: segments ordered by fine home cell, a fine and a
 * coarse grid) made in three passes over the roads instead of seven: where no segment file is at
 * hand (the browser's sim workers, a first world build) this is ~a third of the world build.
 *
 * The same layout as the reference (`SegmentIndex`'s own: `segmentOrder`, then one `SegmentGrid`
 * per cell size over a table of the segments' projected ends), by the same arithmetic: the grids'
 * bounds are the order's (every vertex ends a segment when every road has two or more), so a
 * segment's fine home cell is the south-west cell of its fine grid box; the cells a segment
 * covers are counted (pass 1, road order), then kept as small spans in segment order (pass 2), and
 * each grid is filled in segment order (pass 3), as the reference fills it. Graphs where that does not hold (a road of
 * one vertex, a coordinate that is not finite, a segment more than 255 cells long) get null: the
 * caller makes the layout the reference way.
 * Pure (no Node, no DOM).
 */
import type { RoadGraph } from '../sim/roads/graph';
import type { GridParts } from './segment-grid';

/** Cells a kept span may cover along one axis, less one (a byte). */
const SPAN_MAX = 255;

export interface LayoutSizes {
  readonly fineCellM: number;
  readonly coarseCellM: number;
}

export function fastLayout(
  graph: Pick<RoadGraph, 'roadCount' | 'roadFirstVertex' | 'vertexLon' | 'vertexLat'>,
  kx: number,
  ky: number,
  { fineCellM, coarseCellM }: LayoutSizes,
): { segV: Uint32Array; fine: GridParts; coarse: GridParts } | null {
  const { roadCount, roadFirstVertex: first, vertexLon: lon, vertexLat: lat } = graph;
  const n = lon.length;
  const count = n - roadCount;
  if (count < 1) return null;
  for (let r = 0; r < roadCount; r++) if (first[r + 1]! - first[r]! < 2) return null;
  // Pass 0: bounds (the order's and, every vertex ending a segment, both grids').
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let finite = true;
  for (let v = 0; v < n; v++) {
    const x = lon[v]! * kx;
    const y = lat[v]! * ky;
    if (!(Number.isFinite(x) && Number.isFinite(y))) finite = false;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!finite) return null;
  const x0 = minX;
  const y0 = minY;
  const fCols = Math.floor((maxX - minX) / fineCellM) + 1;
  const fRows = Math.floor((maxY - minY) / fineCellM) + 1;
  const cCols = Math.floor((maxX - minX) / coarseCellM) + 1;
  const cRows = Math.floor((maxY - minY) / coarseCellM) + 1;
  const fCells = fCols * fRows;
  const cCells = cCols * cRows;

  // The cells of road-order segment k's box (pass 1 and pass 2 find them alike: memory written
  // for the first time is dearer than the arithmetic, so nothing per segment is kept between them).
  let fc0 = 0;
  let fc1 = 0;
  let fr0 = 0;
  let fr1 = 0;
  let cc0 = 0;
  let cc1 = 0;
  let cr0 = 0;
  let cr1 = 0;
  const cellsOf = (v: number): void => {
    const ax = lon[v]! * kx;
    const ay = lat[v]! * ky;
    const bx = lon[v + 1]! * kx;
    const by = lat[v + 1]! * ky;
    const loX = Math.min(ax, bx);
    const hiX = Math.max(ax, bx);
    const loY = Math.min(ay, by);
    const hiY = Math.max(ay, by);
    // As SegmentGrid's col and row: clamped floor of the offset over the cell size.
    fc0 = Math.min(fCols - 1, Math.max(0, Math.floor((loX - x0) / fineCellM)));
    fc1 = Math.min(fCols - 1, Math.max(0, Math.floor((hiX - x0) / fineCellM)));
    fr0 = Math.min(fRows - 1, Math.max(0, Math.floor((loY - y0) / fineCellM)));
    fr1 = Math.min(fRows - 1, Math.max(0, Math.floor((hiY - y0) / fineCellM)));
    cc0 = Math.min(cCols - 1, Math.max(0, Math.floor((loX - x0) / coarseCellM)));
    cc1 = Math.min(cCols - 1, Math.max(0, Math.floor((hiX - x0) / coarseCellM)));
    cr0 = Math.min(cRows - 1, Math.max(0, Math.floor((loY - y0) / coarseCellM)));
    cr1 = Math.min(cRows - 1, Math.max(0, Math.floor((hiY - y0) / coarseCellM)));
  };

  // Pass 1, road order: the counts of the order (by fine home cell: the south-west cell of the
  // segment's fine grid box) and of both grids' cells.
  const next = new Uint32Array(fCells + 1);
  const fStart = new Uint32Array(fCells + 1);
  const cStart = new Uint32Array(cCells + 1);
  for (let r = 0; r < roadCount; r++) {
    for (let v = first[r]!, last = first[r + 1]! - 1; v < last; v++) {
      cellsOf(v);
      if (fc1 - fc0 > SPAN_MAX || fr1 - fr0 > SPAN_MAX || cc1 - cc0 > SPAN_MAX || cr1 - cr0 > SPAN_MAX) return null;
      next[fr0 * fCols + fc0 + 1]!++;
      for (let row = fr0; row <= fr1; row++) for (let cell = row * fCols + fc0 + 1, end = cell + fc1 - fc0; cell <= end; cell++) fStart[cell]!++;
      for (let row = cr0; row <= cr1; row++) for (let cell = row * cCols + cc0 + 1, end = cell + cc1 - cc0; cell <= end; cell++) cStart[cell]!++;
    }
  }
  for (let c = 1; c <= fCells; c++) {
    next[c]! += next[c - 1]!;
    fStart[c]! += fStart[c - 1]!;
  }
  for (let c = 1; c <= cCells; c++) cStart[c]! += cStart[c - 1]!;

  // Pass 2, road order: each segment's place in the order (a counting sort by home cell, road
  // order within a cell), with its first vertex, the spans of cells its box covers (a byte per
  // axis and grid) and its coarse south-west cell.
  const segV = new Uint32Array(count);
  const spanOf = new Uint32Array(count);
  const coarseOf = new Uint32Array(count);
  const homeStart = next.slice(0, fCells + 1);
  for (let r = 0; r < roadCount; r++) {
    for (let v = first[r]!, last = first[r + 1]! - 1; v < last; v++) {
      cellsOf(v);
      const s = next[fr0 * fCols + fc0]!++;
      segV[s] = v;
      spanOf[s] = (fc1 - fc0) | ((fr1 - fr0) << 8) | ((cc1 - cc0) << 16) | ((cr1 - cr0) << 24);
      coarseOf[s] = cr0 * cCols + cc0;
    }
  }

  // Pass 3, segment order: each grid's cells filled in ascending segment order, as the reference's.
  const fItems = new Uint32Array(fStart[fCells]!);
  const fFill = fStart.slice(0, fCells);
  for (let row = 0, h = 0; row < fRows; row++) {
    for (let col = 0; col < fCols; col++, h++) {
      for (let s = homeStart[h]!, end = homeStart[h + 1]!; s < end; s++) {
        const span = spanOf[s]!;
        const dc = span & 0xff;
        const dr = (span >>> 8) & 0xff;
        for (let rr = row; rr <= row + dr; rr++) for (let cell = rr * fCols + col, last = cell + dc; cell <= last; cell++) fItems[fFill[cell]!++] = s;
      }
    }
  }
  const cItems = new Uint32Array(cStart[cCells]!);
  const cFill = cStart.slice(0, cCells);
  for (let s = 0; s < count; s++) {
    const ch = coarseOf[s]!;
    const col = ch % cCols;
    const row = (ch - col) / cCols;
    const span = spanOf[s]!;
    const dc = (span >>> 16) & 0xff;
    const dr = span >>> 24;
    for (let rr = row; rr <= row + dr; rr++) for (let cell = rr * cCols + col, last = cell + dc; cell <= last; cell++) cItems[cFill[cell]!++] = s;
  }
  return {
    segV,
    fine: { x0, y0, cols: fCols, rows: fRows, cellM: fineCellM, start: fStart, items: fItems },
    coarse: { x0, y0, cols: cCols, rows: cRows, cellM: coarseCellM, start: cStart, items: cItems },
  };
}
