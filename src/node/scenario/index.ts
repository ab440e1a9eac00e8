/**
 * Scenario files on the Node side: read (with `extends`), validate, and say what is wrong with
 * every problem naming its file and JSON path.
 */
import { parseScenario, type Scenario } from '../../shared/scenario';
import { loadScenarioFile, resolveScenarioPath, ScenarioFileError } from './load';

export { loadScenarioFile, resolveScenarioPath, ScenarioFileError, deepMerge, looksLikePath, BUILTIN_SCENARIOS, parseJsonFile } from './load';

/** Reads and validates a scenario file (or `london`); throws ScenarioFileError listing every problem. */
export async function readScenario(nameOrPath: string, cwd: string = process.cwd()): Promise<{ scenario: Scenario; file: string }> {
  const file = resolveScenarioPath(nameOrPath, cwd);
  const raw = await loadScenarioFile(nameOrPath, cwd);
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new ScenarioFileError(parsed.errors.map((issue) => ({ file, issue })));
  return { scenario: parsed.scenario, file };
}
