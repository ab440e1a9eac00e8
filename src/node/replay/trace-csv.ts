/**
 * The command line's side of a replay file: the parser itself is pure and shared with the app
 * (src/shared/trace-csv.ts); reading the file and its size cap are in src/cli/replay.ts.
 */
export { MAX_TRACE_ROWS, TraceFileError, parseTraceCsv } from '../../shared/trace-csv';
