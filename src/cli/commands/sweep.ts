/**
 * `sweep <sweep.json> --out DIR [--workers N] [--queue redis://HOST:PORT]` (docs/MODEL-ADDITIONS.md
 * "Sweeps"): every combination of the sweep's variables, with common random numbers; results
 * stream into DIR/results.jsonl, a rerun resumes; DIR/summary.csv and DIR/report.html at the end.
 */
import path from 'node:path';
import { ScenarioFileError } from '../../node/scenario';
import { readSweep } from '../../node/sweep/load';
import { openRunner } from '../../node/sweep/runner';
import { runSweep } from '../../node/sweep/run-sweep';
import { SweepStoreError } from '../../node/sweep/store';
import { VariableError } from '../../sweep/variables';
import { displayPath, parseArgs, wholeOption } from '../args';
import { remaining } from '../eta';
import { InputError } from '../errors';
import type { Command } from '../command';
import { progressBar } from '../progress';
import { queueOption } from './worker';

const USAGE = 'sweep <sweep.json> --out DIR [--workers N] [--queue redis://HOST:PORT]';

export const command: Command = {
  usage: USAGE,
  summary: 'Run every combination of a sweep file\'s variables (resumes where a killed run stopped); DIR gets results.jsonl, summary.csv and report.html.',
  async run(args) {
    const p = parseArgs(args, { flags: [], values: ['out', 'workers', 'queue'] }, USAGE);
    if (p.positional.length !== 1) throw new InputError(`sweep: expected one sweep file (usage: ${USAGE})`);
    const out = p.values.get('out');
    if (out === undefined) throw new InputError(`sweep: --out DIR is required (usage: ${USAGE})`);
    const workers = wholeOption(p, 'workers', 1, 1024);
    const queue = queueOption(p);
    let loaded;
    try {
      loaded = await readSweep(p.positional[0]!);
    } catch (error) {
      if (error instanceof ScenarioFileError) throw new InputError(error.message);
      throw error;
    }
    const runner = await openRunner({ ...(queue === undefined ? {} : { queue }), ...(workers === undefined ? {} : { workers }) }).catch((error: unknown) => {
      // Only the queue can fail to open: a wrong address or a Redis that is down is the user's to fix.
      throw queue === undefined ? error : new InputError(error instanceof Error ? error.message : String(error));
    });
    const progress = progressBar(true);
    const started = Date.now();
    try {
      const outcome = await runSweep(loaded, path.resolve(out), runner, (x) =>
        progress.update(x.runsToDo === 0 ? 1 : x.runsDone / x.runsToDo, `${x.combinationsDone}/${x.combinations} combinations on ${runner.where}, ${remaining(started, Date.now(), x.runsDone, x.runsToDo)}`),
      );
      progress.done();
      const skipped = outcome.lines.length - outcome.ran;
      process.stderr.write(
        `${displayPath(loaded.file)}: ${outcome.lines.length} combinations (${outcome.ran} run now${skipped > 0 ? `, ${skipped} from the earlier run` : ''}${outcome.failed > 0 ? `, ${outcome.failed} failed` : ''})\n` +
          `wrote ${outcome.written.map((f) => displayPath(f)).join(', ')}\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof SweepStoreError || error instanceof VariableError) throw new InputError(error.message);
      throw error;
    } finally {
      progress.done();
      await runner.close();
    }
  },
};
