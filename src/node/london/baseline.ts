/**
 * Keeps the baseline scenario's `stations` and `fleet` (assets/scenarios/london-baseline.json) in
 * step with the data step: stations are the built police bases, the fleet is spread over them by
 * fleet-plan.ts. Everything else in the scenario is written by hand, with its sources in
 * london-baseline.md. `npm run data -- --write-baseline` rewrites the two arrays; a test checks
 * that the committed file matches what the data step gives.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../files/atomic-write';
import path from 'node:path';
import { repoRoot } from '../data/paths';
import type { PoliceBase } from './bases';
import { BCU_OF_AREA } from './bcus';
import type { DemandPointsFile } from './demand';
import { baselineFleet, type FleetRow } from './fleet-plan';

/** The committed baseline scenario. */
export function baselineScenarioPath(): string {
  return path.join(repoRoot(), 'assets', 'scenarios', 'london-baseline.json');
}

/** One entry of the scenario's `stations` (MODEL.md, plus `synthetic` and `note`). */
export interface StationEntry {
  readonly id: string;
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  readonly area: string;
  readonly custody: boolean;
  readonly synthetic?: true;
  readonly note?: string;
}

/**
 * The bases that hold a custody suite: one per borough, the borough's first police station, or
 * its first base when it has none. An assumption (london-baseline.md): no list of Met custody
 * suites with positions was available, and the Met has about one suite per borough.
 */
export function custodyBases(bases: readonly PoliceBase[]): Set<string> {
  const byArea = new Map<string, PoliceBase>();
  for (const b of bases) {
    const had = byArea.get(b.area);
    if (!had || (had.kind !== 'police_station' && b.kind === 'police_station')) byArea.set(b.area, b);
  }
  return new Set([...byArea.values()].map((b) => b.id));
}

/** The scenario's stations: every base, with a custody suite at those of `custodyBases`. */
export function baselineStations(bases: readonly PoliceBase[]): StationEntry[] {
  const custody = custodyBases(bases);
  return bases.map((b) => ({
    id: b.id,
    name: b.name,
    lon: b.lon,
    lat: b.lat,
    area: b.area,
    custody: custody.has(b.id),
    ...(b.synthetic ? { synthetic: true as const, note: b.note } : {}),
  }));
}

/** The `stations` and `fleet` the data step gives for the baseline. */
export function baselineStationsAndFleet(bases: readonly PoliceBase[], points: DemandPointsFile): { stations: StationEntry[]; fleet: FleetRow[] } {
  return { stations: baselineStations(bases), fleet: baselineFleet(bases, points, BCU_OF_AREA) };
}

/**
 * JSON with two-space indentation, but any value that fits in `width` characters on one line is
 * written on one line, and long arrays of numbers are wrapped: a scenario stays readable.
 */
export function formatScenarioJson(value: unknown, width = 120): string {
  // One line with a space after each comma and colon (strings are JSON-encoded, never edited).
  const inline = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`;
  };
  const render = (v: unknown, indent: string, keyLength: number): string => {
    const line = inline(v);
    if (v === null || typeof v !== 'object' || indent.length + keyLength + line.length <= width) return line;
    const inner = indent + '  ';
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'number')) {
        const rows: string[] = [];
        let row = '';
        for (const x of v.map((n) => JSON.stringify(n))) {
          if (row && inner.length + row.length + x.length + 2 > width) {
            rows.push(row + ',');
            row = '';
          }
          row += row ? `, ${x}` : x;
        }
        rows.push(row);
        return `[\n${rows.map((r) => inner + r).join('\n')}\n${indent}]`;
      }
      return `[\n${v.map((x) => inner + render(x, inner, 0)).join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner, JSON.stringify(k).length + 2)}`).join(',\n')}\n${indent}}`;
  };
  return render(value, '', 0) + '\n';
}

/**
 * Rewrites the scenario file's `stations` and `fleet` (other fields untouched, order kept) and
 * returns whether the file changed. Written atomically (src/node/files/atomic-write.ts).
 */
export function writeBaselineStationsAndFleet(file: string, bases: readonly PoliceBase[], points: DemandPointsFile): boolean {
  const before = readFileSync(file, 'utf8');
  const scenario = JSON.parse(before) as Record<string, unknown>;
  const { stations, fleet } = baselineStationsAndFleet(bases, points);
  scenario.stations = stations;
  scenario.fleet = fleet;
  const after = formatScenarioJson(scenario);
  if (after === before) return false;
  writeFileAtomicSync(file, after);
  return true;
}
