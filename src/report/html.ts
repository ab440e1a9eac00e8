/**
 * The pieces every report page shares (src/report runs in Node and in the browser: no `node:*`, no
 * DOM): escaping, number formats, tables, and the page itself with its one stylesheet for screen
 * and print (A4 landscape) and a Content-Security-Policy that lets the page load nothing from
 * anywhere (inline CSS and SVG only, no scripts): it works offline and makes no outside requests.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A number in British form with exactly `digits` decimals; "–" for none. */
export function fmt(x: number | null | undefined, digits = 0): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `value ± half` when a half-width exists. */
export function withCi(value: number | null | undefined, half: number | null | undefined, digits = 0): string {
  return half === null || half === undefined ? fmt(value, digits) : `${fmt(value, digits)} ± ${fmt(half, digits)}`;
}

export const minutes = (s: number | null | undefined): number | null => (s === null || s === undefined ? null : s / 60);

/** A table of text cells (escaped); a head of empty strings gives none (a list of name and value). */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return tableRaw(head, rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`));
}

/** A table whose rows are already HTML. */
export function tableRaw(head: readonly string[], rows: readonly string[]): string {
  const thead = head.some((h) => h !== '') ? `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` : '';
  return `<table>${thead}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export const td = (text: string): string => `<td>${escapeHtml(text)}</td>`;

/** The Content-Security-Policy of every report: nothing may be loaded (styles inline, images as data: only). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1b1b1b;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.5em 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}th{background:#f3f3f3}
td.better{background:#e3f1fb;color:#00466e}td.worse{background:#fbe9dc;color:#7a2e00}td.same{color:#555}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;vertical-align:-.1em}
.note{color:#555;font-size:.9em}code{font-size:.9em;word-break:break-all}
figure{margin:.5em 0}figcaption{font-size:.9em;color:#333}
.map svg{max-width:760px}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:10px}h2,h3{break-after:avoid}tr,svg,figure{break-inside:avoid}.map svg{max-width:170mm}}`;

/** The whole page around `body`. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<style>
${STYLE}
</style></head><body>
${body}
</body></html>
`;
}
