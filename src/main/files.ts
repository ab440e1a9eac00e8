/**
 * Opening scenario files: the open dialog and reading a file the user chose. The dialog is
 * injected (Electron's `dialog` in the app, a fake in tests).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenFileOutcome } from '../shared/protocol';

/** The part of Electron's `dialog` used here. */
export interface OpenDialog {
  showOpenDialog(options: {
    title: string;
    properties: ('openFile')[];
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Bigger files are refused before reading: a scenario with inline areas is a few MB at most. */
export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

/** Reads and parses a scenario file; every failure is a value naming the file. */
export async function readScenarioFile(file: string): Promise<OpenFileOutcome> {
  const name = path.basename(file);
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, reason: 'unreadable', message: `${file} is not a file` };
    if (info.size > MAX_SCENARIO_BYTES) {
      return { ok: false, reason: 'unreadable', message: `${file} is ${Math.round(info.size / 1048576)} MB; scenario files over ${MAX_SCENARIO_BYTES / 1048576} MB are refused` };
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return { ok: true, file: { path: file, name, raw: JSON.parse(text) as unknown } };
  } catch (error) {
    return { ok: false, reason: 'not-json', message: `${file}: not JSON: ${error instanceof Error ? error.message : String(error)}` };
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
