/** Base64 of bytes, written out (src/sim imports no platform: no Buffer, no btoa). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

const CHARS = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

export function toBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const x = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CHARS[x >> 18]!;
    out[o++] = CHARS[(x >> 12) & 63]!;
    out[o++] = CHARS[(x >> 6) & 63]!;
    out[o++] = CHARS[x & 63]!;
  }
  if (i < n) {
    const x = (bytes[i]! << 16) | ((i + 1 < n ? bytes[i + 1]! : 0) << 8);
    out[o++] = CHARS[x >> 18]!;
    out[o++] = CHARS[(x >> 12) & 63]!;
    out[o++] = i + 1 < n ? CHARS[(x >> 6) & 63]! : 61;
    out[o++] = 61;
  }
  const parts: string[] = [];
  for (let k = 0; k < out.length; k += 8192) parts.push(String.fromCharCode(...out.subarray(k, k + 8192)));
  return parts.join('');
}

/** The number of bytes `text` (base64, padded) holds. */
export function base64Bytes(text: string): number {
  if (text.length % 4 !== 0) throw new Error('snapshot damaged: base64 of a length not a multiple of 4');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - pad;
}

export function fromBase64(text: string): Uint8Array {
  const out = new Uint8Array(base64Bytes(text));
  fromBase64Into(text, out);
  return out;
}

/** Writes the bytes of `text` (base64Bytes of them) at the start of `out`. */
export function fromBase64Into(text: string, out: Uint8Array): void {
  const bytes = base64Bytes(text);
  if (out.length < bytes) throw new Error(`fromBase64Into: ${bytes} bytes into ${out.length}`);
  // The platform's decoder where there is one (Chromium 140 on, Node 25): several times faster.
  const native = (out as { setFromBase64?: (text: string) => { read: number; written: number } }).setFromBase64;
  // (It skips white space, which base64Bytes counts: white space gives too few bytes, refused.)
  if (native !== undefined) {
    let written = -1;
    try {
      written = native.call(out, text).written;
    } catch {
      // not base64: the error below
    }
    if (written !== bytes) throw new Error('snapshot damaged: not base64');
    return;
  }
  // Every quad but the last (which may be padded) gives 3 bytes; a character not of the alphabet
  // (code -1, or past 127) turns the quad negative.
  const whole = text.length === 0 ? 0 : text.length - 4;
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = code(text.charCodeAt(i));
    const b = code(text.charCodeAt(i + 1));
    const c = code(text.charCodeAt(i + 2));
    const d = code(text.charCodeAt(i + 3));
    if ((a | b | c | d) < 0) throw new Error(`snapshot damaged: '${text.slice(i, i + 4)}' in base64`);
    out[o] = (a << 2) | (b >> 4);
    out[o + 1] = ((b & 15) << 4) | (c >> 2);
    out[o + 2] = ((c & 3) << 6) | d;
    o += 3;
  }
  if (whole < text.length) {
    const i = whole;
    const a = checked(text, i);
    const b = checked(text, i + 1);
    const c = text.charCodeAt(i + 2) === 61 ? 0 : checked(text, i + 2);
    const d = text.charCodeAt(i + 3) === 61 ? 0 : checked(text, i + 3);
    const x = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < bytes) out[o++] = x >> 16;
    if (o < bytes) out[o++] = (x >> 8) & 255;
    if (o < bytes) out[o++] = x & 255;
  }
}

function code(c: number): number {
  return c < 128 ? CODES[c]! : -1;
}

function checked(text: string, i: number): number {
  const v = code(text.charCodeAt(i));
  if (v < 0) throw new Error(`snapshot damaged: '${text[i]}' in base64`);
  return v;
}
