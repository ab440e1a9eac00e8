/**
 * `compare <base.json> <variant.json> [--replications R] [--seed S] [--days N] [--json] [--out DIR]`
 * (MODEL.md): both scenarios run with the same seeds; deltas (variant - base) with 95% intervals,
 * per grade and per area. --json prints `{ base, variant, deltas }`; --out writes base/ and
 * variant/ run outputs and comparison.json.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../../node/files/atomic-write';
import { writeRunOutputs } from '../../node/report';
import { LIMITS } from '../../shared/scenario/limits';
import { parseArgs, positiveOption, wholeOption } from '../args';
import { compareRuns, type Comparison, type Delta } from '../paired-deltas';
import { InputError } from '../errors';
import type { Command } from '../command';
import { prepare } from '../prepare';
import { progressBar } from '../progress';
import { replicate } from '../replicate';

const USAGE = 'compare <base.json> <variant.json> [--replications R] [--seed S] [--days N] [--json] [--out DIR]';

function show(d: Delta, scale = 1, digits = 1): string {
  const f = (x: number | null) => (x === null ? '-' : (x / scale).toFixed(digits));
  const sign = d.delta !== null && d.delta > 0 ? '+' : '';
  return `${f(d.base)} -> ${f(d.variant)}  (${sign}${f(d.delta)}${d.ci95 !== null ? ` ± ${f(d.ci95)}` : ''})`;
}

function text(c: Comparison, replications: number): string {
  const lines = [`variant - base over ${replications} paired replication${replications === 1 ? '' : 's'} (± 95% half-width)`, ''];
  lines.push(`calls  mean answer s          ${show(c.calls.meanAnswerS)}`);
  lines.push(`       answered in target %   ${show(c.calls.answeredWithinTargetPct)}`);
  lines.push(`       abandoned %            ${show(c.calls.abandonedPct)}`);
  for (const [g, x] of Object.entries(c.grades)) {
    lines.push(`${g}      mean response min      ${show(x.meanResponseS, 60)}`);
    lines.push(`       within target %        ${show(x.withinTargetPct)}`);
  }
  lines.push(`units  mean utilisation %     ${show(c.units.meanUtilisationPct)}`);
  if (c.areas.length > 0) {
    lines.push('', 'by area: I mean response min, I within target %');
    for (const a of c.areas) lines.push(`  ${a.id.padEnd(10)} ${a.name.slice(0, 24).padEnd(24)} ${show(a.I!.meanResponseS, 60)}   ${show(a.I!.withinTargetPct)}`);
  }
  return lines.join('\n') + '\n';
}

export const command: Command = {
  usage: USAGE,
  summary: 'Run a baseline and a variant with the same seeds; print deltas with 95% intervals per grade and per area.',
  async run(args) {
    const p = parseArgs(args, { flags: ['json'], values: ['replications', 'seed', 'days', 'out'] }, USAGE);
    if (p.positional.length !== 2) throw new InputError(`compare: expected two scenario files (usage: ${USAGE})`);
    const replications = wholeOption(p, 'replications', 1, LIMITS.replications) ?? 1;
    const days = positiveOption(p, 'days', LIMITS.days);
    const json = p.flags.has('json');
    const out = p.values.get('out');
    const base = await prepare(p.positional[0]!);
    const variant = await prepare(p.positional[1]!);
    const seed = wholeOption(p, 'seed', 0) ?? base.scenario.seed;
    const progress = progressBar(!json);
    const a = await replicate(base.scenario, { replications, seed, days, keepLog: out !== undefined, progress: { update: (f, l) => progress.update(f / 2, l), done: () => {} }, label: 'base', file: base.file });
    const b = await replicate(variant.scenario, { replications, seed, days, keepLog: out !== undefined, progress: { update: (f, l) => progress.update(0.5 + f / 2, l), done: () => {} }, label: 'variant', file: variant.file });
    progress.done();
    const deltas = compareRuns(a.runs, b.runs);
    if (out !== undefined) {
      const dir = path.resolve(out);
      mkdirSync(dir, { recursive: true });
      writeRunOutputs(path.join(dir, 'base'), { results: a.combined, scenario: base.scenario, incidents: a.log });
      writeRunOutputs(path.join(dir, 'variant'), { results: b.combined, scenario: variant.scenario, incidents: b.log });
      writeFileAtomicSync(path.join(dir, 'comparison.json'), JSON.stringify(deltas, null, 2) + '\n');
    }
    process.stdout.write(json ? JSON.stringify({ base: a.combined, variant: b.combined, deltas }) + '\n' : text(deltas, replications));
    return 0;
  },
};
