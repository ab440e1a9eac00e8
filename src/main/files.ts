/**
 * Opening scenario files: the open dialog and reading a file the user chose. The dialog is
 * injected (Electron's `dialog` in the app, a fake in tests).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenFileOutcome } from '../shared/protocol';
import { ScenarioFileError, loadScenarioFile } from '../node/scenario';
import { LIMITS } from '../shared/scenario/limits';

/** The part of Electron's `dialog` used here. */
export interface OpenDialog {
  showOpenDialog(options: {
    title: string;
    properties: ('openFile')[];
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Bigger files are refused before reading: a scenario with inline areas is a few MB at most. */
export const MAX_SCENARIO_BYTES = LIMITS.scenarioFileBytes;

/**
 * Reads a scenario file as the command line does (src/node/scenario): its `extends` chain merged,
 * GeoJSON area files inlined, other paths made absolute, so the raw object can go to a sim worker
 * as it is. Every failure is a value naming the file (and line and column for bad JSON).
 */
export async function readScenarioFile(file: string): Promise<OpenFileOutcome> {
  const name = path.basename(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, reason: 'unreadable', message: `${file} is not a file` };
    if (info.size > MAX_SCENARIO_BYTES) {
      return { ok: false, reason: 'unreadable', message: `${file} is ${Math.round(info.size / 1048576)} MB; scenario files over ${MAX_SCENARIO_BYTES / 1048576} MB are refused` };
    }
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return { ok: true, file: { path: file, name, raw: await loadScenarioFile(path.resolve(file)) } };
  } catch (error) {
    if (!(error instanceof ScenarioFileError)) throw error;
    const notJson = error.problems.some((p) => p.issue.message.startsWith('not valid JSON'));
    return { ok: false, reason: notJson ? 'not-json' : 'unreadable', message: error.message };
  }
}

/** Shows the open dialog and reads the chosen file. */
export async function openScenarioWithDialog(dialog: OpenDialog): Promise<OpenFileOutcome> {
  const choice = await dialog.showOpenDialog({
    title: 'Open scenario',
    properties: ['openFile'],
    filters: [
      { name: 'Scenario', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || file === undefined) return { ok: false, reason: 'cancelled' };
  return readScenarioFile(file);
}
