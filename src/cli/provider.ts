/**
 * The data provider of the command line: built-in London data sets from the Node data step
 * (src/node/data/provider.ts, written by the London data work). Until that module exists,
 * scenarios with inline areas and points run, and built-in sets are refused with a message naming
 * the set.
 */
import { noBuiltInData, type DataProvider } from '../world';

/** The module path, kept in a variable so the type checker does not require the file yet. */
const PROVIDER_MODULE = '../node/data/provider';

export async function cliDataProvider(): Promise<DataProvider> {
  try {
    const mod = (await import(PROVIDER_MODULE)) as { nodeDataProvider?: () => DataProvider };
    if (typeof mod.nodeDataProvider === 'function') return mod.nodeDataProvider();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  return noBuiltInData;
}
