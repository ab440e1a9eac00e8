/**
 * Point-in-area by bands of edges (src/world/area-test.ts) answers as turf's booleanPointInPolygon
 * does, or leaves the point to turf: inside, outside, on edges and vertices (boundary counts as
 * inside), in holes, in the second polygon of a MultiPolygon, on horizontal edges, and where turf
 * would refuse the ring or read the feature's own bbox.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { AreaTest } from '../../src/world/area-test';

type Feature = { type: 'Feature'; properties: null; bbox?: number[]; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };

const feature = (geometry: Feature['geometry'], bbox?: number[]): Feature => ({ type: 'Feature', properties: null, geometry, ...(bbox ? { bbox } : {}) });

/** A star-ish ring of `n` points around (cx, cy), radii from a fixed sequence, closed. */
function star(cx: number, cy: number, n: number, seed: number): number[][] {
  let s = seed;
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    const r = 0.02 + (s / 2147483647) * 0.03;
    const a = (2 * Math.PI * i) / n;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const hole = [[0.25, 0.25], [0.25, 0.75], [0.75, 0.75], [0.75, 0.25], [0.25, 0.25]];
const FEATURES: Feature[] = [
  feature({ type: 'Polygon', coordinates: [square] }),
  feature({ type: 'Polygon', coordinates: [square, hole] }),
  feature({ type: 'MultiPolygon', coordinates: [[hole], [[[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]]] }),
  feature({ type: 'Polygon', coordinates: [star(-0.1, 51.5, 400, 7)] }),
  feature({ type: 'MultiPolygon', coordinates: [[star(-0.1, 51.5, 300, 3)], [star(-0.05, 51.52, 200, 9), star(-0.05, 51.52, 50, 11).map(([x, y]) => [x!, y! - 0.0001])]] }),
];

/** Points to try on a feature: a grid over its box and beyond, its vertices, its edges' midpoints and thirds. */
function probes(f: Feature): number[][] {
  const rings = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
  const all = rings.flat(2);
  const xs = all.map((p) => p[0]!);
  const ys = all.map((p) => p[1]!);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const out: number[][] = [];
  for (let i = -2; i <= 42; i++) for (let j = -2; j <= 42; j++) out.push([w + ((e - w) * i) / 40, s + ((n - s) * j) / 40]);
  for (const poly of rings) {
    for (const ring of poly) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const [a, b] = [ring[k]!, ring[k + 1]!];
        out.push(a, [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2], [a[0]! + (b[0]! - a[0]!) / 3, a[1]! + (b[1]! - a[1]!) / 3], [a[0]!, b[1]!], [a[0]! + 1e-12, a[1]!]);
      }
    }
  }
  return out;
}

describe('point in area by bands', () => {
  it('answers as turf does, or leaves the point to turf', () => {
    let decided = 0;
    let left = 0;
    for (const f of FEATURES) {
      const test = new AreaTest(f);
      for (const [x, y] of probes(f)) {
        const answer = test.contains(x!, y!);
        if (answer === null) left++;
        else {
          decided++;
          expect(answer, `(${x}, ${y})`).toBe(booleanPointInPolygon([x!, y!], f as Parameters<typeof booleanPointInPolygon>[1]));
        }
      }
    }
    expect(decided).toBeGreaterThan(20 * left);
  });

  it('counts the boundary as inside and holes as outside', () => {
    const test = new AreaTest(FEATURES[1]!);
    expect(test.contains(0.5, 0.5), 'in the hole').toBe(false);
    expect(test.contains(0.1, 0.5)).toBe(true);
    expect(test.contains(0, 0.5), 'on the left edge').toBe(true);
    expect(test.contains(0.5, 1), 'on the top edge (horizontal)').toBe(true);
    expect(test.contains(1, 1), 'at a corner').toBe(true);
    expect(test.contains(0.25, 0.5), 'on the hole\'s edge').toBe(true);
    expect(test.contains(1.5, 0.5)).toBe(false);
    expect(new AreaTest(FEATURES[2]!).contains(2.5, 0.5), 'in the second polygon').toBe(true);
  });

  it('leaves to turf a feature with its own bbox, a ring turf refuses and coordinates that are not numbers', () => {
    expect(new AreaTest(feature({ type: 'Polygon', coordinates: [square] }, [0, 0, 0.5, 0.5])).contains(0.7, 0.7)).toBeNull();
    const open = feature({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0.5, 2]]] });
    expect(new AreaTest(open).contains(0.5, 0.5)).toBeNull();
    expect(() => booleanPointInPolygon([0.5, 0.5], open as Parameters<typeof booleanPointInPolygon>[1]), 'turf refuses it').toThrow();
    expect(new AreaTest(feature({ type: 'Polygon', coordinates: [[['0', 0], [1, 0], [1, 1], ['0', 0]]] })).contains(0.5, 0.5)).toBeNull();
  });
});
