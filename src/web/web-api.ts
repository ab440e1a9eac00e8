/**
 * The browser implementation of `DesktopApi`: the same batch runs as the desktop (src/host/replications.ts)
 * on a pool of Web Workers running the shared sim-worker loop; settings and the autosave in
 * localStorage; files through the File System Access pickers or upload and download
 * (./browser-files.ts). Ctrl/Cmd+O opens a scenario, as the desktop's File menu does.
 */
import { runBatch } from '../host/replications';
import { describeRunError } from '../host/describe';
import { cancelSuggestion, suggestResourcing } from '../host/suggest';
import { LiveDriver } from '../host/live-driver';
import { canShareMemory } from '../host/cancel-board';
import { SimWorkerPool, type Timers } from '../host/pool';
import { CompareRequestSchema, ExportReportRequestSchema, JobIdSchema, LiveCommandSchema, LiveStartRequestSchema, LiveTrainerActionSchema, SaveFileRequestSchema, SnapRequestSchema, SuggestRequestSchema, describeIssues } from '../shared/ipc-schemas';
import type { AppEvent, DesktopApi, MapLayersOutcome, OpenFileOutcome, VersionInfo } from '../shared/protocol';
import { BrowserFiles } from './browser-files';
import type { FileSystemAccess, Picked } from './open-picker';
import { exportReportInBrowser } from './report-export';
import type { PickedFile } from './pick-file';
import { loadSettings, saveSettingsPatch, type StorageLike } from './settings-storage';
import { webSpawn, type WorkerLike } from './web-spawn';
import { mark } from './timeline';
import { frameText, type Prebuilt } from './prebuilt';
import { prebuiltCheck } from './prebuilt-check';
import type { PrebuiltLoad } from './prebuilt-fetch';
import type { SharedFetches } from './shared-fetch';
import { shareFiles } from './shared-files';

/** The localStorage key of the open document's autosave. */
export const AUTOSAVE_KEY = 'response-simulator.autosave';

export interface WebApiOptions {
  readonly createWorker: () => WorkerLike;
  /** sim workers (default 1) */
  readonly workers?: number;
  readonly appVersion: string;
  readonly storage: StorageLike;
  /** shows a file picker; null = the user cancelled */
  readonly pickFile: () => Promise<PickedFile | null>;
  /** the File System Access pickers, where the browser has them (./browser-files.ts); absent: upload and download */
  readonly fileSystemAccess?: FileSystemAccess | null;
  /** offers a saved scenario as a download (without File System Access); absent: saving fails with a message */
  readonly download?: (name: string, text: string, type?: string) => void;
  /** shows a report for print and opens the print dialog (./report-export.ts); absent: no print */
  readonly printReport?: (html: string) => boolean;
  /** where the open document's autosave is kept (localStorage); absent: no autosave */
  readonly autosaveStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** where Ctrl/Cmd+O is listened for (none in tests) */
  readonly keyboard?: Pick<EventTarget, 'addEventListener'>;
  /**
   * Whether workers get a cancel board in shared memory (src/host/cancel-board.ts); default: when
   * the page is cross-origin isolated (`canShareMemory()`).
   */
  readonly sharedCancel?: boolean;
  /**
   * milliseconds a cancelled run may take before its worker is terminated (default 250; with the
   * cancel board `BOARD_HARD_CANCEL_MS`)
   */
  readonly hardCancelMs?: number;
  readonly timers?: Timers;
  /** the `mapLayers` call (src/web/map-layers.ts); absent: no built-in outlines */
  readonly mapLayers?: (source: string) => Promise<MapLayersOutcome>;
  /** wall milliseconds for pacing live sessions (default performance.now) */
  readonly now?: () => number;
  /** minimum milliseconds between live frames (default 100) */
  readonly liveFrameMs?: number;
  /**
   * The outcomes made with the site (./prebuilt.ts), or null when it has none. Runs and live
   * sessions wait for it before going to the workers (it is fetched while the page draws).
   */
  readonly prebuilt?: PrebuiltLoad;
  /**
   * The page's fetches of the data files its workers share (./shared-fetch.ts, where the page may
   * share memory): each worker started is given them (./shared-files.ts). Absent: each worker fetches its own.
   */
  readonly sharedFiles?: SharedFetches | null;
}

