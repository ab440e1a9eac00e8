/**
 * `report <scenario.json | london> --out FILE.html|FILE.pdf|DIR [--days N] [--seed S] [--replications R]`
 * (MODEL.md): the reviewer's report, the one report document (src/report) of one scenario. Runs the
 * scenario (5 replications unless told, so that every figure has its 95% interval) and writes the
 * HTML, or prints it to PDF through headless Chromium (src/node/report/pdf.ts), or into DIR the
 * HTML, the CSV bundle and the scenario file. For a PDF, Chromium is looked for before the run, so a
 * missing browser costs nothing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../../node/files/atomic-write';
import { readCappedText } from '../../node/files/read-capped';
import { reportHtml } from '../../node/report';
import { writeCsvBundle } from '../../node/report/csv-bundle';
import { shellWord, stampOf } from '../../report';
import { loadScenarioFile } from '../../node/scenario/load';
import { describeChanges } from '../../renderer/scenario/describe';
import { PdfError, printPdf } from '../../node/report/pdf';
import { chromiumForPdf } from '../chromium';
import { LIMITS } from '../../shared/scenario/limits';
import { displayPath, parseArgs, positiveOption, wholeOption } from '../args';
import { EXIT_INTERNAL, InputError } from '../errors';
import type { Command } from '../command';
import { prepare } from '../prepare';
import { progressBar } from '../progress';
import { replicate } from '../replicate';

const USAGE = 'report <scenario.json | london> --out FILE.html|FILE.pdf|DIR [--days N] [--seed S] [--replications R]';

/** Replications when --replications is left out: enough for a confidence interval on every figure. */
export const REPORT_REPLICATIONS = 5;

export const command: Command = {
  usage: USAGE,
  summary: `The reviewer's report: assumptions, results against targets with 95% intervals (${REPORT_REPLICATIONS} replications unless told), how it was produced; HTML, or PDF through Chromium.`,
  async run(args) {
    const p = parseArgs(args, { flags: [], values: ['out', 'days', 'seed', 'replications'] }, USAGE);
    if (p.positional.length !== 1) throw new InputError(`report: expected one scenario file or "london" (usage: ${USAGE})`);
    const out = p.values.get('out');
    if (out === undefined) throw new InputError(`report: --out FILE.html or --out FILE.pdf is required (usage: ${USAGE})`);
    const kind = /\.html?$/i.test(out) ? 'html' : /\.pdf$/i.test(out) ? 'pdf' : path.extname(out) === '' ? 'dir' : null;
    if (kind === null) throw new InputError(`--out: expected a file ending .html or .pdf, or a folder, got ${JSON.stringify(out)}`);
    const replications = wholeOption(p, 'replications', 1, LIMITS.replications) ?? REPORT_REPLICATIONS;
    const seed = wholeOption(p, 'seed', 0);
    const days = positiveOption(p, 'days', LIMITS.days);

    let chromium: string | null = null;
    if (kind === 'pdf') {
      chromium = chromiumForPdf('report');
      if (chromium === null) return EXIT_INTERNAL;
    }

    const { scenario, file } = await prepare(p.positional[0]!);
    const progress = progressBar(true);
    const { combined, runs, histograms, log } = await replicate(scenario, { replications, seed, days, keepLog: kind === 'dir', progress, file });
    progress.done();

    const changes = await changesFromOrigin(file);
    const target = path.resolve(out);
    // The command that gives these figures again: the same file, the seed, days and replications actually run.
    const arg = p.positional[0]!;
    const m = combined.meta;
    const command = ['npm', 'run', 'sim', '--', 'report', existsSync(arg) ? path.resolve(arg) : arg, '--seed', String(m.seed), '--days', String(m.days), '--replications', String(m.replications), '--out', target].map(shellWord).join(' ');
    const html = reportHtml(combined, scenario, { generatedAt: stampOf(new Date()), file: displayPath(file), command, runs, ...(histograms ? { histograms } : {}), ...(changes ? { changes } : {}) });
    mkdirSync(kind === 'dir' ? path.join(target, 'scenarios') : path.dirname(target), { recursive: true });
    if (kind === 'html') {
      writeFileAtomicSync(target, html);
    } else if (kind === 'dir') {
      writeFileAtomicSync(path.join(target, 'report.html'), html);
      writeCsvBundle(target, [runs], [combined], [log]);
      writeFileAtomicSync(path.join(target, 'scenarios', 'scenario.json'), JSON.stringify(scenario, null, 2) + '\n');
    } else {
      try {
        await printPdf(html, target, chromium!);
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        process.stderr.write(`response-sim: report: ${error.message}\n`);
        return EXIT_INTERNAL;
      }
    }
    process.stderr.write(`wrote ${displayPath(target)} (${replications} replication${replications === 1 ? '' : 's'} of ${displayPath(file)})\n`);
    return 0;
  },
};

/**
 * "What changed" of a variant: when the scenario file `extends` another (its origin), the
 * differences from it in words; null for a file without `extends` (or a built-in name).
 */
async function changesFromOrigin(file: string): Promise<{ origin: string; lines: string[] } | null> {
  let parent: unknown;
  try {
    parent = (JSON.parse(readCappedText(file, LIMITS.scenarioFileBytes, 'scenario files')) as { extends?: unknown }).extends;
  } catch {
    return null; // already read and validated by prepare(); a built-in name has no file here
  }
  if (typeof parent !== 'string' || parent === '') return null;
  const origin = await loadScenarioFile(parent, path.dirname(file));
  const current = await loadScenarioFile(file);
  const name = typeof origin.name === 'string' ? origin.name : parent;
  return { origin: name, lines: describeChanges(origin as Record<string, unknown>, current as Record<string, unknown>) };
}
