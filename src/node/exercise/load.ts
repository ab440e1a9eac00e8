/**
 * Exercise files on the Node side (docs/MODEL-ADDITIONS.md "Exercise scripts"): read, validate
 * against the schema (src/shared/exercise.ts), load the scenario it names (a built-in name or a
 * file relative to the exercise file) and check every unit, pool, area and place it names against
 * that scenario's world. Every problem names its file and JSON path, as for scenarios.
 */
import path from 'node:path';
import { LIMITS } from '../../shared/scenario/limits';
import { looksLikeExercise, parseExercise, type Exercise } from '../../shared/exercise';
import type { Scenario } from '../../shared/scenario';
import { checkExerciseOn, checkRunnable } from '../../sim';
import { buildWorld } from '../../world';
import { nodeDataProvider } from '../data/provider';
import { FileReadError, readCappedText } from '../files/read-capped';
import { parseJsonFile, readScenario, ScenarioFileError } from '../scenario';

export interface LoadedExercise {
  readonly exercise: Exercise;
  /** the exercise file, absolute */
  readonly file: string;
  readonly scenarioFile: string;
  readonly scenario: Scenario;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readCappedText(file, LIMITS.scenarioFileBytes, 'exercise files');
  } catch (error) {
    throw new ScenarioFileError([{ file, issue: { path: '', message: error instanceof FileReadError ? error.detail : (error as Error).message } }]);
  }
  return parseJsonFile(file, text);
}

/** Reads and checks an exercise file; throws ScenarioFileError listing every problem. */
export async function readExercise(fileArg: string, cwd: string = process.cwd()): Promise<LoadedExercise> {
  const file = path.resolve(cwd, fileArg);
  const parsed = parseExercise(readJson(file));
  if (!parsed.ok) throw new ScenarioFileError(parsed.errors.map((issue) => ({ file, issue })));
  const exercise = parsed.exercise;
  let read: { scenario: Scenario; file: string };
  try {
    read = await readScenario(exercise.scenario, path.dirname(file));
  } catch (error) {
    if (error instanceof ScenarioFileError && error.problems.every((p) => p.issue.path === '')) {
      throw new ScenarioFileError(error.problems.map((p) => ({ file, issue: { path: 'scenario', message: `${p.file}: ${p.issue.message}` } })));
    }
    throw error;
  }
  const world = await buildWorld(read.scenario, nodeDataProvider());
  const runnable = checkRunnable(read.scenario, world);
  if (runnable.length > 0) throw new ScenarioFileError(runnable.map((issue) => ({ file: read.file, issue })));
  const problems = checkExerciseOn(exercise, read.scenario, world);
  if (problems.length > 0) throw new ScenarioFileError(problems.map((issue) => ({ file, issue })));
  return { exercise, file, scenarioFile: read.file, scenario: read.scenario };
}

/** Whether `arg` names a readable JSON file with `kind: "exercise"`. */
export function isExerciseFile(arg: string, cwd: string = process.cwd()): boolean {
  try {
    return looksLikeExercise(JSON.parse(readCappedText(path.resolve(cwd, arg), LIMITS.scenarioFileBytes, 'exercise files')));
  } catch {
    return false;
  }
}

/** One line about a valid exercise, for `validate`. */
export function exerciseSummary(x: LoadedExercise): string {
  const by = new Map<string, number>();
  for (const it of x.exercise.timeline) by.set(it.kind, (by.get(it.kind) ?? 0) + 1);
  const parts = [...by].map(([k, n]) => `${n} ${k}`).join(', ');
  return `exercise "${x.exercise.name}" on ${x.scenario.name}: ${x.exercise.timeline.length} item${x.exercise.timeline.length === 1 ? '' : 's'}${parts ? ` (${parts})` : ''}`;
}
