/**
 * A sweep's summaries: summary.csv (one row per combination, in sweep order: the variables' values,
 * then each key figure with its 95 % half-width and interval ends) and report.html (the table and
 * the trade-off chart, unit-hours a day against I within target, as an inline SVG; self-contained,
 * no outside requests). Both depend only on results.jsonl's content, so a resumed sweep gives the
 * same files as one run straight through.
 */
import { keyFigures, type Figure, type KeyFigures } from '../../sweep/figures';
import { valueText, variableLabel } from '../../sweep/variables';
import type { LoadedSweep } from './load';
import type { SweepLine } from './store';

const FIGURES: readonly { key: keyof Omit<KeyFigures, 'unitHoursPerDay'>; name: string }[] = [
  { key: 'I', name: 'I within target %' },
  { key: 'S', name: 'S within target %' },
  { key: 'IMeanResponseS', name: 'I mean response s' },
  { key: 'answered999', name: '999 answered within target %' },
  { key: 'utilisationPct', name: 'unit utilisation %' },
];

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const num = (v: number | null, digits = 3): string => (v === null ? '' : String(Number(v.toFixed(digits))));

function figureCells(f: Figure): string[] {
  const lo = f.mean !== null && f.half !== null ? f.mean - f.half : null;
  const hi = f.mean !== null && f.half !== null ? f.mean + f.half : null;
  return [num(f.mean), num(f.half), num(lo), num(hi)];
}

export function sweepCsv(s: LoadedSweep, lines: readonly SweepLine[]): string {
  const head = ['combination', ...s.sweep.variables.map(variableLabel), 'status', 'error', 'unit-hours per day'];
  for (const f of FIGURES) head.push(f.name, `${f.name} ci95`, `${f.name} low95`, `${f.name} high95`);
  const rows = lines.map((l) => {
    const cells = [String(l.index + 1), ...l.values.map(valueText)];
    if (!l.ok) return [...cells, 'failed', l.error, '', ...FIGURES.flatMap(() => ['', '', '', ''])];
    const k = keyFigures(l.results, l.unitHoursPerDay);
    return [...cells, 'ok', '', num(l.unitHoursPerDay), ...FIGURES.flatMap((f) => figureCells(k[f.key]))];
  });
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

const esc = (t: string): string => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The trade-off chart: one point per combination with its 95 % interval as a vertical bar. */
export function tradeOffSvg(points: readonly { x: number; y: Figure; label: string }[]): string {
  const W = 640;
  const H = 360;
  const m = { l: 56, r: 16, t: 16, b: 44 };
  const ok = points.filter((p) => p.y.mean !== null);
  if (ok.length === 0) return '<p>No combination has an I figure to chart.</p>';
  const xs = ok.map((p) => p.x);
  const lows = ok.map((p) => p.y.mean! - (p.y.half ?? 0));
  const highs = ok.map((p) => p.y.mean! + (p.y.half ?? 0));
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  const y0 = Math.max(0, Math.floor(Math.min(...lows) / 5) * 5);
  const y1 = Math.min(100, Math.max(y0 + 5, Math.ceil(Math.max(...highs) / 5) * 5));
  const X = (x: number) => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
  const Y = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const y = y0 + ((y1 - y0) * k) / 4;
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${Y(y).toFixed(1)}" y2="${Y(y).toFixed(1)}" stroke="#ddd"/><text x="${m.l - 6}" y="${(Y(y) + 4).toFixed(1)}" text-anchor="end">${num(y, 1)}</text>`);
    const x = x0 + ((x1 - x0) * k) / 4;
    parts.push(`<text x="${X(x).toFixed(1)}" y="${H - m.b + 16}" text-anchor="middle">${num(x, 0)}</text>`);
  }
  for (const p of ok) {
    const cx = X(p.x).toFixed(1);
    const lo = Y(p.y.mean! - (p.y.half ?? 0)).toFixed(1);
    const hi = Y(p.y.mean! + (p.y.half ?? 0)).toFixed(1);
    parts.push(`<g><title>${esc(p.label)}: ${num(p.y.mean, 1)} % (±${num(p.y.half, 1)})</title><line x1="${cx}" x2="${cx}" y1="${lo}" y2="${hi}" stroke="#1f5fa8"/><circle cx="${cx}" cy="${Y(p.y.mean!).toFixed(1)}" r="3.5" fill="#1f5fa8"/></g>`);
  }
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 8}" text-anchor="middle">unit-hours per day</text>`);
  parts.push(`<text transform="translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">I within target % (95 % interval)</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11" role="img" aria-label="Unit-hours per day against I within target">${parts.join('')}</svg>`;
}

export function sweepHtml(s: LoadedSweep, lines: readonly SweepLine[]): string {
  const title = s.sweep.name ?? 'Sweep';
  const labels = s.sweep.variables.map(variableLabel);
  const points = lines.flatMap((l) =>
    l.ok ? [{ x: l.unitHoursPerDay, y: keyFigures(l.results, l.unitHoursPerDay).I, label: l.values.map((v, i) => `${labels[i]} ${valueText(v)}`).join(', ') }] : [],
  );
  const fig = (f: Figure) => (f.mean === null ? '' : `${num(f.mean, 1)}${f.half === null ? '' : ` ± ${num(f.half, 1)}`}`);
  const rows = lines
    .map((l) => {
      const cells = [String(l.index + 1), ...l.values.map(valueText)].map((c) => `<td>${esc(c)}</td>`).join('');
      if (!l.ok) return `<tr>${cells}<td colspan="${FIGURES.length + 1}" class="err">failed: ${esc(l.error)}</td></tr>`;
      const k = keyFigures(l.results, l.unitHoursPerDay);
      return `<tr>${cells}<td>${num(l.unitHoursPerDay, 1)}</td>${FIGURES.map((f) => `<td>${fig(k[f.key])}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f3f3f3}.err{color:#a00;text-align:left}</style>
</head><body>
<h1>${esc(title)}</h1>
<p>Base scenario ${esc(s.sweep.base)}; ${lines.length} combinations, ${s.sweep.replications} replication${s.sweep.replications === 1 ? '' : 's'} each with the same seeds (common random numbers)${s.sweep.days === undefined ? '' : `, ${s.sweep.days} counted days`}. Figures are means ± the 95 % confidence half-width over replications.</p>
<h2>Unit-hours against I within target</h2>
${tradeOffSvg(points)}
<h2>Every combination</h2>
<table><thead><tr><th>#</th>${labels.map((l) => `<th>${esc(l)}</th>`).join('')}<th>unit-hours per day</th>${FIGURES.map((f) => `<th>${esc(f.name)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
