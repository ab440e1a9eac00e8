/**
 * "Export report" between the renderer and its host (part of the message contract of
 * ./protocol.ts): the renderer makes the report document (src/report) of what it shows, and the
 * host writes it where the user says: the desktop as PDF (Electron's printToPDF) and HTML with the
 * scenario file beside them; the browser as an HTML download and the scenario file, then its print
 * dialog (the report's print stylesheet lays it out on A4).
 */

/**
 * Stands in the report's HTML (in its reproduce command) for the scenario file the host writes
 * beside it, whose path only the host knows; the host puts the file's path there, shell-quoted.
 */
export const REPORT_SCENARIO_MARK = '@@scenario-file@@';

/** Bytes of a report's HTML the host accepts (a London comparison is well under 2 MB). */
export const MAX_REPORT_HTML_BYTES = 32 * 1024 * 1024;


export type ExportReportOutcome =
  | { readonly ok: true; /** what was written (paths on the desktop, download names in the browser) */ readonly files: readonly string[]; /** the browser opened its print dialog */ readonly printed?: boolean }
  | { readonly ok: false; readonly reason: 'cancelled' }
  | { readonly ok: false; readonly reason: 'failed'; readonly message: string };

/** A file name part from a scenario's name: letters, digits, spaces, dots, dashes and underscores. */
export function fileNamePart(name: string): string {
  const clean = name.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return clean === '' || /^\.+$/.test(clean) ? 'report' : clean;
}

/** The HTML with the mark replaced by `file` (already quoted for a shell), HTML-escaped. */
export function withScenarioFile(html: string, file: string): string {
  const escaped = file.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  return html.split(REPORT_SCENARIO_MARK).join(escaped);
}

/** The data step's manifest `inputs` (source file -> sha256) as sorted pairs; empty when it has none. */
export function manifestHashes(manifest: unknown): [string, string][] {
  const inputs = (manifest as { inputs?: unknown } | null)?.inputs;
  if (typeof inputs !== 'object' || inputs === null) return [];
  return Object.entries(inputs as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
