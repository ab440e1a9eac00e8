/**
 * The user's settings and recent files, kept by the main process in one JSON file
 * (`<userData>/settings.json`), checked against `SettingsSchema` when read and written atomically.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, RECENT_FILES_MAX, SettingsSchema, describeIssues, type Settings, type SettingsPatch } from '../shared/ipc-schemas';

export interface LoadedSettings {
  readonly store: SettingsStore;
  /**
   * Why the file on disk was not used (unreadable, not JSON, or failing the schema, naming the file
   * and JSON path), or null. The bad file is kept beside it as `settings.json.bad`.
   */
  readonly problem: string | null;
}

export class SettingsStore {
  private constructor(
    readonly file: string,
    private current: Settings,
  ) {}

  /** Reads `file`; a missing file gives the defaults, a bad one the defaults plus a `problem`. */
  static load(file: string): LoadedSettings {
    if (!existsSync(file)) return { store: new SettingsStore(file, DEFAULT_SETTINGS), problem: null };
    let problem: string;
    try {
      const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const parsed = SettingsSchema.safeParse(raw);
      if (parsed.success) return { store: new SettingsStore(file, parsed.data), problem: null };
      problem = `${file}: ${describeIssues(parsed.error)}`;
    } catch (error) {
      problem = `${file}: ${error instanceof Error ? error.message : String(error)}`;
    }
    // Keep what the user had, out of the way, rather than overwrite it on the next save.
    renameSync(file, `${file}.bad`);
    return { store: new SettingsStore(file, DEFAULT_SETTINGS), problem: `${problem} (kept as ${path.basename(file)}.bad; using defaults)` };
  }

  get(): Settings {
    return this.current;
  }

  /** Applies a patch (already checked against SettingsPatchSchema at the IPC boundary) and saves. */
  update(patch: SettingsPatch): Settings {
    return this.save(SettingsSchema.parse({ ...this.current, ...patch }));
  }

  /** Puts `file` first in the recent files (once), keeping at most RECENT_FILES_MAX, and saves. */
  addRecent(file: string): Settings {
    const recentFiles = [file, ...this.current.recentFiles.filter((f) => f !== file)].slice(0, RECENT_FILES_MAX);
    return this.save({ ...this.current, recentFiles });
  }

  clearRecent(): Settings {
    return this.save({ ...this.current, recentFiles: [] });
  }

  private save(next: Settings): Settings {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(next, null, 2) + '\n');
    renameSync(temp, this.file); // atomic on one file system: a crash leaves the old or the new file
    this.current = next;
    return next;
  }
}
