/**
 * The snapping layout made in three passes (src/world/segment-layout.ts) is the reference layout
 * (segment order, then a grid per cell size over the projected ends) word for word, on polylines
 * short and long, crossing many cells, repeated and on cell edges; and it leaves to the reference
 * what it cannot make alike (a road of one vertex, a coordinate that is not finite, a segment
 * spanning more than 256 cells).
 */
import { describe, expect, it } from 'vitest';
import type { RoadGraph } from '../../src/sim/roads/graph';
import { COARSE_CELL_M, FINE, referenceLayout, SegmentIndex, type SegmentLayout } from '../../src/world/segment-index';
import { fastLayout } from '../../src/world/segment-layout';

type Polylines = Pick<RoadGraph, 'roadCount' | 'roadFirstVertex' | 'vertexLon' | 'vertexLat'>;

const KX = 69_400;
const KY = 111_250;
const SIZES = { fineCellM: FINE.cellM, coarseCellM: COARSE_CELL_M };

/** Roads as lists of [lon, lat]. */
function polylines(roads: readonly (readonly [number, number])[][]): Polylines {
  const first = [0];
  const lon: number[] = [];
  const lat: number[] = [];
  for (const road of roads) {
    for (const [x, y] of road) {
      lon.push(x);
      lat.push(y);
    }
    first.push(lon.length);
  }
  return { roadCount: roads.length, roadFirstVertex: Uint32Array.from(first), vertexLon: Float64Array.from(lon), vertexLat: Float64Array.from(lat) };
}

/** `n` random roads of 2-12 vertices over ~10 km, steps up to `stepM` metres; some vertices on cell edges, some repeated. */
function randomRoads(n: number, stepM: number, seed: number): (readonly [number, number])[][] {
  let s = seed;
  const rnd = (): number => (s = (s * 48271) % 2147483647) / 2147483647;
  const roads: (readonly [number, number])[][] = [];
  for (let r = 0; r < n; r++) {
    let x = -0.2 + rnd() * 0.15;
    let y = 51.45 + rnd() * 0.09;
    const road: (readonly [number, number])[] = [];
    for (let k = 2 + Math.floor(rnd() * 11); k > 0; k--) {
      if (rnd() < 0.1) [x, y] = [Math.round((x * KX) / 100) * (100 / KX), Math.round((y * KY) / 400) * (400 / KY)];
      road.push([x, y]);
      if (rnd() < 0.05) road.push([x, y]);
      x += ((rnd() - 0.5) * stepM) / KX;
      y += ((rnd() - 0.5) * stepM) / KY;
    }
    roads.push(road);
  }
  return roads;
}

function expectSame(a: SegmentLayout, b: SegmentLayout): void {
  expect([...a.segV]).toEqual([...b.segV]);
  for (const grid of ['fine', 'coarse'] as const) {
    const [p, q] = [a[grid], b[grid]];
    expect([p.x0, p.y0, p.cols, p.rows, p.cellM], grid).toEqual([q.x0, q.y0, q.cols, q.rows, q.cellM]);
    expect([...p.start], grid).toEqual([...q.start]);
    expect([...p.items], grid).toEqual([...q.items]);
  }
}

describe('the snapping layout in three passes', () => {
  it('is the reference layout, word for word', () => {
    for (const [n, step, seed] of [
      [300, 60, 1],
      [300, 900, 2],
      [40, 6000, 3],
      [1, 50, 4],
    ] as const) {
      const g = polylines(randomRoads(n, step, seed));
      const fast = fastLayout(g, KX, KY, SIZES);
      expect(fast, `${n} roads, steps ${step} m`).not.toBeNull();
      expectSame(fast!, referenceLayout(g, KX, KY));
    }
  });

  it('is what a SegmentIndex is made with, and leaves other graphs to the reference', () => {
    const g = polylines(randomRoads(200, 300, 9));
    expectSame(new SegmentIndex(g, KX, KY).layout()!, referenceLayout(g, KX, KY));
    const oneVertex = polylines([...randomRoads(20, 300, 5), [[-0.1, 51.5]]]);
    expect(fastLayout(oneVertex, KX, KY, SIZES), 'a road of one vertex').toBeNull();
    const notFinite = polylines([[[-0.1, 51.5], [Number.NaN, 51.5]], ...randomRoads(5, 300, 6)]);
    expect(fastLayout(notFinite, KX, KY, SIZES)).toBeNull();
    expect(() => new SegmentIndex(notFinite, KX, KY), 'the reference refuses it').toThrow(/not finite/);
    const long = polylines([[[-0.3, 51.5], [0.2, 51.5]], ...randomRoads(5, 300, 7)]);
    expect(fastLayout(long, KX, KY, SIZES), 'a segment over 256 fine cells').toBeNull();
    expectSame(new SegmentIndex(long, KX, KY).layout()!, referenceLayout(long, KX, KY));
  });
});
