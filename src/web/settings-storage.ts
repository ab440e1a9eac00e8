/** The browser build's settings, in localStorage, checked against the same schema as the desktop's. */
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, describeIssues, type Settings } from '../shared/ipc-schemas';

export const SETTINGS_KEY = 'response-simulator.settings';

/** The part of `Storage` used here. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** The stored settings, or the defaults when none or bad ones are stored (bad ones are reported on the console). */
export function loadSettings(storage: StorageLike): Settings {
  const text = storage.getItem(SETTINGS_KEY);
  if (text === null) return DEFAULT_SETTINGS;
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    console.warn(`localStorage ${SETTINGS_KEY}: ${describeIssues(parsed.error)}; using defaults`);
  } catch (error) {
    console.warn(`localStorage ${SETTINGS_KEY}: not JSON (${error instanceof Error ? error.message : String(error)}); using defaults`);
  }
  return DEFAULT_SETTINGS;
}

/** Checks a patch as the desktop's IPC boundary does (throwing with the JSON path), applies and stores it. */
export function saveSettingsPatch(storage: StorageLike, patch: unknown): Settings {
  const checked = SettingsPatchSchema.safeParse(patch);
  if (!checked.success) throw new Error(`updateSettings: bad arguments: ${describeIssues(checked.error, 'args[0]')}`);
  const next = SettingsSchema.parse({ ...loadSettings(storage), ...checked.data });
  storage.setItem(SETTINGS_KEY, JSON.stringify(next));
  return next;
}
