/** The readable summary `run` prints without --json. */
import { isAttendedGrade, type Results } from '../shared/results';

const n = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined ? '-' : x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ci = (x: number | null | undefined, half: number | null | undefined, digits = 0) =>
  half === null || half === undefined ? n(x, digits) : `${n(x, digits)} ± ${n(half, digits)}`;

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

/** One row per area: its I figures (the grade planners watch first) and any note from its data. */
function areaTable(r: Results): string {
  const rows: string[][] = [['area', 'BCU', 'I incidents', 'I mean min', 'I within target %']];
  const notes: string[] = [];
  for (const a of r.areas) {
    const i = a.I;
    const mean = i?.meanResponseS === null || i?.meanResponseS === undefined ? null : i.meanResponseS / 60;
    rows.push([`${a.name} (${a.id})`, a.bcu ?? '-', n(i?.incidents), n(mean, 1), n(i?.withinTargetPct, 1)]);
    if (a.note) notes.push(`${a.name}: ${a.note}`);
  }
  return [pad(rows), ...notes].join('\n');
}

export function summaryText(r: Results, file: string): string {
  const m = r.meta;
  const lines: string[] = [];
  lines.push(`${m.scenario} (${file})`);
  lines.push(
    `${m.days} day${m.days === 1 ? '' : 's'} after ${m.warmupHours} h warm-up, seed ${m.seed}, ${m.replications} replication${m.replications === 1 ? '' : 's'}, ` +
      `${n(m.events)} events in ${n(m.wallMs / 1000, 1)} s${m.replications > 1 ? ' of run time (summed over replications)' : ''}, ${m.travelMode} travel, simulator ${m.version}`,
  );
  if (m.replications > 1) lines.push('figures are means; ± is the 95% confidence half-width');
  lines.push('');
  const calls: string[][] = [['calls', 'offered', 'mean answer s', 'p90 answer s', 'within target %', 'abandoned %']];
  for (const [line, l] of Object.entries(r.calls.byLine)) {
    calls.push([line, n(l!.offered), ci(l!.meanAnswerS, l!.ci95?.meanAnswerS, 1), n(l!.p90AnswerS, 1), ci(l!.answeredWithinTargetPct, l!.ci95?.answeredWithinTargetPct, 1), ci(l!.abandonedPct, l!.ci95?.abandonedPct, 1)]);
  }
  lines.push(pad(calls), '');
  const grades: string[][] = [['grade', 'incidents', 'mean response min', 'median min', 'p90 min', 'target min', 'within target %']];
  for (const g of ['I', 'S', 'E', 'R'] as const) {
    const x = r.grades[g];
    if (!x) continue;
    if (!isAttendedGrade(x)) {
      grades.push([g, n(x.incidents), 'no attendance', '', '', '', '']);
      continue;
    }
    const min = (s: number | null | undefined) => (s === null || s === undefined ? null : s / 60);
    grades.push([g, n(x.incidents), ci(min(x.meanResponseS), min(x.ci95?.meanResponseS), 1), n(min(x.medianResponseS), 1), n(min(x.p90ResponseS), 1), n(x.targetS / 60), ci(x.withinTargetPct, x.ci95?.withinTargetPct, 1)]);
  }
  lines.push(pad(grades), '');
  lines.push(`units: ${r.units.byUnit.length}, mean utilisation ${ci(r.units.meanUtilisationPct, r.units.ci95?.meanUtilisationPct, 1)}%`);
  if (r.areas.length > 0) lines.push('', areaTable(r));
  if (m.unresolved > 0) lines.push(`warning: ${m.unresolved} counted incidents were never reached before the run stopped`);
  if (r.warnings && r.warnings.length > 0) {
    lines.push('', `${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'} about the scenario:`);
    for (const w of r.warnings) lines.push(`  ${w.path || '(file)'} (${w.code}): ${w.message}`);
  }
  return lines.join('\n') + '\n';
}
