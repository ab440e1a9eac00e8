/**
 * Warm-up snapshots a sim worker keeps (issue 14 aim 4): a live session opened warm runs its
 * 24 h warm-up once per (scenario, seed, days); its state at the end of the warm-up is saved
 * (src/sim/snapshot) and kept here, so reopening the same session (the app reopens live after
 * every change of the scenario; Undo goes back to one run before) restores it at once instead of
 * warming up again. A host may also hand one made before (the browser build's prebuilt
 * snapshot of the London baseline) through `fetch`.
 *
 * A restore that fails (a damaged or foreign snapshot) is forgotten and the session warms up as before.
 */
import type { LiveHandle, Simulator } from './simulator';

/** Snapshots kept per worker (a London one is some megabytes of text). */
const KEEP = 4;

export class WarmSnapshots {
  private readonly kept = new Map<string, string>();
  /** Why the last save failed, if one did. */
  lastSaveError: unknown = null;

  constructor(
    private readonly simulator: Pick<Simulator, 'snapshotKey' | 'saveLive'>,
    private readonly fetch?: (key: string) => Promise<string | null>,
  ) {}

  /** A snapshot for `key`: kept here, else the host's (checked to be for `key`), else null. */
  async find(key: string): Promise<string | null> {
    const kept = this.kept.get(key);
    if (kept !== undefined) return kept;
    if (!this.fetch) return null;
    const fetched = await this.fetch(key).catch(() => null);
    return fetched !== null && this.simulator.snapshotKey?.(fetched) === key ? fetched : null;
  }

  /** The session `open` makes from `text` (a snapshot for `key`), or null when that fails (the snapshot is then forgotten). */
  open(key: string, text: string, open: (snapshot: string) => LiveHandle): LiveHandle | null {
    try {
      const handle = open(text);
      this.remember(key, text);
      return handle;
    } catch {
      this.kept.delete(key);
      return null;
    }
  }

  /** Saves `handle` (a session just warmed up) under `key`. */
  keep(key: string, handle: LiveHandle): void {
    if (this.kept.has(key) || !this.simulator.saveLive) return;
    try {
      const text = this.simulator.saveLive(handle);
      if (text !== null) this.remember(key, text);
    } catch (error) {
      // Not kept (the reason stays readable for a debugger): the next open warms up again, as before snapshots.
      this.lastSaveError = error;
    }
  }

  private remember(key: string, text: string): void {
    this.kept.delete(key);
    this.kept.set(key, text);
    while (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value!);
  }
}
