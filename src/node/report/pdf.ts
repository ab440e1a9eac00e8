/**
 * The reviewer's report as PDF (MODEL.md `report ... --out FILE.pdf`): report.html printed by a
 * headless Chromium, the browser the project already tests with. The desktop app prints through
 * Electron's own `printToPDF` instead; the command line has no Electron, so it looks for Chromium:
 * $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser when installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomicSync } from '../files/atomic-write';

/** Chromium could not be found or could not print: one line for the user. */
export class PdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfError';
  }
}

/** Seconds Chromium may take to print one report before it is stopped. */
const PRINT_TIMEOUT_MS = 120_000;

/**
 * The Chromium to print with. $CHROMIUM_PATH, when set, must exist (the user asked for that one);
 * otherwise the first of /usr/bin/chromium and Playwright's browser that exists. Throws PdfError
 * naming what was tried.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen)) throw new PdfError(`CHROMIUM_PATH=${chosen}: no such file`);
    return chosen;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const playwright = playwrightChromium();
  if (playwright !== null) return playwright;
  throw new PdfError(
    'a PDF report needs Chromium: none at /usr/bin/chromium or in Playwright, and CHROMIUM_PATH is not set (install chromium, set CHROMIUM_PATH, or write the report as .html)',
  );
}

/** Playwright's own Chromium when playwright-core and its browser are installed, else null. */
function playwrightChromium(): string | null {
  try {
    const require = createRequire(__filename);
    const core = require('playwright-core') as { chromium: { executablePath(): string } };
    const file = core.chromium.executablePath();
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Writes `html` as a PDF to `file` through headless Chromium (A4 and margins from the page's
 * `@page` rule, no header or footer). The page is written to a temporary folder with a throwaway
 * browser profile, both removed afterwards; Chromium prints there too, and the checked PDF is then
 * written to `file` atomically (a failed print leaves `file` as it was). Throws PdfError when Chromium fails or writes no PDF.
 */
export async function printPdf(html: string, file: string, chromium: string): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'response-sim-pdf-'));
  try {
    const page = path.join(work, 'report.html');
    const printed = path.join(work, 'report.pdf');
    writeFileAtomicSync(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(work, 'profile')}`,
      `--print-to-pdf=${printed}`,
      pathToFileURL(page).href,
    ];
    // Chromium refuses to run as root with its sandbox; the page is our own, with no scripts.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    const { code, output } = await run(chromium, args);
    if (code !== 0 || !existsSync(printed) || readFileSync(printed).subarray(0, 5).toString('latin1') !== '%PDF-') {
      const last = output.trim().split('\n').filter((line) => !/dbus|DBus/.test(line)).at(-1) ?? '';
      throw new PdfError(`${chromium} did not print ${file} (exit ${code})${last ? `: ${last}` : ''}`);
    }
    writeFileAtomicSync(file, readFileSync(printed));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PdfError(`cannot start ${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
