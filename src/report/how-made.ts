/**
 * "How this was made" and "Data sources", the same in every report: the simulator version, each
 * scenario's hash and file, the replications and their seeds, the counted days and the warm-up,
 * the data files' hashes, the stopping rule when there was one, the random-number scheme in words,
 * the command that gives the same figures again, and every attribution the data requires.
 */
import { attributionsForAll } from './attribution';
import type { ReportDocument } from './document';
import { escapeHtml, fmt, table } from './html';

export function scenarioLabel(i: number, of: number): string {
  return of === 1 ? 'scenario' : i === 0 ? 'baseline' : `variant ${i}`;
}

/** The random-number scheme and the warm-up in words. */
export function randomNumbersText(warmupHours: number, compared: boolean): string {
  return (
    'Random numbers: replication 0 uses the scenario\'s seed, replication r a hash of that seed and r (the seeds above). ' +
    'Within a replication each purpose (arrivals per line, places, grades, call handling, times on scene, ...) draws from its own sfc32 stream seeded from the seed and the purpose\'s name, ' +
    `so a change to one part of a scenario (more units, say, hence more dispatches) never shifts another part's draws${compared ? ': the baseline and the variants see the same calls (common random numbers)' : ''}. ` +
    `The first ${fmt(warmupHours, 1)} h of every replication are a warm-up: simulated, so queues and units are busy as in a running day, but not counted. ` +
    "Response time runs from the call's arrival to the first unit's arrival at scene."
  );
}

export function howMadeSection(doc: ReportDocument): string {
  const n = doc.scenarios.length;
  const first = doc.scenarios[0]!.combined.meta;
  const rows: [string, string][] = [
    ['simulator version', first.version],
    ...doc.scenarios.flatMap((s, i): [string, string][] => [
      [n === 1 ? 'scenario file' : `${scenarioLabel(i, n)} file`, s.file],
      [n === 1 ? 'scenario hash (sha256)' : `${scenarioLabel(i, n)} scenario hash (sha256)`, s.combined.meta.scenarioHash],
    ]),
    ['replications', `${first.replications}${n > 1 ? ' per scenario' : ''}`],
    ['seeds', first.seeds.join(', ')],
    ['counted days', `${fmt(first.days, 2)} after a ${fmt(first.warmupHours, 1)} h warm-up`],
    ['travel', first.travelMode],
    ['events simulated', doc.scenarios.map((s) => fmt(s.combined.meta.events)).join(' / ')],
  ];
  if (first.unresolved > 0) rows.push(['unresolved', `${fmt(first.unresolved)} counted incidents never reached before the run stopped`]);
  for (const [f, h] of doc.dataHashes) rows.push([`data ${f} (sha256)`, h]);
  if (doc.dataHashes.length === 0) rows.push(['data', 'only what the scenario files give (no built-in data set)']);
  if (doc.stopping) {
    const { rule, decision } = doc.stopping;
    rows.push(['stopping rule', `replicate until the 95% interval of the difference in I within target is narrower than ${fmt(rule.widthPoints, 1)} points, at most ${rule.maxReplications} replications: stopped at ${first.replications} (${decision.continue ? 'running' : decision.reason}${decision.width !== null ? `, width ${fmt(decision.width, 2)} points` : ''})`]);
  }
  if (doc.madeBy) rows.push(['made by', doc.madeBy]);
  if (doc.generatedAt) rows.push(['generated at', doc.generatedAt]);
  return `<h2>How this was made</h2>
${table(['', ''], rows)}
<p>To reproduce these figures exactly, run from the project folder:</p>
<p><code>${escapeHtml(doc.command)}</code></p>
<p class="note">${escapeHtml(randomNumbersText(first.warmupHours, n > 1))}</p>`;
}

export function dataSourcesSection(doc: ReportDocument): string {
  const attributions = attributionsForAll(doc.scenarios.map((s) => s.scenario));
  return `<h2>Data sources</h2>
${attributions.length === 0 ? '<p class="note">The scenarios use only data given in their own files.</p>' : attributions.map((a) => `<p class="note">${escapeHtml(a)}</p>`).join('\n')}`;
}
