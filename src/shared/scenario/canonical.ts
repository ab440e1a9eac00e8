/**
 * The canonical text of a scenario (keys sorted at every level, no spaces) and its hash: the
 * identity of "what was simulated" recorded in results (`meta.scenarioHash`).
 */
import type { Scenario } from './schema';
import { sha256Hex } from './sha256';

/** JSON with object keys sorted; `undefined` members dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

const hashes = new WeakMap<Scenario, string>();

/**
 * sha256 of the canonical validated scenario (defaults applied, so equal meaning = equal hash).
 * Remembered per scenario object: replications of a scenario with inline GeoJSON hash it once.
 */
export function scenarioHash(scenario: Scenario): string {
  let h = hashes.get(scenario);
  if (h === undefined) {
    h = sha256Hex(canonicalJson(scenario));
    hashes.set(scenario, h);
  }
  return h;
}
