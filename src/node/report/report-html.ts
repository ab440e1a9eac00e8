/**
 * report.html: a first reviewer's report of one run, self-contained (inline CSS and SVG, no
 * scripts, no outside requests). It states how the results were produced, the scenario's main
 * assumptions, the results against targets with 95% confidence half-widths, and attribution for
 * built-in London data.
 */
import { scenarioWarnings, type Scenario } from '../../shared/scenario';
import { isAttendedGrade, type Results } from '../../shared/results';
import { dispatchWords } from './assumptions';
import { attributionsFor } from './attribution';

export interface ReportOptions {
  /** Shown as "generated at"; left out keeps the report byte-identical between runs. */
  generatedAt?: string;
  /** "What changed" against the scenario this one came from (renderer/scenario/describe.ts), shown after the description. */
  changes?: { readonly origin: string; readonly lines: readonly string[] };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const fmt = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined ? '–' : x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `value ± half` when a half-width exists. */
function withCi(value: number | null | undefined, half: number | null | undefined, digits = 0): string {
  return half === null || half === undefined ? fmt(value, digits) : `${fmt(value, digits)} ± ${fmt(half, digits)}`;
}

const minutes = (s: number | null | undefined) => (s === null || s === undefined ? null : s / 60);

/** A table; a head of empty strings gives none (a two-column list of name and value). */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const thead = head.some((h) => h !== '') ? `<thead><tr>${th}</tr></thead>` : '';
  return `<table>${thead}<tbody>\n${tr}\n</tbody></table>`;
}

function gradeTable(r: Results): string {
  const rows: string[][] = [];
  for (const g of ['I', 'S', 'E', 'R'] as const) {
    const x = r.grades[g];
    if (!x) continue;
    if (!isAttendedGrade(x)) {
      rows.push([g, fmt(x.incidents), 'no attendance', '', '', '', '', '']);
      continue;
    }
    const ci = x.ci95;
    rows.push([
      g,
      fmt(x.incidents),
      fmt(x.attended),
      fmt(x.targetS / 60, 0),
      withCi(minutes(x.meanResponseS), minutes(ci?.meanResponseS), 1),
      fmt(minutes(x.medianResponseS), 1),
      fmt(minutes(x.p90ResponseS), 1),
      withCi(x.withinTargetPct, ci?.withinTargetPct, 1),
    ]);
  }
  return table(['grade', 'incidents', 'attended', 'target (min)', 'mean response (min)', 'median (min)', '90th percentile (min)', 'within target (%)'], rows);
}

function componentsTable(r: Results): string {
  const rows: string[][] = [];
  for (const g of ['I', 'S', 'E'] as const) {
    const x = r.grades[g];
    if (!isAttendedGrade(x)) continue;
    const c = x.components;
    rows.push([g, ...[c.answerS, c.handlingS, c.dispatchQueueS, c.turnoutS, c.travelS].map((v) => fmt(minutes(v), 1))]);
  }
  return table(['grade', 'answer', 'handling', 'waiting for a unit', 'turnout', 'travel'], rows);
}

function callsTable(r: Results): string {
  const rows = Object.entries(r.calls.byLine).map(([line, l]) => [
    line,
    fmt(l!.offered),
    withCi(l!.meanAnswerS, l!.ci95?.meanAnswerS, 1),
    fmt(l!.p90AnswerS, 1),
    `${withCi(l!.answeredWithinTargetPct, l!.ci95?.answeredWithinTargetPct, 1)}${l!.answerTargetS !== null ? ` (≤ ${l!.answerTargetS} s)` : ''}`,
    withCi(l!.abandonedPct, l!.ci95?.abandonedPct, 1),
  ]);
  return table(['line', 'calls offered', 'mean answer (s)', '90th percentile answer (s)', 'answered within target (%)', 'abandoned (%)'], rows);
}

function areasTable(r: Results): string {
  if (r.areas.length === 0) return '<p>The scenario has no areas.</p>';
  const rows = r.areas.map((a) => [
    a.id,
    a.name,
    a.bcu ?? '–',
    fmt(a.I?.incidents),
    withCi(minutes(a.I?.meanResponseS), minutes(a.I?.ci95?.meanResponseS), 1),
    withCi(a.I?.withinTargetPct, a.I?.ci95?.withinTargetPct, 1),
    withCi(minutes(a.S?.meanResponseS), minutes(a.S?.ci95?.meanResponseS), 1),
    withCi(a.S?.withinTargetPct, a.S?.ci95?.withinTargetPct, 1),
  ]);
  return table(['area', 'name', 'BCU', 'I incidents', 'I mean (min)', 'I within target (%)', 'S mean (min)', 'S within target (%)'], rows);
}

