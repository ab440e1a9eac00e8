import { describe, expect, it } from 'vitest';
import { cellGuide, pickCell, pickCellGuided } from '../../../src/sim/demand/weights';
import { streamRng } from '../../../src/sim/random/rng';

function cumulativeOf(weights: number[]): Float64Array {
  let acc = 0;
  return Float64Array.from(weights, (w) => (acc += w));
}

describe('pickCellGuided', () => {
  it('gives pickCell\'s cell for every draw, whatever the weights (zeros, one heavy cell, many light ones)', () => {
    const rng = streamRng(3, 'pick-cell-test');
    const lists: number[][] = [
      [1],
      [0, 0, 5],
      [5, 0, 0],
      [0, 0, 0],
      [1, 1, 1, 1],
      [1e6, ...Array.from({ length: 300 }, () => 1e-3)],
      Array.from({ length: 5000 }, () => (rng.next() < 0.2 ? 0 : rng.next() * 100)),
      Array.from({ length: 70_000 }, () => rng.next()),
    ];
    for (const weights of lists) {
      const cumulative = cumulativeOf(weights);
      const guide = cellGuide(cumulative);
      const k = guide.length - 1;
      // Random draws, and the draws at and just below every guide boundary.
      const us = Array.from({ length: 20_000 }, () => rng.next());
      for (let b = 0; b <= Math.min(k, 4096); b++) {
        const u = b / k;
        if (u < 1) us.push(u);
        us.push(Math.max(0, u - Number.EPSILON), Math.max(0, u - 2 ** -60));
      }
      us.push(0, 1 - Number.EPSILON / 2);
      for (const u of us) expect(pickCellGuided(cumulative, guide, u)).toBe(pickCell(cumulative, u));
    }
  });
});
