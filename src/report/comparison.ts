/**
 * The comparison document (issue 16): a baseline and up to four variants run with common random
 * numbers, in one self-contained HTML page (inline CSS and SVG, no scripts, no outside requests):
 * what each scenario is and what changed in words, the assumptions, each key figure's mean ± 95%
 * interval per scenario, the paired difference from the baseline with its interval and verdict,
 * per-BCU and per-borough tables, the response-time distributions overlaid, the data sources with
 * their attribution, and how it was made (versions, hashes, seeds, data hashes, the command).
 */
import type { Scenario } from '../shared/scenario';
import { AREA_FIGURES, compareAreas, compareFigures, type AreaComparison, type FigureUnit, type MeanInterval, type PairedDifference } from '../sim';
import { assumptionRows } from './assumptions';
import type { ReportDocument } from './document';
import { dataSourcesSection, howMadeSection } from './how-made';
import { escapeHtml, page, tableRaw as tableHtml, td } from './html';
import { overlayChart, SCENARIO_COLOURS } from './overlay-chart';
import { divergingMap, type AreaDifference } from './static-map';

/** The comparison document's input (src/report/document.ts), kept under its first name. */
export type ComparisonDocument = ReportDocument;
export type ComparedScenario = ReportDocument['scenarios'][number];

const num = (x: number, digits: number): string => x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value of a figure in display units: minutes for times, percent for shares. */
function shown(x: number, unit: FigureUnit): number {
  return unit === 's' ? x / 60 : x;
}

export function meanText(m: MeanInterval, unit: FigureUnit): string {
  if (m.mean === null) return '–';
  const v = num(shown(m.mean, unit), 1);
  return m.half === null ? v : `${v} ± ${num(shown(m.half, unit), 1)}`;
}

export function differenceText(d: PairedDifference, unit: FigureUnit): string {
  if (d.mean === null) return '–';
  const v = shown(d.mean, unit);
  const sign = v > 0 ? '+' : v < 0 ? '−' : '';
  const body = `${sign}${num(Math.abs(v), 1)}`;
  return d.half === null ? body : `${body} ± ${num(shown(d.half, unit), 1)}`;
}

const unitWord = (u: FigureUnit) => (u === 's' ? 'min' : '%');

function verdictCell(d: PairedDifference): string {
  if (d.n === 0) return '<td class="same">not measured</td>';
  const cls = d.verdict === 'better' ? 'better' : d.verdict === 'worse' ? 'worse' : 'same';
  return `<td class="${cls}">${escapeHtml(d.verdict)}</td>`;
}

function label(i: number): string {
  return i === 0 ? 'baseline' : `variant ${i}`;
}

function keyFigureTable(doc: ComparisonDocument): string {
  const figures = compareFigures(doc.scenarios.map((s) => s.runs));
  const head = ['figure', ...doc.scenarios.map((_, i) => label(i)), ...doc.scenarios.slice(1).flatMap((_, i) => [`variant ${i + 1} − baseline`, 'verdict'])];
  const rows = figures
    .filter((f) => f.scenarios.some((m) => m.mean !== null))
    .map((f) => `<tr>${td(`${f.figure.label} (${unitWord(f.figure.unit)})`)}${f.scenarios.map((m) => td(meanText(m, f.figure.unit))).join('')}${f.differences.map((d) => td(differenceText(d, f.figure.unit)) + verdictCell(d)).join('')}</tr>`);
  return tableHtml(head, rows);
}

function areaTable(rows: readonly AreaComparison[], variants: number, withBcu: boolean): string {
  if (rows.length === 0) return '<p class="note">The scenarios have no areas.</p>';
  // Per area: I within target and I mean, each scenario and each variant's difference and verdict.
  const shownFigures = [1, 0].map((k) => ({ k, f: AREA_FIGURES[k]! }));
  const head = [withBcu ? 'borough' : 'BCU', ...(withBcu ? ['BCU'] : []), ...shownFigures.flatMap(({ f }) => [`${f.label} (${unitWord(f.unit)}), baseline`, ...Array.from({ length: variants }, (_, v) => [`variant ${v + 1} − baseline`, 'verdict']).flat()])];
  const body = rows.map((a) => {
    const cells = shownFigures.map(({ k, f }) => {
      const x = a.figures[k]!;
      return td(meanText(x.scenarios[0]!, f.unit)) + x.differences.map((d) => td(differenceText(d, f.unit)) + verdictCell(d)).join('');
    });
    return `<tr>${td(withBcu ? a.name : a.id)}${withBcu ? td(a.bcu ?? '–') : ''}${cells.join('')}</tr>`;
  });
  return tableHtml(head, body);
}

/** "What changed": the assumption sentences of a variant that differ from the baseline's. */
export function changedRows(base: Scenario, variant: Scenario): [string, string, string][] {
  const was = new Map(assumptionRows(base));
  const now = assumptionRows(variant);
  const out: [string, string, string][] = now.filter(([k, v]) => was.get(k) !== v).map(([k, v]) => [k, was.get(k) ?? '(not set)', v]);
  for (const [k, v] of was) if (!now.some(([key]) => key === k)) out.push([k, v, '(not set)']);
  return out;
}

