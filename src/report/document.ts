/**
 * The one report document (issue 16): what the app's "Export report", `npm run sim -- report` and
 * `npm run sim -- compare ... --out` all write. One scenario gives the reviewer's report of a run;
 * a baseline and up to four variants give the comparison with paired differences and verdicts.
 * Both are one self-contained HTML page (src/report/html.ts) with the same parts: what each
 * scenario is and what changed in words, the assumptions for people, results with 95% intervals
 * (and verdicts), a static map and charts, the data sources with their attribution, and how it was
 * made (simulator version, scenario hashes, seeds, data hashes, the random-number scheme, the
 * warm-up, and the command that reproduces it). Pure: runs in Node and in the browser.
 */
import type { ResponseHistograms } from '../shared/protocol';
import type { Results } from '../shared/results';
import type { Scenario } from '../shared/scenario';
import type { StoppingDecision, StoppingRule } from '../sim';
import type { AreaOutline } from './static-map';

export interface ReportScenario {
  /** the file or built-in name it was read from (the app: the file the export wrote beside the report) */
  readonly file: string;
  readonly scenario: Scenario;
  /** combined over replications */
  readonly combined: Results;
  /** each replication's results (replication r with the same seed in every scenario); may be empty for a single scenario */
  readonly runs: readonly Results[];
  readonly histograms?: ResponseHistograms;
  /** "What changed" against the scenario this one came from, in words */
  readonly changes?: { readonly origin: string; readonly lines: readonly string[] };
}

export interface ReportDocument {
  /** baseline first; one scenario = a single run's report */
  readonly scenarios: readonly ReportScenario[];
  /** the command that reproduces these figures */
  readonly command: string;
  /** input file -> sha256 of the data the scenarios read */
  readonly dataHashes: readonly (readonly [string, string])[];
  /** the areas to draw the static map with; absent or empty: no map */
  readonly outlines?: readonly AreaOutline[] | null;
  readonly stopping?: { readonly rule: StoppingRule; readonly decision: StoppingDecision };
  /** what made it: "the command line", "the desktop app", "the browser app" */
  readonly madeBy?: string;
  /** left out keeps the document byte-identical between runs */
  readonly generatedAt?: string;
}

/** "2026-11-22 08:05 UTC": when a report was made, to the minute. */
export function stampOf(now: Date): string {
  return `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A shell word: left bare when safe, else single-quoted. */
export function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
