/**
 * A small RFC 4180 CSV reader for the London source files: comma-separated, optional double quotes
 * (a doubled quote inside quotes is a literal quote), LF or CRLF line ends, first row = header.
 * Errors name the file, the line and the column, because these files come from outside the project.
 */
import { CsvSyntaxError, csvRecords } from '../../shared/csv-records';

/** One data row, keyed by header name. */
export type CsvRow = Readonly<Record<string, string>>;

export interface CsvTable {
  /** The file the rows came from (for error messages). */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** Bad or unexpected content in a source file. The message names the file and where in it. */
export class SourceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceDataError';
  }
}

/** Splits CSV text into records of fields (src/shared/csv-records.ts), its errors worded for `file`. */
function records(text: string, file: string): string[][] {
  try {
    return csvRecords(text).map((row) => row.map((f) => f.text));
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new SourceDataError(error.problem === 'quote-in-field' ? `${file}: line ${error.line}: a quote in the middle of an unquoted field` : `${file}: unterminated quoted field at end of file`);
  }
}

/**
 * Parses CSV text whose header must include `required` columns. Every row must have as many fields
 * as the header.
 */
export function parseCsv(text: string, file: string, required: readonly string[]): CsvTable {
  const all = records(text, file);
  const header = all[0];
  if (!header) throw new SourceDataError(`${file}: empty file, expected a header row`);
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new SourceDataError(`${file}: header lacks column(s) ${missing.join(', ')} (has ${header.join(', ')})`);
  }
  const rows: CsvRow[] = [];
  for (let r = 1; r < all.length; r++) {
    const fields = all[r]!;
    if (fields.length !== header.length) {
      throw new SourceDataError(`${file}: record ${r + 1}: ${fields.length} fields, the header has ${header.length}`);
    }
    const row: Record<string, string> = {};
    header.forEach((name, k) => {
      row[name] = fields[k]!;
    });
    rows.push(row);
  }
  return { file, header, rows };
}

/** A finite number from a CSV field, or an error naming the file, record and column. */
export function numberField(table: CsvTable, rowIndex: number, column: string, options: { min?: number; max?: number } = {}): number {
  const raw = table.rows[rowIndex]![column];
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  const { min = -Infinity, max = Infinity } = options;
  if (!Number.isFinite(value) || value < min || value > max) {
    const range = Number.isFinite(min) || Number.isFinite(max) ? ` in [${min}, ${max}]` : '';
    throw new SourceDataError(
      `${table.file}: record ${rowIndex + 2}, column ${column}: expected a number${range}, got ${JSON.stringify(raw ?? '')}`,
    );
  }
  return value;
}
