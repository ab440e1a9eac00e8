/**
 * The page's check of the prebuilt outcomes (./prebuilt.ts), which is also its first worker's
 * warm-up: once one is used, the first worker runs each prebuilt run again (the one day, then the
 * scenario's own days), in the background, and compares. A worker that gives other results than
 * the build's stops the page using them (reported on the console). The runs also load the
 * worker's graph and world and warm its caches as the week's run did before the figures were
 * prebuilt, so the next change meets a warm worker. Any call that needs the worker cancels the
 * check (`yieldWorker`): the worker keeps what it built, and the rest of the check is not run.
 */
import { runBatch, type BatchPool } from '../host/replications';
import { outcomeText, type Prebuilt } from './prebuilt';
import { mark } from './timeline';

/** The job of the check's runs. */
export const CHECK_JOB = 'prebuilt-check';

export interface PrebuiltCheck {
  /** Starts the check (once) with the page's own scenario object, equal to the prebuilt one. */
  start(scenario: Record<string, unknown>): void;
  /** Cancels the check if it is running: a call needs the worker. */
  yieldWorker(): void;
}

export function prebuiltCheck(pool: BatchPool, prebuilt: () => Prebuilt | null): PrebuiltCheck {
  let state: 'idle' | 'running' | 'done' = 'idle';
  const run = async (scenario: Record<string, unknown>): Promise<void> => {
    for (const wanted of prebuilt()?.checkRuns ?? []) {
      // The page's own scenario object, not the file's canonical copy: a worker keeps its world
      // under the JSON of the scenario's world spec, key order and all.
      const outcome = await runBatch(pool, { jobId: CHECK_JOB, scenario, days: wanted.days });
      if (!outcome.ok) return; // cancelled (the worker was wanted), or failed: the runs asked for will say
      if (outcomeText(outcome) !== outcomeText(wanted.outcome)) {
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
      if (state === 'running') pool.cancel(CHECK_JOB);
    },
  };
}
