/**
 * Text from a user's file made safe to print on a terminal: control characters (ESC and the rest
 * of C0 and C1, DEL) and the bidirectional overrides that reorder what is shown are written as
 * visible escapes (`\x1b`, `\u202e`), so a scenario name cannot move the cursor, clear the screen,
 * retitle the window or disguise itself. Newlines and tabs are kept.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character as a visible escape. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Does `text` hold characters that printable() would rewrite? */
export function hasControlCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}
