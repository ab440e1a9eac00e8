/**
 * The document model without React: the canonical saved text, the templates (checked against the
 * simulator's schema), the document operations against a fake host, and autosave with recovery.
 */
import { describe, expect, it } from 'vitest';
import { parseAutosave, recoveryPayload, autosaveText } from '../../../src/renderer/document/autosave';
import { scenarioText, suggestedFileName } from '../../../src/renderer/document/canonical';
import { TEMPLATES, controlRoomOnly, templateById } from '../../../src/renderer/document/templates';
import { LONDON_BASELINE } from '../../../src/renderer/scenarios';
import { startAutosave } from '../../../src/renderer/sim-client/autosave';
import { discardAutosave, newScenario, openRecent, openScenario, recoverAutosave, saveScenario } from '../../../src/renderer/sim-client/document';
import { createAppStore, update } from '../../../src/renderer/store';
import { demandMultiplierSet, initialScenarioState, scenarioEdited, undone } from '../../../src/renderer/store/scenario-slice';
import { DEFAULT_SETTINGS } from '../../../src/shared/ipc-schemas';
import { parseScenario } from '../../../src/shared/scenario';
import { fakeApi } from '../fake-api';

const yes = () => true;
const no = () => false;

describe('the canonical saved text', () => {
  it('keeps the key order, indents by two spaces, ends in a newline; parse and write again gives the same bytes', () => {
    const raw = { schemaVersion: 1, name: 'N', demand: { streams: [{ line: '999', callsPerDay: 6562.6 }] }, a: [1, 2] };
    const text = scenarioText(raw);
    expect(text).toBe('{\n  "schemaVersion": 1,\n  "name": "N",\n  "demand": {\n    "streams": [\n      {\n        "line": "999",\n        "callsPerDay": 6562.6\n      }\n    ]\n  },\n  "a": [\n    1,\n    2\n  ]\n}\n');
    expect(scenarioText(JSON.parse(text))).toBe(text);
    const london = scenarioText(LONDON_BASELINE.scenario);
    expect(scenarioText(JSON.parse(london))).toBe(london);
  });

  it('suggests a file name from the scenario name', () => {
    expect(suggestedFileName('London baseline')).toBe('london-baseline.json');
    expect(suggestedFileName('Brixton moved / +4 IRVs')).toBe('brixton-moved-4-irvs.json');
    expect(suggestedFileName('   ')).toBe('scenario.json');
  });
});

describe('templates', () => {
  it('each gives a scenario the simulator accepts', () => {
    for (const t of TEMPLATES) {
      const parsed = parseScenario(t.build());
      expect(parsed.ok ? [] : parsed.errors, t.id).toEqual([]);
    }
  });

  it('control room only has no station, no unit and no attendance, and leaves the baseline as it was', () => {
    const before = JSON.stringify(LONDON_BASELINE.scenario);
    const cr = controlRoomOnly(LONDON_BASELINE.scenario);
    expect([cr.stations, cr.fleet]).toEqual([[], []]);
    expect(Object.values(cr.grades as Record<string, { attend: boolean }>).map((g) => g.attend)).toEqual([false, false, false, false]);
    expect(cr.callHandling).toBe(LONDON_BASELINE.scenario.callHandling);
    expect(JSON.stringify(LONDON_BASELINE.scenario)).toBe(before);
    expect(() => templateById('nope')).toThrow(/no scenario template "nope"/);
  });
});

