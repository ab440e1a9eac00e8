/**
 * The files a run writes with `--out DIR` (MODEL.md "The command line"): results.json,
 * incidents.csv and report.html; report.html is the one report document (src/report) of the run.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../../shared/scenario';
import type { Results } from '../../shared/results';
import type { ResponseHistograms } from '../../shared/protocol';
import type { IncidentLog } from '../../sim';
import { reportDocumentHtml } from '../../report';
import { writeFileAtomicSync } from '../files/atomic-write';
import { writeIncidentsCsv } from './incidents-csv';
import { dataHashes } from './data-hashes';
import { outlinesFor } from './outlines';

export { writeIncidentsCsv, incidentRow, csvField, INCIDENT_COLUMNS } from './incidents-csv';
export { escapeHtml } from '../../report';

export interface ReportOptions {
  /** Shown as "generated at"; left out keeps the report byte-identical between runs. */
  generatedAt?: string;
  /** "What changed" against the scenario this one came from, shown after the description. */
  changes?: { readonly origin: string; readonly lines: readonly string[] };
  /** the file (or built-in name) the scenario was read from */
  file?: string;
  /** the command that reproduces the figures */
  command?: string;
  histograms?: ResponseHistograms;
  runs?: readonly Results[];
}

/** The report document of one scenario's run, with the data hashes and the map the scenario's data gives. */
export function reportHtml(results: Results, scenario: Scenario, options: ReportOptions = {}): string {
  const file = options.file ?? results.meta.scenario;
  const m = results.meta;
  return reportDocumentHtml({
    scenarios: [{ file, scenario, combined: results, runs: options.runs ?? [], ...(options.histograms ? { histograms: options.histograms } : {}), ...(options.changes ? { changes: options.changes } : {}) }],
    command: options.command ?? `npm run sim -- report ${file} --seed ${m.seed} --days ${m.days} --replications ${m.replications} --out report.html`,
    dataHashes: dataHashes([scenario]),
    outlines: outlinesFor(scenario),
    madeBy: 'the command line',
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  });
}

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
