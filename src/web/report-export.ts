/**
 * The browser build's "Export report": the report document the page made, offered as an HTML
 * download (self-contained: its own styles, no scripts, loads nothing) with the scenario file beside
 * it, then printed through the browser's print dialog. The app's Content-Security-Policy forbids the
 * report's inline styles in the app's own page, so the print copy is the report's body shown in a
 * print-only container, laid out by the app's print stylesheet (src/renderer/report/report-print.css):
 * on paper only the report shows, on A4 landscape.
 */
import { shellWord } from '../report/document';
import { fileNamePart, withScenarioFile, type ExportReportOutcome } from '../shared/report-export';
import type { ExportReportRequest } from '../shared/ipc-schemas';

/** The container the print stylesheet shows on paper (and hides on screen). */
export const PRINT_CONTAINER_ID = 'report-print';
/** The class on <html> while a report is waiting to be printed. */
export const PRINTING_CLASS = 'printing-report';

export interface BrowserExportDeps {
  readonly download: (name: string, text: string, type: string) => void;
  /** shows the report's body for print and opens the print dialog; false when there is no print */
  readonly print: (html: string) => boolean;
}

export function exportReportInBrowser(request: ExportReportRequest, deps: BrowserExportDeps): ExportReportOutcome {
  const base = fileNamePart(request.suggestedName);
  const names = { html: `${base}.html`, scenario: `${base}.scenario.json` };
  // The downloads land side by side in the downloads folder: the command names the file there.
  const html = withScenarioFile(request.html, shellWord(names.scenario));
  try {
    deps.download(names.scenario, request.scenarioText, 'application/json');
    deps.download(names.html, html, 'text/html');
  } catch (error) {
    return { ok: false, reason: 'failed', message: `the report could not be offered as a download: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, files: [names.html, names.scenario], printed: deps.print(html) };
}

/**
 * Puts the report's body into the print container of `doc` (replacing an earlier one) and calls
 * `win.print()`; the container goes when printing is over. The body is our own document, made with
 * every text escaped (src/report/html.ts).
 */
export function printReportInPage(doc: Document, win: Pick<Window, 'print' | 'addEventListener'>, html: string): boolean {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  doc.getElementById(PRINT_CONTAINER_ID)?.remove();
  const container = doc.createElement('div');
  container.id = PRINT_CONTAINER_ID;
  container.setAttribute('aria-hidden', 'true');
  container.append(...Array.from(parsed.body.childNodes).map((n) => doc.importNode(n, true)));
  doc.body.append(container);
  doc.documentElement.classList.add(PRINTING_CLASS);
  win.addEventListener('afterprint', () => doc.documentElement.classList.remove(PRINTING_CLASS), { once: true });
  try {
    win.print();
    return true;
  } catch {
    return false;
  }
}
