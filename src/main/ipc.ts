/**
 * Registers the `DesktopApi` calls on `ipcMain` (Mattermost's `ipcValidate` pattern, STYLE.md 3):
 * every call checks that it comes from the app's own page and that its arguments match
 * `ipcArgSchemas`, before its handler runs. A refused call is a programmer error on the page side
 * and rejects with a message naming the channel and the JSON path; expected failures are values in
 * the handlers' results.
 */
import { ipcArgSchemas, describeIssues } from '../shared/ipc-schemas';
import {
  API_CHANNELS,
  STREAM_CHANNEL,
  type ApiCallName,
  type ApiCalls,
  type StreamMessage,
  type StreamingCallName,
} from '../shared/protocol';

/** The part of an `IpcMainInvokeEvent` used here. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: { send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Sends one stream message of a streaming call back to the page that made it. */
export type Emit<K extends ApiCallName> = K extends StreamingCallName ? (message: NonNullable<ApiCalls[K]['stream']>) => void : undefined;

/** One handler per call: the checked arguments in, the call's result out. */
export type MainHandlers = {
  readonly [K in ApiCallName]: (args: ApiCalls[K]['args'], emit: Emit<K>) => Promise<ApiCalls[K]['result']>;
};

export interface RegisterOptions {
  /** Whether a page at `url` may call the API (the app's own pages only). */
  readonly isTrustedUrl: (url: string) => boolean;
}

/** Registers every handler; returns a function that removes them again. */
export function registerApi(ipcMain: IpcMainLike, handlers: MainHandlers, options: RegisterOptions): () => void {
  const names = Object.keys(API_CHANNELS) as ApiCallName[];
  for (const name of names) {
    const channel = API_CHANNELS[name];
    const schema = ipcArgSchemas[name];
    ipcMain.handle(channel, async (event, ...args) => {
      const url = event.senderFrame?.url ?? '(no frame)';
      if (!options.isTrustedUrl(url)) throw new Error(`${channel}: refused a call from ${url}, which is not the app's page`);
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw new Error(`${channel}: bad arguments: ${describeIssues(parsed.error, 'args')}`);
      const emit = streamEmitter(name, parsed.data, event);
      const handler = handlers[name] as (args: unknown, emit: unknown) => Promise<unknown>;
      return handler(parsed.data, emit);
    });
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(API_CHANNELS[name]);
  };
}

const STREAMING: Record<StreamingCallName, true> = { runScenario: true, liveStart: true, suggestResourcing: true, compareScenarios: true };

function streamEmitter(name: ApiCallName, args: readonly unknown[], event: InvokeEventLike): ((message: unknown) => void) | undefined {
  if (!(name in STREAMING)) return undefined;
  const jobId = (args[0] as { jobId: string }).jobId;
  return (message) => {
    // The page may have closed or reloaded while a run streams: nobody is left to tell.
    if (event.sender.isDestroyed()) return;
    event.sender.send(STREAM_CHANNEL, { call: name, jobId, message } as StreamMessage);
  };
}
