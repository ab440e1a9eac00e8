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

export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('snapshot damaged: base64 of a length not a multiple of 4');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = code(text, i);
    const b = code(text, i + 1);
    const c = text[i + 2] === '=' ? 0 : code(text, i + 2);
    const d = text[i + 3] === '=' ? 0 : code(text, i + 3);
    const x = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = x >> 16;
    if (o < out.length) out[o++] = (x >> 8) & 255;
    if (o < out.length) out[o++] = x & 255;
  }
  return out;
}

function code(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const v = c < 128 ? CODES[c]! : -1;
  if (v < 0) throw new Error(`snapshot damaged: '${text[i]}' in base64`);
  return v;
}
