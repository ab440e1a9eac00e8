/**
 * The files a run writes with `--out DIR` (MODEL.md "The command line"): results.json,
 * incidents.csv and report.html.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../../shared/scenario';
import type { Results } from '../../shared/results';
import type { IncidentLog } from '../../sim';
import { writeFileAtomicSync } from '../files/atomic-write';
import { writeIncidentsCsv } from './incidents-csv';
import { reportHtml, type ReportOptions } from './report-html';

export { writeIncidentsCsv, incidentRow, csvField, INCIDENT_COLUMNS } from './incidents-csv';
export { reportHtml, escapeHtml, type ReportOptions } from './report-html';

/** results.json's text: the Results object, 2-space indented, one trailing newline. */
export function resultsJson(results: Results): string {
  return JSON.stringify(results, null, 2) + '\n';
}

export interface RunOutputs {
  results: Results;
  scenario: Scenario;
  /** The log of the first replication, or null when none was kept. */
  incidents: IncidentLog | null;
  report?: ReportOptions;
}

/**
 * Writes results.json, incidents.csv (when there is a log) and report.html into `dir`, each
 * atomically (a crash midway leaves the old file or the new one); returns the paths.
 */
export function writeRunOutputs(dir: string, out: RunOutputs): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const results = path.join(dir, 'results.json');
  writeFileAtomicSync(results, resultsJson(out.results));
  written.push(results);
  if (out.incidents) {
    const csv = path.join(dir, 'incidents.csv');
    writeIncidentsCsv(out.incidents, csv);
    written.push(csv);
  }
  const html = path.join(dir, 'report.html');
  writeFileAtomicSync(html, reportHtml(out.results, out.scenario, out.report));
  written.push(html);
  return written;
}
