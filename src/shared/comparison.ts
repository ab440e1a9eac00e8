/**
 * A comparison of scenarios run with common random numbers, as plain serialisable data (the
 * `compareScenarios` call of `DesktopApi`, src/host/compare.ts): what the app's Compare panel shows
 * and what a report module can take as it is. The statistics are defined in docs/MODEL-ADDITIONS.md
 * ("The `compare` command", "Compare in the app") and computed in src/sim/metrics/paired.ts, whose
 * types these are (src/sim re-exports them). The request's type is its schema's (./ipc-schemas.ts).
 */
import type { ResponseHistograms } from './histograms';
import type { CompareRequest } from './ipc-schemas';
import type { Results } from './results';

export type { CompareRequest } from './ipc-schemas';

/** The verdict of one figure: the interval of the difference excludes zero (better, worse) or not. */
export type Verdict = 'better' | 'worse' | 'no detectable difference' | 'too few replications';

export type FigureUnit = 's' | '%';

export interface MeanInterval {
  /** replications where the figure was measured */
  n: number;
  mean: number | null;
  /** 95% half-width; null with fewer than 2 values */
  half: number | null;
}

export interface PairedDifference extends MeanInterval {
  /** direction of the verdict: does a higher value of the figure mean better service? */
  higherIsBetter: boolean;
  verdict: Verdict;
}

/** What a key figure is (its reader aside). */
export interface FigureInfo {
  readonly id: string;
  readonly label: string;
  readonly unit: FigureUnit;
  readonly higherIsBetter: boolean;
}

/** One figure of a comparison: each scenario's mean ± interval and each variant's difference from the baseline. */
export interface FigureComparison {
  readonly figure: FigureInfo;
  /** per scenario, baseline first */
  readonly scenarios: readonly MeanInterval[];
  /** per variant (scenario 1..), the paired difference from scenario 0 */
  readonly differences: readonly PairedDifference[];
}

export interface AreaComparison {
  readonly id: string;
  readonly name: string;
  /** the BCU for an area row; null for a BCU row */
  readonly bcu: string | null;
  /** per AREA_FIGURES entry (src/sim/metrics/paired.ts) */
  readonly figures: readonly { readonly scenarios: readonly MeanInterval[]; readonly differences: readonly PairedDifference[] }[];
}

/** The sequential stopping rule: replicate until the difference's 95% interval is narrower than `widthPoints`. */
export interface StoppingRule {
  /** full width (2 x half-width) the interval must get below, in the figure's units (points for a %) */
  readonly widthPoints: number;
  /** stop at this many replications whatever the width */
  readonly maxReplications: number;
  /** never stop before this many (an interval from 2 or 3 replications is itself unreliable); default 3 */
  readonly minReplications?: number;
}

/** How many replications: a fixed number, or the stopping rule. */
export type ComparePlan = CompareRequest['plan'];

/** One scenario of a comparison request: a name to show and its JSON (`extends` resolved). */
export type CompareSide = CompareRequest['scenarios'][number];

/** The difference in I within target of one variant so far (the stopping rule's figure). */
export interface NarrowingStep {
  /** replications every scenario has finished */
  readonly replications: number;
  /** per variant, the paired difference in I within target over those replications */
  readonly differences: readonly MeanInterval[];
  /** 2 x the widest half-width, or null before every variant has one */
  readonly width: number | null;
}

/** Progress of a comparison, streamed while it runs. */
export interface CompareProgress {
  readonly jobId: string;
  /** share of the planned replications of every scenario done (of the cap, with a stopping rule), 0..1 */
  readonly fraction: number;
  /** replications every scenario has finished */
  readonly replicationsDone: number;
  /** the fixed number, or the stopping rule's cap */
  readonly planned: number;
  /** the difference in I within target over the finished replications, when at least one is done */
  readonly narrowing: NarrowingStep | null;
}

/** Why a comparison ended. */
export type CompareStop = 'fixed' | 'narrow enough' | 'cap reached' | 'cancelled';

export interface ScenarioOutcome {
  readonly label: string;
  /** the scenario as run (the request's JSON) */
  readonly scenario: Readonly<Record<string, unknown>>;
  /** combined over the replications kept */
  readonly combined: Results;
  /** each kept replication's results, in `Comparison.replications` order */
  readonly runs: readonly Results[];
  /** response-time histograms summed over the kept replications */
  readonly histograms?: ResponseHistograms;
}

/** A finished (or cancelled with some replications kept) comparison. */
export interface Comparison {
  readonly scenarios: readonly ScenarioOutcome[];
  /** the replication indices kept (every scenario ran each with the simulator's seed for (seed, r)) */
  readonly replications: readonly number[];
  readonly seed: number;
  /** simulated days of each replication */
  readonly days: number;
  readonly plan: ComparePlan;
  readonly stopped: CompareStop;
  /** the stopping rule's last width (2 x the widest half-width of the difference in I within target) */
  readonly width: number | null;
  /** the narrowing of the interval batch after batch */
  readonly narrowing: readonly NarrowingStep[];
  readonly figures: readonly FigureComparison[];
  /** what the entries of an area's or BCU's `figures` are, in order */
  readonly areaFigures: readonly FigureInfo[];
  readonly areas: readonly AreaComparison[];
  readonly bcus: readonly AreaComparison[];
  /** wall-clock milliseconds */
  readonly wallMs: number;
}
