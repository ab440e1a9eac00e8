/**
 * The app's report document (src/report) of what it shows: the open scenario and its latest run
 * (combined over its replications, with the response-time distributions), what changed since it
 * was opened, the map's outlines, the data's hashes, and the command that gives the same figures
 * on the command line from the scenario file the export writes beside the report. Pure.
 */
import { reportDocumentHtml, outlinesFromFeatures, shellWord, stampOf, type ReportDocument } from '../../report';
import type { MapLayers, VersionInfo } from '../../shared/protocol';
import { REPORT_SCENARIO_MARK } from '../../shared/report-export';
import { parseScenario } from '../../shared/scenario';
import { scenarioText } from '../document/canonical';
import type { FinishedRun } from '../store/run-slice';
import type { RawScenario } from '../store/scenario-slice';

export interface AppReportInput {
  readonly current: RawScenario;
  /** "What changed" lines against the scenario as opened (scenario/describe.ts), and its name */
  readonly changes: { readonly origin: string; readonly lines: readonly string[] };
  readonly run: FinishedRun;
  readonly layers: MapLayers | null;
  readonly version: VersionInfo | null;
  readonly now: Date;
}

export type AppReport = { readonly ok: true; readonly html: string; readonly scenarioText: string; readonly suggestedName: string } | { readonly ok: false; readonly message: string };

/** The command for the reproduce line; the host puts the scenario file's path where the mark is. */
export function reproduceCommand(meta: { seed: number; days: number; replications: number }, out: string): string {
  return `npm run sim -- report ${REPORT_SCENARIO_MARK} ${['--seed', String(meta.seed), '--days', String(meta.days), '--replications', String(meta.replications), '--out', out].map(shellWord).join(' ')}`;
}

export function appReport(input: AppReportInput): AppReport {
  // The report's reproduce command (`report`) runs random demand: it cannot give a replayed run's figures.
  if (input.run.demand) return { ok: false, message: `the latest run's ${input.run.demand}, which the report's reproduce command cannot repeat; choose Random demand, then export` };
  const parsed = parseScenario(input.current);
  if (!parsed.ok) return { ok: false, message: `the scenario has ${parsed.errors.length === 1 ? 'a problem' : `${parsed.errors.length} problems`}; fix ${parsed.errors.length === 1 ? 'it' : 'them'} and run it first` };
  const scenario = parsed.scenario;
  const { results, histograms } = input.run.outcome;
  const areas = scenario.areas;
  const outlines = !areas
    ? null
    : typeof areas.source !== 'string'
      ? outlinesFromFeatures(areas.source.features, areas.idProperty, areas.nameProperty)
      : input.layers && input.layers.source === areas.source
        ? outlinesFromFeatures(input.layers.areas.features)
        : null;
  const usesBuiltIn = typeof areas?.source === 'string' || scenario.demand.pointsSource !== undefined || scenario.network?.source === 'london';
  const doc: ReportDocument = {
    scenarios: [{ file: REPORT_SCENARIO_MARK, scenario, combined: results, runs: [], ...(histograms ? { histograms } : {}), ...(input.changes.lines.length > 0 ? { changes: input.changes } : {}) }],
    command: reproduceCommand(results.meta, 'report.html'),
    dataHashes: usesBuiltIn ? (input.layers?.dataHashes ?? []) : [],
    outlines,
    madeBy: input.version ? `the ${input.version.host === 'electron' ? 'desktop' : 'browser'} app ${input.version.app}` : 'the app',
    generatedAt: stampOf(input.now),
  };
  return { ok: true, html: reportDocumentHtml(doc), scenarioText: scenarioText(input.current), suggestedName: `${scenario.name} report` };
}
