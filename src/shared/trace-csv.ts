/**
 * The incident log a run replays (`run --replay FILE`, docs/MODEL-ADDITIONS.md "Trace replay"):
 * either the incidents.csv that `run --out` writes (its `callS`, `lon`, `lat`, `grade`, `line`,
 * `area` and `injected` columns are read; injected incidents are left out) or the minimal CSV
 * `time,longitude,latitude,grade` (time in seconds since the scenario start, negative in the
 * warm-up; an optional `line` column, 999 when absent). Errors name the file, the line and the column.
 *
 * Pure (text in, calls out): the command line (src/node/replay/trace-csv.ts reads the file), the
 * app's "Demand from incident log" (the renderer checks the file, the sim worker parses it for the run)
 * and the simulator (src/sim/demand/trace.ts) share it.
 */
import { GRADES, LINES } from './scenario';
import { CsvSyntaxError, csvRecords, type CsvField } from './csv-records';

/** One recorded call. Times in seconds since the scenario start (negative: the warm-up). */
export interface TraceCall {
  readonly tS: number;
  /** LINES index: 0 = '999', 1 = '101'. */
  readonly lineIndex: number;
  readonly lon: number;
  readonly lat: number;
  /** GRADES index: 0 I, 1 S, 2 E, 3 R. */
  readonly grade: number;
  /** Area id when the log names one (else the area is found from the place). */
  readonly area?: string | null;
}

/** Bad content in a replay file; the message names the file, line and column. */
export class TraceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceFileError';
  }
}

/** Rows past this are refused (a year of London is about 15 million calls). */
export const MAX_TRACE_ROWS = 50_000_000;

/** RFC 4180 records with the line each field starts on (./csv-records.ts), its errors worded for `file`. */
function records(text: string, file: string): CsvField[][] {
  try {
    return csvRecords(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new TraceFileError(
      error.problem === 'quote-in-field'
        ? `${file}: line ${error.line}, column ${error.column}: a quote in the middle of an unquoted field`
        : `${file}: line ${error.line}: a quoted field is not closed before the end of the file`,
    );
  }
}

const LOG_FORMAT = { time: 'callS', lon: 'lon', lat: 'lat' } as const;
const MINIMAL_FORMAT = { time: 'time', lon: 'longitude', lat: 'latitude' } as const;

/** The calls of a replay file's `text` (read from `file`), in file order. */
export function parseTraceCsv(text: string, file: string): TraceCall[] {
  const all = records(text, file);
  const header = all[0]?.map((f) => f.text.trim());
  if (!header) throw new TraceFileError(`${file}: line 1: empty file, expected a header (time,longitude,latitude,grade or the incidents.csv that run --out writes)`);
  const names = header.includes('callS') ? LOG_FORMAT : MINIMAL_FORMAT;
  const required = [names.time, names.lon, names.lat, 'grade'];
  const missing = required.filter((n) => !header.includes(n));
  if (missing.length > 0) throw new TraceFileError(`${file}: line 1: the header lacks column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (it has ${header.join(', ')})`);
  if (all.length - 1 > MAX_TRACE_ROWS) throw new TraceFileError(`${file}: ${all.length - 1} rows, more than the ${MAX_TRACE_ROWS} a replay takes`);
  const col = (name: string): number => header.indexOf(name);
  const cTime = col(names.time);
  const cLon = col(names.lon);
  const cLat = col(names.lat);
  const cGrade = col('grade');
  const cLine = col('line');
  const cArea = col('area');
  const cInjected = col('injected');
  const out: TraceCall[] = [];
  for (let r = 1; r < all.length; r++) {
    const row = all[r]!;
    const at = (c: number): string => `${file}: line ${row[Math.min(c, row.length - 1)]!.line}, column ${c + 1} (${header[c]})`;
    if (row.length !== header.length) {
      throw new TraceFileError(`${file}: line ${row[0]!.line}: ${row.length} field${row.length === 1 ? '' : 's'}, the header has ${header.length}`);
    }
    const num = (c: number, min: number, max: number): number => {
      const raw = row[c]!.text.trim();
      const v = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(v) || v < min || v > max) throw new TraceFileError(`${at(c)}: expected a number from ${min} to ${max}, got ${JSON.stringify(raw.slice(0, 40))}`);
      return v;
    };
    if (cInjected >= 0 && row[cInjected]!.text.trim() === '1') continue;
    const tS = num(cTime, -366 * 86400, 3660 * 86400);
    const lon = num(cLon, -180, 180);
    const lat = num(cLat, -90, 90);
    const gradeText = row[cGrade]!.text.trim();
    const grade = (GRADES as readonly string[]).indexOf(gradeText);
    if (grade < 0) throw new TraceFileError(`${at(cGrade)}: expected a grade ${GRADES.join(', ')}, got ${JSON.stringify(gradeText.slice(0, 40))}`);
    let lineIndex = 0;
    if (cLine >= 0) {
      const lineText = row[cLine]!.text.trim();
      lineIndex = (LINES as readonly string[]).indexOf(lineText);
      if (lineIndex < 0) throw new TraceFileError(`${at(cLine)}: expected a line ${LINES.join(' or ')}, got ${JSON.stringify(lineText.slice(0, 40))}`);
    }
    const area = cArea >= 0 ? row[cArea]!.text.trim() || null : null;
    out.push({ tS, lineIndex, lon, lat, grade, ...(area === null ? {} : { area }) });
  }
  return out;
}
