/**
 * Generators of hostile input for the property-based campaign (fast-check): values that broke or
 * could break a reader (extreme and non-finite numbers, control characters, `__proto__`, deep
 * nesting, wrong types) and mutations of a valid scenario that put one of them at any path.
 */
import fc from 'fast-check';

/** Arrays nested `n` deep, built without recursion. */
export function nested(n: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

/** One hostile value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 5e-324, -5e-324, 1e-300, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, -0, 0, -1, 1, 0.5, 24, 90, 181, -91, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer(),
  fc.constantFrom('', ' ', '\u001b[2J\u001b[31m', '\u202eevil', '__proto__', 'constructor', '1e308', 'NaN', '00:00', '25:61', '2023-02-30T00:00:00', '2025-03-30T01:30:00', 'london', '/dev/zero', '../../etc/passwd', 'x'.repeat(10_000)),
  fc.string(),
  fc.constantFrom(null, true, false, [], {}, [[]], [[[]]]),
  // Big values travel as tokens (fast-check prints what it generates, recursively): see realise().
  fc.constantFrom('<nested 200>', '<nested 5000>', '<__proto__ object>', '<2000 numbers>'),
  fc.array(fc.double(), { maxLength: 30 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.double(), fc.string({ maxLength: 8 })), { maxKeys: 5 }),
);

/** The value a token of hostileValue stands for; any other value as it is. */
export function realise(value: unknown): unknown {
  switch (value) {
    case '<nested 200>':
      return nested(200);
    case '<nested 5000>':
      return nested(5000);
    case '<__proto__ object>':
      return JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    case '<2000 numbers>':
      return Array.from({ length: 2000 }, (_, i) => i);
    default:
      return value;
  }
}

type Path = (string | number)[];

/** Every path of `value` (containers and leaves) down to 12 deep, root excluded (a mutation may have put a deep value in). */
export function pathsOf(value: unknown): Path[] {
  const out: Path[] = [];
  const stack: { v: unknown; p: Path }[] = [{ v: value, p: [] }];
  while (stack.length > 0) {
    const { v, p } = stack.pop()!;
    if (p.length > 0) out.push(p);
    if (p.length >= 12) continue;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, p: [...p, i] }));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) stack.push({ v: x, p: [...p, k] });
  }
  return out;
}

export type Mutation = { kind: 'set'; at: number; value: unknown } | { kind: 'delete'; at: number } | { kind: 'add'; at: number; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom('__proto__', 'extra', 'constructor', 'toString'), value: hostileValue }) },
);

/** A deep copy of `base` with the mutations applied (keys defined, never assigned, so `__proto__` stays a key). */
export function applyMutations(base: unknown, mutations: readonly Mutation[]): unknown {
  const root = structuredClone(base);
  for (const m of mutations) {
    const paths = pathsOf(root);
    if (paths.length === 0) break;
    const p = paths[m.at % paths.length]!;
    let parent = root as Record<string | number, unknown>;
    for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const last = p.at(-1)!;
    if (m.kind === 'set') Object.defineProperty(parent, last, { value: realise(m.value), enumerable: true, writable: true, configurable: true });
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
        Object.defineProperty(target, m.key, { value: realise(m.value), enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return root;
}

/** Text mutations of a JSON file: cut, insert hostile bytes, a BOM, a comment, deep nesting. */
export const textMutation: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom('\u0000', '\ufeff', '//', '/*', 'NaN', 'Infinity', ',', '}', ']', '"', '\\', '\u001b', '\ud800', "'x'", '1e999', '-', '<100000 [>')).map(
    ([n, s]) =>
      (t: string) => {
        const i = n % (t.length + 1);
        return t.slice(0, i) + (s === '<100000 [>' ? '['.repeat(100_000) : s) + t.slice(i);
      },
  ),
  fc.constant((t: string) => '\ufeff' + t),
  fc.constant((t: string) => `// scenario\n${t}`),
  fc.constant((t: string) => t.replace('"days"', '"days": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ', "x"')),
  fc.constant((t: string) => t.replace(/\d+(\.\d+)?/, '1e400')),
);

/** JSON text of `value` without recursion (JSON.stringify overflows the stack on the deep values above). */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  const CLOSE = Symbol('close');
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'object' && v !== null && (v as { [CLOSE]?: string })[CLOSE] !== undefined) {
      out.push((v as { [CLOSE]: string })[CLOSE]);
    } else if (typeof v === 'string' && v.startsWith('\u0000raw:')) {
      out.push(v.slice(5));
    } else if (Array.isArray(v)) {
      out.push('[');
      stack.push({ [CLOSE]: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i] === undefined ? null : v[i]);
        if (i > 0) stack.push('\u0000raw:,');
      }
    } else if (typeof v === 'object' && v !== null) {
      out.push('{');
      stack.push({ [CLOSE]: '}' });
      const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push((v as Record<string, unknown>)[keys[i]!]);
        stack.push(`\u0000raw:${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`);
      }
    } else out.push(JSON.stringify(v) ?? 'null');
  }
  return out.join('');
}
