/**
 * The desktop's Export report in plain Node: a fake webContents stands for Electron's (loadURL,
 * printToPDF), a fake dialog for the save dialog. The page's report is printed in a window of its
 * own and written as PDF and HTML with the scenario file beside them, the reproduce command naming
 * that file; a cancelled dialog writes nothing; a failed print or write is a message naming the file.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMainHandlers } from '../../src/main/api-handlers';
import { exportReportWithDialog, PDF_OPTIONS, printHtmlToPdf, printRequestAllowed, printWindowOptions, type PrintWindow } from '../../src/main/report-export';
import { REPORT_SCENARIO_MARK } from '../../src/shared/report-export';
import { ipcArgSchemas } from '../../src/shared/ipc-schemas';

const FAKE_PDF = new Uint8Array([...Buffer.from('%PDF-1.7\n% fake\n')]);

function fakeWindow(pdf: Uint8Array = FAKE_PDF) {
  const calls = { loaded: [] as string[], printed: [] as unknown[], destroyed: 0 };
  const win: PrintWindow = {
    webContents: {
      async loadURL(url) {
        calls.loaded.push(url);
      },
      async printToPDF(options) {
        calls.printed.push(options);
        return pdf;
      },
    },
    destroy: () => void calls.destroyed++,
  };
  return { win, calls };
}

const html = `<!doctype html><html><body><h1>Report</h1><p><code>npm run sim -- report ${REPORT_SCENARIO_MARK} --seed 1 --days 1 --replications 3 --out report.html</code></p></body></html>`;
const request = { html, scenarioText: '{\n  "name": "Mine"\n}\n', suggestedName: 'Mine / report' };

describe('Export report on the desktop', () => {
  it('prints in a hidden window that runs no scripts: the report as a data: URL, A4 landscape, then the window is destroyed', async () => {
    const { win, calls } = fakeWindow();
    const pdf = await printHtmlToPdf('<p>é</p>', () => win);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF-/);
    expect(calls.loaded).toHaveLength(1);
    expect(calls.loaded[0]).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(Buffer.from(calls.loaded[0]!.split(',')[1]!, 'base64').toString('utf8')).toBe('<p>é</p>');
    expect(calls.printed).toEqual([PDF_OPTIONS]);
    expect(calls.destroyed).toBe(1);
    const options = printWindowOptions('report-print');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'report-print' });
    expect(printRequestAllowed('data:text/html;base64,AAAA')).toBe(true);
    expect(printRequestAllowed('https://tile.openstreetmap.org/1/1/1.png')).toBe(false);
    expect(printRequestAllowed('file:///etc/passwd')).toBe(false);
  });

  it('a print that is not a PDF fails, and the window is still destroyed', async () => {
    const { win, calls } = fakeWindow(new Uint8Array([1, 2, 3]));
    await expect(printHtmlToPdf('<p>x</p>', () => win)).rejects.toThrow('printToPDF did not return a PDF');
    expect(calls.destroyed).toBe(1);
  });

  it('writes NAME.pdf, NAME.html and NAME.scenario.json where the user says; the command names the scenario file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-export-'));
    const asked: unknown[] = [];
    const { win } = fakeWindow();
    const outcome = await exportReportWithDialog(request, {
      dialog: {
        async showSaveDialog(options) {
          asked.push(options);
          return { canceled: false, filePath: path.join(dir, 'my review.pdf') };
        },
      },
      print: (h) => printHtmlToPdf(h, () => win),
      folder: dir,
    });
    expect(outcome).toEqual({ ok: true, files: ['my review.pdf', 'my review.html', 'my review.scenario.json'].map((f) => path.join(dir, f)) });
    expect(asked[0]).toMatchObject({ title: 'Export report', defaultPath: path.join(dir, 'Mine report.pdf') });
    expect(readFileSync(path.join(dir, 'my review.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const written = readFileSync(path.join(dir, 'my review.html'), 'utf8');
    expect(written).not.toContain(REPORT_SCENARIO_MARK);
    expect(written).toContain(`npm run sim -- report &#39;${path.join(dir, 'my review.scenario.json')}&#39; --seed 1`);
    expect(readFileSync(path.join(dir, 'my review.scenario.json'), 'utf8')).toBe(request.scenarioText);
  });

  it('a cancelled dialog writes nothing; a failed write names the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-export-'));
    const { win } = fakeWindow();
    const cancelled = await exportReportWithDialog(request, { dialog: { showSaveDialog: async () => ({ canceled: true }) }, print: (h) => printHtmlToPdf(h, () => win) });
    expect(cancelled).toEqual({ ok: false, reason: 'cancelled' });
    const target = path.join(dir, 'no-such-folder', 'r.pdf');
    const failed = await exportReportWithDialog(request, { dialog: { showSaveDialog: async () => ({ canceled: false, filePath: target }) }, print: (h) => printHtmlToPdf(h, () => win) });
    expect(failed).toEqual({ ok: false, reason: 'failed', message: `${target} was not written: the folder does not exist` });
    expect(existsSync(path.join(dir, 'no-such-folder'))).toBe(false);
  });

  it('the IPC call: its argument checked by schema; a host without export says so', async () => {
    expect(ipcArgSchemas.exportReport.safeParse([request]).success).toBe(true);
    expect(ipcArgSchemas.exportReport.safeParse([{ ...request, html: '' }]).success).toBe(false);
    expect(ipcArgSchemas.exportReport.safeParse([{ ...request, extra: 1 }]).success).toBe(false);
    const handlers = createMainHandlers({ pool: () => { throw new Error('unused'); }, settings: null as never, openDialog: null as never, readFile: null as never, appVersion: '1', workers: 1, live: null as never, mapLayers: null as never });
    expect(await handlers.exportReport([request], undefined)).toEqual({ ok: false, reason: 'failed', message: 'this host cannot export reports' });
  });
});
