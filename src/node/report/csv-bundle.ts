/**
 * The CSV bundle of a comparison (`compare ... --out DIR`): key figures, per area, per hour and
 * the incident log, each file written atomically (src/node/files/atomic-write.ts).
 */
import path from 'node:path';
import type { Results } from '../../shared/results';
import { AREA_FIGURES, compareAreas, compareFigures } from '../../sim';
import type { IncidentLog } from '../../sim';
import { writeFileAtomicSync } from '../files/atomic-write';
import { csvField, incidentRow, INCIDENT_COLUMNS } from './incidents-csv';

type Cell = string | number | null | undefined;

export function csvText(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (r: readonly Cell[]) => r.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : csvField(c))).join(',');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

const label = (i: number) => (i === 0 ? 'baseline' : `variant ${i}`);

/** key-figures.csv: one row per figure and scenario; units as in results.json (seconds, percent). */
export function keyFiguresCsv(runs: readonly (readonly Results[])[]): string {
  const rows: Cell[][] = [];
  for (const f of compareFigures(runs)) {
    f.scenarios.forEach((m, i) => {
      const d = i > 0 ? f.differences[i - 1]! : null;
      rows.push([f.figure.id, f.figure.unit, label(i), m.mean, m.half, d?.mean, d?.half, d?.verdict]);
    });
  }
  return csvText(['figure', 'unit', 'scenario', 'mean', 'ci95_half', 'difference', 'difference_ci95_half', 'verdict'], rows);
}

/** areas.csv: per borough and per BCU, each area figure for each scenario with the difference from the baseline. */
export function areasCsv(runs: readonly (readonly Results[])[]): string {
  const { areas, bcus } = compareAreas(runs);
  const rows: Cell[][] = [];
  for (const [kind, list] of [['borough', areas], ['bcu', bcus]] as const) {
    for (const a of list) {
      AREA_FIGURES.forEach((f, k) => {
        a.figures[k]!.scenarios.forEach((m, i) => {
          const d = i > 0 ? a.figures[k]!.differences[i - 1]! : null;
          rows.push([kind, a.id, a.name, a.bcu, `${f.grade}.${f.field}`, label(i), m.mean, m.half, d?.mean, d?.half, d?.verdict]);
        });
      });
    }
  }
  return csvText(['kind', 'id', 'name', 'bcu', 'figure', 'scenario', 'mean', 'ci95_half', 'difference', 'difference_ci95_half', 'verdict'], rows);
}

/** hourly.csv: the combined hourly series of each scenario. */
export function hourlyCsv(combined: readonly Results[]): string {
  const rows = combined.flatMap((r, i) => r.hourly.map((h) => [label(i), h.hour, h.calls, h.I.incidents, h.I.meanResponseS, h.I.withinTargetPct, h.busyUnits, h.returningUnits, h.onDutyUnits]));
  return csvText(['scenario', 'hour', 'calls', 'I_incidents', 'I_mean_response_s', 'I_within_target_pct', 'busy_units', 'returning_units', 'on_duty_units'], rows);
}

/** incidents.csv of several scenarios' first replications, with a `scenario` column in front. */
export function incidentsCsv(logs: readonly (IncidentLog | null)[]): string {
  const lines = [['scenario', ...INCIDENT_COLUMNS].join(',')];
  logs.forEach((log, i) => {
    if (!log) return;
    for (const r of log.records()) lines.push(`${csvField(label(i))},${incidentRow(r)}`);
  });
  return lines.join('\n') + '\n';
}

/** Writes the four CSV files into `dir` (which must exist); returns their paths. */
export function writeCsvBundle(dir: string, runs: readonly (readonly Results[])[], combined: readonly Results[], logs: readonly (IncidentLog | null)[]): string[] {
  const files: [string, string][] = [
    ['key-figures.csv', keyFiguresCsv(runs)],
    ['areas.csv', areasCsv(runs)],
    ['hourly.csv', hourlyCsv(combined)],
    ['incidents.csv', incidentsCsv(logs)],
  ];
  return files.map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileAtomicSync(file, text);
    return file;
  });
}