/**
 * With a cancel board a cancelled run stops at its next check (milliseconds); what may still hold
 * the worker is a world being built (the 51 MB graph fetched, the world built: tens of seconds on
 * a busy machine), which the next run needs too: let it finish rather than start again from nothing.
 * Only a worker stuck for this long is terminated.
 */
const BOARD_HARD_CANCEL_MS = 60_000;

const browserTimers: Timers = {
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

const sharedWith = (fetches: SharedFetches) => (worker: WorkerLike) => shareFiles(fetches, worker);

/** The browser's API: the `DesktopApi` and what the page itself calls (./web-host.ts, ./deferred-api.ts). */
export interface WebApi extends DesktopApi {
  close(): void;
  prebuiltUsed(scenario: Record<string, unknown>): void;
  /** Open scenario with a pick the page started at the click (./open-picker.ts), before this API was there. */
  openPicked(picking: Promise<Picked>): Promise<OpenFileOutcome>;
}

export function createWebApi(options: WebApiOptions): WebApi {
  const sharedCancel = options.sharedCancel ?? canShareMemory();
  const pool = new SimWorkerPool({
    size: options.workers ?? 1,
    spawn: webSpawn(options.createWorker, { sharedCancel, ...(options.sharedFiles ? { shareFiles: sharedWith(options.sharedFiles) } : {}) }),
    timers: options.timers ?? browserTimers,
    hardCancelMs: options.hardCancelMs ?? (sharedCancel ? BOARD_HARD_CANCEL_MS : 250),
  });
  const running = new Set<string>();
  let prebuilt: Prebuilt | null = null;
  /** false while the prebuilt outcomes are being fetched (runs wait for them: `waiting`) */
  let prebuiltSettled = options.prebuilt === undefined;
  const waiting = new Set<string>();
  const cancelledWaiting = new Set<string>();
  const prebuiltReady: Promise<unknown> = (options.prebuilt?.ready ?? Promise.resolve(null))
    .then(
      (p) => (prebuilt = p),
      () => null,
    )
    .finally(() => (prebuiltSettled = true));
  let prebuiltLiveSettled = options.prebuilt === undefined;
  const prebuiltLive: Promise<unknown> = Promise.all([prebuiltReady, options.prebuilt?.live])
    .catch(() => null)
    .finally(() => (prebuiltLiveSettled = true));
  const timers = options.timers ?? browserTimers;
  // The check's runs are also the first worker's warm-up (its first day's run is 4-5 times slower
  // than the next: caches empty, code not yet optimised). They wait until no live session is
  // opening (its worker's own first frame: the page's session opens from a warm-up snapshot, a
  // second or so of its worker on a cold world), so that the two cores go to it, not to a cold run
  // nobody waits for; they start right after it. Any call that needs the worker cancels them.
  // (A session asked for waits for the prebuilt live frame first: the check waits behind it.)
  // Measured (2026-12-07, against main): at load 7-10 (12 loads each) live-open's end to the page's
  // first frame 607 ms against 1000 ms, ready 7.9 s against 8.1 s; at load 1-4 (6 loads each) ready
  // 4.39-4.81 s against 4.55-5.58 s. The cold run now starts as the user may press Play: Play to the
  // clock moving 763-983 ms against 741-846 ms at load 1-4, 2.0 s against 1.6 s at load 7-10.
  const check = prebuiltCheck(pool, () => prebuilt, { quiet: () => prebuiltLive.then(() => live.settled()) });
  const needWorker = (): void => check.yieldWorker();
  let compareModule: typeof import('../host/compare') | null = null;
  // Live sessions get a worker of their own, started on first use and kept for the next session.
  let livePool: SimWorkerPool | null = null;
  const live = new LiveDriver({
    // The prebuilt first frame (./prebuilt.ts) when the session is the one made with the site.
    firstFrame: (request) => {
      const frame = prebuilt?.liveFrame(request) ?? null;
      if (!frame) return null;
      return {
        frame,
        matches: (own) => {
          if (frameText(own) === frameText(frame)) return true;
          console.error('The live session made with this site differs from this browser\'s; it is no longer used.');
          prebuilt?.dropLive();
          return false;
        },
      };
    },
    // A stopped session's warm-up stops between slices (src/host/loop.ts): give it time rather than
    // lose the worker's world (with the cancel board, as long as a batch run: a world still loading).
    pool: () => (livePool ??= pool.dedicated({ hardCancelMs: sharedCancel ? BOARD_HARD_CANCEL_MS : 5000 })),
    timers,
    now: options.now ?? (() => performance.now()),
    ...(options.liveFrameMs === undefined ? {} : { frameIntervalMs: options.liveFrameMs }),
  });
  const listeners = new Set<(event: AppEvent) => void>();
  let simVersion: string | null = null;

  const files = new BrowserFiles({
    access: options.fileSystemAccess ?? null,
    pickFile: options.pickFile,
    download:
      options.download ??
      (() => {
        throw new Error('this page cannot offer downloads');
      }),
  });
  const openScenarioFile = (): Promise<OpenFileOutcome> => files.open();

  options.keyboard?.addEventListener('keydown', (event) => {
    const key = event as KeyboardEvent;
    if ((key.ctrlKey || key.metaKey) && !key.altKey && key.key.toLowerCase() === 'o') {
      key.preventDefault(); // the browser's own "open file" would leave the app
      void openScenarioFile().then((outcome) => {
        const appEvent: AppEvent | null = outcome.ok
          ? { type: 'scenario-opened', file: outcome.file }
          : outcome.reason === 'cancelled'
            ? null
            : { type: 'open-failed', message: outcome.message };
        if (appEvent) for (const listener of listeners) listener(appEvent);
      });
    }
  });

  return {
    async version(): Promise<VersionInfo> {
      if (simVersion === null) {
        const reply = await pool.call('version', {});
        if (!reply.ok) throw new Error(`the sim worker did not report its version: ${describeRunError(reply.error)}`);
        simVersion = reply.value.sim;
      }
      return { app: options.appVersion, sim: simVersion, host: 'browser', workers: pool.size };
    },
    async runScenario(request, onProgress) {
      if (running.has(request.jobId)) throw new Error(`runScenario: job '${request.jobId}' is already running; job ids must be unique`);
      running.add(request.jobId);
      const name = `page-run${request.days === undefined ? '' : `-${request.days}d`}`;
      mark(`${name}:start`);
      try {
        const started = performance.now();
        if (!prebuiltSettled) {
          // (Cancelled meanwhile: the job never reaches the pool.)
          waiting.add(request.jobId);
          await prebuiltReady;
          waiting.delete(request.jobId);
          if (cancelledWaiting.delete(request.jobId)) return { ok: false, error: { kind: 'cancelled' } };
        }
        const known = prebuilt?.run(request);
        if (known?.ok) {
          mark('prebuilt-used');
          onProgress?.({ jobId: request.jobId, fraction: 1, replicationsDone: 1, replications: 1 });
          check.start(request.scenario);
          return { ...known, wallMs: Math.round(performance.now() - started) };
        }
        needWorker();
        return await runBatch(pool, request, onProgress);
      } finally {
        mark(`${name}:end`);
        running.delete(request.jobId);
      }
    },
    async suggestResourcing(request, onProgress) {
      // The same checks as the desktop's IPC boundary, so both hosts refuse the same calls.
      const checked = SuggestRequestSchema.safeParse(request);
      if (!checked.success) throw new Error(`suggestResourcing: bad arguments: ${describeIssues(checked.error, 'args[0]')}`);
      if (running.has(request.jobId)) throw new Error(`suggestResourcing: job '${request.jobId}' is already running; job ids must be unique`);
      running.add(request.jobId);
      needWorker();
      try {
        return await suggestResourcing(pool, checked.data, onProgress);
      } finally {
        running.delete(request.jobId);
      }
    },
    async compareScenarios(request, onProgress) {
      const checked = CompareRequestSchema.safeParse(request);
      if (!checked.success) throw new Error(`compareScenarios: bad arguments: ${describeIssues(checked.error, 'args[0]')}`);
      if (running.has(request.jobId)) throw new Error(`compareScenarios: job '${request.jobId}' is already running; job ids must be unique`);
      running.add(request.jobId);
      needWorker();
      try {
        // Fetched with the first comparison, so the page's first script stays small.
        compareModule ??= await import('../host/compare');
        return await compareModule.compareScenarios(pool, checked.data, onProgress);
      } finally {
        running.delete(request.jobId);
      }
    },
    async cancel(jobId) {
      if (waiting.has(jobId)) {
        cancelledWaiting.add(jobId);
        return true;
      }
      return live.stop(jobId) || cancelSuggestion(jobId) || (compareModule?.cancelComparison(jobId) ?? false) || pool.cancel(jobId);
    },
    async snapToRoads(request) {
      const checked = SnapRequestSchema.safeParse(request);
      if (!checked.success) throw new Error(`snapToRoads: bad arguments: ${describeIssues(checked.error, 'args[0]')}`);
      needWorker();
      const reply = await pool.call('snap', checked.data);
      return reply.ok ? { ok: true, points: reply.value.points } : { ok: false, error: reply.error };
    },
    async mapLayers(source) {
      if (!options.mapLayers) return { ok: false, message: `no built-in outlines for "${source}" in this host` };
      return options.mapLayers(source);
    },
    async liveStart(request, onFrame) {
      // The same checks as the desktop's IPC boundary, so both hosts refuse the same calls.
      const checked = LiveStartRequestSchema.safeParse(request);
      if (!checked.success) throw new Error(`liveStart: bad arguments: ${describeIssues(checked.error, 'args[0]')}`);
      let frames = 0;
      mark('page-live:start');
      if (!prebuiltLiveSettled) {
        waiting.add(request.jobId);
        await prebuiltLive;
        waiting.delete(request.jobId);
        if (cancelledWaiting.delete(request.jobId)) return { ok: true, reason: 'stopped', tS: 0 };
      }
      return live.start(checked.data, (frame) => {
        if (frames++ === 0) mark('page-live:first-frame');
        onFrame?.(frame);
      });
    },
    async liveControl(jobId, command) {
      const checked = LiveCommandSchema.safeParse(command);
      if (!checked.success) throw new Error(`liveControl: bad arguments: ${describeIssues(checked.error, 'args[1]')}`);
      return live.control(jobId, checked.data);
    },
    async liveTrainer(jobId, action) {
      const id = JobIdSchema.safeParse(jobId);
      if (!id.success) throw new Error(`liveTrainer: bad arguments: ${describeIssues(id.error, 'args[0]')}`);
      const checked = LiveTrainerActionSchema.safeParse(action);
      if (!checked.success) throw new Error(`liveTrainer: bad arguments: ${describeIssues(checked.error, 'args[1]')}`);
      return live.trainer(id.data, checked.data);
    },
    openScenarioFile,
    async openRecentFile(file) {
      return { ok: false, reason: 'unavailable', message: `the browser build cannot reopen ${file} by its path; use Open scenario` };
    },
    async getSettings() {
      return loadSettings(options.storage);
    },
    async updateSettings(patch) {
      return saveSettingsPatch(options.storage, patch);
    },
    async saveScenarioFile(request) {
      const checked = SaveFileRequestSchema.safeParse(request);
      if (!checked.success) throw new Error(`saveScenarioFile: bad arguments: ${describeIssues(checked.error, 'args[0]')}`);
      try {
        return await files.save(checked.data);
      } catch (error) {
        return { ok: false, reason: 'failed', message: `the scenario was not saved: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async writeAutosave(text) {
      const storage = options.autosaveStorage;
      if (!storage) return { ok: false, message: 'this browser page keeps no autosave' };
      try {
        if (text === null) storage.removeItem(AUTOSAVE_KEY);
        else storage.setItem(AUTOSAVE_KEY, text);
        return { ok: true };
      } catch (error) {
        // localStorage is full (a few MB), or turned off.
        return { ok: false, message: `the browser's storage refused it (${error instanceof Error ? error.message : String(error)})` };
      }
    },
    async exportReport(request) {
      const checked = ExportReportRequestSchema.safeParse(request);
      if (!checked.success) throw new Error(`exportReport: bad arguments: ${describeIssues(checked.error, 'args[0]')}`);
      const download = options.download;
      if (!download) return { ok: false, reason: 'failed', message: 'this browser page cannot offer downloads' };
      return exportReportInBrowser(checked.data, { download: (name, text, type) => download(name, text, type), print: options.printReport ?? (() => false) });
    },

    async readAutosave() {
      try {
        return options.autosaveStorage?.getItem(AUTOSAVE_KEY) ?? null;
      } catch {
        return null;
      }
    },
    onAppEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => pool.close(),
    /** A run was answered with the prebuilt figures before this API was there (./page-early.ts): check them (once). */
    prebuiltUsed: (scenario) => void prebuiltReady.then(() => check.start(scenario)),
    openPicked: (picking) => files.open(picking),
  };
}
