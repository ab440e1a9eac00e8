/**
 * A synthetic London-sized scenario for the simulator's benchmark (and for profiling with
 * `node --cpu-prof`): about 13,000 calls a day (MODEL.md's volumes and profiles), 32 areas in 8
 * BCUs over London's bounding box, 4,800 weighted demand points, 64 stations with 600 units
 * round the clock, 70 call takers, straight-line travel. Synthetic: no real data is read.
 */
import type { ScenarioInput } from '../src/shared/scenario';
import { streamRng } from '../src/sim';

const WEST = -0.5;
const EAST = 0.3;
const SOUTH = 51.3;
const NORTH = 51.7;

export function syntheticLondon(days = 7): ScenarioInput {
  const cols = 8;
  const rows = 4;
  const dx = (EAST - WEST) / cols;
  const dy = (NORTH - SOUTH) / rows;
  const features = [];
  const groups: Record<string, string[]> = {};
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const id = `A${r}${c}`;
      const w = WEST + c * dx;
      const s = SOUTH + r * dy;
      features.push({
        type: 'Feature' as const,
        properties: { id, name: `area ${id}` },
        geometry: { type: 'Polygon' as const, coordinates: [[[w, s], [w + dx, s], [w + dx, s + dy], [w, s + dy], [w, s]]] },
      });
      const bcu = `B${r}${Math.floor(c / 2)}`;
      (groups[bcu] ??= []).push(id);
    }
  }
  const rng = streamRng(2025, 'bench-london');
  const points = Array.from({ length: 4800 }, () => {
    // Denser towards the centre, as London's demand is.
    const u = rng.next();
    const v = rng.next();
    const radius = Math.sqrt(-2 * Math.log(1 - 0.95 * u)) * 0.12;
    return {
      lon: Math.min(EAST - 1e-6, Math.max(WEST, -0.1 + radius * Math.cos(2 * Math.PI * v) * 1.6)),
      lat: Math.min(NORTH - 1e-6, Math.max(SOUTH, 51.5 + radius * Math.sin(2 * Math.PI * v))),
      weight: 0.5 + rng.next(),
    };
  });
  const stations = features.flatMap((f, i) =>
    [0.3, 0.7].map((k, j) => {
      const [[w, s], [e, , ], , [, n]] = f.geometry.coordinates[0] as [number, number][];
      return { id: `S${i}-${j}`, lon: w! + (e! - w!) * k, lat: s! + (n! - s!) * (1 - k), custody: j === 0 };
    }),
  );
  const fleet = stations.map((st, i) => ({ station: st.id, type: 'IRV', count: i < 24 ? 10 : 9 }));
  const hod = [0.6, 0.5, 0.4, 0.35, 0.35, 0.4, 0.6, 0.9, 1.1, 1.2, 1.25, 1.3, 1.3, 1.3, 1.3, 1.35, 1.4, 1.4, 1.35, 1.3, 1.25, 1.2, 1.0, 0.8];
  const mean = hod.reduce((a, b) => a + b, 0) / 24;
  return {
    schemaVersion: 1,
    name: 'synthetic London week (benchmark)',
    seed: 1,
    days,
    warmupHours: 24,
    areas: { source: { type: 'FeatureCollection', features }, groups },
    demand: {
      streams: [
        { line: '999', callsPerDay: 6000, gradeMix: { I: 0.3, S: 0.35, E: 0.15, R: 0.2 } },
        { line: '101', callsPerDay: 7000, gradeMix: { S: 0.1, E: 0.4, R: 0.5 } },
      ],
      hourOfDay: hod.map((x) => x / mean),
      points,
    },
    grades: {
      I: { targetS: 900, onScene: { dist: 'lognormal', mean: 3600, cv: 0.8 }, arrestProbability: 0.1 },
      S: { targetS: 3600, onScene: { dist: 'lognormal', mean: 2700, cv: 0.8 } },
      E: { onScene: { dist: 'exponential', mean: 1800 } },
    },
    callHandling: {
      pools: [{ id: 'metcc', lines: ['999', '101'], staff: 70 }],
      handlingTime: { '999': { dist: 'lognormal', mean: 240, cv: 0.6 }, '101': { dist: 'lognormal', mean: 420, cv: 0.6 } },
      patience: { '999': { dist: 'exponential', mean: 300 }, '101': { dist: 'exponential', mean: 900 } },
    },
    stations,
    fleet,
    dispatch: { policy: 'nearest-eta', border: 'bcu', divert: { to: ['I'], from: ['S', 'E'] }, decisionTime: { dist: 'fixed', value: 30 } },
    travel: { mode: 'straight-line', speedKph: 30, detourFactor: 1.3, turnout: { dist: 'fixed', value: 60 } },
    custodyTime: { dist: 'lognormal', mean: 7200, cv: 0.5 },
  };
}
