/**
 * The files the user has granted the page this session (issue 13: the desktop's trust boundary).
 * The page names data by built-in set name, or by a file listed here; no IPC call makes the main
 * process or a sim worker read any other path. A file is granted when the user picks it in a
 * dialog, when a scenario so picked names it (its `areas.source`, `demand.pointsSource`,
 * `network.source`), or when it is in the recent files (which only dialogs fill).
 *
 * Sim workers learn the list through `GrantFeed` (src/node/pool/node-worker.ts) and refuse the rest
 * (src/node/data/granted.ts).
 */
import path from 'node:path';
import type { GrantFeed } from '../node/pool';

/** Scenario fields naming a data file, as [object key, field] pairs of the raw scenario. */
const SOURCE_FIELDS = [
  ['areas', 'source'],
  ['demand', 'pointsSource'],
  ['network', 'source'],
] as const;

export class GrantedPaths implements GrantFeed {
  private readonly files = new Set<string>();
  private readonly listeners = new Set<(files: readonly string[]) => void>();

  /** `recentFiles` gives the recent list, which counts as granted (read on every check). */
  constructor(private readonly recentFiles: () => readonly string[] = () => []) {}

  /** Grants one file (an absolute path the user picked). */
  grant(file: string): void {
    const resolved = path.resolve(file);
    if (this.files.has(resolved)) return;
    this.files.add(resolved);
    this.changed();
  }

  /**
   * Grants a scenario file the user picked and the data files its loaded content names (absolute
   * paths only: the loader makes them so; a relative one would be read against the worker's folder,
   * which the user did not choose).
   */
  grantScenario(file: string, raw: unknown): void {
    this.grant(file);
    if (typeof raw !== 'object' || raw === null) return;
    for (const [key, field] of SOURCE_FIELDS) {
      const holder = (raw as Record<string, unknown>)[key];
      const source = typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>)[field] : undefined;
      if (typeof source === 'string' && path.isAbsolute(source)) this.grant(source);
    }
  }

  /** Whether `file` (absolute) was granted. */
  has(file: string): boolean {
    const resolved = path.resolve(file);
    return this.files.has(resolved) || this.recentFiles().some((f) => path.resolve(f) === resolved);
  }

  /** Every granted file: picked this session, named by those, and the recent list. */
  current(): readonly string[] {
    return [...new Set([...this.files, ...this.recentFiles().map((f) => path.resolve(f))])];
  }

  subscribe(listener: (files: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Tells subscribers (call after the recent list changed, too). */
  changed(): void {
    const files = this.current();
    for (const listener of this.listeners) listener(files);
  }
}
