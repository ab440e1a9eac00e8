/**
 * The browser build's files: the File System Access path with fake pickers (Chromium's real ones
 * cannot be answered under automation, so the end-to-end test covers upload and download), the
 * upload/download path, and the autosave in localStorage, through `createWebApi` as the app uses it.
 */
import { describe, expect, it } from 'vitest';
import { BrowserFiles } from '../../../src/web/browser-files';
import { fileSystemAccessOf, startOpenPick, type FileHandleLike } from '../../../src/web/open-picker';
import { AUTOSAVE_KEY, createWebApi } from '../../../src/web/web-api';
import type { WorkerLike } from '../../../src/web/web-spawn';

/** A file on a fake disk, as a handle: what is written replaces the content on close. */
function fakeHandle(name: string, content: string) {
  const file = { name, content, writes: 0 };
  const handle: FileHandleLike = {
    name,
    getFile: async () => ({ name, size: file.content.length, text: async () => file.content }),
    createWritable: async () => {
      let pending = '';
      return {
        write: async (data: string) => void (pending += data),
        close: async () => {
          file.content = pending;
          file.writes += 1;
        },
      };
    },
  };
  return { handle, file };
}

const abort = () => Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });

/** A window with the File System Access pickers faked, the way `fileSystemAccessOf` reads them. */
function fakeWindow() {
  const opened = fakeHandle('variant.json', '{"schemaVersion":1,"name":"V"}');
  const savedAs = fakeHandle('copy.json', '');
  const calls: string[] = [];
  let cancelSave = false;
  const win = {
    navigator: { webdriver: false },
    showOpenFilePicker: async () => {
      calls.push('open');
      return [opened.handle];
    },
    showSaveFilePicker: async (options: { suggestedName: string }) => {
      calls.push(`save ${options.suggestedName}`);
      if (cancelSave) throw abort();
      return savedAs.handle;
    },
  };
  return { win, opened, savedAs, calls, cancelSaves: () => (cancelSave = true) };
}

const noUpload = async () => {
  throw new Error('the upload path was not expected');
};
const noDownload = () => {
  throw new Error('the download path was not expected');
};

describe('File System Access (fake window.showSaveFilePicker and showOpenFilePicker)', () => {
  it('is used only where the browser has both pickers and is not driven by automation', () => {
    expect(fileSystemAccessOf(fakeWindow().win)).not.toBeNull();
    expect(fileSystemAccessOf({ ...fakeWindow().win, navigator: { webdriver: true } })).toBeNull();
    expect(fileSystemAccessOf({ showOpenFilePicker: () => {} })).toBeNull();
    expect(fileSystemAccessOf({})).toBeNull();
  });

  it('Open keeps the handle, so Save writes back to that file without asking; Save as asks and keeps the new one', async () => {
    const fake = fakeWindow();
    const files = new BrowserFiles({ access: fileSystemAccessOf(fake.win), pickFile: noUpload, download: noDownload });
    const opened = await files.open();
    expect(opened.ok && opened.file.raw).toEqual({ schemaVersion: 1, name: 'V' });
    const token = opened.ok ? opened.file.path : '';
    expect(opened.ok && opened.file.name).toBe('variant.json');

    const saved = await files.save({ text: 'A\n', suggestedName: 'variant.json', path: token, saveAs: false });
    expect(saved).toEqual({ ok: true, path: token, name: 'variant.json' });
    expect(fake.opened.file.content, 'written back to the opened file').toBe('A\n');
    expect(fake.calls).toEqual(['open']);

    const copy = await files.save({ text: 'B\n', suggestedName: 'variant.json', path: token, saveAs: true });
    expect(copy.ok && copy.name).toBe('copy.json');
    expect(fake.calls).toEqual(['open', 'save variant.json']);
    expect(fake.savedAs.file.content).toBe('B\n');
    const again = await files.save({ text: 'C\n', suggestedName: 'copy.json', path: copy.ok ? copy.path : null, saveAs: false });
    expect(again.ok).toBe(true);
    expect(fake.calls, 'no second question').toHaveLength(2);
    expect([fake.opened.file.content, fake.savedAs.file.content]).toEqual(['A\n', 'C\n']);
  });

  it("reads the pickers off jsdom's own window once they are there", async () => {
    const fake = fakeWindow();
    const w = window as unknown as Record<string, unknown>;
    expect(fileSystemAccessOf(window as never), 'jsdom has none').toBeNull();
    w.showOpenFilePicker = fake.win.showOpenFilePicker;
    w.showSaveFilePicker = fake.win.showSaveFilePicker;
    try {
      const files = new BrowserFiles({ access: fileSystemAccessOf(window as never), pickFile: noUpload, download: noDownload });
      expect((await files.save({ text: 'W\n', suggestedName: 'w.json', path: null, saveAs: false })).ok).toBe(true);
      expect(fake.calls).toEqual(['save w.json']);
      expect(fake.savedAs.file.content).toBe('W\n');
    } finally {
      delete w.showOpenFilePicker;
      delete w.showSaveFilePicker;
    }
  });

  it('a path the page made up is not a handle: the picker asks; cancelling is not an error', async () => {
    const fake = fakeWindow();
    fake.cancelSaves();
    const files = new BrowserFiles({ access: fileSystemAccessOf(fake.win), pickFile: noUpload, download: noDownload });
    expect(await files.save({ text: 'x', suggestedName: 's.json', path: 'picked:99:other.json', saveAs: false })).toEqual({ ok: false, reason: 'cancelled' });
    expect(fake.calls).toEqual(['save s.json']);
  });

  it('a write that fails is a message naming the file', async () => {
    const broken: FileHandleLike = { name: 'ro.json', getFile: async () => ({ name: 'ro.json', size: 0, text: async () => '' }), createWritable: async () => Promise.reject(new Error('not allowed')) };
    const files = new BrowserFiles({
      access: { showOpenFilePicker: async () => [broken], showSaveFilePicker: async () => broken },
      pickFile: noUpload,
      download: noDownload,
    });
    expect(await files.save({ text: 'x', suggestedName: 'ro.json', path: null, saveAs: false })).toEqual({ ok: false, reason: 'failed', message: 'ro.json was not saved: not allowed' });
  });
});

