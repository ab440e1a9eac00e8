/**
 * Reading scenario files (MODEL.md "The scenario file"): JSON with errors that name the file, line
 * and column; `extends` resolved relative to the file that says it, overrides deep-merged over the
 * base, cycles refused; file paths inside a scenario resolved relative to the file that names
 * them (GeoJSON areas are read and inlined, so the world builder never touches files).
 *
 * `london` names the built-in baseline, assets/scenarios/london-baseline.json.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ScenarioInput, ScenarioIssue } from '../../shared/scenario';
import { LIMITS } from '../../shared/scenario/limits';
import { repoRoot } from '../data/paths';

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

/** Line and column (1-based) of character `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON, turning a syntax error into a message with line and column. */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : -1;
    const where = offset >= 0 ? lineColumn(text, offset) : null;
    const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    const issue = where ? `line ${where.line}, column ${where.column}: ${text.trim() === '' ? 'the file is empty' : reason}` : reason;
    throw new ScenarioFileError([{ file, issue: { path: '', message: `not valid JSON: ${issue}` } }]);
  }
}

function readText(file: string, fromFile: string | null, jsonPath: string): string {
  try {
    const bytes = statSync(file).size;
    if (bytes > LIMITS.scenarioFileBytes) {
      const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
      throw new ScenarioFileError([{ file: fromFile ?? file, issue: { path: jsonPath, message: `${file} is ${mb(bytes)}; scenario files over ${mb(LIMITS.scenarioFileBytes)} are refused` } }]);
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : ((error as Error).message ?? String(error));
    throw new ScenarioFileError([{ file: fromFile ?? file, issue: { path: jsonPath, message: `cannot read ${file}: ${why}` } }]);
  }
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `override` over `base`: objects merge key by key, anything else (arrays, null) replaces. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? deepMerge(base[k], v) : v;
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
  return deepMerge(load(parentFile, [...chain, file]), own) as Json;
}

/**
 * Reads `nameOrPath` (a file, or `london`) with its `extends` chain into one raw scenario object,
 * ready for parseScenario. Throws ScenarioFileError naming the file for anything unreadable.
 */
export async function loadScenarioFile(nameOrPath: string, cwd: string = process.cwd()): Promise<ScenarioInput> {
  return load(resolveScenarioPath(nameOrPath, cwd), []) as ScenarioInput;
}