/** Inline SVG line charts of hourly series (no scripts), one per series, each on its own scale. */
function hourlyChart(r: Results): string {
  const h = r.hourly;
  if (h.length === 0) return '';
  const series = [
    { name: 'I mean response (min)', color: '#b3261e', digits: 1, values: h.map((x) => minutes(x.I.meanResponseS)) },
    { name: 'units committed (mean over the hour)', color: '#1f5fa8', digits: 0, values: h.map((x) => x.busyUnits) },
  ];
  return series.map((s) => lineChart(s.name, s.color, s.digits, s.values)).join('\n');
}

function lineChart(name: string, color: string, digits: number, values: readonly (number | null)[]): string {
  const W = 900;
  const H = 170;
  const pad = 44;
  const max = Math.max(Number.MIN_VALUE, ...values.filter((v): v is number => v !== null));
  const x = (i: number) => pad + (i / Math.max(1, values.length - 1)) * (W - 2 * pad);
  const y = (v: number) => H - pad - (v / max) * (H - 2 * pad);
  const pts = values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`])).join(' ');
  const axis =
    `<line x1="${pad}" y1="${H - pad}" x2="${W - pad}" y2="${H - pad}" stroke="#888"/>` +
    `<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${H - pad}" stroke="#888"/>` +
    `<text x="${pad}" y="${H - pad + 16}" font-size="11">hour 0</text>` +
    `<text x="${W - pad - 50}" y="${H - pad + 16}" font-size="11">hour ${values.length - 1}</text>` +
    `<text x="4" y="${y(max) + 4}" font-size="11">${fmt(max, digits)}</text><text x="4" y="${H - pad + 4}" font-size="11">0</text>`;
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(name)} by hour"><text x="${pad}" y="16" fill="${color}" font-size="12">${escapeHtml(name)}</text>${axis}<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${pts}"/></svg>`;
}

function assumptions(s: Scenario): string[][] {
  const rows: string[][] = [];
  for (const st of s.demand.streams) {
    const mix = Object.entries(st.gradeMix).map(([g, v]) => `${g} ${Math.round((v ?? 0) * 100)}%`).join(', ');
    rows.push([`line ${st.line}`, `${fmt(st.callsPerDay)} calls a day; grades ${mix}`]);
  }
  rows.push(['demand places', s.demand.points ? `${s.demand.points.length} points` : s.demand.pointsSource ? `built-in points "${s.demand.pointsSource}"` : s.demand.areaWeights ? 'area weights' : s.areas ? 'by area size' : 'over the road network']);
  if (s.demand.surges.length > 0) rows.push(['surges', s.demand.surges.map((sg) => `${sg.label ? `${sg.label}: ` : ''}${sg.area ?? 'all'}${sg.circle ? ` within ${sg.circle.radiusM} m of ${sg.circle.lon}, ${sg.circle.lat}` : sg.polygon ? ` inside a ${sg.polygon.length}-corner polygon` : ''} x${sg.multiplier}${sg.extraCallsPerHour ? ` +${sg.extraCallsPerHour} calls an hour${sg.gradeMix ? ` (${Object.entries(sg.gradeMix).map(([g, v]) => `${g} ${v}`).join(', ')})` : ''}` : ''} from ${sg.fromS ?? 'the start'}${sg.fromS === undefined ? '' : ' s'} to ${sg.toS ?? 'the end'}${sg.toS === undefined ? '' : ' s'}`).join('; ')]);
  if (s.callHandling) {
    rows.push(['call takers', s.callHandling.pools.map((p) => `${p.id} (${p.lines.join('+')}): ${typeof p.staff === 'number' ? `${p.staff} round the clock` : Object.entries(p.staff).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; ')]);
  } else rows.push(['call takers', 'not modelled (calls become incidents at once)']);
  const units = s.fleet.reduce((n, row) => n + (row.count ?? 0) + Object.values(row.perShift ?? {}).reduce((a, b) => a + b, 0), 0);
  rows.push(['fleet', `${s.stations.length} stations, ${units} unit-shifts (${s.fleet.length} rows)`]);
  const d = s.dispatch;
  rows.push(['dispatch', dispatchWords(d)]);
  const t = s.travel;
  rows.push(['travel', t.mode === 'road' ? `road network "${s.network?.source}", blue-light factor ${t.blueLightFactor}` : `straight line x ${t.detourFactor} at ${t.speedKph} km/h, blue-light factor ${t.blueLightFactor}`]);
  rows.push(['targets', (['I', 'S', 'E'] as const).map((g) => `${g} ${fmt(s.grades[g].targetS / 60)} min`).join(', ')]);
  return rows;
}

