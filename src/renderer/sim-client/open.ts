/**
 * Opening a scenario file: the host reads it (File menu or Ctrl+O in Electron, a file input in the
 * browser), the renderer validates it with the same schema as the simulator, and only a valid
 * scenario replaces the current one. A malformed file is reported with every problem and its JSON
 * path (`fleet[3].perShift.late: expected ...`), and the current scenario stays. (The dialog and
 * the question before unsaved changes are lost: ./document.ts.)
 */
import type { OpenedFile } from '../../shared/protocol';
import { parseScenario } from '../../shared/scenario';
import { update, type AppStore } from '../store';
import { fileOpened } from '../store/host-slice';
import { scenarioOpened, scenarioRejected } from '../store/scenario-slice';

/** Validates an opened file; true when it became the current scenario. */
export function acceptOpenedFile(store: AppStore, file: OpenedFile): boolean {
  update(store, 'host', fileOpened, file);
  const raw = file.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    update(store, 'scenario', scenarioRejected, { file: file.name, issues: [{ path: '', message: 'expected a scenario object (the file holds other JSON)' }] });
    return false;
  }
  const parsed = parseScenario(raw);
  if (!parsed.ok) {
    update(store, 'scenario', scenarioRejected, { file: file.name, issues: parsed.errors });
    return false;
  }
  update(store, 'scenario', scenarioOpened, { raw: raw as Record<string, unknown>, origin: file.name, path: file.path, fileName: file.name });
  return true;
}
