/**
 * The one message contract (ARCHITECTURE.md "Processes and boundaries", STYLE.md 2).
 *
 * Two typed maps define everything that moves between processes:
 *
 * - `ApiCalls`: what the renderer can ask of its host (`DesktopApi`). The Electron host implements
 *   it in the preload (ipcRenderer.invoke on `API_CHANNELS`) and the main process (ipcMain.handle,
 *   arguments checked against `ipcArgSchemas`); the browser build implements it in src/web with a Web
 *   Worker. Adding a call = one entry in `ApiCalls`, one in `ipcArgSchemas`, and the compiler then
 *   points at every implementation that lacks it.
 * - `WorkerCalls`: what a host asks of a sim worker (src/host/loop.ts), the same in a Node
 *   `worker_threads` worker and in a Web Worker. Every request has its schema in
 *   `workerRequestSchemas` (./worker-schemas.ts), checked there against these types; the worker
 *   answers through a handler map typed from `WorkerCalls`. Adding a call = one entry here, one
 *   schema, one handler; the compiler points at a missing one.
 *
 * This module holds types and constants only (no zod at run time), so every process can import it.
 */
import type { z } from 'zod';
import type { LiveStartRequest, RunRequest, Settings, SettingsPatch, SnapRequest, SuggestRequest, TraceSource, ipcArgSchemas } from './ipc-schemas';
import type { LiveCommand, LiveFrame, LivePlayback, LiveTrainerAction, LiveTrainerOutcome, LiveWorkerFrame } from './live';
import type { OpenedFile, OpenFileOutcome, SaveFileOutcome, SaveFileRequest } from './scenario-files';
import type { ExportReportOutcome } from './report-export';
import type { MapLayersOutcome } from './map-layers';
import type { ExportReportRequest } from './ipc-schemas';
import type { Results } from './results';
import type { CompareProgress, CompareRequest, Comparison } from './comparison';
import type { ResponseHistograms } from './histograms';

export type { CoverageDemand, LiveStartRequest, RoadCoverage, RunRequest, Settings, SettingsPatch, SnapRequest, SuggestRequest, TraceSource } from './ipc-schemas';
export * from './live';
export type { OpenedFile, OpenFileOutcome, SaveFileOutcome, SaveFileRequest } from './scenario-files';
export type { ResponseHistogram, ResponseHistograms } from './histograms';
export type * from './comparison';
export type { ExportReportOutcome } from './report-export';
export type { ExportReportRequest } from './ipc-schemas';
export type { MapFeatureCollection, MapLayers, MapLayersOutcome } from './map-layers';

// ---------------------------------------------------------------------------------------------
// Values

/** The simulator's results object (MODEL.md "Results (JSON)", src/shared/results.ts). */
export type SimResults = Results;

/** One scenario problem, `{ path: "fleet[3].perShift.late", message: "expected ..." }` (MODEL.md). */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

/** Who answers: versions of the app and the simulator, and where the simulator runs. */
export interface VersionInfo {
  /** package.json version of the app */
  readonly app: string;
  /** `SIM_VERSION` reported by a sim worker */
  readonly sim: string;
  readonly host: 'electron' | 'browser';
  /** sim workers available for batch runs */
  readonly workers: number;
}

/** Progress of a batch run, streamed while it runs. */
export interface RunProgress {
  readonly jobId: string;
  /** share of the whole batch done, 0..1 */
  readonly fraction: number;
  readonly replicationsDone: number;
  readonly replications: number;
}

/**
 * Expected ways for a run to end without results (values, never exceptions: STYLE.md 11).
 * `failed` is a thrown error inside the simulator: its message and stack are passed on. For
 * `failed` and `worker-crashed` the Electron host writes a crash report and names its file in
 * `crashReport`.
 */
