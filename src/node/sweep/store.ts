/**
 * A sweep's results file, DIR/results.jsonl: a header line naming the sweep (a hash of the sweep
 * and its base scenario), then one line per finished combination, each appended and flushed to
 * disk as the combination finishes. A sweep killed midway leaves whole lines and at most one
 * partial last line; reopening drops that partial line, and the combinations already there are
 * not run again.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Results } from '../../shared/results';
import { appendDurableSync, writeFileAtomicSync } from '../files/atomic-write';

export const RESULTS_FILE = 'results.jsonl';

export interface SweepHeader {
  readonly sweep: string;
  /** sha256 of the sweep and its base scenario: results of another sweep are never mixed in */
  readonly hash: string;
  readonly combinations: number;
  readonly variables: readonly string[];
}

/** One finished combination. `results` leaves out `hourly` and `units.byUnit` (large, and not summarised). */
export type SweepLine =
  | { readonly index: number; readonly key: string; readonly values: readonly unknown[]; readonly ok: true; readonly unitHoursPerDay: number; readonly results: Results }
  | { readonly index: number; readonly key: string; readonly values: readonly unknown[]; readonly ok: false; readonly error: string; readonly scenarioFault: boolean };

export class SweepStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepStoreError';
  }
}

export class SweepStore {
  private constructor(
    readonly file: string,
    /** finished combinations by key (the last line of a key wins) */
    readonly done: Map<string, SweepLine>,
  ) {}

  /** Opens DIR/results.jsonl for `header`, creating it, or reading what an earlier run of the same sweep left. */
  static open(dir: string, header: SweepHeader): SweepStore {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, RESULTS_FILE);
    const done = new Map<string, SweepLine>();
    if (!existsSync(file)) {
      writeFileAtomicSync(file, JSON.stringify(header) + '\n');
      return new SweepStore(file, done);
    }
    const text = readFileSync(file, 'utf8');
    const end = text.lastIndexOf('\n');
    const lines = text.slice(0, end + 1).split('\n').filter((l) => l !== '');
    let first: Partial<SweepHeader> | null = null;
    try {
      first = lines.length > 0 ? (JSON.parse(lines[0]!) as Partial<SweepHeader>) : null;
    } catch {
      first = null;
    }
    if (first?.hash !== header.hash) {
      throw new SweepStoreError(
        `${file} holds results of ${first?.sweep ? `another sweep (${first.sweep})` : 'something else'}, or the sweep file or its base scenario changed since; use another --out folder, or delete the file to start again`,
      );
    }
    for (const l of lines.slice(1)) {
      const line = JSON.parse(l) as SweepLine;
      done.set(line.key, line);
    }
    // A partial last line (the process was killed while writing it) is dropped.
    if (end + 1 < text.length) writeFileAtomicSync(file, text.slice(0, end + 1));
    return new SweepStore(file, done);
  }

  /** Appends one finished combination and flushes it to disk before returning. */
  append(line: SweepLine): void {
    appendDurableSync(this.file, JSON.stringify(line) + '\n');
    this.done.set(line.key, line);
  }
}

/** Results without the parts a sweep does not keep (hourly figures and every unit's own figures). */
export function slimResults(r: Results): Results {
  return { ...r, hourly: [], units: { ...r.units, byUnit: [] } };
}
