/**
 * The baseline scenario's response fleet: how many incident response vehicles (IRVs) are on duty in
 * London per shift, and how they are spread over the police bases. No published figure gives cars
 * per BCU or per station, so the London totals are an assumption calibrated against the Met's
 * published I and S compliance (docs/CALIBRATION.md); the spread follows demand.
 *
 * Spread: each BCU gets a share of the London total equal to its share of demand (largest
 * remainder); within a BCU each base gets one car per shift, and the rest follow the demand of
 * the base's catchment (the demand points of the BCU nearest to it), largest remainder again.
 */
import type { PoliceBase } from './bases';
import type { DemandPointsFile } from './demand';

/** Shift ids of the baseline scenario (its `shifts` array). */
export const BASELINE_SHIFTS = ['early', 'late', 'night'] as const;
export type BaselineShift = (typeof BASELINE_SHIFTS)[number];

/** IRVs on duty across the Met per shift (the calibrated assumption). */
export const LONDON_IRVS_PER_SHIFT: Readonly<Record<BaselineShift, number>> = { early: 277, late: 356, night: 288 };

/** One row of the scenario's `fleet`. */
export interface FleetRow {
  readonly station: string;
  readonly type: 'IRV';
  readonly perShift: Record<BaselineShift, number>;
}

/**
 * Splits `total` into whole numbers proportional to `shares` (largest remainder, ties to the lower
 * index), after giving each entry `floor` first. Throws when `total` cannot cover the floors.
 */
export function apportion(total: number, shares: readonly number[], floor = 0): number[] {
  const n = shares.length;
  const rest = total - floor * n;
  if (!Number.isInteger(total) || rest < 0) throw new Error(`cannot split ${total} over ${n} entries with at least ${floor} each`);
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (sum > 0 ? (rest * s) / sum : rest / n));
  const out = exact.map((x) => Math.floor(x));
  let left = rest - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) out[order[k % n]!.i]!++;
  return out.map((x) => x + floor);
}

/** Demand weight of each base's catchment: the points of its BCU nearest to it (equirectangular distance). */
export function catchmentWeights(bases: readonly PoliceBase[], points: DemandPointsFile, bcuOfArea: ReadonlyMap<string, string | null>): number[] {
  const weights = bases.map(() => 0);
  for (let i = 0; i < points.label.length; i++) {
    const w = points.weight[i]!;
    if (w === 0) continue;
    const bcu = bcuOfArea.get(points.area[i]!);
    let best = -1;
    let bestD = Infinity;
    const k = Math.cos((points.lat[i]! * Math.PI) / 180);
    bases.forEach((b, j) => {
      if (b.bcu !== bcu) return;
      const dx = (b.lon - points.lon[i]!) * k;
      const dy = b.lat - points.lat[i]!;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    });
    if (best >= 0) weights[best]! += w;
  }
  return weights;
}

/** The fleet rows: one per base, cars per shift as described above. */
export function baselineFleet(
  bases: readonly PoliceBase[],
  points: DemandPointsFile,
  bcuOfArea: ReadonlyMap<string, string | null>,
  totals: Readonly<Record<BaselineShift, number>> = LONDON_IRVS_PER_SHIFT,
): FleetRow[] {
  const bcus = [...new Set(bases.map((b) => b.bcu))].sort();
  const catchment = catchmentWeights(bases, points, bcuOfArea);
  const bcuDemand = bcus.map((bcu) => catchment.reduce((a, w, j) => (bases[j]!.bcu === bcu ? a + w : a), 0));
  const perShift = bases.map(() => ({}) as Record<BaselineShift, number>);
  for (const shift of BASELINE_SHIFTS) {
    const perBcu = apportion(totals[shift], bcuDemand);
    bcus.forEach((bcu, b) => {
      const members = bases.map((base, j) => (base.bcu === bcu ? j : -1)).filter((j) => j >= 0);
      const cars = apportion(perBcu[b]!, members.map((j) => catchment[j]!), 1);
      members.forEach((j, k) => {
        perShift[j]![shift] = cars[k]!;
      });
    });
  }
  return bases.map((base, j) => ({ station: base.id, type: 'IRV', perShift: perShift[j]! }));
}
