/**
 * The data provider for scenarios sent by the desktop app's page (src/main): the page may name data
 * only by a built-in set name or by a file the user granted (picked in a dialog this session, named
 * by a scenario so picked, or in the recent list; src/main/grants.ts keeps the list). Anything else
 * is refused as a scenario problem at the field that named it (`areas.source`,
 * `demand.pointsSource`, `network.source`): no file is opened, nothing of it is echoed, and the
 * refusal is an `invalid-scenario` answer, not a crash (no crash report).
 *
 * A granted file that cannot be used (unreadable, not JSON, not a road graph) is reported at its
 * field the same way: it is the user's data, not a fault of the app.
 */
import path from 'node:path';
import type { ScenarioIssue } from '../../shared/scenario';
import { WorldError, type DataProvider } from '../../world';
import { GraphFileError } from '../osm/graph-file';
import { BUILTIN_SETS, DataSourceError } from './provider';

type Kind = keyof typeof BUILTIN_SETS;

/** The scenario field each provider call serves. */
export const SOURCE_FIELDS: Readonly<Record<Kind, string>> = { areas: 'areas.source', points: 'demand.pointsSource', network: 'network.source' };

/** How much of a refused value the message repeats (it came from the page; nothing was read). */
const SHOWN_CHARS = 120;

function shown(source: string): string {
  return JSON.stringify(source.length > SHOWN_CHARS ? `${source.slice(0, SHOWN_CHARS)}…` : source);
}

/** The refusal of a source the page may not name, as the scenario issue it becomes. */
export function refusal(kind: Kind, source: string): ScenarioIssue {
  return {
    path: SOURCE_FIELDS[kind],
    message:
      `${shown(source)} is neither a built-in data set (${BUILTIN_SETS[kind].join(', ')}) nor a file you opened in this app; ` +
      'open the scenario that uses it with File > Open Scenario, and the files it names can be used',
  };
}

/**
 * `inner` limited to built-in set names and absolute paths for which `isGranted` says yes (it is
 * asked on every call, so grants made after the provider was built count).
 */
export function grantedOnlyProvider(inner: DataProvider, isGranted: (file: string) => boolean): DataProvider {
  const guard =
    <T>(kind: Kind, load: (source: string) => Promise<T>) =>
    async (source: string): Promise<T> => {
      if ((BUILTIN_SETS[kind] as readonly string[]).includes(source)) return load(source);
      if (!path.isAbsolute(source) || !isGranted(path.resolve(source))) throw new WorldError([refusal(kind, source)]);
      try {
        return await load(source);
      } catch (error) {
        if (error instanceof DataSourceError || error instanceof GraphFileError) {
          throw new WorldError([{ path: SOURCE_FIELDS[kind], message: error.message }]);
        }
        throw error;
      }
    };
  return {
    areas: guard('areas', (s) => inner.areas(s)),
    points: guard('points', (s) => inner.points(s)),
    network: guard('network', (s) => inner.network(s)),
  };
}
