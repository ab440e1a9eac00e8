/**
 * The open document's autosave on the desktop: one file in the app's user-data folder, written
 * through the atomic writer (a crash mid-write leaves the previous autosave whole), removed when the
 * document is saved or its changes discarded. What is in it is the renderer's business
 * (src/renderer/document/autosave.ts); here it is text of bounded size.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../node/files/atomic-write';
import { LIMITS } from '../shared/scenario/limits';

/** An autosave holds up to three copies of a scenario (current, saved, original). */
export const MAX_AUTOSAVE_BYTES = 3 * LIMITS.scenarioFileBytes;

export class AutosaveFile {
  constructor(readonly file: string) {}

  /** Writes `text`, or removes the autosave (null). A failure is a message naming the file. */
  async write(text: string | null): Promise<{ ok: true } | { ok: false; message: string }> {
    try {
      if (text === null) await rm(this.file, { force: true });
      else {
        mkdirSync(path.dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, text);
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `autosave ${this.file}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** The autosave's text; null when there is none, or it is not a readable file of bounded size (then it is left for the user to look at). */
  async read(): Promise<string | null> {
    try {
      const info = await stat(this.file);
      if (!info.isFile() || info.size > MAX_AUTOSAVE_BYTES) return null;
      return await readFile(this.file, 'utf8');
    } catch {
      return null; // none (ENOENT) or unreadable: nothing to offer
    }
  }
}
