/**
 * Scenario files between the renderer and its host (part of the message contract of ./protocol.ts,
 * which re-exports these): a file the host opened, and a scenario to save.
 */

/** A scenario file read by the host: its path (Electron) or name (browser) and parsed JSON. */
export interface OpenedFile {
  readonly path: string;
  readonly name: string;
  /** the parsed JSON, not yet validated as a scenario */
  readonly raw: unknown;
}

export type OpenFileOutcome =
  | { readonly ok: true; readonly file: OpenedFile }
  | { readonly ok: false; readonly reason: 'cancelled' }
  | { readonly ok: false; readonly reason: 'unreadable' | 'not-json' | 'unavailable'; readonly message: string };

/**
 * A scenario to write (Save, Save as): its text in the canonical form (src/renderer/document), the
 * file name to suggest, and the file it was opened from or last saved to (`path` of an
 * `OpenedFile` or a `SaveFileOutcome`; null = never saved). Without `saveAs` and with a `path` the
 * host may name, the file is overwritten without asking; otherwise the host's save dialog asks where.
 */
export interface SaveFileRequest {
  readonly text: string;
  readonly suggestedName: string;
  readonly path: string | null;
  readonly saveAs: boolean;
}

export type SaveFileOutcome =
  | { readonly ok: true; /** what to pass as `path` next time (a path, or the browser's token) */ readonly path: string; readonly name: string; /** the browser could only offer the file as a download */ readonly downloaded?: boolean }
  | { readonly ok: false; readonly reason: 'cancelled' }
  | { readonly ok: false; readonly reason: 'failed'; readonly message: string };
