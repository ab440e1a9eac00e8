/**
 * Saving scenarios and the autosave on the desktop, through the preload's API, the checked IPC and
 * the main-process handlers, writing real files: Save overwrites only a file the user picked (one
 * of the recent files, which only dialogs add to), anything else goes through the save dialog; a
 * saved file joins the recent files; the autosave is written atomically and removed; the window's
 * close guard asks before unsaved changes are lost.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LiveDriver } from '../../src/host/live-driver';
import { createMainHandlers } from '../../src/main/api-handlers';
import { AutosaveFile } from '../../src/main/autosave';
import { readScenarioFile, saveScenarioWithDialog, writeScenarioFile, type SaveDialog } from '../../src/main/files';
import { GrantedPaths } from '../../src/main/grants';
import { registerApi } from '../../src/main/ipc';
import { SettingsStore } from '../../src/main/settings';
import { confirmUnload } from '../../src/main/window';
import { createPreloadApi } from '../../src/preload/api';
import { FakeIpc } from './fake-electron';

function app(dialogAnswer: () => string | null) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rs-save-'));
  const { store: settings } = SettingsStore.load(path.join(dir, 'settings.json'));
  const asked: { title: string; defaultPath: string }[] = [];
  const dialog: SaveDialog = {
    showSaveDialog: async (options) => {
      asked.push(options);
      const file = dialogAnswer();
      return file === null ? { canceled: true } : { canceled: false, filePath: file };
    },
  };
  const recentChanges: (readonly string[])[] = [];
  const autosave = new AutosaveFile(path.join(dir, 'user-data', 'autosave', 'scenario.json'));
  const grants = new GrantedPaths(() => settings.get().recentFiles);
  const handlers = createMainHandlers({
    pool: () => {
      throw new Error('no pool in these tests');
    },
    settings,
    openDialog: async () => ({ ok: false, reason: 'cancelled' }),
    readFile: readScenarioFile,
    writeScenario: writeScenarioFile,
    saveDialog: (text, name, folder) => saveScenarioWithDialog(dialog, text, name, folder),
    autosave,
    grants,
    appVersion: '0.1.0',
    workers: 1,
    onRecentFilesChanged: (recent) => recentChanges.push(recent),
    live: {} as LiveDriver,
    mapLayers: async () => ({ ok: false, message: 'not used' }),
  });
  const ipc = new FakeIpc();
  registerApi(ipc.main, handlers, { isTrustedUrl: (url) => url.startsWith('app://renderer/') });
  return { api: createPreloadApi(ipc.renderer), dir, settings, asked, recentChanges, autosave, grants };
}

const TEXT = '{\n  "schemaVersion": 1,\n  "name": "V"\n}\n';

describe('Save scenario on the desktop', () => {
  it('a document never saved goes through the dialog; the file is written whole and joins the recent files', async () => {
    let target = '';
    const { api, dir, asked, recentChanges, grants } = app(() => target);
    target = path.join(dir, 'variant.json');
    const outcome = await api.saveScenarioFile({ text: TEXT, suggestedName: 'variant.json', path: null, saveAs: false });
    expect(outcome).toEqual({ ok: true, path: target, name: 'variant.json' });
    expect(asked).toEqual([{ title: 'Save scenario as', defaultPath: 'variant.json', filters: [{ name: 'Scenario', extensions: ['json'] }] }]);
    expect(readFileSync(target, 'utf8')).toBe(TEXT);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')), 'no temporary file left').toEqual([]);
    expect(recentChanges).toEqual([[target]]);
    expect(grants.has(target), 'a file the user saved to is granted').toBe(true);

    // Save again: overwritten in place, no dialog.
    const again = await api.saveScenarioFile({ text: TEXT.replace('"V"', '"W"'), suggestedName: 'variant.json', path: target, saveAs: false });
    expect(again).toEqual({ ok: true, path: target, name: 'variant.json' });
    expect(asked).toHaveLength(1);
    expect(readFileSync(target, 'utf8')).toContain('"W"');

    // Save as: the dialog again, starting in the file's folder.
    target = path.join(dir, 'copy.json');
    expect((await api.saveScenarioFile({ text: TEXT, suggestedName: 'variant.json', path: path.join(dir, 'variant.json'), saveAs: true })).ok).toBe(true);
    expect(asked[1]!.defaultPath).toBe(path.join(dir, 'variant.json'));
    expect((await api.getSettings()).recentFiles).toEqual([target, path.join(dir, 'variant.json')]);
  });

  it('the page cannot make main write a path the user did not pick: it is asked for instead', async () => {
    const { api, asked } = app(() => null);
    const outcome = await api.saveScenarioFile({ text: 'x', suggestedName: 'passwd', path: '/etc/passwd', saveAs: false });
    expect(outcome).toEqual({ ok: false, reason: 'cancelled' });
    expect(asked.map((a) => a.defaultPath), 'the dialog starts from the suggested name only').toEqual(['passwd']);
  });

  it('a file that cannot be written is a message naming it; bad arguments are refused with their path', async () => {
    const { api, dir } = app(() => path.join(dir, 'no-such-folder', 'x.json'));
    const outcome = await api.saveScenarioFile({ text: TEXT, suggestedName: 'x.json', path: null, saveAs: false });
    expect(outcome).toEqual({ ok: false, reason: 'failed', message: `${path.join(dir, 'no-such-folder', 'x.json')} was not saved: the folder does not exist` });
    await expect(api.saveScenarioFile({ text: 1, suggestedName: '', path: null, saveAs: false } as never)).rejects.toThrow(/api:saveScenarioFile: bad arguments: args\[0\]\.text: .*; args\[0\]\.suggestedName/);
  });
});

describe('autosave on the desktop', () => {
  it('writes atomically into the user-data folder, reads it back, removes it', async () => {
    const { api, autosave } = app(() => null);
    expect(await api.readAutosave(), 'none yet').toBeNull();
    expect(await api.writeAutosave('{"version":1}')).toEqual({ ok: true });
    expect(readFileSync(autosave.file, 'utf8')).toBe('{"version":1}');
    expect(await api.readAutosave()).toBe('{"version":1}');
    expect(await api.writeAutosave(null)).toEqual({ ok: true });
    expect(existsSync(autosave.file)).toBe(false);
    expect(await api.writeAutosave(null), 'removing none is fine').toEqual({ ok: true });
  });

  it('a failure is a message, not a throw; what is not a readable file is not offered', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rs-autosave-'));
    writeFileSync(path.join(dir, 'blocker'), 'a file where the folder should be');
    const blocked = new AutosaveFile(path.join(dir, 'blocker', 'scenario.json'));
    const outcome = await blocked.write('x');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/^autosave .*blocker\/scenario\.json: /);
    mkdirSync(path.join(dir, 'folder.json'));
    expect(await new AutosaveFile(path.join(dir, 'folder.json')).read(), 'a folder').toBeNull();
  });
});

describe('closing the window with unsaved changes', () => {
  function contents() {
    let listener: ((event: { preventDefault(): void }) => void) | null = null;
    return {
      on: (_event: 'will-prevent-unload', l: (event: { preventDefault(): void }) => void) => {
        listener = l;
      },
      /** the page refused to unload: true when the window closes anyway */
      refuse(): boolean {
        let closes = false;
        listener!({ preventDefault: () => (closes = true) });
        return closes;
      },
    };
  }

  it('asks; "Close without saving" closes, Cancel keeps the window', () => {
    const c = contents();
    let answer = 1;
    let asked = 0;
    confirmUnload(c, () => {
      asked += 1;
      return answer;
    });
    expect(c.refuse(), 'Cancel').toBe(false);
    answer = 0;
    expect(c.refuse(), 'Close without saving').toBe(true);
    expect(asked).toBe(2);
  });
});
