import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash } from '../../src/shared/scenario';
import { sha256Hex } from '../../src/shared/scenario/sha256';
import { parsed, smallInput } from '../sim/fixtures/small';

describe('scenario hash', () => {
  it('sha256 matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('sha256 agrees with node:crypto on UTF-8 text of every length around the block size', () => {
    for (const text of ['é€𝄞 London', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'ü'.repeat(100)]) {
      expect(sha256Hex(text), JSON.stringify(text.slice(0, 10))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('equal meaning gives an equal hash: key order and spelled-out defaults do not matter', () => {
    const a = smallInput();
    const reversed = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(reversed) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reversed(v)])) : x;
    const b = reversed(a) as typeof a;
    expect(Object.keys(b)[0], 'really reversed').toBe(Object.keys(a).at(-1));
    const withDefaults = { ...smallInput(), stations: smallInput().stations.map((st) => ({ custody: false, ...st })) };
    expect(scenarioHash(parsed(b))).toBe(scenarioHash(parsed(a)));
    expect(scenarioHash(parsed(withDefaults))).toBe(scenarioHash(parsed(a)));
    expect(scenarioHash(parsed({ ...a, seed: 8 }))).not.toBe(scenarioHash(parsed(a)));
  });
});