export type RunError =
  | { readonly kind: 'invalid-scenario'; readonly errors: readonly ScenarioIssue[] }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'worker-crashed'; readonly message: string; readonly crashReport?: string }
  | {
      readonly kind: 'failed';
      readonly message: string;
      readonly stack?: string;
      /** the error's name when it is not a plain `Error` (e.g. `DataNotFoundError`: the user's data, not a bug) */
      readonly name?: string;
      readonly crashReport?: string;
    };


export type RunOutcome =
  | {
      readonly ok: true;
      /** combined over replications (means, with `ci95` beside them when replications > 1) */
      readonly results: SimResults;
      readonly replications: number;
      /** wall-clock milliseconds for the whole batch */
      readonly wallMs: number;
      /** response-time distributions, summed over replications (absent from engines that do not count them) */
      readonly histograms?: ResponseHistograms;
    }
  | { readonly ok: false; readonly error: RunError };

/** How a live session ended: stopped by the caller (`cancel`), or the run reached its end; or why it broke off. */
export type LiveOutcome =
  | { readonly ok: true; readonly reason: 'stopped' | 'finished'; /** simulation time it ended at */ readonly tS: number }
  | { readonly ok: false; readonly error: RunError };

/** Progress of a suggestion: simulations done of at most `maxEvaluations`. */
export interface SuggestProgress {
  readonly jobId: string;
  readonly evaluations: number;
  readonly maxEvaluations: number;
}

export type SuggestOutcome =
  | {
      readonly ok: true;
      /** the scenario with the suggested resourcing */
      readonly scenario: Readonly<Record<string, unknown>>;
      /** what changed: `group` is a BCU id (null: bases in no BCU), base id or pool id */
      readonly changes: readonly { readonly kind: 'units' | 'call-takers'; readonly group: string | null; readonly shift: string; readonly from: number; readonly to: number }[];
      /** the same changes in words */
      readonly described: readonly string[];
      readonly targets: readonly { readonly key: string; readonly pct: number; readonly mean: number | null; readonly half: number | null; readonly lower: number | null; readonly met: boolean }[];
      readonly met: boolean;
      readonly evaluations: number;
      /** why the search stopped early, or null */
      readonly stopped: string | null;
    }
  | { readonly ok: false; readonly error: RunError };

/** How a comparison ended: the comparison (also when cancelled with replications kept: `stopped: 'cancelled'`), or why there is none. */
export type CompareOutcome = { readonly ok: true; readonly comparison: Comparison } | { readonly ok: false; readonly error: RunError };

/** A point's nearest road position on the scenario's network; distanceM: straight metres from the point to it (the access leg, MODEL.md "Travel"). */
export type SnappedPoint = { readonly lon: number; readonly lat: number; readonly distanceM: number };

/** Points snapped to the scenario's roads, in the order given; `points` null when its travel is straight-line (no roads). */
export type SnapOutcome = { readonly ok: true; readonly points: readonly SnappedPoint[] | null } | { readonly ok: false; readonly error: RunError };


/** Things the host tells the renderer without being asked (menu commands). */
export type AppEvent =
  | { readonly type: 'scenario-opened'; readonly file: OpenedFile }
  | { readonly type: 'open-failed'; readonly message: string }
  | { readonly type: 'show-about' }
  /** File > Save Scenario (As…) from the desktop's menu: the page saves its document */
  | { readonly type: 'save-scenario'; readonly saveAs: boolean };

// ---------------------------------------------------------------------------------------------
// Renderer -> host calls

/**
 * Every call the renderer can make. `args` are checked in the main process against
 * `ipcArgSchemas[name]`; a call with `stream` takes a listener after its arguments, and its first
 * argument carries the `jobId` its stream messages are tagged with.
 */
