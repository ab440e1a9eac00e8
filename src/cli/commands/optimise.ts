/**
 * `optimise <scenario.json | london> --target I:90 [--target S:80 ...] [--per base]
 * [--unit-hours N] [--replications R] [--days D] [--max-evaluations N] [--workers N]
 * [--queue redis://HOST:PORT] [--json] [--out FILE]` (docs/MODEL-ADDITIONS.md "Optimiser"): the
 * fewest units per shift per BCU (or base) and call takers per shift per pool meeting every target
 * at the lower end of its 95 % interval; with --unit-hours, the best spread of that many unit-hours
 * a day for the first target. --json prints only `{ "scenario": ..., ... }`; --out writes the
 * optimised scenario file.
 */
import path from 'node:path';
import { writeFileAtomicSync } from '../../node/files/atomic-write';
import { METHOD, optimiseScenario } from '../../node/sweep/optimise-run';
import { openRunner } from '../../node/sweep/runner';
import { loadScenarioFile, ScenarioFileError } from '../../node/scenario';
import { LIMITS } from '../../shared/scenario/limits';
import { TARGET_KEYS, type TargetKey } from '../../sweep/figures';
import { describeChanges, type Target } from '../../sweep/optimise';
import type { RawScenario } from '../../sweep/variables';
import { displayPath, parseArgs, positiveOption, wholeOption } from '../args';
import { remaining } from '../eta';
import { InputError } from '../errors';
import type { Command } from '../command';
import { prepare } from '../prepare';
import { progressBar } from '../progress';
import { queueOption } from './worker';

const USAGE =
  'optimise <scenario.json | london> --target I:90 [--target S:80 ...] [--per base] [--unit-hours N] [--replications R] [--days D] [--max-evaluations N] [--workers N] [--queue redis://HOST:PORT] [--json] [--out FILE]';

/** `I:90` -> { key: 'I', pct: 90 }. */
export function parseTarget(text: string): Target {
  const m = /^([^:]+):([0-9.]+)$/.exec(text);
  const key = m?.[1] as TargetKey | undefined;
  const pct = Number(m?.[2]);
  if (!m || !TARGET_KEYS.includes(key!) || !(pct > 0 && pct < 100)) {
    throw new InputError(`--target: expected GRADE_OR_LINE:PERCENT with ${TARGET_KEYS.join(', ')} and a percent above 0 and below 100, e.g. I:90, got ${JSON.stringify(text)}`);
  }
  return { key: key!, pct };
}

export const command: Command = {
  usage: USAGE,
  summary: 'Suggest resourcing: the fewest units per shift per BCU (or base) meeting each target with 95% confidence, or the best spread of --unit-hours; checked by simulation.',
  async run(args) {
    // --target may be given several times; the shared reader keeps one value per option.
    const targets: Target[] = [];
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--target') {
        const v = args[++i];
        if (v === undefined) throw new InputError(`--target needs a value (usage: ${USAGE})`);
        targets.push(...v.split(',').map(parseTarget));
      } else if (a.startsWith('--target=')) targets.push(...a.slice(9).split(',').map(parseTarget));
      else rest.push(a);
    }
    const p = parseArgs(rest, { flags: ['json'], values: ['per', 'unit-hours', 'replications', 'days', 'max-evaluations', 'workers', 'queue', 'out'] }, USAGE);
    if (p.positional.length !== 1) throw new InputError(`optimise: expected one scenario file or "london" (usage: ${USAGE})`);
    if (targets.length === 0) throw new InputError(`optimise: at least one --target is required, e.g. --target I:90 (usage: ${USAGE})`);
    const per = p.values.get('per') ?? 'bcu';
    if (per !== 'bcu' && per !== 'base') throw new InputError(`--per: expected "bcu" or "base", got ${JSON.stringify(per)}`);
    const unitHours = positiveOption(p, 'unit-hours', 1e7);
    const replications = wholeOption(p, 'replications', 2, LIMITS.replications) ?? 5;
    const days = positiveOption(p, 'days', LIMITS.days);
    const maxEvaluations = wholeOption(p, 'max-evaluations', 2, 100_000) ?? 60;
    const workers = wholeOption(p, 'workers', 1, 1024);
    const queue = queueOption(p);
    const json = p.flags.has('json');
    const { scenario, file } = await prepare(p.positional[0]!);
    let raw: RawScenario;
    try {
      raw = (await loadScenarioFile(p.positional[0]!)) as RawScenario;
    } catch (error) {
      if (error instanceof ScenarioFileError) throw new InputError(error.message);
      throw error;
    }
    const runner = await openRunner({ ...(queue === undefined ? {} : { queue }), ...(workers === undefined ? {} : { workers }) }).catch((error: unknown) => {
      throw queue === undefined ? error : new InputError(error instanceof Error ? error.message : String(error));
    });
    const progress = progressBar(!json);
    const started = Date.now();
    try {
      const outcome = await optimiseScenario(raw, scenario, runner, {
        targets,
        by: per,
        mode: unitHours === undefined ? { kind: 'fewest' } : { kind: 'spread', unitHoursPerDay: unitHours },
        maxEvaluations,
        replications,
        ...(days === undefined ? {} : { days }),
        onProgress: (x) => progress.update(0, `evaluation ${x.evaluations + 1} of at most ${maxEvaluations}, ${x.runsDone}/${x.runsStarted} runs, ${remaining(started, Date.now(), x.evaluations, maxEvaluations)} at most`),
      });
      progress.done();
      const name = typeof raw.name === 'string' ? raw.name : path.basename(file);
      const suggested = { ...outcome.scenario, name: `${name} (suggested resourcing)` };
      const report = { ...outcome, scenario: suggested, method: METHOD, replications, days: days ?? scenario.days };
      const out = p.values.get('out');
      if (out !== undefined) writeFileAtomicSync(path.resolve(out), JSON.stringify(suggested, null, 2) + '\n');
      if (json) process.stdout.write(JSON.stringify(report) + '\n');
      else {
        const lines = [
          outcome.stopped
            ? `${displayPath(file)}: stopped early after ${outcome.evaluations} evaluations (${outcome.stopped}); below, the cheapest resourcing found meeting every target, not confirmed with more replications (raise --max-evaluations)`
            : `${displayPath(file)}: ${outcome.met ? 'every target holds with 95% confidence' : 'NOT every target holds'} after ${outcome.evaluations} evaluations (confirmed with ${2 * replications} replications)`,
          ...outcome.targets.map((t) => `  ${t.key} ${t.mean === null ? 'n/a' : t.mean.toFixed(1)}% ± ${t.half === null ? 'n/a' : t.half.toFixed(1)} (lower ${t.lower === null ? 'n/a' : t.lower.toFixed(1)}%, target ${t.pct}%) ${t.met ? 'met' : 'NOT met'}`),
          outcome.changes.length === 0 ? '  no change to the resourcing' : 'changes:',
          ...describeChanges(outcome.changes).map((l) => `  ${l}`),
          ...(out === undefined ? [] : [`wrote ${displayPath(path.resolve(out))}`]),
        ];
        process.stdout.write(lines.join('\n') + '\n');
      }
      return 0;
    } catch (error) {
      if (error instanceof Error && /^nothing to optimise/.test(error.message)) throw new InputError(`${displayPath(file)}: ${error.message}`);
      throw error;
    } finally {
      progress.done();
      await runner.close();
    }
  },
};
