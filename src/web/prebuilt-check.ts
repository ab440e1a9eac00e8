/**
 * The page's check of the prebuilt outcomes (./prebuilt.ts), which is also its first worker's
 * warm-up: once one is used, the first worker runs each prebuilt run again (the one day, then the
 * scenario's own days), in the background, and compares. A worker that gives other results than
 * the build's (beyond the last bits of a floating-point figure: `sameOutcome`) stops the page using them (reported on the console). The runs also warm the
 * worker's caches as the week's run did before the figures were prebuilt, so the next change meets
 * a warm worker.
 *
 * Order (issue 14 aim 4): what the user sees comes first. The worker builds its world at once (a
 * `snap` of one of the scenario's points: the worker keeps the world for the runs), so a change
 * made early does not wait for it; the runs follow once `quiet()` resolves where given (the page:
 * once no live session is opening, so that its worker has the cores; then at once), else at once.
 * Any call that needs the worker pre-empts the
 * check (`yieldWorker`): what is running is cancelled, the worker keeps what it built, and the rest
 * of the check is not run (the user's runs warm the worker as well).
 */
import { runBatch, type BatchPool } from '../host/replications';
import { sameOutcome, type Prebuilt } from './prebuilt';
import { mark } from './timeline';

/** The job of the check's runs. */
export const CHECK_JOB = 'prebuilt-check';

export interface PrebuiltCheck {
  /** Starts the check (once) with the page's own scenario object, equal to the prebuilt one. */
  start(scenario: Record<string, unknown>): void;
  /** Cancels the check, running or waiting: a call needs the worker. */
  yieldWorker(): void;
}

export interface CheckOptions {
  /** Resolves when the check's runs may take a core (default: at once). */
  readonly quiet?: () => Promise<void>;
}

export function prebuiltCheck(pool: BatchPool, prebuilt: () => Prebuilt | null, options: CheckOptions = {}): PrebuiltCheck {
  let state: 'idle' | 'running' | 'done' = 'idle';
  let yielded = false;
  const run = async (scenario: Record<string, unknown>): Promise<void> => {
    const point = firstPoint(scenario);
    if (point) {
      // The world now (its reply is not needed): the worker keeps it under the scenario's world spec.
      await pool.call('snap', { scenario, points: [point] }, { group: CHECK_JOB });
      mark('prebuilt-check-world');
    }
    if (yielded) return;
    await options.quiet?.();
    for (const wanted of prebuilt()?.checkRuns ?? []) {
      if (yielded) return;
      // The page's own scenario object, not the file's canonical copy: a worker keeps its world
      // under the JSON of the scenario's world spec, key order and all.
      const outcome = await runBatch(pool, { jobId: CHECK_JOB, scenario, days: wanted.days });
      if (!outcome.ok) return; // cancelled (the worker was wanted), or failed: the runs asked for will say
      if (!sameOutcome(outcome, wanted.outcome)) {
        console.error(`The ${wanted.days}-day figures made with this site differ from this browser's run of the same scenario; they are no longer used.`);
        prebuilt()?.dropRuns();
        return;
      }
      mark(`prebuilt-checked-${wanted.days}d`);
    }
  };
  return {
    start(scenario) {
      if (state !== 'idle' || (prebuilt()?.checkRuns.length ?? 0) === 0) return;
      state = 'running';
      mark('prebuilt-check:start');
      void run(scenario).finally(() => {
        state = 'done';
        mark('prebuilt-check:end');
      });
    },
    yieldWorker() {
      if (state !== 'running') return;
      yielded = true;
      pool.cancel(CHECK_JOB);
    },
  };
}

/** A place named in the scenario (`lon`, `lat`: its first base), or null. */
function firstPoint(scenario: Record<string, unknown>): { lon: number; lat: number } | null {
  const seen: unknown[] = [scenario];
  for (let at = 0; at < seen.length && at < 10_000; at++) {
    const value = seen[at];
    if (value === null || typeof value !== 'object') continue;
    const { lon, lat } = value as { lon?: unknown; lat?: unknown };
    if (typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) return { lon, lat };
    seen.push(...Object.values(value));
  }
  return null;
}
