/**
 * The page's first data, as a small chunk of its own that the entry (./main.ts) fetches beside the
 * host chunk (./web-host.ts, with the worker pool, the drivers and zod: it comes much later on a
 * busy page): the prebuilt figures (./prebuilt.ts, preloaded by index.html) and the fetches of the
 * data files the sim workers share (./shared-fetch.ts, started once the prebuilt figures are in).
 *
 * First figures (issue 14 aim 4): a run the prebuilt figures answer is answered here (`run`), as
 * soon as they are parsed, without waiting for the host chunk; the host, once there, hears of each
 * (`onUsed`) and starts its check of them (./prebuilt-check.ts). Any other call goes to the host.
 */
import type { RunOutcome, RunProgress, RunRequest } from '../shared/protocol';
import { PREBUILT_FILE, PREBUILT_LIVE_FILE } from './prebuilt';
import { fetchPrebuilt, type PrebuiltLoad } from './prebuilt-fetch';
import { fetchSharedFiles, type SharedFetches } from './shared-fetch';
import { mark } from './timeline';

export interface PageEarly {
  /** the site's prebuilt figures being fetched, or null where it has none */
  readonly prebuilt: PrebuiltLoad | null;
  /** the page's fetches of the files its workers share, or null where it may not share memory */
  readonly sharedFiles: SharedFetches | null;
  /** The prebuilt outcome of `request` (once the figures are fetched), or null: not one they answer (the host runs it). */
  run(request: RunRequest, onProgress?: (progress: RunProgress) => void): Promise<RunOutcome | null>;
  /** Hears the scenario of each run answered here, those answered before too (the host checks them). */
  onUsed(listener: (scenario: Record<string, unknown>) => void): void;
}

export interface EarlyOptions {
  /** whether index.html preloads this file of data/ (scripts/copy-web-data.ts adds the links for the files it made) */
  readonly preloaded?: (file: string) => boolean;
  readonly base?: string;
  readonly fetchPrebuilt?: typeof fetchPrebuilt;
  readonly fetchSharedFiles?: (base: string, after: Promise<void>) => SharedFetches | null;
}

const preloadedInPage = (file: string): boolean => document.querySelector(`link[rel="preload"][href$="/${file}"]`) !== null;

export function pageEarly(options: EarlyOptions = {}): PageEarly {
  const preloaded = options.preloaded ?? preloadedInPage;
  const base = options.base ?? new URL('data/', document.baseURI).href;
  // Only where the build made them: it then preloads them from index.html.
  const prebuilt = preloaded(PREBUILT_FILE) ? (options.fetchPrebuilt ?? fetchPrebuilt)(base, preloaded(PREBUILT_LIVE_FILE)) : null;
  // The shared files wait for the first figures (fetched or failed): 70 MB fetched beside them made them ~0.9 s later.
  const firstData: Promise<void> = prebuilt ? prebuilt.ready.then(
    () => undefined,
    () => undefined,
  ) : Promise.resolve();
  const sharedFiles = (options.fetchSharedFiles ?? ((b, after) => fetchSharedFiles(b, undefined, undefined, undefined, after)))(base, firstData);
  const used: Record<string, unknown>[] = [];
  const listeners: ((scenario: Record<string, unknown>) => void)[] = [];
  return {
    prebuilt,
    sharedFiles,
    async run(request, onProgress) {
      if (!prebuilt) return null;
      const started = performance.now();
      const known = (await prebuilt.ready.catch(() => null))?.run(request);
      if (!known?.ok) return null;
      mark('prebuilt-used-early');
      onProgress?.({ jobId: request.jobId, fraction: 1, replicationsDone: 1, replications: 1 });
      used.push(request.scenario);
      for (const listener of listeners) listener(request.scenario);
      return { ...known, wallMs: Math.round(performance.now() - started) };
    },
    onUsed(listener) {
      listeners.push(listener);
      for (const scenario of used) listener(scenario);
    },
  };
}
