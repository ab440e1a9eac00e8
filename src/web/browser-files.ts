/**
 * Opening and saving scenario files in the browser build. Where the browser has the File System
 * Access API (`showOpenFilePicker`, `showSaveFilePicker`), files are picked through it and their
 * handles kept, so Save writes back to the file the user opened or saved. Elsewhere (and in a
 * browser driven by automation, whose pickers nobody can answer) a file is uploaded through a file
 * input and saved as a download. The renderer knows a file only by an opaque token (`path`) and its name.
 */
import type { OpenFileOutcome, SaveFileOutcome, SaveFileRequest } from '../shared/protocol';
import { PICKER_TYPES, startOpenPick, type FileHandleLike, type FileSystemAccess, type Picked } from './open-picker';
import { readPickedFile, type PickedFile } from './pick-file';

/** Offers `text` as a download named `name` (a Blob link, clicked). */
export function downloadText(doc: Document, name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started by now in every browser; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface BrowserFilesOptions {
  /** the pickers, or null for upload and download */
  readonly access: FileSystemAccess | null;
  /** the upload path: shows a file input; null = cancelled */
  readonly pickFile: () => Promise<PickedFile | null>;
  /** the download path */
  readonly download: (name: string, text: string) => void;
}

export class BrowserFiles {
  private readonly handles = new Map<string, FileHandleLike>();
  private counter = 0;

  constructor(private readonly options: BrowserFilesOptions) {}

  private remember(handle: FileHandleLike): string {
    this.counter += 1;
    const token = `picked:${this.counter}:${handle.name}`;
    this.handles.set(token, handle);
    return token;
  }

  /** Shows a picker at once (./open-picker.ts): the File System Access one, else the upload. */
  pick(): Promise<Picked> {
    return startOpenPick(this.options.access, this.options.pickFile);
  }

  /** Reads the file of a pick, started now or earlier (`picking`: a click's, started before this chunk arrived). */
  async open(picking: Promise<Picked> = this.pick()): Promise<OpenFileOutcome> {
    let picked: Picked;
    try {
      picked = await picking;
    } catch (error) {
      if (isAbort(error)) return { ok: false, reason: 'cancelled' };
      return { ok: false, reason: 'unreadable', message: `the file could not be opened: ${messageOf(error)}` };
    }
    if (!picked) return { ok: false, reason: 'cancelled' };
    if ('file' in picked) return readPickedFile(picked.file);
    const { handle } = picked;
    let file: PickedFile;
    try {
      file = await handle.getFile();
    } catch (error) {
      return { ok: false, reason: 'unreadable', message: `${handle.name}: ${messageOf(error)}` };
    }
    const outcome = await readPickedFile(file);
    return outcome.ok ? { ok: true, file: { ...outcome.file, path: this.remember(handle) } } : outcome;
  }

  async save(request: SaveFileRequest): Promise<SaveFileOutcome> {
    const access = this.options.access;
    if (!access) {
      const name = request.path?.startsWith('download:') ? request.path.slice('download:'.length) : request.suggestedName;
      this.options.download(name, request.text);
      return { ok: true, path: `download:${name}`, name, downloaded: true };
    }
    let handle = !request.saveAs && request.path !== null ? this.handles.get(request.path) : undefined;
    let token = handle ? request.path! : null;
    if (!handle) {
      try {
        handle = await access.showSaveFilePicker({ types: PICKER_TYPES, suggestedName: request.suggestedName });
      } catch (error) {
        if (isAbort(error)) return { ok: false, reason: 'cancelled' };
        return { ok: false, reason: 'failed', message: `the scenario was not saved: ${messageOf(error)}` };
      }
      token = this.remember(handle);
    }
    try {
      const writable = await handle.createWritable();
      await writable.write(request.text);
      // The browser replaces the file on close: until then the old content stays whole.
      await writable.close();
    } catch (error) {
      return { ok: false, reason: 'failed', message: `${handle.name} was not saved: ${messageOf(error)}` };
    }
    return { ok: true, path: token!, name: handle.name };
  }
}
