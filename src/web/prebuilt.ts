/**
 * Outcomes made when the site was built (issue 14 aim 4): `npm run build:web` runs the app's first
 * scenario (the London baseline) in Node through the same sim-worker loop as a Web Worker
 * (scripts/web-prebuilt.ts) and writes, to `data/prebuilt.json`, what the page asks for first: the
 * batch runs of one day (the provisional figures) and of the scenario's own days, and the live
 * session's first frame past its warm-up. The simulator is deterministic (same scenario and seed,
 * same bytes: MODEL.md), so these are the very outcomes a worker would give, only without the
 * graph's 51 MB fetched, the world built and the run waited for.
 *
 * An outcome is used only for the request it was made for: the same scenario (compared as
 * canonical JSON: keys sorted), days, seed and replications, no replayed log, and the same
 * simulator version. Anything else goes to the workers as before. The page still checks them: the
 * first worker runs the prebuilt runs again in the background (./prebuilt-check.ts, which also
 * warms it for the next change) and the live session's worker opens the session as before; an
 * answer that differs is reported, and the prebuilt ones are no longer used.
 */
import type { LiveWorkerFrame, RunOutcome } from '../shared/protocol';
import { canonicalJson } from '../shared/scenario/canonical';
import { sha256Hex } from '../shared/scenario/sha256';

/** The files in the site's data/ folder: the runs, and the live frame (megabytes of trips) apart. */
export const PREBUILT_FILE = 'prebuilt.json';
export const PREBUILT_LIVE_FILE = 'prebuilt-live.json';

/**
 * The file of the warm-up snapshot (src/sim/snapshot) of the live session whose key
 * (src/host/warm-snapshots.ts: simulator version, scenario hash, seed, days) is `key`: named by the
 * key, so a worker opening another session fetches nothing (a missing file: it warms up as before).
 */
/**
 * The site's list of its warm-up snapshot files (`{ format, files }`), written by every build
 * (empty where it made none): a worker asks for a snapshot only when the list names it, so a
 * session of another scenario asks the server for nothing it lacks.
 */
export const WARM_SNAPSHOTS_FILE = 'warm-snapshots.json';
export const WARM_SNAPSHOTS_FORMAT = 'response-sim-warm-snapshots/1';

export function warmSnapshotFile(key: string): string {
  return `warm-${sha256Hex(key).slice(0, 24)}.snapshot.gz`;
}

export interface PrebuiltRun {
  readonly days: number;
  /** the outcome as the page's `runScenario` answers it (its `wallMs` that of the build) */
  readonly outcome: RunOutcome;
}

export interface PrebuiltFile {
  readonly format: 'response-sim-prebuilt/1';
  /** `SIM_VERSION` of the simulator that made it */
  readonly sim: string;
  /** canonical JSON of the scenario (`canonicalJson`) */
  readonly scenario: string;
  readonly runs: readonly PrebuiltRun[];
}

/** The live session (the scenario's own days, warm) at its first frame: `PREBUILT_LIVE_FILE`. */
export interface PrebuiltLiveFile {
  readonly format: 'response-sim-prebuilt-live/1';
  readonly sim: string;
  readonly scenario: string;
  readonly days: number;
  readonly frame: LiveWorkerFrame;
}

/** The requests a prebuilt outcome may answer: the part of a run or live request that is compared. */
export interface PrebuiltQuery {
  readonly scenario: unknown;
  readonly days?: number | undefined;
  readonly seed?: number | undefined;
  readonly replications?: number | undefined;
  readonly trace?: unknown;
}

/** Lookups into a prebuilt file (for one simulator version). */
export class Prebuilt {
  /** scenario objects already compared, and whether they matched (a document's object is kept as is until edited) */
  private readonly seen = new WeakMap<object, boolean>();
  private runsOff = false;
  private liveOff = false;
  private live: PrebuiltLiveFile | null = null;

  constructor(private readonly file: PrebuiltFile) {}

  /** Parses the file's JSON; null when it is not one of this format and version. */
  static from(json: unknown, simVersion: string): Prebuilt | null {
    const file = json as Partial<PrebuiltFile> | null;
    if (!file || file.format !== 'response-sim-prebuilt/1' || file.sim !== simVersion || typeof file.scenario !== 'string' || !Array.isArray(file.runs)) return null;
    return new Prebuilt(file as PrebuiltFile);
  }