export interface ApiCalls {
  version: { args: []; result: VersionInfo };
  runScenario: { args: [request: RunRequest]; result: RunOutcome; stream: RunProgress };
  /** true when a batch job or live session with that id was running or queued (a live session is stopped) */
  cancel: { args: [jobId: string]; result: boolean };
  /** the outlines to draw for a built-in area set (see `MapLayers`) */
  mapLayers: { args: [source: string]; result: MapLayersOutcome };
  /**
   * Starts a live session of a scenario in a sim worker of its own and streams its frames at a
   * capped rate until it ends (the result). One live session per caller at a time: starting
   * another stops the first. `cancel(jobId)` stops it.
   */
  liveStart: { args: [request: LiveStartRequest]; result: LiveOutcome; stream: LiveFrame };
  /** Play, pause, step or change the speed of a live session; null when no session has that id. */
  liveControl: { args: [jobId: string, command: LiveCommand]; result: LivePlayback | null };
  /**
   * A trainer's action on a live session: inject an incident, assign a unit by hand, or list the
   * candidates for an incident. Answered once the session's worker has done it; an inject or assign
   * also streams a frame showing the result (paused or not). null when no session has that id.
   */
  liveTrainer: { args: [jobId: string, action: LiveTrainerAction]; result: LiveTrainerOutcome | null };
  /** shows the host's open dialog; the file joins the recent files */
  openScenarioFile: { args: []; result: OpenFileOutcome };
  /** reopens a file of `Settings.recentFiles` (any other path is refused) */
  openRecentFile: { args: [path: string]; result: OpenFileOutcome };
  getSettings: { args: []; result: Settings };
  updateSettings: { args: [patch: SettingsPatch]; result: Settings };
  /** writes a scenario file (atomically on the desktop); a file saved joins the recent files */
  saveScenarioFile: { args: [request: SaveFileRequest]; result: SaveFileOutcome };
  /**
   * Keeps the open document's autosave (text: the renderer's JSON of it, src/renderer/document/autosave.ts)
   * where a crash cannot lose it, or removes it (null). A failure is a message, never a throw.
   */
  writeAutosave: { args: [text: string | null]; result: { readonly ok: true } | { readonly ok: false; readonly message: string } };
  /** the autosave left by a session that did not end cleanly, or null */
  readAutosave: { args: []; result: string | null };
  /** runs the optimiser on a scenario (cancel with `cancel(jobId)`) */
  suggestResourcing: { args: [request: SuggestRequest]; result: SuggestOutcome; stream: SuggestProgress };
  /** the nearest road positions of points on a scenario's road network (a moved or added base) */
  snapToRoads: { args: [request: SnapRequest]; result: SnapOutcome };
  /**
   * Compares a baseline with up to four variants on the worker pool, with common random numbers
   * (src/host/compare.ts). `cancel(jobId)` stops it; the replications every scenario finished are kept.
   */
  compareScenarios: { args: [request: CompareRequest]; result: CompareOutcome; stream: CompareProgress };
  /** writes the report the page made (src/shared/report-export.ts): desktop PDF and HTML, browser download and print */
  exportReport: { args: [request: ExportReportRequest]; result: ExportReportOutcome };
}
export type ApiCallName = keyof ApiCalls;

/** The calls that stream messages while they run. */
export type StreamingCallName = { [K in ApiCallName]: ApiCalls[K] extends { stream: unknown } ? K : never }[ApiCallName];

type StreamListenerArg<C> = C extends { stream: infer S } ? [onMessage?: (message: S) => void] : [];

/** The API object the renderer is given: `window.api` in Electron, `createWebApi()` in the browser. */
export type DesktopApi = {
  readonly [K in ApiCallName]: (...args: [...ApiCalls[K]['args'], ...StreamListenerArg<ApiCalls[K]>]) => Promise<ApiCalls[K]['result']>;
} & {
  /** Subscribes to host events; returns the unsubscribe function. */
  readonly onAppEvent: (listener: (event: AppEvent) => void) => () => void;
};

