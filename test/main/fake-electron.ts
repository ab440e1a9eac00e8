/**
 * Stand-ins for the few Electron objects the main-process modules take: an ipcMain/ipcRenderer
 * pair wired to each other (structured-cloned like real IPC), and a web contents that records.
 */
import type { InvokeEventLike, IpcMainLike } from '../../src/main/ipc';
import type { IpcRendererLike } from '../../src/preload/api';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** One page talking to the main process. */
export class FakeIpc {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  readonly rendererListeners = new Map<string, Set<Listener>>();
  readonly sentToPage: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  constructor(public pageUrl = 'app://renderer/index.html') {}

  readonly main: IpcMainLike = {
    handle: (channel, listener) => {
      if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      this.handlers.set(channel, listener);
    },
    removeHandler: (channel) => void this.handlers.delete(channel),
  };

  /** Electron's untyped invoke: any channel, any arguments (what a page not using the typed API could send). */
  readonly invokeRaw = async (channel: string, ...args: unknown[]): Promise<unknown> => {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const event: InvokeEventLike = {
        senderFrame: { url: this.pageUrl },
        sender: {
          isDestroyed: () => this.destroyed,
          send: (ch, ...sent) => {
            this.sentToPage.push({ channel: ch, args: sent });
            for (const l of this.rendererListeners.get(ch) ?? []) l({}, ...structuredClone(sent));
          },
        },
      };
      try {
        return structuredClone(await handler(event, ...structuredClone(args)));
      } catch (error) {
        // Electron rejects invoke() with a new Error carrying the message.
        throw new Error(`Error invoking remote method '${channel}': ${error instanceof Error ? error.message : String(error)}`);
      }
  };

  readonly renderer: IpcRendererLike = {
    // Typed by the contract as Electron's own (any in, any out) invoke is when handed to the preload.
    invoke: this.invokeRaw as IpcRendererLike['invoke'],
    // Untyped like Electron's own: whatever main sends on the channel reaches the listener.
    on: (channel, listener) => {
      const set = this.rendererListeners.get(channel) ?? new Set();
      set.add(listener as Listener);
      this.rendererListeners.set(channel, set);
    },
    removeListener: (channel, listener) => void this.rendererListeners.get(channel)?.delete(listener as Listener),
  };

  listenerCount(channel: string): number {
    return this.rendererListeners.get(channel)?.size ?? 0;
  }
}
