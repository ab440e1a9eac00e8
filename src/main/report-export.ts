/**
 * The desktop's "Export report": the report document the page made (src/report, src/shared/
 * report-export.ts) printed to PDF by Electron's own `webContents.printToPDF` in a hidden window
 * that runs no scripts and may load nothing (requests other than the page's own data: URL are
 * cancelled), and written with the HTML and the scenario file beside it, each through the atomic
 * writer. Electron is not imported: the window and the dialog are injected, so this runs in plain
 * Node tests with a fake webContents.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { writeFileAtomic } from '../node/files/atomic-write';
import { shellWord } from '../report/document';
import type { ExportReportRequest } from '../shared/ipc-schemas';
import { fileNamePart, withScenarioFile, type ExportReportOutcome } from '../shared/report-export';

/** Electron's printToPDF options for a report: A4 landscape as the report's own `@page` rule says, with its colours. */
export const PDF_OPTIONS = { landscape: true, pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/** The part of `WebContents` printing uses. */
export interface PrintableContents {
  loadURL(url: string): Promise<void>;
  printToPDF(options: typeof PDF_OPTIONS): Promise<Uint8Array>;
}

/** A hidden window to print in; destroyed after each print. */
export interface PrintWindow {
  readonly webContents: PrintableContents;
  destroy(): void;
}

/** The hidden print window: no scripts, sandboxed, its own session (whose requests index.ts cancels), never shown. */
export function printWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1123,
    height: 794,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, partition, spellcheck: false, images: true },
  };
}

/** Whether the print window may load `url`: only the report itself (a data: URL). */
export function printRequestAllowed(url: string): boolean {
  return url.startsWith('data:');
}

/** Prints `html` to PDF in a fresh window from `open`; throws when the result is not a PDF. */
export async function printHtmlToPdf(html: string, open: () => PrintWindow): Promise<Uint8Array> {
  const win = open();
  try {
    await win.webContents.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await win.webContents.printToPDF(PDF_OPTIONS);
    if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new Error('printToPDF did not return a PDF');
    return pdf;
  } finally {
    win.destroy();
  }
}

/** The part of Electron's `dialog` used here. */
export interface ReportSaveDialog {
  showSaveDialog(options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface ExportDeps {
  readonly dialog: ReportSaveDialog;
  readonly print: (html: string) => Promise<Uint8Array>;
  /** defaults to the atomic writer */
  readonly write?: (file: string, data: string | Uint8Array) => Promise<void>;
  /** the folder the dialog starts in */
  readonly folder?: string | null;
}

/**
 * Asks where (one name: NAME.pdf), then writes NAME.pdf (printed), NAME.html (the same document)
 * and NAME.scenario.json (the scenario it ran), the report's reproduce command naming that file.
 * Every failure is a value naming the file.
 */
export async function exportReportWithDialog(request: ExportReportRequest, deps: ExportDeps): Promise<ExportReportOutcome> {
  const suggested = `${fileNamePart(request.suggestedName)}.pdf`;
  const choice = await deps.dialog.showSaveDialog({
    title: 'Export report',
    defaultPath: deps.folder ? path.join(deps.folder, suggested) : suggested,
    filters: [{ name: 'PDF (with the HTML and the scenario file beside it)', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled' };
  const base = choice.filePath.replace(/\.(pdf|html?)$/i, '');
  const files = { pdf: `${base}.pdf`, html: `${base}.html`, scenario: `${base}.scenario.json` };
  const html = withScenarioFile(request.html, shellWord(files.scenario));
  const write = deps.write ?? ((file: string, data: string | Uint8Array) => writeFileAtomic(file, data));
  let current = files.pdf;
  try {
    const pdf = await deps.print(html);
    await write(files.pdf, pdf);
    current = files.html;
    await write(files.html, html);
    current = files.scenario;
    await write(files.scenario, request.scenarioText);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the folder does not exist' : code === 'ENOSPC' ? 'the disk is full' : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'failed', message: `${current} was not written: ${why}` };
  }
  return { ok: true, files: [files.pdf, files.html, files.scenario] };
}
