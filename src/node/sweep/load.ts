/**
 * Sweep files on the Node side: read, validate against the schema (src/sweep/schema.ts), load the
 * base scenario (relative to the sweep file, `extends` inlined) and check that every variable and
 * every value fits it. Every problem names its file and JSON path, as for scenarios.
 */
import { FileReadError, readCappedText } from '../files/read-capped';
import path from 'node:path';
import { LIMITS } from '../../shared/scenario/limits';
import { parseScenario, type Scenario } from '../../shared/scenario';
import { fromZodIssues } from '../../shared/scenario/issues';
import { formatPath } from '../../shared/scenario/issues';
import { looksLikeSweep, sweepCrossIssues, sweepSchema, variableValues, type SweepFile } from '../../sweep/schema';
import { applyVariable, combinations, VariableError, type RawScenario } from '../../sweep/variables';
import { loadScenarioFile, parseJsonFile, resolveScenarioPath, ScenarioFileError } from '../scenario';

export interface LoadedSweep {
  readonly sweep: SweepFile;
  /** the sweep file, absolute */
  readonly file: string;
  /** the base scenario's file, absolute */
  readonly baseFile: string;
  /** the base scenario as read (`extends` and area files inlined) */
  readonly base: RawScenario;
  /** the base scenario validated */
  readonly baseScenario: Scenario;
}

type Problem = { file: string; issue: { path: string; message: string } };

/** Validates a parsed sweep object read from `file`; throws ScenarioFileError listing every problem. */
export async function loadSweep(raw: unknown, file: string): Promise<LoadedSweep> {
  const parsed = sweepSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ScenarioFileError(fromZodIssues(parsed.error.issues).map((issue) => ({ file, issue })));
  const sweep = parsed.data;
  const cross = sweepCrossIssues(sweep);
  if (cross.length > 0) throw new ScenarioFileError(cross.map((c) => ({ file, issue: { path: formatPath(c.path), message: c.message } })));
  const cwd = path.dirname(file);
  const baseFile = resolveScenarioPath(sweep.base, cwd);
  let base: RawScenario;
  try {
    base = (await loadScenarioFile(sweep.base, cwd)) as RawScenario;
  } catch (error) {
    if (error instanceof ScenarioFileError && error.problems.every((p) => p.file !== baseFile || p.issue.path === '')) {
      // The base cannot be read at all: say so from the sweep file's `base` field.
      throw new ScenarioFileError(error.problems.map((p) => ({ file, issue: { path: 'base', message: `${p.file}: ${p.issue.message}` } })));
    }
    throw error;
  }
  const baseParsed = parseScenario(base);
  if (!baseParsed.ok) throw new ScenarioFileError(baseParsed.errors.map((issue) => ({ file: baseFile, issue })));
  const problems: Problem[] = [];
  try {
    combinations(sweep);
  } catch (error) {
    if (!(error instanceof VariableError)) throw error;
    problems.push({ file, issue: { path: error.path, message: error.message } });
  }
  // Each value of each variable on its own: cheap (a sum, not a product) and it finds every value that does not fit.
  sweep.variables.forEach((v, i) => {
    variableValues(v).forEach((value, k) => {
      try {
        const one = applyVariable(base, v, value, i);
        const check = parseScenario(one);
        if (!check.ok) {
          for (const e of check.errors) problems.push({ file, issue: { path: formatPath(['variables', i, 'values' in v && v.values ? 'values' : 'range', ...(v.values ? [k] : [])]), message: `${JSON.stringify(value)} makes the scenario invalid: ${e.path || '(scenario)'}: ${e.message}` } });
        }
      } catch (error) {
        if (!(error instanceof VariableError)) throw error;
        problems.push({ file, issue: { path: error.path, message: error.message } });
      }
    });
  });
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(JSON.stringify(p)) && seen.add(JSON.stringify(p)));
  if (unique.length > 0) throw new ScenarioFileError(unique);
  return { sweep, file, baseFile, base, baseScenario: baseParsed.scenario };
}

/** Reads and validates a sweep file; throws ScenarioFileError listing every problem. */
export async function readSweep(fileArg: string, cwd: string = process.cwd()): Promise<LoadedSweep> {
  const file = path.resolve(cwd, fileArg);
  let text: string;
  try {
    // Capped and regular files only: a named pipe or /dev/zero must not hang or fill memory (issue 13).
    text = readCappedText(file, LIMITS.scenarioFileBytes, 'sweep files');
  } catch (error) {
    throw new ScenarioFileError([{ file, issue: { path: '', message: error instanceof FileReadError ? error.detail : (error as Error).message } }]);
  }
  return loadSweep(parseJsonFile(file, text), file);
}

/** Whether `arg` names a readable JSON file that is a sweep (has `variables`); false for anything else. */
export function isSweepFile(arg: string, cwd: string = process.cwd()): boolean {
  try {
    return looksLikeSweep(JSON.parse(readCappedText(path.resolve(cwd, arg), LIMITS.scenarioFileBytes, 'sweep files')));
  } catch {
    return false;
  }
}

/** One line about a valid sweep, for `validate`. */
export function sweepSummary(s: LoadedSweep): string {
  const n = combinations(s.sweep).length;
  return `${s.sweep.name ?? 'sweep'}: ${n} combination${n === 1 ? '' : 's'} of ${s.sweep.variables.length} variable${s.sweep.variables.length === 1 ? '' : 's'} on ${s.sweep.base}, ${s.sweep.replications} replication${s.sweep.replications === 1 ? '' : 's'} each`;
}
