/**
 * From a command-line scenario argument to a validated scenario, with every bad input turned into
 * an InputError whose message names the file and the JSON path (exit code 2). The world is built
 * where the replications run (src/host/replications.ts), not here.
 */
import { readScenario, ScenarioFileError } from '../node/scenario';
import type { Scenario } from '../shared/scenario';
import { InputError } from './errors';

export interface Prepared {
  readonly scenario: Scenario;
  readonly file: string;
}

/** Reads and validates `nameOrPath`; InputError lists every problem as `file: path: message`. */
export async function prepare(nameOrPath: string): Promise<Prepared> {
  try {
    return await readScenario(nameOrPath);
  } catch (error) {
    if (error instanceof ScenarioFileError) throw new InputError(error.message);
    throw error;
  }
}

/** Names of the data step's errors that mean the user's input or data folder is at fault (exit 2, not 1). */
export const DATA_ERROR_NAMES: readonly string[] = ['DataSourceError', 'DataNotFoundError', 'SourceDataError', 'MissingDataError', 'GraphFileError', 'FileReadError', 'OsmReadError'];

export function isDataError(error: unknown): boolean {
  return error instanceof Error && DATA_ERROR_NAMES.includes(error.name);
}
