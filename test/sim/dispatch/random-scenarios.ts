/**
 * Random small scenarios that exercise every dispatch rule: borders (any, area, bcu), the three
 * policies, reserves per grade (some per BCU), diversion (to I, or to S), incidents needing two units, arrests,
 * shifts, and demand from light to far beyond what the fleet can serve (long pending queues).
 */
import type { ScenarioInput } from '../../../src/shared/scenario';
import { streamRng } from '../../../src/sim';

const WEST = -0.3;
const SOUTH = 51.4;
const COLS = 3;
const ROWS = 2;
const D_LON = 0.1;
const D_LAT = 0.08;

/** Six areas in a 3 x 2 grid: BCUs B0 (A00, A01), B1 (A02, A10), B2 (A11); A12 in no BCU. */
function areas() {
  const features = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const w = WEST + c * D_LON;
      const s = SOUTH + r * D_LAT;
      features.push({
        type: 'Feature' as const,
        properties: { id: `A${r}${c}`, name: `area ${r}${c}` },
        geometry: { type: 'Polygon' as const, coordinates: [[[w, s], [w + D_LON, s], [w + D_LON, s + D_LAT], [w, s + D_LAT], [w, s]]] },
      });
    }
  }
  return {
    source: { type: 'FeatureCollection' as const, features },
    groups: { B0: ['A00', 'A01'], B1: ['A02', 'A10'], B2: ['A11'] },
  };
}

/** Scenario number `k` (deterministic): one day, 2 to 144 units, 40 to 700 calls a day. */
export function randomScenario(k: number): ScenarioInput {
  const rng = streamRng(1000 + k, 'dispatch-random-scenario');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  const inBox = () => ({ lon: WEST + rng.next() * COLS * D_LON * 0.999, lat: SOUTH + rng.next() * ROWS * D_LAT * 0.999 });
  const stations = Array.from({ length: int(2, 8) }, (_, i) => ({ id: `S${i}`, ...inBox(), custody: i === 0 }));
  const perShift = rng.next() < 0.6;
  const fleet = stations.map((st) =>
    perShift
      ? { station: st.id, type: 'IRV', perShift: { early: int(0, 6), late: int(1, 6), night: int(1, 4) } }
      : { station: st.id, type: 'IRV', count: int(1, 6) },
  );
  const reserve: Record<string, number> = {};
  if (rng.next() < 0.6) reserve[pick(['I', 'S', 'E'])] = int(1, 3);
  if (rng.next() < 0.3) reserve[pick(['I', 'S', 'E'])] = int(1, 2);
  const divert = pick([undefined, { to: ['I' as const], from: ['S' as const, 'E' as const] }, { to: ['S' as const], from: ['E' as const] }]);
  const twoUnits = rng.next() < 0.3;
  const scenario = {
    schemaVersion: 1,
    name: `random dispatch scenario ${k}`,
    seed: k + 1,
    days: 1,
    warmupHours: 4,
    areas: areas(),
    demand: {
      streams: [
        { line: '999', callsPerDay: int(40, 500), gradeMix: { I: 0.35, S: 0.35, E: 0.2, R: 0.1 } },
        { line: '101', callsPerDay: int(0, 200), gradeMix: { S: 0.3, E: 0.4, R: 0.3 } },
      ],
      points: Array.from({ length: 25 }, () => ({ ...inBox(), weight: 0.5 + rng.next() })),
    },
    grades: {
      I: { arrestProbability: rng.next() < 0.5 ? 0.2 : 0, unitsRequired: twoUnits ? 2 : 1 },
      S: { onScene: { dist: 'lognormal', mean: int(900, 3600), cv: 0.8 } },
    },
    callHandling: null,
    shifts: [
      { id: 'early', start: '07:00', hours: 8 },
      { id: 'late', start: '15:00', hours: 8 },
      { id: 'night', start: '23:00', hours: 8 },
    ],
    stations,
    fleet,
    dispatch: {
      policy: pick(['nearest-eta', 'nearest-straight-line', 'home-station-first'] as const),
      border: pick(['any', 'area', 'bcu'] as const),
      ...(divert ? { divert } : {}),
      reserve,
      decisionTime: { dist: 'fixed', value: 30 },
    },
    travel: { mode: 'straight-line', speedKph: 30, detourFactor: 1.3, turnout: { dist: 'fixed', value: 60 } },
    custodyTime: { dist: 'lognormal', mean: 3600, cv: 0.5 },
  } satisfies ScenarioInput;
  // Drawn after the rest, so the scenarios are otherwise those they always were: some BCUs with a reserve of their own.
  if (rng.next() < 0.4) return { ...scenario, dispatch: { ...scenario.dispatch, reserveByBcu: { B1: { [pick(['I', 'S', 'E'])]: int(0, 3) }, B2: {} } } };
  return scenario;
}
