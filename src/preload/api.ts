/**
 * The Electron implementation of `DesktopApi`, on top of `ipcRenderer` (injected so it is tested
 * against the real main-process handlers without Electron). Runs in the sandboxed preload: it
 * imports types and constants only.
 */
import {
  API_CHANNELS,
  EVENT_CHANNEL,
  STREAM_CHANNEL,
  type ApiCallName,
  type ApiCalls,
  type AppEvent,
  type DesktopApi,
  type PushMessages,
  type LiveFrame,
  type RunProgress,
  type SuggestProgress,
  type CompareProgress,
  type StreamMessage,
} from '../shared/protocol';

/**
 * The part of Electron's `ipcRenderer` used here, typed by the contract: `invoke` on the channel of
 * call K takes K's arguments and resolves to K's result, which is what the main process's handler
 * for that channel returns (`MainHandlers`, src/main/ipc.ts). Electron's own `invoke` (channel:
 * string, any in, any out) fits this shape; a call wired to another call's channel does not compile.
 */
export interface IpcRendererLike {
  invoke<K extends ApiCallName>(channel: `api:${K}`, ...args: ApiCalls[K]['args']): Promise<ApiCalls[K]['result']>;
  /** Listens on a push channel; its messages are what main sends on it (`PushMessages`). */
  on<C extends keyof PushMessages>(channel: C, listener: (event: unknown, message: PushMessages[C]) => void): unknown;
  removeListener<C extends keyof PushMessages>(channel: C, listener: (event: unknown, message: PushMessages[C]) => void): unknown;
}

export function createPreloadApi(ipc: IpcRendererLike): DesktopApi {
  return {
    version: () => ipc.invoke(API_CHANNELS.version),
    runScenario: async (request, onProgress?: (progress: RunProgress) => void) => {
      // Listen before invoking, so no progress message of this job can slip past.
      const listener = (_event: unknown, message: StreamMessage): void => {
        if (message.call === 'runScenario' && message.jobId === request.jobId) onProgress?.(message.message);
      };
      ipc.on(STREAM_CHANNEL, listener);
      try {
        return await ipc.invoke(API_CHANNELS.runScenario, request);
      } finally {
        ipc.removeListener(STREAM_CHANNEL, listener);
      }
    },
    suggestResourcing: async (request, onProgress?: (progress: SuggestProgress) => void) => {
      const listener = (_event: unknown, ...args: unknown[]): void => {
        const message = args[0] as StreamMessage;
        if (message.call === 'suggestResourcing' && message.jobId === request.jobId) onProgress?.(message.message);
      };
      ipc.on(STREAM_CHANNEL, listener);
      try {
        return await ipc.invoke(API_CHANNELS.suggestResourcing, request);
      } finally {
        ipc.removeListener(STREAM_CHANNEL, listener);
      }
    },
    compareScenarios: async (request, onProgress?: (progress: CompareProgress) => void) => {
      const listener = (_event: unknown, ...args: unknown[]): void => {
        const message = args[0] as StreamMessage;
        if (message.call === 'compareScenarios' && message.jobId === request.jobId) onProgress?.(message.message);
      };
      ipc.on(STREAM_CHANNEL, listener);
      try {
        return await ipc.invoke(API_CHANNELS.compareScenarios, request);
      } finally {
        ipc.removeListener(STREAM_CHANNEL, listener);
      }
    },
    cancel: (jobId) => ipc.invoke(API_CHANNELS.cancel, jobId),
    mapLayers: (source) => ipc.invoke(API_CHANNELS.mapLayers, source),
    snapToRoads: (request) => ipc.invoke(API_CHANNELS.snapToRoads, request),
    liveStart: async (request, onFrame?: (frame: LiveFrame) => void) => {
      const listener = (_event: unknown, message: StreamMessage): void => {
        if (message.call === 'liveStart' && message.jobId === request.jobId) onFrame?.(message.message);
      };
      ipc.on(STREAM_CHANNEL, listener);
      try {
        return await ipc.invoke(API_CHANNELS.liveStart, request);
      } finally {
        ipc.removeListener(STREAM_CHANNEL, listener);
      }
    },
    liveControl: (jobId, command) => ipc.invoke(API_CHANNELS.liveControl, jobId, command),
    liveTrainer: (jobId, action) => ipc.invoke(API_CHANNELS.liveTrainer, jobId, action),
    openScenarioFile: () => ipc.invoke(API_CHANNELS.openScenarioFile),
    openRecentFile: (file) => ipc.invoke(API_CHANNELS.openRecentFile, file),
    getSettings: () => ipc.invoke(API_CHANNELS.getSettings),
    updateSettings: (patch) => ipc.invoke(API_CHANNELS.updateSettings, patch),
    saveScenarioFile: (request) => ipc.invoke(API_CHANNELS.saveScenarioFile, request),
    writeAutosave: (text) => ipc.invoke(API_CHANNELS.writeAutosave, text),
    readAutosave: () => ipc.invoke(API_CHANNELS.readAutosave),
    exportReport: (request) => ipc.invoke(API_CHANNELS.exportReport, request),
    onAppEvent: (listener) => {
      const wrapped = (_event: unknown, event: AppEvent): void => listener(event);
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => void ipc.removeListener(EVENT_CHANNEL, wrapped);
    },
  } satisfies DesktopApi;
}
