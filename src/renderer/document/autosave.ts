/**
 * The open document as autosaved (issue 13 item 4, issue 15 item 1): what it holds now with its
 * unsaved edits, what its file holds (for "modified" and "Revert to saved" after recovery), where it
 * came from and where it is saved. The host keeps the text where a crash cannot lose it (a file in
 * the app's user-data folder through the atomic writer, or the browser's localStorage).
 */
import type { RawScenario, ScenarioState } from '../store/scenario-slice';

export interface AutosavedDocument {
  readonly version: 1;
  /** when it was written, ISO 8601 (shown in the recovery prompt) */
  readonly savedAt: string;
  readonly name: string;
  readonly origin: string;
  readonly path: string | null;
  readonly fileName: string | null;
  readonly scenario: RawScenario;
  /** what the document's file holds (or the scenario as opened, when never saved) */
  readonly saved: RawScenario;
  /** null: the same as `saved` */
  readonly original: RawScenario | null;
}

/** The autosave's text for `state` (written while it is modified), stamped `now`. */
export function autosaveText(state: ScenarioState, now: Date): string {
  const doc: AutosavedDocument = {
    version: 1,
    savedAt: now.toISOString(),
    name: state.name,
    origin: state.origin,
    path: state.path,
    fileName: state.fileName,
    scenario: state.current,
    saved: state.saved,
    original: state.original === state.saved ? null : state.original,
  };
  return JSON.stringify(doc);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** The autosaved document in `text`, or null when it is not one (a damaged or foreign file is not offered). */
export function parseAutosave(text: string | null): AutosavedDocument | null {
  if (text === null || text === '') return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObj(v) || v.version !== 1 || typeof v.savedAt !== 'string' || typeof v.name !== 'string' || typeof v.origin !== 'string') return null;
  if (!strOrNull(v.path) || !strOrNull(v.fileName) || !isObj(v.scenario) || !isObj(v.saved) || !(v.original === null || isObj(v.original))) return null;
  return v as unknown as AutosavedDocument;
}

/** What `scenarioRecovered` takes to reopen an autosaved document. */
export function recoveryPayload(doc: AutosavedDocument) {
  return {
    raw: doc.scenario,
    saved: doc.saved,
    original: doc.original ?? doc.saved,
    origin: doc.origin,
    path: doc.path,
    fileName: doc.fileName,
  };
}
