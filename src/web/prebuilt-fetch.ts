/**
 * Fetches the site's prebuilt outcomes (./prebuilt.ts): the runs first, the live frame beside
 * them where the site has it (`live`: settled once it is added or known to be missing). A site without them (built with
 * RESPONSE_SIM_WEB_PREBUILT=0 or without the London data), or files of another simulator version,
 * give null: the page then runs everything in its workers, as before. index.html preloads both.
 */
import { SIM_VERSION } from '../sim/version';
import { Prebuilt, PREBUILT_FILE, PREBUILT_LIVE_FILE, WARM_SNAPSHOTS_FILE, WARM_SNAPSHOTS_FORMAT, warmSnapshotFile } from './prebuilt';
import { gunzipped } from './gunzip';
import { markedAsync } from './timeline';

type FetchJson = (url: string) => Promise<Pick<Response, 'ok' | 'json'>>;

export interface PrebuiltLoad {
  readonly ready: Promise<Prebuilt | null>;
  readonly live: Promise<unknown>;
}

async function json(fetchFn: FetchJson, url: string): Promise<unknown> {
  try {
    const response = await fetchFn(url);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** @param withLive whether the site has the live frame (built with RESPONSE_SIM_WEB_PREBUILT_LIVE=1) */
export function fetchPrebuilt(base: string, withLive: boolean, fetchFn: FetchJson = (url) => fetch(url)): PrebuiltLoad {
  const runs = markedAsync('prebuilt-fetch', () => json(fetchFn, new URL(PREBUILT_FILE, base).href));
  const liveJson = withLive ? markedAsync('prebuilt-live-fetch', () => json(fetchFn, new URL(PREBUILT_LIVE_FILE, base).href)) : Promise.resolve(null);
  const ready = runs.then((file) => Prebuilt.from(file, SIM_VERSION));
  const live = Promise.all([ready, liveJson]).then(([prebuilt, file]) => prebuilt?.addLive(file));
  return { ready, live };
}

/**
 * For a sim worker (HostDeps.warmSnapshot): the site's warm-up snapshot for a live session's key
 * (`warmSnapshotFile`; made by scripts/web-prebuilt.ts for the London baseline, gzipped: 7 MB of
 * text in 1.4 MB), or null when the site has none for it: only a file the site's list names
 * (`WARM_SNAPSHOTS_FILE`, fetched once) is asked for. Each key is fetched once per worker. A
 * server that sent it already unzipped (Content-Encoding) is fine too: the gzip magic decides.
 */
export function fetchWarmSnapshot(base: string, fetchFn: (url: string) => Promise<Pick<Response, 'ok' | 'arrayBuffer' | 'json'>> = (url) => fetch(url)): (key: string) => Promise<string | null> {
  const fetched = new Map<string, Promise<string | null>>();
  let listed: Promise<ReadonlySet<string>> | null = null;
  const list = (): Promise<ReadonlySet<string>> =>
    (listed ??= json(fetchFn, new URL(WARM_SNAPSHOTS_FILE, base).href).then((file) => {
      const { format, files } = (file ?? {}) as { format?: unknown; files?: unknown };
      return new Set(format === WARM_SNAPSHOTS_FORMAT && Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : []);
    }));
  return (key) => {
    let text = fetched.get(key);
    if (text === undefined) {
      text = markedAsync('warm-snapshot-fetch', async () => {
        try {
          const name = warmSnapshotFile(key);
          if (!(await list()).has(name)) return null;
          const response = await fetchFn(new URL(name, base).href);
          return response.ok ? await gunzipText(new Uint8Array(await response.arrayBuffer())) : null;
        } catch {
          return null;
        }
      });
      fetched.set(key, text);
    }
    return text;
  };
}

/** The text of `bytes`, gunzipped first when they are gzip. */
async function gunzipText(bytes: Uint8Array): Promise<string> {
  return new TextDecoder().decode(await gunzipped(bytes));
}