/** IPC channel of each call (ipcRenderer.invoke / ipcMain.handle). */
export const API_CHANNELS = {
  version: 'api:version',
  runScenario: 'api:runScenario',
  cancel: 'api:cancel',
  mapLayers: 'api:mapLayers',
  liveStart: 'api:liveStart',
  liveControl: 'api:liveControl',
  liveTrainer: 'api:liveTrainer',
  openScenarioFile: 'api:openScenarioFile',
  openRecentFile: 'api:openRecentFile',
  getSettings: 'api:getSettings',
  updateSettings: 'api:updateSettings',
  saveScenarioFile: 'api:saveScenarioFile',
  writeAutosave: 'api:writeAutosave',
  readAutosave: 'api:readAutosave',
  suggestResourcing: 'api:suggestResourcing',
  snapToRoads: 'api:snapToRoads',
  compareScenarios: 'api:compareScenarios',
  exportReport: 'api:exportReport',
} as const satisfies { readonly [K in ApiCallName]: `api:${K}` };

/** Channel on which main sends `StreamMessage`s to the page that made the call. */
export const STREAM_CHANNEL = 'api:stream';
/** Channel on which main sends `AppEvent`s to the window. */
export const EVENT_CHANNEL = 'api:event';

/** What main sends the page unasked, by channel: stream messages of calls, and app events. */
export type PushMessages = {
  readonly [STREAM_CHANNEL]: StreamMessage;
  readonly [EVENT_CHANNEL]: AppEvent;
};

export type StreamMessage = {
  readonly [K in StreamingCallName]: { readonly call: K; readonly jobId: string; readonly message: NonNullable<ApiCalls[K]['stream']> };
}[StreamingCallName];

/** Compile-time check that `ipcArgSchemas` has one schema per call, producing that call's args. */
export type IpcArgSchemas = typeof ipcArgSchemas;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchCalls: { [K in ApiCallName]: Same<z.output<IpcArgSchemas[K]>, ApiCalls[K]['args']> } = {
  version: true,
  runScenario: true,
  cancel: true,
  mapLayers: true,
  liveStart: true,
  liveControl: true,
  liveTrainer: true,
  openScenarioFile: true,
  openRecentFile: true,
  getSettings: true,
  updateSettings: true,
  saveScenarioFile: true,
  writeAutosave: true,
  readAutosave: true,
  suggestResourcing: true,
  snapToRoads: true,
  compareScenarios: true,
  exportReport: true,
};
void schemasMatchCalls;

// ---------------------------------------------------------------------------------------------
// Host -> sim worker calls (src/host/loop.ts)

/** One replication of a scenario. */
export interface RunOneRequest {
  /** scenario JSON; the worker parses it (and keeps the world built for its world spec) */
  readonly scenario: unknown;
  /** base seed of the batch; absent = the scenario's `seed` */
  readonly seed?: number;
  /** 0-based replication number; replication r runs with the simulator's seed for (seed, r) */
  readonly replication: number;
  /** simulated days, overriding the scenario's */
  readonly days?: number;
  /**
   * Keep the incident log and send it back (the command line's `--out` of replication 0); off by
   * default: a year's log is hundreds of MB.
   */
  readonly incidentLog?: boolean;
  /** replay this recorded incident log's calls instead of random arrivals; the worker parses the CSV (src/shared/trace-csv.ts) */
  readonly trace?: TraceSource;
}

/** An incident log as columns (the simulator's `IncidentLogColumns`: typed arrays per column). */
export interface IncidentLogData {
  readonly rows: number;
  readonly f64: Readonly<Record<string, Float64Array>>;
  readonly i32: Readonly<Record<string, Int32Array>>;
  readonly names: { readonly areas: readonly string[]; readonly units: readonly string[] };
  /** per row, why dispatch did what it did ('' none); present when the run explained dispatch */
  readonly reasons?: readonly string[];
}

export interface RunOneReply {
  readonly results: SimResults;
  /** present when the request asked for `incidentLog` */
  readonly incidents?: IncidentLogData;
  readonly histograms?: ResponseHistograms;
}

