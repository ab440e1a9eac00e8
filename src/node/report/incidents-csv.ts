/**
 * incidents.csv: one row per call of the incident log, every timestamp in seconds since the
 * scenario start (empty when it did not happen). RFC 4180 quoting; written in chunks so a long
 * log never has to be one string.
 */
import { writeFileAtomicStreamSync } from '../files/atomic-write';
import type { IncidentLog, IncidentRecord } from '../../sim';

/** Column order of incidents.csv (the IncidentRecord fields). */
export const INCIDENT_COLUMNS: readonly (keyof IncidentRecord)[] = [
  'id',
  'line',
  'grade',
  'counted',
  'injected',
  'callS',
  'lon',
  'lat',
  'area',
  'answeredS',
  'abandonedS',
  'handledS',
  'pendingS',
  'firstDispatchS',
  'firstArriveS',
  'clearS',
  'responseS',
  'firstUnit',
  'unitsSent',
  'turnoutS',
  'travelS',
  'reason',
];

/** One CSV field. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function incidentRow(r: IncidentRecord): string {
  return INCIDENT_COLUMNS.map((c) => csvField(c === 'lon' || c === 'lat' ? Math.round(r[c] * 1e6) / 1e6 : r[c])).join(',');
}

/** Writes the log to `file` (atomically, streamed in chunks of 5000 rows); returns the number of rows. */
export function writeIncidentsCsv(log: IncidentLog, file: string): number {
  writeFileAtomicStreamSync(file, (write) => {
    write(INCIDENT_COLUMNS.join(',') + '\n');
    let chunk: string[] = [];
    for (const r of log.records()) {
      chunk.push(incidentRow(r));
      if (chunk.length === 5000) {
        write(chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) write(chunk.join('\n') + '\n');
  });
  return log.length;
}
