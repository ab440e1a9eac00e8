/**
 * Reading scenario files (MODEL.md "The scenario file"): JSON with errors that name the file, line
 * and column; `extends` resolved relative to the file that says it, overrides deep-merged over the
 * base, cycles refused; file paths inside a scenario resolved relative to the file that names
 * them (GeoJSON areas are read and inlined, so the world builder never touches files).
 *
 * `london` names the built-in baseline, assets/scenarios/london-baseline.json.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseJsonText } from '../../shared/json-text';
import type { ScenarioInput, ScenarioIssue } from '../../shared/scenario';
import { LIMITS } from '../../shared/scenario/limits';
import { repoRoot } from '../data/paths';
import { FileReadError, readCappedText } from '../files/read-capped';

/** Scenario names that resolve to built-in files, relative to the checkout. */
export const BUILTIN_SCENARIOS: Readonly<Record<string, string>> = {
  london: 'assets/scenarios/london-baseline.json',
};

/** A scenario file that cannot be read: every problem, each with the file it is in. */
export class ScenarioFileError extends Error {
  constructor(readonly problems: readonly { file: string; issue: ScenarioIssue }[]) {
    super(problems.map((p) => `${p.file}: ${p.issue.path ? `${p.issue.path}: ` : ''}${p.issue.message}`).join('\n'));
    this.name = 'ScenarioFileError';
  }
}

/** The path `nameOrPath` stands for: a built-in name, or a path resolved against `cwd`. */
export function resolveScenarioPath(nameOrPath: string, cwd: string = process.cwd()): string {
  const builtin = BUILTIN_SCENARIOS[nameOrPath];
  if (builtin) return path.join(repoRoot(), builtin);
  return path.resolve(cwd, nameOrPath);
}

/** Parses JSON text, turning any problem into a message with line and column (never the file's content). */
export function parseJsonFile(file: string, text: string): unknown {
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ScenarioFileError([{ file, issue: { path: '', message: `not valid JSON: ${parsed.message}` } }]);
  return parsed.value;
}

/**
 * The text of `file` (a regular file of at most LIMITS.scenarioFileBytes); a failure is blamed
 * on `fromFile`'s field `jsonPath` when another file named it (`extends`, `areas.source`).
 */
function readText(file: string, fromFile: string | null, jsonPath: string): string {
  try {
    return readCappedText(file, LIMITS.scenarioFileBytes, 'scenario files');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    const message = error.reason === 'missing' || error.reason === 'unreadable' ? `cannot read ${file}: ${error.detail}` : `${file} ${error.detail}`;
    throw new ScenarioFileError([{ file: fromFile ?? file, issue: { path: jsonPath, message } }]);
  }
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * `override` over `base`: objects merge key by key, anything else (arrays, null) replaces. Keys
 * are defined as own properties, never assigned: a `__proto__` key stays a key (which the schema
 * refuses) instead of changing the merged object's prototype.
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(override)) {
    const value = Object.prototype.hasOwnProperty.call(base, k) ? deepMerge(base[k], v) : v;
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A source string that is a file path rather than a built-in data set name. */
export function looksLikePath(source: string): boolean {
  return /[\\/]/.test(source) || /\.(geo)?json$/i.test(source) || /\.(pbf|bin)$/i.test(source);
}

/** Resolves this file's own paths (areas.source inlined, network.source made absolute). */
function resolvePaths(raw: Json, file: string): Json {
  const dir = path.dirname(file);
  const out: Json = { ...raw };
  const areas = raw['areas'];
  if (isObject(areas) && typeof areas['source'] === 'string' && looksLikePath(areas['source'])) {
    const geo = path.resolve(dir, areas['source']);
    const text = readText(geo, file, 'areas.source');
    let fc: unknown;
    try {
      fc = parseJsonFile(geo, text);
    } catch (error) {
      if (error instanceof ScenarioFileError) {
        throw new ScenarioFileError(error.problems.map((p) => ({ file, issue: { path: 'areas.source', message: `${geo}: ${p.issue.message}` } })));
      }
      throw error;
    }
    out['areas'] = { ...areas, source: fc };
  }
  const network = raw['network'];
  if (isObject(network) && typeof network['source'] === 'string' && looksLikePath(network['source'])) {
    out['network'] = { ...network, source: path.resolve(dir, network['source']) };
  }
  return out;
}

function load(file: string, chain: readonly string[]): Json {
  if (chain.includes(file)) {
    const loop = [...chain.slice(chain.indexOf(file)), file].map((f) => path.basename(f)).join(' -> ');
    throw new ScenarioFileError([{ file: chain.at(-1)!, issue: { path: 'extends', message: `extends makes a cycle: ${loop}` } }]);
  }
  const raw = parseJsonFile(file, readText(file, chain.at(-1) ?? null, chain.length > 0 ? 'extends' : ''));
  if (!isObject(raw)) throw new ScenarioFileError([{ file, issue: { path: '', message: 'expected a JSON object (a scenario)' } }]);
  const own = resolvePaths(raw, file);
  const parent = own['extends'];
  delete own['extends'];
  if (parent === undefined) return own;
  if (typeof parent !== 'string' || parent === '') {
    throw new ScenarioFileError([{ file, issue: { path: 'extends', message: 'expected a file path (relative to this file) or "london"' } }]);
  }
  const parentFile = BUILTIN_SCENARIOS[parent] ? resolveScenarioPath(parent) : path.resolve(path.dirname(file), parent);
  if (!existsSync(parentFile)) {
    throw new ScenarioFileError([{ file, issue: { path: 'extends', message: `no such file: ${parentFile}` } }]);
  }
  let base: Json;
  try {
    base = load(parentFile, [...chain, file]);
  } catch (error) {
    // The parent as a whole is no scenario (not JSON, not an object): blame this file's `extends`.
    if (!(error instanceof ScenarioFileError)) throw error;
    throw new ScenarioFileError(
      error.problems.map((p) => (p.file === parentFile && p.issue.path === '' ? { file, issue: { path: 'extends', message: `${parentFile}: ${p.issue.message}` } } : p)),
    );
  }
  return deepMerge(base, own) as Json;
}

/**
 * Reads `nameOrPath` (a file, or `london`) with its `extends` chain into one raw scenario object,
 * ready for parseScenario. Throws ScenarioFileError naming the file for anything unreadable.
 */
export async function loadScenarioFile(nameOrPath: string, cwd: string = process.cwd()): Promise<ScenarioInput> {
  return load(resolveScenarioPath(nameOrPath, cwd), []) as ScenarioInput;
}