  /** Adds the live file's JSON; false (and nothing added) when it is not one for this file's scenario and version. */
  addLive(json: unknown): boolean {
    const live = json as Partial<PrebuiltLiveFile> | null;
    if (!live || live.format !== 'response-sim-prebuilt-live/1' || live.sim !== this.file.sim || live.scenario !== this.file.scenario || typeof live.days !== 'number' || !live.frame) return false;
    this.live = live as PrebuiltLiveFile;
    return true;
  }

  /** The prebuilt outcome of a batch run, or null. */
  run(query: PrebuiltQuery): RunOutcome | null {
    if (this.runsOff || query.trace !== undefined || (query.seed !== undefined) || (query.replications ?? 1) !== 1) return null;
    if (!this.sameScenario(query.scenario)) return null;
    return this.file.runs.find((r) => r.days === query.days)?.outcome ?? null;
  }

  /** The first frame of a warm live session, or null. */
  liveFrame(query: PrebuiltQuery & { readonly warm?: boolean; readonly exercise?: unknown; readonly startS?: number }): LiveWorkerFrame | null {
    const live = this.live;
    if (this.liveOff || !live || query.warm !== true || query.exercise !== undefined || query.startS !== undefined || query.seed !== undefined) return null;
    if (query.days !== live.days || !this.sameScenario(query.scenario)) return null;
    return live.frame;
  }

  /** The runs to check in a worker, shortest first (the one day, then the scenario's own days). */
  get checkRuns(): readonly PrebuiltRun[] {
    return [...this.file.runs].sort((a, b) => a.days - b.days);
  }

  /** Stops answering batch runs (one differed from a worker's). */
  dropRuns(): void {
    this.runsOff = true;
  }

  /** Stops answering live sessions (a first frame differed from a worker's). */
  dropLive(): void {
    this.liveOff = true;
  }

  private sameScenario(scenario: unknown): boolean {
    if (scenario === null || typeof scenario !== 'object') return false;
    let same = this.seen.get(scenario);
    if (same === undefined) {
      same = canonicalJson(scenario) === this.file.scenario;
      this.seen.set(scenario, same);
    }
    return same;
  }
}

/** The results and histograms of two outcomes as text, for comparing (their `wallMs` and the results' `meta.wallMs` aside). */
export function outcomeText(outcome: RunOutcome): string {
  if (!outcome.ok) return canonicalJson(outcome);
  const results = outcome.results as unknown as { meta?: Record<string, unknown> };
  return canonicalJson({ ...outcome, wallMs: 0, results: { ...results, ...(results.meta ? { meta: { ...results.meta, wallMs: 0 } } : {}) } });
}

/**
 * Whether a worker's outcome agrees with a prebuilt one: the same text (./outcomeText), or the same
 * but for floating-point figures within `relTol` of each other (relative; every count, string and
 * shape exact). The figures are prebuilt in Node, and a browser's engine may round Math.log, exp,
 * pow, sin, cos, atan2 ... differently in the last bits (seen: Chromium 156 against Node 20, 1,689
 * means and percentiles of the London day differing by under 1e-12 relative, no count): figures
 * shown to a few digits that a user cannot tell apart. Any difference a user could see, or any
 * count, still fails.
 */
export function sameOutcome(a: RunOutcome, b: RunOutcome, relTol = 1e-9): boolean {
  const ta = outcomeText(a);
  const tb = outcomeText(b);
  return ta === tb || closeValues(JSON.parse(ta) as unknown, JSON.parse(tb) as unknown, relTol);
}

function closeValues(a: unknown, b: unknown, relTol: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true;
    if (Number.isInteger(a) && Number.isInteger(b)) return false;
    return Math.abs(a - b) <= relTol * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => closeValues(x, b[i], relTol));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
    return ka.every((k) => closeValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], relTol));
  }
  return a === b;
}

/** A live frame as text for comparing (its `workMs` aside). */
export function frameText(frame: LiveWorkerFrame): string {
  return canonicalJson({ ...frame, workMs: 0 });
}
