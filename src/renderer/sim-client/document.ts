/**
 * The document operations of the workbench, between the store and the host: New (from a
 * template), Open, Open recent, Save, Save as, recovering an autosave. Each asks before unsaved
 * changes would be lost (`confirm`, the browser's own confirm unless a test gives another), and
 * each outcome the user should know of (a file not saved, a save that became a download) becomes a
 * notice. The state changes themselves are the scenario slice's pure updaters.
 */
import type { DesktopApi, OpenFileOutcome } from '../../shared/protocol';
import { parseAutosave, recoveryPayload } from '../document/autosave';
import { scenarioText, suggestedFileName } from '../document/canonical';
import { templateById } from '../document/templates';
import { update, type AppStore } from '../store';
import { noticeShown, recoveryOffered, settingsReceived } from '../store/host-slice';
import { scenarioOpened, scenarioRecovered, scenarioSaved } from '../store/scenario-slice';
import { acceptOpenedFile } from './open';

/** Asks a yes/no question; true = go on. */
export type Confirm = (question: string) => boolean;

export const browserConfirm: Confirm = (question) => window.confirm(question);

/** True when nothing unsaved would be lost, or the user agrees to lose it. */
export function mayDiscard(store: AppStore, confirm: Confirm): boolean {
  const { modified, name } = store.getState().scenario;
  return !modified || confirm(`“${name}” has unsaved changes. Discard them?`);
}

/** New scenario from a template (src/renderer/document/templates.ts); false when the user kept the current one. */
export function newScenario(store: AppStore, templateId: string, confirm: Confirm = browserConfirm): boolean {
  const template = templateById(templateId);
  if (!mayDiscard(store, confirm)) return false;
  update(store, 'scenario', scenarioOpened, { raw: template.build(), origin: `new from ${template.label}` });
  return true;
}

/** Reads the settings again after the host changed its recent files (an open or a save), so the list shown follows. */
async function refreshRecent(api: DesktopApi, store: AppStore): Promise<void> {
  try {
    update(store, 'host', settingsReceived, await api.getSettings());
  } catch (error) {
    console.warn('getSettings failed', error); // the list stays as it was: nothing the user must act on
  }
}

function accept(api: DesktopApi, store: AppStore, outcome: OpenFileOutcome): boolean | Promise<boolean> {
  if (outcome.ok) {
    void refreshRecent(api, store);
    return acceptOpenedFile(store, outcome.file);
  }
  if (outcome.reason !== 'cancelled') update(store, 'host', noticeShown, outcome.message);
  return false;
}

/** Open scenario: asks first when there are unsaved changes, then shows the host's open dialog. */
export async function openScenario(api: DesktopApi, store: AppStore, confirm: Confirm = browserConfirm): Promise<boolean> {
  if (!mayDiscard(store, confirm)) return false;
  return accept(api, store, await api.openScenarioFile());
}

/** Opens one of the recent files (desktop). */
export async function openRecent(api: DesktopApi, store: AppStore, file: string, confirm: Confirm = browserConfirm): Promise<boolean> {
  if (!mayDiscard(store, confirm)) return false;
  try {
    return accept(api, store, await api.openRecentFile(file));
  } catch (error) {
    update(store, 'host', noticeShown, `${file} could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * Save scenario (or Save scenario as): writes the document's canonical text to its file, or to one
 * the user picks. Edits made while the host writes stay unsaved (the document stays modified).
 */
export async function saveScenario(api: DesktopApi, store: AppStore, options: { saveAs?: boolean } = {}): Promise<boolean> {
  const { current, path, fileName, name } = store.getState().scenario;
  const text = scenarioText(current);
  let outcome;
  try {
    outcome = await api.saveScenarioFile({ text, suggestedName: fileName ?? suggestedFileName(name), path, saveAs: options.saveAs ?? false });
  } catch (error) {
    outcome = { ok: false as const, reason: 'failed' as const, message: `the scenario was not saved: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!outcome.ok) {
    if (outcome.reason === 'failed') update(store, 'host', noticeShown, outcome.message);
    return false;
  }
  update(store, 'scenario', scenarioSaved, { scenario: current, path: outcome.path, fileName: outcome.name });
  void refreshRecent(api, store);
  if (outcome.downloaded) update(store, 'host', noticeShown, `Saved as a download: ${outcome.name} (this browser cannot write a file in place; open it from your downloads to go on with it).`);
  return true;
}

/** Looks for an autosave left by a session that did not end cleanly, and offers it (host.recovery). */
export async function offerRecovery(api: DesktopApi, store: AppStore): Promise<boolean> {
  let text: string | null = null;
  try {
    text = await api.readAutosave();
  } catch (error) {
    console.warn('readAutosave failed', error);
  }
  const doc = parseAutosave(text);
  if (doc === null) return false;
  update(store, 'host', recoveryOffered, doc);
  return true;
}

/** "Recover unsaved scenario": the autosaved document, with its edits, becomes the one in hand. */
export function recoverAutosave(store: AppStore): void {
  const doc = store.getState().host.recovery;
  if (doc === null) return;
  update(store, 'scenario', scenarioRecovered, recoveryPayload(doc));
  update(store, 'host', recoveryOffered, null);
}

/** "Discard": the autosave is removed and never offered again. */
export async function discardAutosave(api: DesktopApi, store: AppStore): Promise<void> {
  update(store, 'host', recoveryOffered, null);
  await api.writeAutosave(null);
}
