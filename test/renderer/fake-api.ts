/** A scriptable `DesktopApi` for component tests: each call is answered the way the test says. */
import type {
  AppEvent,
  ExportReportRequest,
  DesktopApi,
  LiveCommand,
  LiveFrame,
  LiveOutcome,
  LivePlayback,
  LiveStartRequest,
  LiveTrainerAction,
  LiveTrainerOutcome,
  MapLayersOutcome,
  RunOutcome,
  RunProgress,
  RunRequest,
  SaveFileRequest,
  VersionInfo,
} from '../../src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../src/shared/ipc-schemas';

export interface PendingRun {
  request: RunRequest;
  progress(fraction: number): void;
  finish(outcome: RunOutcome): void;
}

export interface PendingLive {
  request: LiveStartRequest;
  commands: LiveCommand[];
  /** trainer's actions received, and how the fake answers them (the test may replace it) */
  actions: LiveTrainerAction[];
  answer: (action: LiveTrainerAction) => LiveTrainerOutcome;
  playback: LivePlayback;
  frame(frame: Omit<LiveFrame, 'jobId'>): void;
  finish(outcome: LiveOutcome): void;
}

export function fakeApi(overrides: Partial<DesktopApi> = {}) {
  const runs: PendingRun[] = [];
  const lives: PendingLive[] = [];
  const cancelled: string[] = [];
  const listeners = new Set<(event: AppEvent) => void>();
  /** what the app saved (Save, Save as) and autosaved, in order; the autosave the fake holds */
  const saves: SaveFileRequest[] = [];
  const autosaves: (string | null)[] = [];
  /** what the app asked to export (Export report) */
  const reports: ExportReportRequest[] = [];
  const files = { autosave: null as string | null };
  const api: DesktopApi = {
    version: async (): Promise<VersionInfo> => ({ app: '0.1.0', sim: '9.9.9', host: 'browser', workers: 2 }),
    runScenario: (request, onProgress?: (p: RunProgress) => void) =>
      new Promise<RunOutcome>((resolve) => {
        runs.push({
          request,
          progress: (fraction) => onProgress?.({ jobId: request.jobId, fraction, replicationsDone: 0, replications: 1 }),
          finish: resolve,
        });
      }),
    cancel: async (jobId) => {
      cancelled.push(jobId);
      const run = runs.find((r) => r.request.jobId === jobId);
      run?.finish({ ok: false, error: { kind: 'cancelled' } });
      const live = lives.find((l) => l.request.jobId === jobId);
      live?.finish({ ok: true, reason: 'stopped', tS: 0 });
      return run !== undefined || live !== undefined;
    },
    mapLayers: async (): Promise<MapLayersOutcome> => ({ ok: false, message: 'no outlines in the fake' }),
    // Straight-line travel in the fake: no roads to snap to.
    snapToRoads: async () => ({ ok: true, points: null }),
    liveStart: (request, onFrame?: (frame: LiveFrame) => void) =>
      new Promise<LiveOutcome>((resolve) => {
        lives.push({
          request,
          commands: [],
          actions: [],
          answer: (action) => ({ ok: false, kind: action.kind, reason: 'FAILED', message: 'the fake was not told how to answer' }),
          playback: { playing: request.playing ?? false, speed: request.speed ?? 60 },
          frame: (frame) => onFrame?.({ ...frame, jobId: request.jobId }),
          finish: resolve,
        });
      }),
    liveControl: async (jobId, command) => {
      const live = lives.find((l) => l.request.jobId === jobId);
      if (!live) return null;
      live.commands.push(command);
      if (command.kind === 'play') live.playback = { ...live.playback, playing: true };
      if (command.kind === 'pause' || command.kind === 'step') live.playback = { ...live.playback, playing: false };
      if (command.kind === 'speed') live.playback = { ...live.playback, speed: command.speed };
      return live.playback;
    },
    liveTrainer: async (jobId, action) => {
      const live = lives.find((l) => l.request.jobId === jobId);
      if (!live) return null;
      live.actions.push(action);
      return live.answer(action);
    },
    openScenarioFile: async () => ({ ok: false, reason: 'cancelled' }),
    openRecentFile: async () => ({ ok: false, reason: 'unavailable', message: 'no' }),
    getSettings: async () => DEFAULT_SETTINGS,
    updateSettings: async () => DEFAULT_SETTINGS,
    saveScenarioFile: async (request) => {
      saves.push(request);
      const path = request.saveAs || request.path === null ? `/saved/${request.suggestedName}` : request.path;
      return { ok: true, path, name: path.split('/').pop()! };
    },
    writeAutosave: async (text) => {
      autosaves.push(text);
      files.autosave = text;
      return { ok: true };
    },
    readAutosave: async () => files.autosave,
    suggestResourcing: async (request) => ({ ok: false, error: { kind: 'failed', message: `no optimiser in the fake API (${request.jobId})` } }),
    compareScenarios: async (request) => ({ ok: false, error: { kind: 'failed', message: `no comparison in the fake API (${request.jobId})` } }),
    exportReport: async (request) => {
      reports.push(request);
      return { ok: true, files: [`/saved/${request.suggestedName}.pdf`] };
    },
    onAppEvent: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    ...overrides,
  };
  const emit = (event: AppEvent) => {
    for (const l of listeners) l(event);
  };
  return { api, runs, lives, cancelled, emit, listeners, saves, autosaves, files, reports };
}