export function reportHtml(results: Results, scenario: Scenario, options: ReportOptions = {}): string {
  const m = results.meta;
  const produced = [
    ['scenario', m.scenario],
    ['scenario hash (sha256)', m.scenarioHash],
    ['simulator version', m.version],
    ['seed', `${m.seed}${m.replications > 1 ? ` (replication seeds ${m.seeds.join(', ')})` : ''}`],
    ['replications', String(m.replications)],
    ['counted days', `${m.days} after a ${m.warmupHours} h warm-up`],
    ['events simulated', fmt(m.events)],
    ['travel', m.travelMode],
  ];
  if (m.unresolved > 0) produced.push(['unresolved', `${m.unresolved} counted incidents never reached before the run stopped`]);
  if (options.generatedAt) produced.push(['generated at', options.generatedAt]);
  // The run's own warnings (the command line adds them with the world's bounds); else the scenario's alone.
  const warnings = results.warnings ?? scenarioWarnings(scenario);
  const busiest = [...results.units.byUnit].sort((a, b) => (b.utilisationPct ?? 0) - (a.utilisationPct ?? 0)).slice(0, 10);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(m.scenario)}: response simulation report</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#1b1b1b;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}th{background:#f3f3f3}
.note{color:#555;font-size:.9em}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none;font-size:11px}h2,h3{break-after:avoid}tr,svg{break-inside:avoid}}
</style></head><body>
<h1>${escapeHtml(m.scenario)}</h1>
${scenario.description ? `<p>${escapeHtml(scenario.description)}</p>` : ''}
${options.changes ? `<h2>What changed</h2>\n<p class="note">Against ${escapeHtml(options.changes.origin)}:</p>\n${options.changes.lines.length > 0 ? `<ul>${options.changes.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '<p>Nothing.</p>'}\n` : ''}<h2>How these results were produced</h2>
${table(['', ''], produced)}
<p class="note">Discrete-event simulation of call handling, grading, dispatch and travel (see MODEL.md). Every figure is the mean over replications; "±" gives the 95% confidence half-width (Student t) when there are several. Response time runs from the call's arrival to the first unit's arrival at scene.</p>
${warnings.length > 0 ? `<h2>Warnings about the scenario</h2>\n<p class="note">Legal values that are worth a second look (docs/MODEL-ADDITIONS.md "Warnings").</p>\n${table(['field', 'code', 'warning'], warnings.map((w) => [w.path || '(file)', w.code, w.message]))}` : ''}
<h2>Assumptions</h2>
${table(['', ''], assumptions(scenario))}
<h2>Response against targets</h2>
${gradeTable(results)}
<h3>Where the time goes (mean minutes)</h3>
${componentsTable(results)}
<h2>Calls</h2>
${callsTable(results)}
<h2>By hour</h2>
${hourlyChart(results)}
<h2>By area</h2>
${areasTable(results)}
<h2>Units</h2>
<p>Mean utilisation ${withCi(results.units.meanUtilisationPct, results.units.ci95?.meanUtilisationPct, 1)}% of on-duty time (travelling to, at, or returning from work).</p>
${table(['busiest units', 'station', 'utilisation (%)', 'returning (%)', 'dispatches'], busiest.map((u) => [u.id, u.station, fmt(u.utilisationPct, 1), fmt(u.returningPct, 1), fmt(u.dispatches, 1)]))}
${attributionsFor(scenario).length > 0 ? `<h2>Data sources</h2>\n${attributionsFor(scenario).map((a) => `<p class="note">${escapeHtml(a)}</p>`).join('\n')}` : ''}
</body></html>
`;
}
