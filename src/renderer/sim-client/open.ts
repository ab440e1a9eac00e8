/**
 * Opening a scenario file: the host reads it (File menu or Ctrl+O in Electron, a file input in the
 * browser), the renderer validates it with the same schema as the simulator, and only a valid
 * scenario replaces the current one. A malformed file is reported with every problem and its JSON
 * path (`fleet[3].perShift.late: expected ...`), and the current scenario stays. (The dialog and
 * the question before unsaved changes are lost: ./document.ts.)
 */
import type { OpenedFile } from '../../shared/protocol';
import { update, type AppStore } from '../store';
import { fileOpened } from '../store/host-slice';
import { scenarioOpened, scenarioRejected } from '../store/scenario-slice';
import { loadScenarioParser, scenarioParser, type ScenarioModule } from './scenario-parser';

/**
 * Validates an opened file; true when it became the current scenario. At once when the scenario
 * schema is loaded (./scenario-parser.ts; it is by the time a user opens a file), else once it is.
 */
export function acceptOpenedFile(store: AppStore, file: OpenedFile): boolean | Promise<boolean> {
  update(store, 'host', fileOpened, file);
  const raw = file.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    update(store, 'scenario', scenarioRejected, { file: file.name, issues: [{ path: '', message: 'expected a scenario object (the file holds other JSON)' }] });
    return false;
  }
  const parser = scenarioParser();
  if (parser === null) return loadScenarioParser().then(({ parseScenario }) => validated(store, file, raw, parseScenario));
  return validated(store, file, raw, parser.parseScenario);
}

function validated(store: AppStore, file: OpenedFile, raw: object, parseScenario: ScenarioModule['parseScenario']): boolean {
  const parsed = parseScenario(raw);
  if (!parsed.ok) {
    update(store, 'scenario', scenarioRejected, { file: file.name, issues: parsed.errors });
    return false;
  }
  update(store, 'scenario', scenarioOpened, { raw: raw as Record<string, unknown>, origin: file.name, path: file.path, fileName: file.name });
  return true;
}
