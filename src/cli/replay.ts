/**
 * `run --replay FILE`: reads the recorded incident log a run replays (src/shared/trace-csv.ts).
 * A file that cannot be read or parsed is bad input (exit 2), naming the file, line and column.
 */
import path from 'node:path';
import { FileReadError, readCappedText } from '../node/files/read-capped';
import { TraceFileError, parseTraceCsv } from '../node/replay/trace-csv';
import type { TraceCall } from '../sim';
import { displayPath } from './args';
import { InputError } from './errors';

/** Replay files over this size are refused before they are read. */
export const MAX_TRACE_BYTES = 512 * 1024 * 1024;

export function readTrace(arg: string): readonly TraceCall[] {
  const file = path.resolve(arg);
  try {
    const text = readCappedText(file, MAX_TRACE_BYTES, 'replay files');
    return parseTraceCsv(text, displayPath(file));
  } catch (error) {
    if (error instanceof FileReadError) throw new InputError(`--replay ${error.message}`);
    if (error instanceof TraceFileError) throw new InputError(error.message);
    throw error;
  }
}