describe('document operations against a host', () => {
  const small = { name: 'S', days: 1, demand: { streams: [{ line: '999', callsPerDay: 100 }] } };

  it('New asks before unsaved changes are lost and keeps them when told no', () => {
    const store = createAppStore({ scenario: initialScenarioState(small, 'built in') });
    expect(newScenario(store, 'small', no), 'unmodified: nothing to ask').toBe(true);
    update(store, 'scenario', demandMultiplierSet, 2);
    const asked: string[] = [];
    expect(newScenario(store, 'control-room', (q) => (asked.push(q), false))).toBe(false);
    expect(asked).toEqual(['“Small built-in check” has unsaved changes. Discard them?']);
    expect(store.getState().scenario.modified).toBe(true);
    expect(newScenario(store, 'control-room', yes)).toBe(true);
    expect(store.getState().scenario).toMatchObject({ name: 'Control room only', modified: false, path: null, origin: 'new from Control room only' });
  });

  it('Open asks first; told no, the host is not even asked', async () => {
    let asked = 0;
    const { api } = fakeApi({
      openScenarioFile: async () => {
        asked += 1;
        return { ok: true, file: { path: '/d/o.json', name: 'o.json', raw: { schemaVersion: 1, name: 'O', demand: { streams: [{ line: '999', callsPerDay: 1, gradeMix: { R: 1 } }], points: [{ lon: 0, lat: 51 }] }, callHandling: null } } };
      },
    });
    const store = createAppStore({ scenario: scenarioEdited(initialScenarioState(small, 'x'), (r) => ({ ...r, seed: 2 })) });
    expect(await openScenario(api, store, no)).toBe(false);
    expect(asked).toBe(0);
    expect(await openScenario(api, store, yes)).toBe(true);
    expect(store.getState().scenario).toMatchObject({ name: 'O', path: '/d/o.json', fileName: 'o.json', modified: false });
  });

  it('Save sends the canonical text with the file it came from; a new document suggests a name; Save as asks', async () => {
    const fake = fakeApi();
    const store = createAppStore({ scenario: initialScenarioState(small, 'built in') });
    update(store, 'scenario', demandMultiplierSet, 1.5);
    expect(await saveScenario(fake.api, store)).toBe(true);
    expect(fake.saves[0]).toEqual({ text: scenarioText({ ...small, demand: { streams: [{ line: '999', callsPerDay: 150 }] } }), suggestedName: 's.json', path: null, saveAs: false });
    expect(store.getState().scenario).toMatchObject({ modified: false, path: '/saved/s.json', fileName: 's.json' });
    await saveScenario(fake.api, store);
    expect(fake.saves[1]).toMatchObject({ path: '/saved/s.json', suggestedName: 's.json', saveAs: false });
    await saveScenario(fake.api, store, { saveAs: true });
    expect(fake.saves[2]).toMatchObject({ saveAs: true });
  });

  it('the recent files shown follow an open and a save (the host keeps them)', async () => {
    let recent: string[] = [];
    const fake = fakeApi({
      getSettings: async () => ({ ...DEFAULT_SETTINGS, recentFiles: recent }),
      openRecentFile: async (file) => ({ ok: true, file: { path: file, name: 'r.json', raw: { schemaVersion: 1, name: 'R', demand: { streams: [{ line: '999', callsPerDay: 1, gradeMix: { R: 1 } }], points: [{ lon: 0, lat: 51 }] }, callHandling: null } } }),
    });
    const store = createAppStore({ scenario: initialScenarioState(small, 'built in') });
    recent = ['/d/r.json'];
    expect(await openRecent(fake.api, store, '/d/r.json', yes)).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().host.settings?.recentFiles).toEqual(['/d/r.json']);
    recent = ['/saved/r.json', '/d/r.json'];
    await saveScenario(fake.api, store, { saveAs: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().host.settings?.recentFiles).toEqual(['/saved/r.json', '/d/r.json']);
  });

  it('a save that fails is a notice and leaves the document modified; a cancelled one says nothing', async () => {
    let answer: 'failed' | 'cancelled' = 'failed';
    const { api } = fakeApi({ saveScenarioFile: async () => (answer === 'failed' ? { ok: false, reason: 'failed', message: '/x.json was not saved: the disk is full' } : { ok: false, reason: 'cancelled' }) });
    const store = createAppStore({ scenario: demandMultiplierSet(initialScenarioState(small, 'x'), 2) });
    expect(await saveScenario(api, store)).toBe(false);
    expect(store.getState().host.notice).toBe('/x.json was not saved: the disk is full');
    expect(store.getState().scenario.modified).toBe(true);
    update(store, 'host', (h) => ({ ...h, notice: null }), undefined);
    answer = 'cancelled';
    expect(await saveScenario(api, store)).toBe(false);
    expect(store.getState().host.notice).toBeNull();
  });
});