describe('upload and download (no File System Access)', () => {
  it('opens through the file input and saves as a download under the suggested name, then under the same name', async () => {
    const downloads: [string, string][] = [];
    const files = new BrowserFiles({
      access: null,
      pickFile: async () => ({ name: 'up.json', size: 2, text: async () => '{}' }),
      download: (name, text) => downloads.push([name, text]),
    });
    expect(await files.open()).toEqual({ ok: true, file: { path: 'up.json', name: 'up.json', raw: {} } });
    const first = await files.save({ text: 'T\n', suggestedName: 'up.json', path: 'up.json', saveAs: false });
    expect(first).toEqual({ ok: true, path: 'download:up.json', name: 'up.json', downloaded: true });
    await files.save({ text: 'U\n', suggestedName: 'other.json', path: 'download:up.json', saveAs: false });
    expect(downloads).toEqual([
      ['up.json', 'T\n'],
      ['up.json', 'U\n'],
    ]);
  });
});

describe('a pick started before the host was there (Open scenario clicked early: ./open-picker.ts)', () => {
  it('reads the picked file or handle, keeps the handle for Save, and reports a cancel or a refusal', async () => {
    const fake = fakeWindow();
    const files = new BrowserFiles({ access: fileSystemAccessOf(fake.win), pickFile: noUpload, download: noDownload });
    const early = startOpenPick(fileSystemAccessOf(fake.win), noUpload);
    expect(fake.calls, 'the picker was shown at the call, not when the file is read').toEqual(['open']);
    const opened = await files.open(early);
    expect(opened.ok && opened.file.raw).toEqual({ schemaVersion: 1, name: 'V' });
    const saved = await files.save({ text: 'A\n', suggestedName: 'variant.json', path: opened.ok ? opened.file.path : null, saveAs: false });
    expect(saved.ok && fake.opened.file.content, 'the early pick\'s handle is kept').toBe('A\n');
    expect(fake.calls).toEqual(['open']);

    expect(await files.open(Promise.resolve({ file: { name: 'up.json', size: 2, text: async () => '[]' } }))).toEqual({ ok: true, file: { path: 'up.json', name: 'up.json', raw: [] } });
    expect(await files.open(Promise.resolve(null))).toEqual({ ok: false, reason: 'cancelled' });
    expect(await files.open(Promise.reject(abort()))).toEqual({ ok: false, reason: 'cancelled' });
    expect(await files.open(Promise.reject(new Error('Must be handling a user gesture to show a file picker.')))).toEqual({
      ok: false,
      reason: 'unreadable',
      message: 'the file could not be opened: Must be handling a user gesture to show a file picker.',
    });
  });

  it('without File System Access, the upload starts at the call', async () => {
    let shown = 0;
    const picking = startOpenPick(null, async () => (shown++, { name: 'u.json', size: 2, text: async () => '{}' }));
    expect(shown).toBe(1);
    expect(await picking).toEqual({ file: expect.objectContaining({ name: 'u.json' }) });
    expect(await startOpenPick(null, async () => null)).toBeNull();
  });
});

describe('the web API: save and autosave', () => {
  const worker = (): WorkerLike => ({ onmessage: null, onerror: null, onmessageerror: null, postMessage: () => {}, terminate: () => {} });

  function memoryStorage(full = false) {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (full) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
        items.set(k, v);
      },
      removeItem: (k: string) => void items.delete(k),
    };
  }

  it('keeps the autosave in storage, removes it, and says so when the storage is full', async () => {
    const storage = memoryStorage();
    const api = createWebApi({ createWorker: worker, appVersion: '0', storage, pickFile: async () => null, autosaveStorage: storage });
    expect(await api.readAutosave()).toBeNull();
    expect(await api.writeAutosave('{"version":1}')).toEqual({ ok: true });
    expect(storage.items.get(AUTOSAVE_KEY)).toBe('{"version":1}');
    expect(await api.readAutosave()).toBe('{"version":1}');
    await api.writeAutosave(null);
    expect(storage.items.has(AUTOSAVE_KEY)).toBe(false);
    const full = memoryStorage(true);
    const api2 = createWebApi({ createWorker: worker, appVersion: '0', storage: full, pickFile: async () => null, autosaveStorage: full });
    expect(await api2.writeAutosave('x')).toEqual({ ok: false, message: "the browser's storage refused it (The quota has been exceeded.)" });
    api.close();
    api2.close();
  });

  it('checks save arguments as the desktop does', async () => {
    const storage = memoryStorage();
    const api = createWebApi({ createWorker: worker, appVersion: '0', storage, pickFile: async () => null, download: () => {} });
    await expect(api.saveScenarioFile({ text: 'x', suggestedName: '', path: null, saveAs: false })).rejects.toThrow(/saveScenarioFile: bad arguments: args\[0\]\.suggestedName/);
    expect(await api.saveScenarioFile({ text: 'x', suggestedName: 'a.json', path: null, saveAs: false })).toEqual({ ok: true, path: 'download:a.json', name: 'a.json', downloaded: true });
    api.close();
  });
});
