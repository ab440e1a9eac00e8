/**
 * The exercise log exported (docs/MODEL-ADDITIONS.md "Exercise log"): as CSV, one row per entry,
 * and as a self-contained HTML summary for the debrief: the injects, the dispatcher's actions, and
 * the responses against target, by who made the incident (script or trainer).
 */
import type { ExerciseLogEntry } from './exercise-log';

export const EXERCISE_LOG_COLUMNS = ['tS', 'clock', 'kind', 'by', 'incident', 'unit', 'grade', 'lon', 'lat', 'etaS', 'responseS', 'targetS', 'withinTarget', 'left', 'text'] as const;

/** Simulation seconds as day and clock time: "day 1 00:02:00" (day 0 is the warm-up's last day, negative days before). */
export function clockOf(tS: number): string {
  const day = Math.floor(tS / 86400);
  const s = Math.floor(tS - day * 86400);
  const p = (n: number) => String(n).padStart(2, '0');
  return `day ${day + 1} ${p(Math.floor(s / 3600))}:${p(Math.floor((s % 3600) / 60))}:${p(s % 60)}`;
}

function field(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === 'boolean') return v ? '1' : '0';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const within = (e: ExerciseLogEntry): boolean | undefined => (e.responseS !== undefined && e.targetS !== undefined ? e.responseS <= e.targetS : undefined);

/** The log as CSV (RFC 4180, header first, a final newline). */
export function exerciseLogCsv(log: readonly ExerciseLogEntry[]): string {
  const rows = log.map((e) =>
    EXERCISE_LOG_COLUMNS.map((c) => field(c === 'clock' ? clockOf(e.tS) : c === 'withinTarget' ? within(e) : e[c as keyof ExerciseLogEntry])).join(','),
  );
  return [EXERCISE_LOG_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const min = (s: number | undefined) => (s === undefined ? '' : (s / 60).toFixed(1));

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The debrief summary as one HTML page. */
export function exerciseSummaryHtml(log: readonly ExerciseLogEntry[], title: string): string {
  const injects = log.filter((e) => e.kind === 'inject');
  const actions = log.filter((e) => e.kind === 'assign' || e.kind === 'refused' || (e.kind === 'pause' && e.by === 'trainer'));
  const arrived = log.filter((e) => e.kind === 'arrived');
  const byWho = (['script', 'trainer'] as const).map((who) => {
    const a = arrived.filter((e) => e.text === who);
    const ok = a.filter((e) => within(e) === true).length;
    const mean = a.length > 0 ? a.reduce((s, e) => s + e.responseS!, 0) / a.length : undefined;
    return [who === 'script' ? 'made by the script' : 'made or assigned by the trainer', String(a.length), a.length > 0 ? `${Math.round((100 * ok) / a.length)} %` : '', min(mean)];
  });
  const events = log.filter((e) => !['inject', 'assign', 'refused', 'arrived'].includes(e.kind));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}: exercise summary</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}th{background:#eee}</style>
</head><body>
<h1>${esc(title)}: exercise summary</h1>
<p>${log.length} log entries from ${log.length > 0 ? esc(clockOf(log[0]!.tS)) : '-'} to ${log.length > 0 ? esc(clockOf(Math.max(...log.map((e) => e.tS)))) : '-'}. Times are simulation time; response = call (or inject) to first unit at scene.</p>
<h2>Responses against target</h2>
${table(['incidents', 'reached', 'within target', 'mean response (min)'], byWho)}
${table(
  ['time', 'incident', 'grade', 'by', 'response (min)', 'target (min)', 'within target'],
  arrived.map((e) => [clockOf(e.tS), String(e.incident), e.grade ?? '', e.text ?? '', min(e.responseS), min(e.targetS), within(e) ? 'yes' : 'no']),
)}
<h2>Injects</h2>
${table(
  ['time', 'incident', 'grade', 'by', 'place', 'what'],
  injects.map((e) => [clockOf(e.tS), String(e.incident ?? ''), e.grade ?? '', e.by, e.lon === undefined ? '' : `${e.lon.toFixed(4)}, ${e.lat!.toFixed(4)}`, e.text ?? '']),
)}
<h2>Dispatcher actions</h2>
${table(
  ['time', 'action', 'by', 'unit', 'incident', 'ETA (min)', 'note'],
  actions.map((e) => [clockOf(e.tS), e.kind, e.by, e.unit ?? '', e.incident === undefined ? '' : String(e.incident), min(e.etaS), e.left !== undefined ? `diverted from incident ${e.left}` : (e.text ?? '')]),
)}
<h2>Other events</h2>
${table(['time', 'event', 'by', 'unit', 'note'], events.map((e) => [clockOf(e.tS), e.kind, e.by, e.unit ?? '', e.text ?? '']))}
</body></html>
`;
}
