/**
 * The Electron host's implementation of every `DesktopApi` call (registered by ./ipc.ts). Electron
 * itself is not imported: dialogs, the pool and the crash-report writer are injected, so these
 * handlers run in plain Node tests.
 */
import { runBatch, type BatchPool } from '../host/replications';
import { describeRunError } from '../host/describe';
import { cancelComparison, compareScenarios } from '../host/compare';
import { cancelSuggestion, suggestResourcing } from '../host/suggest';
import type { LiveDriver } from '../host/live-driver';
import path from 'node:path';
import type { ExportReportOutcome, ExportReportRequest, MapLayersOutcome, OpenFileOutcome, SaveFileOutcome, Settings, VersionInfo } from '../shared/protocol';
import type { GrantedPaths } from './grants';
import type { MainHandlers } from './ipc';
import type { SettingsStore } from './settings';

export interface HandlerDeps {
  /** the current pool of sim workers (replaced when a setting the workers depend on changes) */
  readonly pool: () => BatchPool;
  readonly settings: SettingsStore;
  /** shows the open dialog and reads the chosen file */
  readonly openDialog: () => Promise<OpenFileOutcome>;
  readonly readFile: (file: string) => Promise<OpenFileOutcome>;
  readonly appVersion: string;
  readonly workers: number;
  /** after the recent files changed (to rebuild the menu) */
  readonly onRecentFilesChanged?: (recentFiles: readonly string[]) => void;
  /** after the renderer changed settings */
  readonly onSettingsChanged?: (settings: Settings, previous: Settings) => void;
  /** writes a crash report for a failed run and returns its path (or null when it could not) */
  readonly writeCrashReport?: (title: string, details: string) => string | null;
  /** the live sessions (src/host/live-driver.ts, on a sim worker of their own) */
  readonly live: LiveDriver;
  /** the outlines of a built-in area set (./map-layers.ts) */
  readonly mapLayers: (source: string) => Promise<MapLayersOutcome>;
  /** writes a scenario's text to a file (./files.ts `writeScenarioFile`) */
  readonly writeScenario?: (file: string, text: string) => Promise<SaveFileOutcome>;
  /** shows the save dialog (starting in `folder`) and writes the chosen file (./files.ts `saveScenarioWithDialog`) */
  readonly saveDialog?: (text: string, suggestedName: string, folder: string | null) => Promise<SaveFileOutcome>;
  /** the open document's autosave (./autosave.ts) */
  readonly autosave?: { write(text: string | null): Promise<{ ok: true } | { ok: false; message: string }>; read(): Promise<string | null> };
  /**
   * The files the user granted (./grants.ts): a scenario opened through a dialog or the recent
   * list is added with the data files it names; `updateSettings` sets `dataDir` only to one of them.
   */
  readonly grants?: GrantedPaths;
  /** "Export report": asks where, prints the page's report to PDF and writes it with the HTML and scenario (./report-export.ts) */
  readonly exportReport?: (request: ExportReportRequest) => Promise<ExportReportOutcome>;
}

