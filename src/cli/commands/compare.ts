/**
 * `compare <base.json> <variant.json>... [--replications R | --until-width N [--max-replications M]]
 * [--seed S] [--days N] [--json] [--out FILE.html|FILE.pdf|DIR]` (MODEL.md, issue 16): the baseline
 * and up to four variants run with the same seeds (common random numbers); per key figure each
 * scenario's mean ± 95% interval, the paired difference from the baseline ± its interval and a
 * verdict. --json prints `{ base, variant, deltas, scenarios, figures }`; --out writes the
 * comparison document (HTML, or PDF through headless Chromium), or into DIR the document, the CSV
 * bundle, the scenario files and comparison.json.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../../node/files/atomic-write';
import { writeCsvBundle } from '../../node/report/csv-bundle';
import { dataHashes } from '../../node/report/data-hashes';
import { PdfError, printPdf } from '../../node/report/pdf';
import { chromiumForPdf } from '../chromium';
import { LIMITS } from '../../shared/scenario/limits';
import { compareFigures, type FigureComparison, type StoppingRule } from '../../sim';
import { displayPath, parseArgs, positiveOption, wholeOption } from '../args';
import { compareRuns } from '../paired-deltas';
import { runComparison } from '../compare-runs';
import { EXIT_INTERNAL, InputError } from '../errors';
import type { Command } from '../command';
import { prepare } from '../prepare';
import { progressBar } from '../progress';
import { differenceText, meanText } from '../../report/comparison';
import { reportDocumentHtml, shellWord, stampOf } from '../../report';
import { outlinesFor } from '../../node/report/outlines';

const USAGE =
  'compare <base.json> <variant.json>... [--replications R | --until-width N [--max-replications M]] [--seed S] [--days N] [--workers W] [--json] [--out FILE.html|FILE.pdf|DIR]';

/** At most this many variants beside the baseline. */
export const MAX_VARIANTS = 4;
/** Replications of --until-width when --max-replications is left out. */
export const DEFAULT_MAX_REPLICATIONS = 30;

function text(figures: readonly FigureComparison[], replications: number, names: readonly string[]): string {
  const lines = [`${replications} paired replication${replications === 1 ? '' : 's'}: mean ± 95% half-width; times in minutes, shares in %`, ''];
  names.forEach((n, i) => lines.push(`  ${i === 0 ? 'baseline ' : `variant ${i}`}  ${n}`));
  lines.push('');
  for (const f of figures) {
    if (f.scenarios.every((m) => m.mean === null)) continue;
    const diffs = f.differences.map((d, i) => `v${i + 1}: ${differenceText(d, f.figure.unit)} ${d.verdict}`).join('; ');
    lines.push(`${f.figure.label.padEnd(28)} ${meanText(f.scenarios[0]!, f.figure.unit).padEnd(14)} ${diffs}`);
  }
  return lines.join('\n') + '\n';
}

