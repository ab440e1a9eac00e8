/**
 * The comparison document (issue 16): a baseline and up to four variants run with common random
 * numbers, in one self-contained HTML page (inline CSS and SVG, no scripts, no outside requests):
 * what each scenario is and what changed in words, the assumptions, each key figure's mean ± 95%
 * interval per scenario, the paired difference from the baseline with its interval and verdict,
 * per-BCU and per-borough tables, the response-time distributions overlaid, the data sources with
 * their attribution, and how it was made (versions, hashes, seeds, data hashes, the command).
 */
import type { ResponseHistograms } from '../../shared/protocol';
import type { Results } from '../../shared/results';
import type { Scenario } from '../../shared/scenario';
import { AREA_FIGURES, compareAreas, compareFigures, type AreaComparison, type FigureUnit, type MeanInterval, type PairedDifference, type StoppingDecision, type StoppingRule } from '../../sim';
import { assumptionRows } from './assumptions';
import { attributionsForAll } from './attribution';
import { overlayChart, SCENARIO_COLOURS } from './overlay-chart';
import { escapeHtml } from './report-html';

export interface ComparedScenario {
  /** the file or built-in name given on the command line */
  readonly file: string;
  readonly scenario: Scenario;
  /** combined over replications */
  readonly combined: Results;
  /** each replication's results, replication r with the same seed in every scenario */
  readonly runs: readonly Results[];
  readonly histograms?: ResponseHistograms;
}

export interface ComparisonDocument {
  /** baseline first */
  readonly scenarios: readonly ComparedScenario[];
  /** the command that reproduces these figures */
  readonly command: string;
  /** input file -> sha256 of the data the scenarios read */
  readonly dataHashes: readonly (readonly [string, string])[];
  readonly stopping?: { readonly rule: StoppingRule; readonly decision: StoppingDecision };
  /** left out keeps the document byte-identical between runs */
  readonly generatedAt?: string;
}

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

