/**
 * The user's settings and recent files, kept by the main process in one JSON file
 * (`<userData>/settings.json`), checked against `SettingsSchema` when read (so a tile URL the CSP
 * builder cannot use never reaches it) and written through the atomic writer.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../node/files/atomic-write';
import { DEFAULT_SETTINGS, RECENT_FILES_MAX, SettingsSchema, describeIssues, type Settings, type SettingsPatch } from '../shared/ipc-schemas';

/** Settings files over this size are not read (a settings file is well under 10 kB). */
const MAX_SETTINGS_BYTES = 1 << 20;

export interface LoadedSettings {
  readonly store: SettingsStore;
  /**
   * Why the file on disk was not used (unreadable, not JSON, or failing the schema, naming the file
   * and JSON path), or null. The bad file is set aside as `settings.json.bad` (or, when that is
   * taken, `settings.json.bad-<time>`) and the message says where; the app shows it to the user.
   */
  readonly problem: string | null;
}

export class SettingsStore {
  private constructor(
    readonly file: string,
    private current: Settings,
  ) {}

  /**
   * Reads `file`; a missing file gives the defaults, a bad one the defaults plus a `problem`.
   * `now` is injected so the set-aside name is repeatable in tests.
   */
  static load(file: string, now: () => Date = () => new Date()): LoadedSettings {
    if (!existsSync(file)) return { store: new SettingsStore(file, DEFAULT_SETTINGS), problem: null };
    let problem: string;
    try {
      const text = readFileSync(file, 'utf8');
      if (text.length > MAX_SETTINGS_BYTES) throw new Error(`${Math.round(text.length / 1024)} kB; a settings file is a few kB`);
      const parsed = SettingsSchema.safeParse(JSON.parse(text));
      if (parsed.success) return { store: new SettingsStore(file, parsed.data), problem: null };
      problem = `${file}: ${describeIssues(parsed.error)}`;
    } catch (error) {
      problem = `${file}: ${error instanceof Error ? error.message : String(error)}`;
    }
    // Keep what the user had, out of the way, rather than overwrite it on the next save.
    let kept: string;
    try {
      kept = setAside(file, now());
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      return { store: new SettingsStore(file, DEFAULT_SETTINGS), problem: `${problem} (could not be set aside: ${why}; using defaults)` };
    }
    return { store: new SettingsStore(file, DEFAULT_SETTINGS), problem: `${problem} (kept as ${path.basename(kept)}; using defaults)` };
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
    writeFileAtomicSync(this.file, JSON.stringify(next, null, 2) + '\n');
    this.current = next;
    return next;
  }
}

/** Renames a bad settings file to `<file>.bad`, or `<file>.bad-<time>` when an earlier one is there; returns the new path. */
function setAside(file: string, when: Date): string {
  let target = `${file}.bad`;
  if (existsSync(target)) target = `${file}.bad-${when.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, target);
  return target;
}
