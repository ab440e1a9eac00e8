/**
 * JSON text from a file the user gave, read without trusting it: a byte-order mark, comments,
 * NaN or Infinity, and nesting deeper than LIMITS.jsonDepth are refused with the line and column,
 * in words that never quote the file's content (a file named by mistake, such as /etc/passwd,
 * is not echoed). Depth is checked by one scan of the text before anything recursive sees it.
 */
import { parse as parseTolerant, type ParseError } from 'jsonc-parser';
import { LIMITS } from './scenario/limits';
import { formatPath } from './scenario/issues';

export type JsonTextOutcome = { ok: true; value: unknown } | { ok: false; message: string };

/** Line and column (1-based) of character `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** jsonc-parser's error codes (a const enum there) in our words. */
const REASONS: Record<number, string> = {
  1: 'unexpected character (NaN, Infinity, single quotes and unquoted names are not JSON)',
  2: 'a malformed number',
  3: 'expected a property name in double quotes (JSON allows no trailing comma and no unquoted names)',
  4: 'expected a value (JSON allows no trailing comma)',
  5: "expected ':'",
  6: "expected ',' between the members",
  7: "expected '}'",
  8: "expected ']'",
  9: 'unexpected content after the end of the JSON value',
  10: 'a comment (JSON has no comments; remove it)',
  11: 'an unterminated comment (JSON has no comments)',
  12: 'a string that is not closed',
  13: 'a number that ends too soon',
  14: 'a malformed \\u escape',
  15: 'a malformed escape in a string',
  16: 'a control character in a string (write it as an escape, e.g. \\n)',
};

/** Parses JSON text; the failure message starts `line L, column C: ` where there is a place. */
export function parseJsonText(text: string, maxDepth: number = LIMITS.jsonDepth): JsonTextOutcome {
  if (text.charCodeAt(0) === 0xfeff) {
    return { ok: false, message: 'line 1, column 1: a byte-order mark at the start (save the file as UTF-8 without a BOM)' };
  }
  if (text.trim() === '') return { ok: false, message: `line 1, column 1: the file is empty` };
  if (text.slice(0, 4096).includes('\u0000')) return { ok: false, message: 'not a text file (it holds binary data)' };
  const deep = tooDeep(text, maxDepth);
  if (deep) return { ok: false, message: deep };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: locateError(text) };
  }
}

function locateError(text: string): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return 'not valid JSON';
  const { line, column } = lineColumn(text, first.offset);
  const word = /^-?(NaN|Infinity)/.exec(text.slice(first.offset, first.offset + 9));
  const reason = word ? `${word[0]} is not a JSON number (write a number, or leave the field out)` : (REASONS[first.error] ?? 'not valid JSON');
  return `line ${line}, column ${column}: ${reason}`;
}

interface Frame {
  array: boolean;
  index: number;
  key: string | null;
}

/**
 * One pass over the text (strings skipped): the first place nested deeper than `maxDepth`, with
 * its line, column and the JSON path of the value that holds it; null when none is.
 */
function tooDeep(text: string, maxDepth: number): string | null {
  const frames: Frame[] = [];
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      lastString = text.slice(start, i + 1);
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (frames.length >= maxDepth) {
        const { line, column } = lineColumn(text, i);
        const path = formatPath(frames.slice(0, 6).map((f) => (f.array ? f.index : (f.key ?? '?'))));
        return `line ${line}, column ${column}: nested more than ${maxDepth} deep${path ? ` (inside ${path})` : ''}; scenario files are never that deep`;
      }
      frames.push({ array: c === 0x5b, index: 0, key: null });
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      frames.pop();
    } else if (c === 0x3a /* : */) {
      const top = frames.at(-1);
      if (top && !top.array) top.key = decodeKey(lastString);
    } else if (c === 0x2c /* , */) {
      const top = frames.at(-1);
      if (top?.array) top.index++;
    }
  }
  return null;
}

function decodeKey(literal: string): string {
  try {
    const key = JSON.parse(literal) as unknown;
    return typeof key === 'string' ? key : '?';
  } catch {
    return '?';
  }
}
