/**
 * Variants of a scenario for strain studies (scripts/sensitivity.ts and the calibration runs):
 * demand and units scaled by a factor. Units are scaled per shift over all fleet rows by largest
 * remainder, so each shift's London total is the scaled total rounded and every base keeps its
 * share of the cars.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface FleetRowInput {
  station: string;
  type?: string;
  perShift?: Record<string, number>;
  count?: number;
}

export interface StreamInput {
  line: string;
  callsPerDay: number;
  gradeMix: Record<string, number>;
}

/** Every shift's units times `factor` (largest remainder over rows; ties to the earlier row). */
export function scaleFleet(fleet: readonly FleetRowInput[], factor: number): FleetRowInput[] {
  const out = fleet.map((r) => ({ ...r, ...(r.perShift ? { perShift: { ...r.perShift } } : {}) }));
  const keys = new Set<string>();
  for (const r of fleet) for (const k of Object.keys(r.perShift ?? {})) keys.add(k);
  const scaleColumn = (get: (r: FleetRowInput) => number | undefined, set: (r: FleetRowInput, v: number) => void): void => {
    const idx = fleet.map((r, i) => (get(r) === undefined ? -1 : i)).filter((i) => i >= 0);
    const exact = idx.map((i) => get(fleet[i]!)! * factor);
    const total = Math.round(idx.reduce((a, i) => a + get(fleet[i]!)!, 0) * factor);
    const whole = exact.map((x) => Math.floor(x));
    let left = total - whole.reduce((a, b) => a + b, 0);
    const order = exact.map((x, k) => ({ k, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.k - b.k);
    for (const { k } of order) {
      if (left <= 0) break;
      whole[k]!++;
      left--;
    }
    idx.forEach((i, k) => set(out[i]!, whole[k]!));
  };
  for (const key of keys) scaleColumn((r) => r.perShift?.[key], (r, v) => (r.perShift![key] = v));
  scaleColumn((r) => r.count, (r, v) => (r.count = v));
  return out;
}

/** Every stream's calls per day times `factor`, rounded. */
export function scaleDemand(streams: readonly StreamInput[], factor: number): StreamInput[] {
  return streams.map((s) => ({ ...s, callsPerDay: Math.round(s.callsPerDay * factor) }));
}

/** The committed London baseline's file. */
export function baselineFile(): string {
  return path.join(__dirname, '..', 'assets', 'scenarios', 'london-baseline.json');
}

/** A scenario file's JSON (no `extends` resolution: the baseline has none). */
export function readScenario(file: string): Record<string, unknown> & { fleet: FleetRowInput[]; demand: { streams: StreamInput[] } } {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { fleet: FleetRowInput[]; demand: { streams: StreamInput[] } };
}
