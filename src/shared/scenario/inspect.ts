/**
 * A first look at an untrusted scenario object before anything recursive touches it (zod, the
 * canonical JSON, turf, structured clone): nesting deeper than LIMITS.jsonDepth and keys named
 * `__proto__` are refused with their path. One iterative walk; stops at the first problem.
 */
import type { ScenarioIssue } from './issues';
import { formatPath } from './issues';
import { LIMITS } from './limits';

/** Path components shown for a place nested too deep (the rest is a long run of `[0]`). */
const SHOWN = 6;

/** The first structural problem of `value`, or null. */
export function inspectStructure(value: unknown, maxDepth: number = LIMITS.jsonDepth): ScenarioIssue | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= maxDepth) {
      return { path: formatPath(path.slice(0, SHOWN)), message: `nested more than ${maxDepth} deep inside it; scenarios are never that deep` };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === '__proto__') return { path: formatPath([...path, key]), message: 'a key named __proto__ is not allowed' };
      stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}