/** Opens a live session in a worker; `session` names it in later calls. */
export interface LiveOpenRequest {
  readonly session: string;
  /** raw scenario JSON, as for `run` */
  readonly scenario: unknown;
  readonly seed?: number;
  readonly days?: number;
  /** an exercise script to play (raw JSON, checked by the worker: src/shared/exercise.ts) */
  readonly exercise?: unknown;
  /** run flat out to this time when opened (an exercise's start, or a review's seek) */
  readonly startS?: number;
  /**
   * true: run the warm-up at full speed in the worker before the first frame, so the session opens
   * at the start of the counted period (tS 0) with the units and incidents the warm-up left
   * (issue 17 item 2). Absent or false: it opens at the start of its warm-up. A worker that has a
   * warm-up snapshot for the same scenario, seed and days (made by an earlier open, or the browser
   * build's prebuilt one) restores it instead of running the warm-up (src/host/warm-snapshots.ts).
   */
  readonly warm?: boolean;
}

/** A trainer's action on a live session (see `LiveTrainerAction`). */
export interface LiveTrainerRequest {
  readonly session: string;
  readonly action: LiveTrainerAction;
}

/** The worker's answer: the outcome, and the frame after it (null for `candidates`, which changes nothing). */
export interface LiveTrainerReply {
  readonly outcome: LiveTrainerOutcome;
  readonly frame: LiveWorkerFrame | null;
}

/** Moves a live session on: to simulation time `toS`, or by one event (`step`). */
export interface LiveAdvanceRequest {
  readonly session: string;
  readonly toS?: number;
  readonly step?: boolean;
}

export interface WorkerCalls {
  version: { request: Record<string, never>; reply: { readonly sim: string } };
  /** progress = share of this replication done, 0..1 */
  run: { request: RunOneRequest; reply: RunOneReply; progress: number };
  /** opens a live session; the reply is its first frame (every trip included) */
  liveOpen: { request: LiveOpenRequest; reply: LiveWorkerFrame };
  liveAdvance: { request: LiveAdvanceRequest; reply: LiveWorkerFrame };
  /** a trainer's action on an open session (throws for an unknown session) */
  liveTrainer: { request: LiveTrainerRequest; reply: LiveTrainerReply };
  /** closed: false when no session had that name */
  liveClose: { request: { readonly session: string }; reply: { readonly closed: boolean } };
  /** snaps points to the scenario's roads (on the world kept for its world spec); null: straight-line travel */
  snap: { request: { readonly scenario: unknown; readonly points: { lon: number; lat: number }[] }; reply: { readonly points: readonly SnappedPoint[] | null } };
}
export type WorkerCallName = keyof WorkerCalls;


/** Ways a worker call ends without a value; `worker-crashed` is added by the pool, never sent by a worker. */
export type WorkerError = Exclude<RunError, { kind: 'worker-crashed' }>;

/** A message to a sim worker. `id` is unique per worker among calls in flight. */
export type ToWorker =
  | { [K in WorkerCallName]: { readonly type: 'call'; readonly id: number; readonly call: K; readonly request: WorkerCalls[K]['request'] } }[WorkerCallName]
  | { readonly type: 'cancel'; readonly id: number };

/** A message from a sim worker. */
export type FromWorker =
  | { [K in WorkerCallName]: { readonly type: 'reply'; readonly id: number; readonly call: K; readonly ok: true; readonly value: WorkerCalls[K]['reply'] } }[WorkerCallName]
  | { readonly type: 'reply'; readonly id: number; readonly call: WorkerCallName; readonly ok: false; readonly error: WorkerError }
  | { readonly type: 'progress'; readonly id: number; readonly progress: number }
  /** a message the worker could not understand: a programmer error on the sending side */
  | { readonly type: 'rejected'; readonly reason: string };

/** What a worker call resolves to on the host side. */
export type WorkerResult<K extends WorkerCallName> =
  | { readonly ok: true; readonly value: WorkerCalls[K]['reply'] }
  | { readonly ok: false; readonly error: RunError };
