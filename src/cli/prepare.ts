/**
 * From a command-line scenario argument to a validated scenario and its world, with every bad
 * input turned into an InputError whose message names the file and the JSON path (exit code 2).
 */
import { readScenario, ScenarioFileError } from '../node/scenario';
import type { Scenario } from '../shared/scenario';
import type { SimWorld } from '../sim/world';
import { buildWorld, WorldError } from '../world';
import { InputError } from './errors';
import { nodeDataProvider } from '../node/data/provider';

export interface Prepared {
  readonly scenario: Scenario;
  readonly file: string;
  readonly world: SimWorld;
}

/** Reads and validates `nameOrPath`; InputError lists every problem as `file: path: message`. */
export async function readScenarioArg(nameOrPath: string): Promise<{ scenario: Scenario; file: string }> {
  try {
    return await readScenario(nameOrPath);
  } catch (error) {
    if (error instanceof ScenarioFileError) throw new InputError(error.message);
    throw error;
  }
}

/** Builds the world of a validated scenario; bad references and missing data are InputErrors. */
export async function worldFor(scenario: Scenario, file: string): Promise<SimWorld> {
  try {
    return await buildWorld(scenario, nodeDataProvider());
  } catch (error) {
    if (error instanceof WorldError) throw new InputError(error.issues.map((i) => `${file}: ${i.path || '(scenario)'}: ${i.message}`).join('\n'));
    if (isDataError(error)) throw new InputError(`${file}: ${(error as Error).message}`);
    throw error;
  }
}

export async function prepare(nameOrPath: string): Promise<Prepared> {
  const { scenario, file } = await readScenarioArg(nameOrPath);
  return { scenario, file, world: await worldFor(scenario, file) };
}

/** Errors of the data step that mean the user's input or data folder is at fault (exit 2, not 1). */
export function isDataError(error: unknown): boolean {
  return error instanceof Error && ['DataSourceError', 'DataNotFoundError', 'SourceDataError', 'MissingDataError', 'GraphFileError', 'FileReadError', 'OsmReadError'].includes(error.name);
}