function scenariosSection(doc: ComparisonDocument): string {
  // The simulated period as run (a --days given on the command line overrides the scenarios' own).
  const asRun = (s: Scenario): Scenario => ({ ...s, days: doc.scenarios[0]!.combined.meta.days });
  const base = asRun(doc.scenarios[0]!.scenario);
  return doc.scenarios
    .map((s, i) => {
      // An SVG swatch (fill is an attribute, not a style: it survives a page whose policy forbids inline styles).
      const swatch = `<svg class="swatch" viewBox="0 0 10 10" width="12" height="12" aria-hidden="true"><rect width="10" height="10" fill="${SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]}"/></svg>`;
      const head = `<h3>${swatch}${escapeHtml(label(i))}: ${escapeHtml(s.scenario.name)}</h3>${s.scenario.description ? `<p>${escapeHtml(s.scenario.description)}</p>` : ''}`;
      if (i === 0) return `${head}\n${tableHtml(['assumption', 'in words'], assumptionRows(base).map(([k, v]) => `<tr>${td(k)}${td(v)}</tr>`))}`;
      const changed = changedRows(base, asRun(s.scenario));
      const what = changed.length === 0 ? '<p>No assumption differs from the baseline in the terms above; see the scenario files for the details.</p>' : tableHtml(['what changed', 'baseline', 'this variant'], changed.map((r) => `<tr>${r.map(td).join('')}</tr>`));
      return `${head}\n${what}`;
    })
    .join('\n');
}

/** One diverging map per variant: its difference in grade I within target from the baseline, per borough. */
function maps(doc: ComparisonDocument, areas: readonly AreaComparison[]): string {
  if (!doc.outlines || doc.outlines.length === 0 || areas.length === 0) return '';
  const k = AREA_FIGURES.findIndex((f) => f.grade === 'I' && f.field === 'withinTargetPct');
  if (k < 0) return '';
  const drawn = doc.scenarios.slice(1).map((s, v) => {
    const diffs = new Map<string, AreaDifference>(areas.map((a) => [a.id, a.figures[k]!.differences[v]!]));
    return divergingMap(`Variant ${v + 1} against the baseline: grade I within target, by borough`, doc.outlines!, diffs, 'points', 'more grade I incidents reached within target', `Variant ${v + 1} (${s.scenario.name}) − baseline: the paired difference in the share of grade I incidents reached within target, per borough, coloured by its verdict.`);
  });
  return `<h2>Map</h2>\n${drawn.join('\n')}`;
}

export function comparisonHtml(doc: ComparisonDocument): string {
  if (doc.scenarios.length < 2) throw new Error('comparisonHtml: a baseline and at least one variant are needed');
  const variants = doc.scenarios.length - 1;
  const { areas, bcus } = compareAreas(doc.scenarios.map((s) => s.runs));
  const names = doc.scenarios.map((s, i) => `${label(i)}: ${s.scenario.name}`);
  const hist = (g: 'I' | 'S') => overlayChart(`Grade ${g}: share of incidents reached within the time`, doc.scenarios.map((s, i) => ({ name: names[i]!, histogram: s.histograms?.[g] })));
  const m = doc.scenarios[0]!.combined.meta;
  const body = `<h1>Comparison: ${escapeHtml(doc.scenarios.map((s) => s.scenario.name).join(' against '))}</h1>
<p>${variants === 1 ? 'One variant is' : `${variants} variants are`} compared with the baseline over ${num(m.days, 2)} counted days, ${m.replications} replications each, with common random numbers: replication r of every scenario uses the same seed, so the same calls arrive at the same times and places, and only the scenario's changes make the difference.</p>
<h2>Verdicts on the key figures</h2>
<p class="note">Each scenario's mean over replications ± the 95% confidence half-width (Student t). The difference is the mean of the per-replication differences (variant − baseline) ± its 95% half-width (paired Student t, ${m.replications - 1} degrees of freedom). "Better" or "worse": the interval of the difference excludes zero; for times and abandoned calls lower is better, for shares within target higher is better; lower utilisation (more slack) counts as better. Times in minutes, shares in percent (differences in points).</p>
${keyFigureTable(doc)}
${maps(doc, areas)}
<h2>Response-time distributions</h2>
${hist('I')}
${hist('S')}
<h2>By BCU</h2>
<p class="note">A BCU's figure in one replication is the incident-weighted mean of its boroughs' (the mean response weighted by incidents, not attended ones: a close approximation).</p>
${areaTable(bcus, variants, false)}
<h2>By borough</h2>
${areaTable(areas, variants, true)}
<h2>The scenarios</h2>
${scenariosSection(doc)}
${howMadeSection(doc)}
${dataSourcesSection(doc)}`;
  return page(`${doc.scenarios.map((s) => s.scenario.name).join(' vs ')}: comparison`, body);
}
