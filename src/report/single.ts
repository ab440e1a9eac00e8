/**
 * The reviewer's report of one scenario's run (src/report/document.ts with one scenario): what the
 * scenario is and what changed in words, its assumptions for people, the results against targets
 * with 95% confidence half-widths, a static map and the charts, by area and by unit, the data
 * sources with their attribution, and how it was made. Self-contained (src/report/html.ts).
 */
import { isAttendedGrade, type Results } from '../shared/results';
import { scenarioWarnings } from '../shared/scenario';
import { assumptionRows } from './assumptions';
import type { ReportDocument, ReportScenario } from './document';
import { dataSourcesSection, howMadeSection } from './how-made';
import { escapeHtml, fmt, minutes, page, table, withCi } from './html';
import { overlayChart } from './overlay-chart';
import { sequentialMap } from './static-map';

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
    rows.push([g, fmt(x.incidents), fmt(x.attended), fmt(x.targetS / 60, 0), withCi(minutes(x.meanResponseS), minutes(ci?.meanResponseS), 1), fmt(minutes(x.medianResponseS), 1), fmt(minutes(x.p90ResponseS), 1), withCi(x.withinTargetPct, ci?.withinTargetPct, 1)]);
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

/** Inline SVG line charts of hourly series, one per series, each on its own scale. */
function hourlyCharts(r: Results): string {
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

function mapOf(doc: ReportDocument, r: Results): string {
  if (!doc.outlines || doc.outlines.length === 0 || r.areas.length === 0) return '';
  const values = new Map(r.areas.map((a) => [a.id, a.I?.withinTargetPct ?? null]));
  return `<h2>Map</h2>\n${sequentialMap('Grade I incidents reached within target, by area', doc.outlines, values, '%', 'Share of grade I incidents reached within target in each area (mean over replications). Grey: no grade I incident counted there.')}`;
}

function whatItIs(s: ReportScenario): string {
  const c = s.changes;
  const changed = c ? `<h2>What changed</h2>\n<p class="note">Against ${escapeHtml(c.origin)}:</p>\n${c.lines.length > 0 ? `<ul>${c.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '<p>Nothing.</p>'}\n` : '';
  return `${s.scenario.description ? `<p>${escapeHtml(s.scenario.description)}</p>\n` : ''}${changed}`;
}

export function singleReportHtml(doc: ReportDocument): string {
  const s = doc.scenarios[0]!;
  const results = s.combined;
  const m = results.meta;
  const warnings = results.warnings ?? scenarioWarnings(s.scenario);
  const busiest = [...results.units.byUnit].sort((a, b) => (b.utilisationPct ?? 0) - (a.utilisationPct ?? 0)).slice(0, 10);
  const dist = (g: 'I' | 'S') => overlayChart(`Grade ${g}: share of incidents reached within the time`, [{ name: m.scenario, histogram: s.histograms?.[g] }]);
  const body = `<h1>${escapeHtml(m.scenario)}</h1>
${whatItIs(s)}<p>${m.replications === 1 ? 'One replication' : `${m.replications} replications`} of ${fmt(m.days, 2)} counted days. Every figure is the mean over replications; "±" gives the 95% confidence half-width (Student t) when there are several.</p>
${warnings.length > 0 ? `<h2>Warnings about the scenario</h2>\n<p class="note">Legal values that are worth a second look.</p>\n${table(['field', 'code', 'warning'], warnings.map((w) => [w.path || '(file)', w.code, w.message]))}\n` : ''}<h2>Assumptions</h2>
${table(['assumption', 'in words'], assumptionRows({ ...s.scenario, days: m.days }))}
<h2>Response against targets</h2>
${gradeTable(results)}
<h3>Where the time goes (mean minutes)</h3>
${componentsTable(results)}
<h2>Calls</h2>
${callsTable(results)}
${mapOf(doc, results)}
<h2>Response-time distributions</h2>
${dist('I')}
${dist('S')}
<h2>By hour</h2>
${hourlyCharts(results)}
<h2>By area</h2>
${areasTable(results)}
<h2>Units</h2>
<p>Mean utilisation ${withCi(results.units.meanUtilisationPct, results.units.ci95?.meanUtilisationPct, 1)}% of on-duty time (travelling to, at, or returning from work).</p>
${table(['busiest units', 'station', 'utilisation (%)', 'returning (%)', 'dispatches'], busiest.map((u) => [u.id, u.station, fmt(u.utilisationPct, 1), fmt(u.returningPct, 1), fmt(u.dispatches, 1)]))}
${howMadeSection(doc)}
${dataSourcesSection(doc)}`;
  return page(`${m.scenario}: response simulation report`, body);
}
