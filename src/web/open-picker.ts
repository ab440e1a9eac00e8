/**
 * Starting the pick of a scenario file, in the page's main chunk. A browser shows a file picker only
 * within a few seconds of the user's click (its transient activation: 5 s in Chromium; later, the
 * picker is refused without a word), and the host chunk that reads the file (./browser-files.ts,
 * in ./web-host.ts) may arrive later than that on a busy page. So Open scenario starts the picker
 * here as the click happens (./deferred-api.ts), and the host reads what was picked when it is there.
 */
import type { PickedFile } from './pick-file';

/** A file handle as far as it is used here (`FileSystemFileHandle`). */
export interface FileHandleLike {
  readonly name: string;
  getFile(): Promise<PickedFile>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}

export const PICKER_TYPES = [{ description: 'Scenario', accept: { 'application/json': ['.json'] } }];

/** The File System Access pickers (`window.showOpenFilePicker`, `window.showSaveFilePicker`). */
export interface FileSystemAccess {
  showOpenFilePicker(options: { types: typeof PICKER_TYPES; multiple: false }): Promise<FileHandleLike[]>;
  showSaveFilePicker(options: { types: typeof PICKER_TYPES; suggestedName: string }): Promise<FileHandleLike>;
}

/** The pickers of `win` when it has both and is not driven by automation (`navigator.webdriver`), else null. */
export function fileSystemAccessOf(win: { showOpenFilePicker?: unknown; showSaveFilePicker?: unknown; navigator?: { webdriver?: boolean } }): FileSystemAccess | null {
  if (win.navigator?.webdriver) return null;
  if (typeof win.showOpenFilePicker !== 'function' || typeof win.showSaveFilePicker !== 'function') return null;
  return { showOpenFilePicker: win.showOpenFilePicker.bind(win), showSaveFilePicker: win.showSaveFilePicker.bind(win) } as FileSystemAccess;
}

/**
 * The inputs whose picker is open. Chromium holds such an input only weakly: one that nothing else
 * refers to is collected while the user picks, and its change never comes (seen under load, when
 * the page's garbage collection ran before the file was chosen: the pick was lost without a word).
 */
const picking = new Set<HTMLInputElement>();

/** Shows the browser's file picker through a file input; resolves with the file, or null when the user cancels. */
export function pickFileWithInput(doc: Document): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    const done = (file: File | null) => {
      picking.delete(input);
      resolve(file);
    };
    picking.add(input);
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    input.click();
  });
}

/** What the user picked: a handle (File System Access), a file (a file input), or nothing (cancelled). */
export type Picked = { readonly handle: FileHandleLike } | { readonly file: PickedFile } | null;

/**
 * Shows a picker at once (call it in the click's handler, before any `await`): the File System
 * Access one where there is one, else `pickFile`. Rejects as the picker does (an AbortError: cancelled).
 */
export function startOpenPick(access: FileSystemAccess | null, pickFile: () => Promise<PickedFile | null>): Promise<Picked> {
  return access
    ? access.showOpenFilePicker({ types: PICKER_TYPES, multiple: false }).then(([handle]) => (handle ? { handle } : null))
    : pickFile().then((file) => (file ? { file } : null));
}
