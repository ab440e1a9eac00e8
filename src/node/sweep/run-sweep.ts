/**
 * Runs a sweep: every combination of its variables, each with the sweep's replications and the
 * same seeds (common random numbers: combination A and B see the same calls where they agree), on
 * the runner given (local pool or job queue). Finished combinations stream into DIR/results.jsonl
 * (./store.ts); a rerun after a kill skips them. At the end DIR gets summary.csv and report.html.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Results } from '../../shared/results';
import { parseScenario, type Scenario } from '../../shared/scenario';
import { combineReplications } from '../../sim';
import { unitHoursPerDay } from '../../sweep/figures';
import { combinations, combinationScenario, variableLabel, type Combination } from '../../sweep/variables';
import { writeFileAtomicSync } from '../files/atomic-write';
import type { LoadedSweep } from './load';
import { sweepCsv, sweepHtml } from './outputs';
import { RunFailure, type ReplicationRunner } from './runner';
import { slimResults, SweepStore, type SweepLine } from './store';

export interface SweepProgress {
  /** runs finished (this session) of runs to do (this session), with combinations done of all */
  (p: { runsDone: number; runsToDo: number; combinationsDone: number; combinations: number }): void;
}

export interface SweepOutcome {
  readonly lines: readonly SweepLine[];
  /** combinations run now (the rest were in the results file already) */
  readonly ran: number;
  readonly failed: number;
  readonly written: readonly string[];
}

export function sweepHash(s: LoadedSweep): string {
  return createHash('sha256').update(JSON.stringify({ sweep: s.sweep, base: s.base })).digest('hex');
}

/** Runs what is left of the sweep into `outDir` and writes its summaries. */
export async function runSweep(s: LoadedSweep, outDir: string, runner: ReplicationRunner, progress: SweepProgress = () => {}): Promise<SweepOutcome> {
  const all = combinations(s.sweep);
  const store = SweepStore.open(outDir, {
    sweep: s.sweep.name ?? path.basename(s.file),
    hash: sweepHash(s),
    combinations: all.length,
    variables: s.sweep.variables.map(variableLabel),
  });
  // Failures of the scenario itself stay failures; anything else (a crashed worker) is tried again.
  const todo = all.filter((c) => {
    const line = store.done.get(c.key);
    return !line || (!line.ok && !line.scenarioFault);
  });
  const R = s.sweep.replications;
  const runsToDo = todo.length * R;
  let runsDone = 0;
  let combinationsDone = all.length - todo.length;
  const report = () => progress({ runsDone, runsToDo, combinationsDone, combinations: all.length });
  report();

  const seed = s.sweep.seed ?? s.baseScenario.seed;
  const days = s.sweep.days;
  let failed = 0;

  const finishCombination = (line: SweepLine) => {
    store.append(line);
    combinationsDone++;
    if (!line.ok) failed++;
    report();
  };

  // One task per (combination, replication) in sweep order, at most runner.parallel in flight.
  interface Pending {
    readonly c: Combination;
    readonly raw: unknown;
    readonly scenario: Scenario;
    readonly runs: (Results | undefined)[];
    left: number;
    error: RunFailure | null;
  }
  const queue: { p: Pending; r: number }[] = [];
  for (const c of todo) {
    const raw = combinationScenario(s.base, s.sweep, c);
    const parsed = parseScenario(raw);
    if (!parsed.ok) {
      finishCombination({ index: c.index, key: c.key, values: c.values, ok: false, error: parsed.errors.map((e) => `${e.path || '(scenario)'}: ${e.message}`).join('; '), scenarioFault: true });
      runsDone += R;
      continue;
    }
    const p: Pending = { c, raw, scenario: parsed.scenario, runs: new Array(R).fill(undefined), left: R, error: null };
    for (let r = 0; r < R; r++) queue.push({ p, r });
  }

  const worker = async (): Promise<void> => {
    for (let task = queue.shift(); task; task = queue.shift()) {
      const { p, r } = task;
      if (p.error === null) {
        try {
          p.runs[r] = await runner.run({ scenario: p.raw, replication: r, seed, ...(days === undefined ? {} : { days }) });
        } catch (error) {
          p.error = error instanceof RunFailure ? error : new RunFailure(error instanceof Error ? error.message : String(error), false);
        }
      }
      runsDone++;
      p.left--;
      if (p.left === 0) {
        const { c } = p;
        if (p.error) finishCombination({ index: c.index, key: c.key, values: c.values, ok: false, error: p.error.message, scenarioFault: p.error.scenarioFault });
        else {
          const combined = combineReplications(p.runs as Results[]);
          finishCombination({ index: c.index, key: c.key, values: c.values, ok: true, unitHoursPerDay: unitHoursPerDay(p.scenario), results: slimResults(combined) });
        }
      } else report();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(runner.parallel, queue.length)) }, worker));

  const lines = all.map((c) => store.done.get(c.key)!);
  const csv = path.join(outDir, 'summary.csv');
  const html = path.join(outDir, 'report.html');
  writeFileAtomicSync(csv, sweepCsv(s, lines));
  writeFileAtomicSync(html, sweepHtml(s, lines));
  return { lines, ran: todo.length, failed, written: [store.file, csv, html] };
}
