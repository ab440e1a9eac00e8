import { describe, expect, it } from 'vitest';
import { greatCircleM } from '../../../src/sim';
import { hypercube } from './theory';
import { replicate, tolerance } from './replicate';

const R = 20;

describe('Larson hypercube', () => {
  it('the solver reduces to M/M/N symmetry when every atom prefers units alike', () => {
    // Two atoms with mirrored preferences and equal rates: both units equally loaded, total = lambda/mu.
    const w = hypercube(2, [0.5, 0.5], [[0, 1], [1, 0]], 1);
    expect(w[0]).toBeCloseTo(w[1]!, 12);
    expect(w[0]! + w[1]!).toBeCloseTo(1, 12);
  });

  it('hypercube-3-units.json: each unit\'s workload lies within the 99.9% interval of the exact solution', async () => {
    const stations = [-0.19, -0.13, -0.06];
    const atoms = [
      { lon: -0.2, w: 4 },
      { lon: -0.12, w: 3 },
      { lon: -0.05, w: 2 },
      { lon: -0.155, w: 1 },
    ];
    const lambda = 86.4 / 86400;
    const total = atoms.reduce((a, x) => a + x.w, 0);
    // Each atom prefers stations by distance, as nearest-eta does for units waiting at base.
    const preference = atoms.map((a) =>
      stations.map((lon, k) => ({ k, d: greatCircleM(a.lon, 51.5, lon, 51.5) })).sort((x, y) => x.d - y.d).map((x) => x.k),
    );
    expect(preference, 'atom 3 lies between A and B, nearer B').toEqual([[0, 1, 2], [1, 2, 0], [2, 1, 0], [1, 0, 2]]);
    const exact = hypercube(3, atoms.map((a) => (lambda * a.w) / total), preference, 1 / 1800);
    const res = await replicate('hypercube-3-units.json', R);
    res.units.byUnit.forEach((u, k) => {
      const tol = tolerance(u.ci95?.utilisationPct, R) / 100;
      const sim = u.utilisationPct! / 100;
      expect(Math.abs(sim - exact[k]!), `${u.id}: ${sim} vs exact ${exact[k]} (tolerance ${tol})`).toBeLessThanOrEqual(tol);
      expect(tol, 'a tolerance that tells units apart').toBeLessThan(0.03);
    });
    // The workloads differ enough that the check has teeth.
    expect(Math.max(...exact) - Math.min(...exact), 'spread of the exact workloads').toBeGreaterThan(0.05);
  });
});
