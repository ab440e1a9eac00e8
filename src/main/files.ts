/**
 * Opening and saving scenario files: the open and save dialogs, reading a file the user chose and
 * writing one through the atomic writer. The dialogs are injected (Electron's `dialog` in the app,
 * fakes in tests).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenFileOutcome, SaveFileOutcome } from '../shared/protocol';
import { writeFileAtomic } from '../node/files/atomic-write';
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

/** The part of Electron's `dialog` used for Save as. */
export interface SaveDialog {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

/**
 * Writes a scenario's text to `file` through the atomic writer (a crash leaves the old file or the
 * new one, never half of either). A failure is a value naming the file.
 */
export async function writeScenarioFile(file: string, text: string): Promise<SaveFileOutcome> {
  try {
    await writeFileAtomic(file, text);
    return { ok: true, path: file, name: path.basename(file) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the folder does not exist' : code === 'ENOSPC' ? 'the disk is full' : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'failed', message: `${file} was not saved: ${why}` };
  }
}

/** Shows the save dialog (in `folder` when given, with the suggested name) and writes the chosen file. */
export async function saveScenarioWithDialog(dialog: SaveDialog, text: string, suggestedName: string, folder: string | null): Promise<SaveFileOutcome> {
  const choice = await dialog.showSaveDialog({
    title: 'Save scenario as',
    defaultPath: folder === null ? suggestedName : path.join(folder, suggestedName),
    filters: [{ name: 'Scenario', extensions: ['json'] }],
  });
  if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled' };
  return writeScenarioFile(choice.filePath, text);
}