export function createMainHandlers(deps: HandlerDeps): MainHandlers {
  const running = new Set<string>();
  let simVersion: string | null = null;

  const crashReportFor = <E extends { kind: string; message: string; stack?: string }>(error: E, what: string, lines: string[]): E => {
    if (!deps.writeCrashReport || (error.kind !== 'failed' && error.kind !== 'worker-crashed')) return error;
    const details = [...lines, `error: ${error.kind}: ${error.message}`, ...(error.stack ? ['', error.stack] : [])].join('\n');
    const crashReport = deps.writeCrashReport(`${what} ${error.kind}`, details);
    return crashReport === null ? error : { ...error, crashReport };
  };

  const remember = (outcome: OpenFileOutcome): OpenFileOutcome => {
    if (!outcome.ok) return outcome;
    deps.grants?.grantScenario(outcome.file.path, outcome.file.raw);
    deps.onRecentFilesChanged?.(deps.settings.addRecent(outcome.file.path).recentFiles);
    deps.grants?.changed();
    return outcome;
  };

  return {
    async version(): Promise<VersionInfo> {
      if (simVersion === null) {
        const reply = await deps.pool().call('version', {});
        if (!reply.ok) throw new Error(`the sim worker did not report its version: ${describeRunError(reply.error)}`);
        simVersion = reply.value.sim;
      }
      return { app: deps.appVersion, sim: simVersion, host: 'electron', workers: deps.workers };
    },

    async runScenario([request], emit) {
      if (running.has(request.jobId)) throw new Error(`runScenario: job '${request.jobId}' is already running; job ids must be unique`);
      running.add(request.jobId);
      try {
        const outcome = await runBatch(deps.pool(), request, emit);
        if (outcome.ok || !deps.writeCrashReport) return outcome;
        const error = outcome.error;
        if (error.kind !== 'failed' && error.kind !== 'worker-crashed') return outcome;
        const details = [
          `job: ${request.jobId}`,
          `replications: ${request.replications ?? 1}, seed: ${request.seed ?? '(scenario)'}, days: ${request.days ?? '(scenario)'}`,
          `scenario name: ${String(request.scenario.name ?? '(none)')}`,
          `error: ${error.kind}: ${error.message}`,
          ...(error.kind === 'failed' && error.stack ? ['', error.stack] : []),
        ].join('\n');
        const crashReport = deps.writeCrashReport(`run ${error.kind}`, details);
        return crashReport === null ? outcome : { ok: false, error: { ...error, crashReport } };
      } finally {
        running.delete(request.jobId);
      }
    },

    async suggestResourcing([request], emit) {
      if (running.has(request.jobId)) throw new Error(`suggestResourcing: job '${request.jobId}' is already running; job ids must be unique`);
      running.add(request.jobId);
      try {
        return await suggestResourcing(deps.pool(), request, emit);
      } finally {
        running.delete(request.jobId);
      }
    },

    async compareScenarios([request], emit) {
      if (running.has(request.jobId)) throw new Error(`compareScenarios: job '${request.jobId}' is already running; job ids must be unique`);
      running.add(request.jobId);
      try {
        return await compareScenarios(deps.pool(), request, emit);
      } finally {
        running.delete(request.jobId);
      }
    },

    async cancel([jobId]) {
      return deps.live.stop(jobId) || cancelSuggestion(jobId) || cancelComparison(jobId) || deps.pool().cancel(jobId);
    },

    async mapLayers([source]) {
      return deps.mapLayers(source);
    },

    async snapToRoads([request]) {
      const reply = await deps.pool().call('snap', request);
      return reply.ok ? { ok: true, points: reply.value.points } : { ok: false, error: reply.error };
    },

    async liveStart([request], emit) {
      const outcome = await deps.live.start(request, emit);
      if (outcome.ok || (outcome.error.kind !== 'failed' && outcome.error.kind !== 'worker-crashed')) return outcome;
      return {
        ok: false,
        error: crashReportFor(outcome.error, 'live session', [`live session: ${request.jobId}`, `scenario name: ${String(request.scenario.name ?? '(none)')}`]),
      };
    },

    async liveControl([jobId, command]) {
      return deps.live.control(jobId, command);
    },

    async liveTrainer([jobId, action]) {
      return deps.live.trainer(jobId, action);
    },

    async openScenarioFile() {
      return remember(await deps.openDialog());
    },

    async openRecentFile([file]) {
      // The page names a path; only files the user opened before through a dialog may be read.
      if (!deps.settings.get().recentFiles.includes(file)) throw new Error(`openRecentFile: '${file}' is not one of the recent files`);
      return remember(await deps.readFile(file));
    },

    async getSettings() {
      return deps.settings.get();
    },

    async saveScenarioFile([request]) {
      if (!deps.writeScenario || !deps.saveDialog) return { ok: false, reason: 'failed', message: 'this host cannot save files' };
      // The page may name a path only to overwrite a file the user picked in a dialog (granted, or one of the recent files).
      const known = request.path !== null && (deps.grants ? deps.grants.has(request.path) : deps.settings.get().recentFiles.includes(request.path));
      const outcome =
        !request.saveAs && known
          ? await deps.writeScenario(request.path!, request.text)
          : await deps.saveDialog(request.text, request.suggestedName, known ? path.dirname(request.path!) : null);
      if (outcome.ok) {
        deps.grants?.grant(outcome.path);
        deps.onRecentFilesChanged?.(deps.settings.addRecent(outcome.path).recentFiles);
      }
      return outcome;
    },

    async writeAutosave([text]) {
      if (!deps.autosave) return { ok: false, message: 'this host keeps no autosave' };
      return deps.autosave.write(text);
    },

    async exportReport([request]) {
      if (!deps.exportReport) return { ok: false, reason: 'failed', message: 'this host cannot export reports' };
      return deps.exportReport(request);
    },

    async readAutosave() {
      return deps.autosave ? deps.autosave.read() : null;
    },

    async updateSettings([patch]) {
      const previous = deps.settings.get();
      // The page may not point the workers at a folder of its choosing: only back to the default,
      // the folder in use, or one the user granted.
      if (deps.grants && typeof patch.dataDir === 'string' && patch.dataDir !== previous.dataDir && !deps.grants.has(patch.dataDir)) {
        throw new Error('updateSettings: dataDir: only a folder the user picked in a dialog may be set (or null for the default)');
      }
      const next = deps.settings.update(patch);
      deps.onSettingsChanged?.(next, previous);
      return next;
    },
  };
}
