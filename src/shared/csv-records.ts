/**
 * RFC 4180 records, shared by the London data step (src/node/london/csv.ts) and incident-log replay
 * (./trace-csv.ts): fields split on commas and line ends (LF, CRLF or CR), quoted fields may hold
 * commas, doubled quotes and line breaks, a UTF-8 byte-order mark is not part of the first header,
 * and blank lines carry no record. Each field keeps the line it starts on. Malformed text throws a
 * `CsvSyntaxError` with where it went wrong; callers word it for their file.
 */

export interface CsvField {
  readonly text: string;
  /** 1-based line the field starts on */
  readonly line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: 'quote-in-field' | 'unclosed-quote',
    /** 1-based line of the problem (for an unclosed quote: the last line of the file) */
    readonly line: number,
    /** 1-based column (field number) of a quote in the middle of a field; 0 for an unclosed quote */
    readonly column: number,
  ) {
    super(problem === 'quote-in-field' ? `line ${line}, column ${column}: a quote in the middle of an unquoted field` : `line ${line}: a quoted field is not closed`);
    this.name = 'CsvSyntaxError';
  }
}

export function csvRecords(text: string): CsvField[][] {
  const out: CsvField[][] = [];
  let row: CsvField[] = [];
  let field = '';
  let fieldLine = 1;
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const push = (): void => {
    row.push({ text: field, line: fieldLine });
    field = '';
    fieldLine = line;
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field.length > 0) throw new CsvSyntaxError('quote-in-field', line, row.length + 1);
      quoted = true;
    } else if (c === ',') push();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      push();
      out.push(row);
      row = [];
      fieldLine = line;
    } else field += c;
  }
  if (quoted) throw new CsvSyntaxError('unclosed-quote', line, 0);
  if (field.length > 0 || row.length > 0) {
    push();
    out.push(row);
  }
  return out.filter((r) => !(r.length === 1 && r[0]!.text === ''));
}