export const command: Command = {
  usage: USAGE,
  summary: 'Run a baseline and variants with the same seeds; per key figure means ± 95% intervals, paired differences and verdicts; --out writes the comparison document (HTML, PDF, or a folder with CSV files).',
  async run(args) {
    const p = parseArgs(args, { flags: ['json'], values: ['replications', 'seed', 'days', 'out', 'until-width', 'max-replications', 'workers'] }, USAGE);
    if (p.positional.length < 2) throw new InputError(`compare: expected a baseline and at least one variant scenario file (usage: ${USAGE})`);
    if (p.positional.length > MAX_VARIANTS + 1) throw new InputError(`compare: at most ${MAX_VARIANTS} variants beside the baseline, got ${p.positional.length - 1}`);
    const fixed = wholeOption(p, 'replications', 1, LIMITS.replications);
    const width = positiveOption(p, 'until-width', 100);
    const max = wholeOption(p, 'max-replications', 2, LIMITS.replications);
    if (fixed !== undefined && width !== undefined) throw new InputError('compare: give --replications or --until-width, not both');
    if (max !== undefined && width === undefined) throw new InputError('compare: --max-replications goes with --until-width N');
    const days = positiveOption(p, 'days', LIMITS.days);
    const workers = wholeOption(p, 'workers', 0, 64);
    const json = p.flags.has('json');
    const out = p.values.get('out');
    const kind = out === undefined ? null : /\.html?$/i.test(out) ? 'html' : /\.pdf$/i.test(out) ? 'pdf' : 'dir';
    let chromium: string | null = null;
    if (kind === 'pdf') {
      chromium = chromiumForPdf('compare');
      if (chromium === null) return EXIT_INTERNAL;
    }

    const prepared = [];
    for (const arg of p.positional) prepared.push(await prepare(arg));
    const seed = wholeOption(p, 'seed', 0) ?? prepared[0]!.scenario.seed;
    const progress = progressBar(!json);
    const rule: StoppingRule | null = width !== undefined ? { widthPoints: width, maxReplications: max ?? DEFAULT_MAX_REPLICATIONS } : null;
    const plan = rule ? { rule } : { replications: fixed ?? 1 };
    const result = await runComparison(prepared, { plan, seed, ...(days === undefined ? {} : { days }), keepLog: kind === 'dir', progress, ...(workers === undefined ? {} : { workers }) });
    progress.done();
    const runs = result.sides.map((s) => s.runs);
    const replications = runs[0]!.length;
    const figures = compareFigures(runs);
    const realisedDays = result.sides[0]!.combined.meta.days;

    if (out !== undefined) {
      // The command that gives these figures again: the same files, seed, days and the replications actually run.
      const files = p.positional.map((a) => (existsSync(a) ? path.resolve(a) : a));
      const reproduce = ['npm', 'run', 'sim', '--', 'compare', ...files, '--seed', String(seed), '--days', String(realisedDays), '--replications', String(replications)].map(shellWord).join(' ');
      const doc = {
        scenarios: prepared.map((pr, i) => ({ file: displayPath(pr.file), scenario: pr.scenario, combined: result.sides[i]!.combined, runs: result.sides[i]!.runs, ...(result.sides[i]!.histograms ? { histograms: result.sides[i]!.histograms } : {}) })),
        command: reproduce,
        dataHashes: dataHashes(prepared.map((pr) => pr.scenario)),
        outlines: outlinesFor(prepared[0]!.scenario),
        ...(rule && result.decision ? { stopping: { rule, decision: result.decision } } : {}),
        madeBy: 'the command line',
        generatedAt: stampOf(new Date()),
      };
      const html = reportDocumentHtml(doc);
      const target = path.resolve(out);
      if (kind === 'html') {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileAtomicSync(target, html);
      } else if (kind === 'pdf') {
        mkdirSync(path.dirname(target), { recursive: true });
        try {
          await printPdf(html, target, chromium!);
        } catch (error) {
          if (!(error instanceof PdfError)) throw error;
          process.stderr.write(`response-sim: compare: ${error.message}\n`);
          return EXIT_INTERNAL;
        }
      } else {
        mkdirSync(path.join(target, 'scenarios'), { recursive: true });
        writeFileAtomicSync(path.join(target, 'comparison.html'), html);
        writeCsvBundle(target, runs, result.sides.map((s) => s.combined), result.sides.map((s) => s.log));
        prepared.forEach((pr, i) => writeFileAtomicSync(path.join(target, 'scenarios', `${i === 0 ? 'baseline' : `variant-${i}`}.json`), JSON.stringify(pr.scenario, null, 2) + '\n'));
        writeFileAtomicSync(path.join(target, 'comparison.json'), JSON.stringify({ figures, deltas: compareRuns(runs[0]!, runs[1]!) }, null, 2) + '\n');
      }
      process.stderr.write(`wrote ${displayPath(target)} (${replications} replication${replications === 1 ? '' : 's'} of ${prepared.length} scenarios)\n`);
    }
    if (json) {
      process.stdout.write(JSON.stringify({ base: result.sides[0]!.combined, variant: result.sides[1]!.combined, deltas: compareRuns(runs[0]!, runs[1]!), scenarios: result.sides.map((s) => s.combined), figures, ...(result.decision ? { stopping: result.decision } : {}) }) + '\n');
    } else {
      process.stdout.write(text(figures, replications, prepared.map((pr) => pr.scenario.name)));
    }
    return 0;
  },
};
