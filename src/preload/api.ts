/**
 * The Electron implementation of `DesktopApi`, on top of `ipcRenderer` (injected so it is tested
 * against the real main-process handlers without Electron). Runs in the sandboxed preload: it
 * imports types and constants only.
 */
import {
  API_CHANNELS,
  EVENT_CHANNEL,
  STREAM_CHANNEL,
  type AppEvent,
  type DesktopApi,
  type LiveFrame,
  type RunProgress,
  type SuggestProgress,
  type StreamMessage,
} from '../shared/protocol';

/** The part of Electron's `ipcRenderer` used here. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createPreloadApi(ipc: IpcRendererLike): DesktopApi {
  const invoke = <T>(channel: string, ...args: unknown[]): Promise<T> => ipc.invoke(channel, ...args) as Promise<T>;

  return {
    version: () => invoke(API_CHANNELS.version),
    runScenario: async (request, onProgress?: (progress: RunProgress) => void) => {
      // Listen before invoking, so no progress message of this job can slip past.
      const listener = (_event: unknown, ...args: unknown[]): void => {
        const message = args[0] as StreamMessage;
        if (message.call === 'runScenario' && message.jobId === request.jobId) onProgress?.(message.message);
      };
      ipc.on(STREAM_CHANNEL, listener);
      try {
        return await invoke(API_CHANNELS.runScenario, request);
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
        return await invoke(API_CHANNELS.suggestResourcing, request);
      } finally {
        ipc.removeListener(STREAM_CHANNEL, listener);
      }
    },
    cancel: (jobId) => invoke(API_CHANNELS.cancel, jobId),
    mapLayers: (source) => invoke(API_CHANNELS.mapLayers, source),
    liveStart: async (request, onFrame?: (frame: LiveFrame) => void) => {
      const listener = (_event: unknown, ...args: unknown[]): void => {
        const message = args[0] as StreamMessage;
        if (message.call === 'liveStart' && message.jobId === request.jobId) onFrame?.(message.message);
      };
      ipc.on(STREAM_CHANNEL, listener);
      try {
        return await invoke(API_CHANNELS.liveStart, request);
      } finally {
        ipc.removeListener(STREAM_CHANNEL, listener);
      }
    },
    liveControl: (jobId, command) => invoke(API_CHANNELS.liveControl, jobId, command),
    liveTrainer: (jobId, action) => invoke(API_CHANNELS.liveTrainer, jobId, action),
    openScenarioFile: () => invoke(API_CHANNELS.openScenarioFile),
    openRecentFile: (file) => invoke(API_CHANNELS.openRecentFile, file),
    getSettings: () => invoke(API_CHANNELS.getSettings),
    updateSettings: (patch) => invoke(API_CHANNELS.updateSettings, patch),
    onAppEvent: (listener) => {
      const wrapped = (_event: unknown, ...args: unknown[]): void => listener(args[0] as AppEvent);
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => void ipc.removeListener(EVENT_CHANNEL, wrapped);
    },
  } satisfies DesktopApi;
}