/** A table; a head of empty strings gives none (a list of name and value). */
function tableHtml(head: readonly string[], rows: readonly string[]): string {
  const thead = head.some((h) => h !== '') ? `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` : '';
  return `<table>${thead}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

const td = (text: string) => `<td>${escapeHtml(text)}</td>`;

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
  const base = doc.scenarios[0]!.scenario;
  return doc.scenarios
    .map((s, i) => {
      const swatch = `<span class="swatch" style="background:${SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]}"></span>`;
      const head = `<h3>${swatch}${escapeHtml(label(i))}: ${escapeHtml(s.scenario.name)}</h3>${s.scenario.description ? `<p>${escapeHtml(s.scenario.description)}</p>` : ''}`;
      if (i === 0) return `${head}\n${tableHtml(['assumption', 'in words'], assumptionRows(s.scenario).map(([k, v]) => `<tr>${td(k)}${td(v)}</tr>`))}`;
      const changed = changedRows(base, s.scenario);
      const what = changed.length === 0 ? '<p>No assumption differs from the baseline in the terms above; see the scenario files for the details.</p>' : tableHtml(['what changed', 'baseline', 'this variant'], changed.map((r) => `<tr>${r.map(td).join('')}</tr>`));
      return `${head}\n${what}`;
    })
    .join('\n');
}

function provenance(doc: ComparisonDocument): string {
  const first = doc.scenarios[0]!.combined.meta;
  const rows: [string, string][] = [
    ['simulator version', first.version],
    ...doc.scenarios.map((s, i): [string, string] => [`${label(i)} scenario hash (sha256)`, s.combined.meta.scenarioHash]),
    ...doc.scenarios.map((s, i): [string, string] => [`${label(i)} file`, s.file]),
    ['replications', `${first.replications} per scenario`],
    ['seeds', first.seeds.join(', ')],
    ['counted days', `${num(first.days, 2)} after a ${num(first.warmupHours, 1)} h warm-up`],
    ...doc.dataHashes.map(([f, h]): [string, string] => [`data ${f} (sha256)`, h]),
  ];
  if (doc.stopping) {
    const { rule, decision } = doc.stopping;
    rows.push(['stopping rule', `replicate until the 95% interval of the difference in I within target is narrower than ${num(rule.widthPoints, 1)} points, at most ${rule.maxReplications} replications: stopped at ${first.replications} (${decision.continue ? 'running' : decision.reason}${decision.width !== null ? `, width ${num(decision.width, 2)} points` : ''})`]);
  }
  if (doc.generatedAt) rows.push(['generated at', doc.generatedAt]);
  return tableHtml(['', ''], rows.map(([k, v]) => `<tr>${td(k)}${td(v)}</tr>`));
}

export function comparisonHtml(doc: ComparisonDocument): string {
  if (doc.scenarios.length < 2) throw new Error('comparisonHtml: a baseline and at least one variant are needed');
  const variants = doc.scenarios.length - 1;
  const { areas, bcus } = compareAreas(doc.scenarios.map((s) => s.runs));
  const names = doc.scenarios.map((s, i) => `${label(i)}: ${s.scenario.name}`);
  const hist = (g: 'I' | 'S') => overlayChart(`Grade ${g}: share of incidents reached within the time`, doc.scenarios.map((s, i) => ({ name: names[i]!, histogram: s.histograms?.[g] })));
  const attributions = attributionsForAll(doc.scenarios.map((s) => s.scenario));
  const m = doc.scenarios[0]!.combined.meta;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.scenarios.map((s) => s.scenario.name).join(' vs '))}: comparison</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1b1b1b;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.5em 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}th{background:#f3f3f3}
td.better{background:#e3f1fb;color:#00466e}td.worse{background:#fbe9dc;color:#7a2e00}td.same{color:#555}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;vertical-align:-.1em}
.note{color:#555;font-size:.9em}code{font-size:.9em;word-break:break-all}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:10px}h2,h3{break-after:avoid}tr,svg{break-inside:avoid}}
</style></head><body>
<h1>Comparison: ${escapeHtml(doc.scenarios.map((s) => s.scenario.name).join(' against '))}</h1>
<p>${variants === 1 ? 'One variant is' : `${variants} variants are`} compared with the baseline over ${num(m.days, 2)} counted days, ${m.replications} replications each, with common random numbers: replication r of every scenario uses the same seed, so the same calls arrive at the same times and places, and only the scenario's changes make the difference.</p>
<h2>Verdicts on the key figures</h2>
<p class="note">Each scenario's mean over replications ± the 95% confidence half-width (Student t). The difference is the mean of the per-replication differences (variant − baseline) ± its 95% half-width (paired Student t, ${m.replications - 1} degrees of freedom). "Better" or "worse": the interval of the difference excludes zero; for times and abandoned calls lower is better, for shares within target higher is better; lower utilisation (more slack) counts as better. Times in minutes, shares in percent (differences in points).</p>
${keyFigureTable(doc)}
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
<h2>How this was made</h2>
${provenance(doc)}
<p>To reproduce these figures exactly, run from the project folder:</p>
<p><code>${escapeHtml(doc.command)}</code></p>
<p class="note">Random numbers: replication 0 of every scenario uses the scenario's seed, replication r a hash of that seed and r (the seeds above). Within a replication each purpose (arrivals per line, places, grades, call handling, times on scene, ...) draws from its own sfc32 stream seeded from the seed and the purpose's name, so a change to one part of a scenario (more units, say, hence more dispatches) never shifts another part's draws: the baseline and the variants see the same calls. The first ${num(m.warmupHours, 1)} h of every replication are a warm-up: simulated, so queues and units are busy as in a running day, but not counted. Response time runs from the call's arrival to the first unit's arrival at scene.</p>
<h2>Data sources</h2>
${attributions.length === 0 ? '<p class="note">The scenarios use only data given in their own files.</p>' : attributions.map((a) => `<p class="note">${escapeHtml(a)}</p>`).join('\n')}
</body></html>
`;
}
