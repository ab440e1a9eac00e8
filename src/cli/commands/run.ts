/**
 * `run <scenario.json | london> [--days N] [--seed S] [--replications R] [--json] [--out DIR]`
 * (MODEL.md): simulate; print a readable summary, or only the results object with --json;
 * --out writes results.json, incidents.csv (first replication) and report.html.
 * --replay FILE drives demand from a recorded incident log (docs/MODEL-ADDITIONS.md "Trace replay").
 */
import path from 'node:path';
import { writeRunOutputs } from '../../node/report';
import { LIMITS } from '../../shared/scenario/limits';
import { displayPath, parseArgs, positiveOption, wholeOption } from '../args';
import { InputError } from '../errors';
import type { Command } from '../command';
import { prepare } from '../prepare';
import { progressBar } from '../progress';
import { replicate } from '../replicate';
import { summaryText } from '../summary';
import { printable } from '../../shared/printable';
import { scenarioWarnings } from '../../shared/scenario';
import { readTrace } from '../replay';

const USAGE = 'run <scenario.json | london> [--days N] [--seed S] [--replications R] [--json] [--out DIR] [--replay incidents.csv]';

export const command: Command = {
  usage: USAGE,
  summary: 'Simulate a scenario; print a summary, or the results JSON with --json; --out DIR writes results.json, incidents.csv and report.html.',
  async run(args) {
    const p = parseArgs(args, { flags: ['json'], values: ['days', 'seed', 'replications', 'out', 'replay'] }, USAGE);
    if (p.positional.length !== 1) throw new InputError(`run: expected one scenario file or "london" (usage: ${USAGE})`);
    const replications = wholeOption(p, 'replications', 1, LIMITS.replications) ?? 1;
    const seed = wholeOption(p, 'seed', 0);
    const days = positiveOption(p, 'days', LIMITS.days);
    const json = p.flags.has('json');
    const out = p.values.get('out');
    const replay = p.values.get('replay');
    const trace = replay === undefined ? undefined : readTrace(replay);
    const { scenario, file } = await prepare(p.positional[0]!);
    const progress = progressBar(!json);
    // Judged from the scenario alone: the world is built where the replications run.
    const warnings = scenarioWarnings(scenario);
    const { combined: results, log } = await replicate(scenario, { replications, seed, days, keepLog: out !== undefined, progress, file, ...(trace ? { trace } : {}) });
    progress.done();
    // Present only when there are warnings (docs/MODEL-ADDITIONS.md "Warnings").
    const combined = warnings.length > 0 ? { ...results, warnings } : results;
    if (out !== undefined) {
      const written = writeRunOutputs(path.resolve(out), { results: combined, scenario, incidents: log });
      if (!json) process.stderr.write(`wrote ${written.map((f) => displayPath(f)).join(', ')}\n`);
    }
    process.stdout.write(json ? JSON.stringify(combined) + '\n' : printable(summaryText(combined, displayPath(file))));
    return 0;
  },
};
