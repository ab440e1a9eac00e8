import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../src/main/settings';
import { contentSecurityPolicy, tileOriginOf } from '../../src/shared/csp';
import { DEFAULT_SETTINGS, RECENT_FILES_MAX } from '../../src/shared/ipc-schemas';

const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), 'rs-settings-')), 'nested', 'settings.json');

describe('settings store', () => {
  it('starts from the defaults when there is no file, and writes nothing until a change', () => {
    const file = fresh();
    const { store, problem } = SettingsStore.load(file);
    expect(problem).toBeNull();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(file), 'no file written by reading').toBe(false);
  });

  it('saves an update and reads it back', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({ dataDir: '/data/london', onlineTiles: true });
    const again = SettingsStore.load(file);
    expect(again.problem).toBeNull();
    expect(again.store.get()).toMatchObject({ dataDir: '/data/london', onlineTiles: true });
  });

  it('refuses an update that breaks the schema and keeps the old settings', () => {
    const { store } = SettingsStore.load(fresh());
    expect(() => store.update({ tileUrl: 'http://insecure.example/{z}/{x}/{y}.png' })).toThrow('must start with https://');
    expect(store.get().tileUrl).toBe(DEFAULT_SETTINGS.tileUrl);
  });

  it('keeps recent files newest first, once each, at most RECENT_FILES_MAX', () => {
    const { store } = SettingsStore.load(fresh());
    for (let i = 0; i < RECENT_FILES_MAX + 2; i++) store.addRecent(`/s/${i}.json`);
    store.addRecent('/s/5.json');
    const recent = store.get().recentFiles;
    expect(recent).toHaveLength(RECENT_FILES_MAX);
    expect(recent.slice(0, 3)).toEqual(['/s/5.json', `/s/${RECENT_FILES_MAX + 1}.json`, `/s/${RECENT_FILES_MAX}.json`]);
    expect(new Set(recent).size, 'no duplicates').toBe(recent.length);
    expect(store.clearRecent().recentFiles).toEqual([]);
  });

  it('moves a file that is not JSON aside and says so, naming the file', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({ onlineTiles: true });
    writeFileSync(file, '{ "schemaVersion": 1,');
    const { store, problem } = SettingsStore.load(file);
    expect(store.get(), 'defaults in use').toEqual(DEFAULT_SETTINGS);
    expect(problem).toContain(`${file}: `);
    expect(problem).toContain('kept as settings.json.bad; using defaults');
    expect(readFileSync(`${file}.bad`, 'utf8'), 'the user\'s file is kept').toBe('{ "schemaVersion": 1,');
  });

  it('names the JSON path of a schema failure', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({});
    writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, recentFiles: ['/ok', 42] }));
    const { problem } = SettingsStore.load(file);
    expect(problem).toMatch(/settings\.json: recentFiles\[1\]: .*expected string/);
  });

  it.each([
    ['a host the CSP builder refuses (once accepted by the schema)', 'https://tile..example.org/{z}/{x}/{y}.png'],
    ['no placeholders', 'https://tile.example.org/tile.png'],
    ['a quote that would break the policy', "https://tile.example.org/{z}/{x}/{y}.png'"],
    ['a single-label host', 'https://localhost/{z}/{x}/{y}.png'],
  ])('refuses a tile URL the app cannot use: %s', (_what, tileUrl) => {
    const { store } = SettingsStore.load(fresh());
    expect(() => store.update({ tileUrl })).toThrow(/tile URL/);
    expect(store.get().tileUrl).toBe(DEFAULT_SETTINGS.tileUrl);
  });

  it('every tile URL the schema accepts gives a CSP the builder accepts', () => {
    for (const tileUrl of [DEFAULT_SETTINGS.tileUrl, 'https://{s}.tile.example.org:8443/{z}/{x}/{y}.png?key=1']) {
      const { store } = SettingsStore.load(fresh());
      const s = store.update({ tileUrl, onlineTiles: true });
      expect(() => contentSecurityPolicy({ tileOrigins: [tileOriginOf(s.tileUrl)] })).not.toThrow();
    }
  });

  it('sets aside a settings file whose tile URL the CSP builder refuses, so the window still loads', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({});
    writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, onlineTiles: true, tileUrl: 'https://localhost/{z}/{x}/{y}.png' }));
    const { store, problem } = SettingsStore.load(file);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(problem).toMatch(/settings\.json: tileUrl: tile URL .* unusable host/);
    expect(existsSync(`${file}.bad`)).toBe(true);
  });

  it('keeps an earlier set-aside file: a second bad file gets a timestamp', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({});
    writeFileSync(file, 'first bad');
    SettingsStore.load(file);
    writeFileSync(file, 'second bad');
    const { problem } = SettingsStore.load(file, () => new Date('2026-12-06T03:00:00.000Z'));
    expect(problem).toContain('kept as settings.json.bad-2026-12-06T03-00-00-000Z; using defaults');
    expect(readFileSync(`${file}.bad`, 'utf8')).toBe('first bad');
    expect(readFileSync(`${file}.bad-2026-12-06T03-00-00-000Z`, 'utf8')).toBe('second bad');
  });

  it('refuses relative paths for recent files and the data folder', () => {
    const file = fresh();
    SettingsStore.load(file).store.update({});
    writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, recentFiles: ['s.json'] }));
    expect(SettingsStore.load(file).problem).toMatch(/recentFiles\[0\]: expected an absolute path/);
    expect(() => SettingsStore.load(fresh()).store.update({ dataDir: 'data' })).toThrow('expected an absolute path');
  });

  it('writes through the atomic writer: no temporary file left beside it', () => {
    const file = fresh();
    const { store } = SettingsStore.load(file);
    store.update({ onlineTiles: true });
    store.addRecent('/s/a.json');
    expect(readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });
});
