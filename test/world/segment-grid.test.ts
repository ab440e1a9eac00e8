/**
 * The grid of segment boxes behind road snapping (src/world/segment-grid.ts): it visits every
 * segment whose box is within the caller's radius, stops as soon as no other can be, gives up far
 * from every segment, and refuses bad input.
 */
import { describe, expect, it } from 'vitest';
import { NearestSegment, SegmentGrid, type SegmentSource } from '../../src/world/segment-grid';

/** Boxes (minX, minY, maxX, maxY) of unit squares at (10 i, 0), i = 0..9, and a long one along y = 50. */
function boxes(): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < 10; i++) out.push(10 * i, 0, 10 * i + 1, 1);
  out.push(0, 50, 91, 50);
  return Float64Array.from(out);
}

/** Box distance from (x, y) to box s. */
function boxDistance(b: Float64Array, s: number, x: number, y: number): number {
  const dx = Math.max(b[4 * s]! - x, x - b[4 * s + 2]!, 0);
  const dy = Math.max(b[4 * s + 1]! - y, y - b[4 * s + 3]!, 0);
  return Math.hypot(dx, dy);
}

/**
 * The segments of `ends` as the grid reads them: segment s from vertex keys[s] to the next one,
 * unprojected (kx = ky = 1), so that a segment's tie key is its first vertex.
 */
function source(ends: Float64Array, keys: Uint32Array): SegmentSource {
  const n = ends.length / 4;
  const size = 2 * Math.max(n, ...keys) + 2;
  const lon = new Float64Array(size);
  const lat = new Float64Array(size);
  for (let s = 0; s < n; s++) {
    const v = keys[s]!;
    [lon[v], lat[v], lon[v + 1], lat[v + 1]] = [ends[4 * s]!, ends[4 * s + 1]!, ends[4 * s + 2]!, ends[4 * s + 3]!];
  }
  return { segV: keys, lon, lat, kx: 1, ky: 1 };
}

describe('segment grid', () => {
  it('visits every segment whose box lies within the radius, and stops when none other can', () => {
    const b = boxes();
    const grid = new SegmentGrid(b, 5);
    for (const [x, y, radius] of [
      [35.5, 0.5, 12],
      [0, 0, 3],
      [45, 30, 21],
      [95, 49, 2],
    ] as const) {
      const seen = new Set<number>();
      expect(grid.visitNear(x, y, (s) => seen.add(s), () => radius, 40), `(${x}, ${y})`).toBe(true);
      for (let s = 0; s < b.length / 4; s++) if (boxDistance(b, s, x, y) <= radius) expect(seen.has(s), `segment ${s} from (${x}, ${y})`).toBe(true);
      // Cells far outside the radius are not read: the squares beyond 30 m are never visited from (0, 0).
      if (x === 0) expect([...seen].every((s) => s < 3)).toBe(true);
    }
  });

  it('gives up after its rings when the radius stays larger than what they cover', () => {
    const grid = new SegmentGrid(boxes(), 5);
    let visits = 0;
    expect(grid.visitNear(500, 500, () => visits++, () => Infinity, 3)).toBe(false);
    expect(visits, 'nothing lies within 3 rings of a far point').toBe(0);
    expect(grid.visitNear(500, 500, () => visits++, () => Infinity, 200)).toBe(false);
    expect(visits, 'within 200 rings every segment is met').toBeGreaterThanOrEqual(11);
  });

  it('finds the nearest segment (ties to the lower key) as brute force does, skipping cells farther than the best', () => {
    // Pseudo-random segments on a 1 km square (a fixed linear congruential sequence), some repeated
    // to make exact ties, and keys in reverse order so that a tie is decided by key, not by number.
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const n = 400;
    const ends = new Float64Array(4 * n);
    for (let s = 0; s < n; s++) {
      if (s % 50 === 49) ends.copyWithin(4 * s, 4 * (s - 7), 4 * (s - 6));
      else {
        const x = 1000 * next();
        const y = 1000 * next();
        ends.set([x, y, x + 60 * (next() - 0.5), y + 60 * (next() - 0.5)], 4 * s);
      }
    }
    // Keys in reverse order (first vertices 2 (n - s): each segment's two vertices its own).
    const keys = Uint32Array.from({ length: n }, (_, s) => 2 * (n - s));
    const seg = source(ends, keys);
    const grid = new SegmentGrid(ends, 25);
    const best = new NearestSegment();
    const brute = new NearestSegment();
    for (let k = 0; k < 300; k++) {
      const x = 1400 * next() - 200;
      const y = 1400 * next() - 200;
      best.reset();
      brute.reset();
      for (let s = 0; s < n; s++) brute.consider(s, keys[s]!, ends[4 * s]!, ends[4 * s + 1]!, ends[4 * s + 2]!, ends[4 * s + 3]!, x, y);
      expect(grid.nearest(x, y, seg, best, 100), `(${x}, ${y})`).toBe(true);
      expect([best.s, best.d2, best.t], `(${x}, ${y})`).toEqual([brute.s, brute.d2, brute.t]);
    }
  });

  it('gives up after its rings far from every segment, keeping what it found', () => {
    const b = boxes();
    const best = new NearestSegment();
    expect(new SegmentGrid(b, 5).nearest(500, 500, source(b, Uint32Array.from({ length: 11 }, (_, s) => 2 * s)), best, 3)).toBe(false);
    expect(best.s).toBe(-1);
  });

  it('refuses no boxes, a ragged box list, a box that is not finite and a cell size that is not positive', () => {
    expect(() => new SegmentGrid(new Float64Array(0), 5)).toThrow(/0 box numbers/);
    expect(() => new SegmentGrid(new Float64Array(6), 5)).toThrow(/6 box numbers/);
    expect(() => new SegmentGrid(Float64Array.from([0, 0, NaN, 1]), 5)).toThrow(/not finite/);
    expect(() => new SegmentGrid(boxes(), 0)).toThrow(/cell size 0 m/);
  });

  it('is made again from its parts, and refuses parts that do not fit together', () => {
    const grid = new SegmentGrid(boxes(), 5);
    const again = new SegmentGrid({ x0: grid.x0, y0: grid.y0, cols: grid.cols, rows: grid.rows, cellM: grid.cellM, start: grid.start.slice(), items: grid.items.slice() });
    const seen = (g: SegmentGrid): number[] => {
      const out: number[] = [];
      g.visitNear(35.5, 0.5, (s) => out.push(s), () => 12, 40);
      return out;
    };
    expect(seen(again)).toEqual(seen(grid));
    expect(() => new SegmentGrid({ ...grid, start: grid.start.subarray(1) })).toThrow(/do not match/);
    expect(() => new SegmentGrid({ ...grid, items: grid.items.subarray(1) })).toThrow(/do not match/);
  });
});
