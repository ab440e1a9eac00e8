/**
 * The seeded generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
 * passes PractRand to 2^42+ bytes), seeded through splitmix32 from (scenario seed, stream name).
 *
 * One stream per purpose ("arrivals:999", "handling:101", "onScene:999", ...): a stream's numbers
 * depend only on the seed and its name, so using one purpose more or less (e.g. more units, hence
 * more dispatches) never shifts another purpose's numbers. That is what makes a baseline and a
 * variant see the same calls (common random numbers).
 */

/** 32-bit FNV-1a of a string's UTF-16 code units, then a murmur3 finaliser. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A splitmix32 sequence: well-spread 32-bit words from any start value (for seeding only). */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** A stream of uniform numbers. Not thread-safe, not shareable: one owner per purpose. */
export class Rng {
  // Given a number from the start (not left undefined until the constructor): a field first
  // holding undefined keeps any value boxed, and the state words outside the small-integer range
  // then cost a new heap number at every draw.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** `seedLo`, `seedHi`: the two 32-bit halves of the seed material. */
  constructor(seedLo: number, seedHi: number) {
    const mixLo = splitmix32(seedLo);
    const mixHi = splitmix32(seedHi ^ 0x5bd1e995);
    this.a = mixLo();
    this.b = mixHi();
    this.c = mixLo() ^ mixHi();
    this.d = 1;
    // sfc32's author recommends discarding the first outputs after seeding.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits (two 32-bit outputs). */
  next(): number {
    // nextU32 twice, written out (one small function the engine inlines into its callers).
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    const hi = t >>> 5; // 27 bits
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    const lo = t >>> 6; // 26 bits
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in (0, 1]: safe under a logarithm. */
  nextOpen(): number {
    return 1 - this.next();
  }

  /** A bound method for APIs that take `() => number` (e.g. AreaSet.samplePoint). */
  readonly uniform = (): number => this.next();
}

/** The stream `name` of scenario seed `seed` (a whole number up to 2^53). */
export function streamRng(seed: number, name: string): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const h = hashString(name);
  return new Rng(lo ^ h, fmix32(hi ^ Math.imul(h, 0x9e3779b1)));
}