describe('autosave and recovery', () => {
  const small = { name: 'S', days: 1, demand: { streams: [{ line: '999', callsPerDay: 100 }] } };

  function manualTimers() {
    const pending = new Map<number, () => void>();
    let next = 0;
    return {
      setTimer: (fn: () => void) => (pending.set(++next, fn), next),
      clearTimer: (h: unknown) => void pending.delete(h as number),
      fire: () => {
        const fns = [...pending.values()];
        pending.clear();
        for (const fn of fns) fn();
      },
      get count() {
        return pending.size;
      },
    };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('writes the document after the debounce while modified, and removes it once unmodified again', async () => {
    const fake = fakeApi();
    const timers = manualTimers();
    const store = createAppStore({ scenario: initialScenarioState(small, 'built in') });
    const stop = startAutosave(fake.api, store, { ...timers, now: () => new Date('2026-12-06T03:00:00Z') });
    await settle();
    update(store, 'scenario', demandMultiplierSet, 2);
    update(store, 'scenario', demandMultiplierSet, 3);
    expect(timers.count, 'one pending write for both edits').toBe(1);
    timers.fire();
    await settle();
    const written = parseAutosave(fake.files.autosave);
    expect(written).toMatchObject({ version: 1, savedAt: '2026-12-06T03:00:00.000Z', name: 'S', path: null, scenario: { demand: { streams: [{ callsPerDay: 300 }] } }, saved: small, original: null });
    update(store, 'scenario', undone, undefined);
    await settle();
    expect(fake.files.autosave, 'back to the saved scenario: removed at once').toBeNull();
    stop();
  });

  it('offers an autosave found at start and writes nothing until answered; Recover brings back the edits', async () => {
    const fake = fakeApi();
    const saved = { ...small, name: 'V' };
    const before = createAppStore({ scenario: scenarioEdited(initialScenarioState(saved, 'v.json'), (r) => ({ ...r, seed: 5 })) });
    fake.files.autosave = autosaveText({ ...before.getState().scenario, path: '/d/v.json', fileName: 'v.json' }, new Date(0));
    const store = createAppStore({ scenario: initialScenarioState(small, 'built in') });
    const timers = manualTimers();
    const stop = startAutosave(fake.api, store, timers);
    await settle();
    expect(store.getState().host.recovery).toMatchObject({ name: 'V', fileName: 'v.json' });
    expect(fake.autosaves, 'the offered autosave is kept').toEqual([]);
    recoverAutosave(store);
    expect(store.getState().host.recovery).toBeNull();
    expect(store.getState().scenario).toMatchObject({ name: 'V', path: '/d/v.json', fileName: 'v.json', modified: true, current: { seed: 5 }, saved });
    timers.fire();
    await settle();
    expect(parseAutosave(fake.files.autosave)?.scenario, 'autosaved again as recovered').toMatchObject({ seed: 5 });
    stop();
  });

  it('Discard removes the autosave; a damaged one is not offered', async () => {
    const fake = fakeApi();
    fake.files.autosave = autosaveText(scenarioEdited(initialScenarioState(small, 'x'), (r) => ({ ...r, seed: 5 })), new Date(0));
    const store = createAppStore({ scenario: initialScenarioState(small, 'built in') });
    const stop = startAutosave(fake.api, store, manualTimers());
    await settle();
    await discardAutosave(fake.api, store);
    expect(store.getState().host.recovery).toBeNull();
    expect(fake.files.autosave).toBeNull();
    stop();
    for (const bad of ['{', '[]', '{"version":2}', JSON.stringify({ version: 1, savedAt: 'x', name: 'n', origin: 'o', path: 3, fileName: null, scenario: {}, saved: {}, original: null })]) {
      expect(parseAutosave(bad), bad).toBeNull();
    }
    expect(recoveryPayload(parseAutosave(autosaveText(initialScenarioState(small, 'x'), new Date(0)))!).original, 'original left out: the saved copy').toEqual(small);
  });
});
