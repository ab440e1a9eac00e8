/**
 * The grid of segment boxes behind road snapping (src/world/segment-grid.ts): it visits every
 * segment whose box is within the caller's radius, stops as soon as no other can be, gives up far
 * from every segment, and refuses bad input.
 */
import { describe, expect, it } from 'vitest';
import { SegmentGrid } from '../../src/world/segment-grid';

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

  it('refuses no boxes, a ragged box list, a box that is not finite and a cell size that is not positive', () => {
    expect(() => new SegmentGrid(new Float64Array(0), 5)).toThrow(/0 box numbers/);
    expect(() => new SegmentGrid(new Float64Array(6), 5)).toThrow(/6 box numbers/);
    expect(() => new SegmentGrid(Float64Array.from([0, 0, NaN, 1]), 5)).toThrow(/not finite/);
    expect(() => new SegmentGrid(boxes(), 0)).toThrow(/cell size 0 m/);
  });
});
