import { describe, expect, it } from 'vitest';
import { createAppStore, editScenario } from '../../../src/renderer/store';
import {
  HISTORY_LIMIT,
  demandMultiplierOf,
  demandMultiplierSet,
  horizonLabel,
  horizonSet,
  initialScenarioState,
  openErrorDismissed,
  redoLabel,
  redone,
  revertedToSaved,
  runHorizon,
  scenarioEdited,
  scenarioOpened,
  scenarioRecovered,
  scenarioRejected,
  scenarioSaved,
  undoLabel,
  undone,
  type RawScenario,
} from '../../../src/renderer/store/scenario-slice';

const base = initialScenarioState({ name: 'Base', days: 7 }, 'built in');
const setDays = (days: number) => (raw: RawScenario) => (raw.days === days ? raw : { ...raw, days });

describe('scenario slice: the document', () => {
  it('starts unmodified at revision 0, with no history and the horizon of the scenario', () => {
    expect(base).toMatchObject({ name: 'Base', origin: 'built in', path: null, fileName: null, modified: false, chosenDays: null, revision: 0, openError: null, past: [], future: [] });
    expect(runHorizon(base)).toEqual({ days: 7, chosen: false });
    expect(horizonLabel(base)).toBe('7 days, from the scenario');
    expect(initialScenarioState({}, 'file.json').name, 'no name: the origin').toBe('file.json');
    expect(runHorizon(initialScenarioState({}, 'x')).days, 'days left out: the default 7').toBe(7);
  });

  it('an edit marks the scenario modified, bumps the revision and is one undo step; an edit that changes nothing does nothing', () => {
    const edited = scenarioEdited(base, setDays(1));
    expect(edited).toMatchObject({ modified: true, revision: 1, current: { name: 'Base', days: 1 }, original: { days: 7 }, saved: { days: 7 } });
    expect(undoLabel(edited)).toBe('Edit');
    expect(scenarioEdited(edited, (raw) => raw), 'same object back: no change').toBe(edited);
  });

  it('undo and redo walk every single edit, back to unmodified; a new edit clears the redo steps', () => {
    const a = scenarioEdited(base, setDays(1), 'Days');
    const b = scenarioEdited(a, (raw) => ({ ...raw, seed: 3 }), 'Seed');
    expect(b.past.map((s) => s.label)).toEqual(['Days', 'Seed']);
    const u1 = undone(b);
    expect(u1.current).toEqual({ name: 'Base', days: 1 });
    expect(redoLabel(u1)).toBe('Seed');
    const u2 = undone(u1);
    expect(u2.current, 'the very object it started from').toBe(base.current);
    expect(u2.modified, 'back to the saved scenario: not modified').toBe(false);
    expect(undone(u2), 'nothing more to undo').toBe(u2);
    const r = redone(redone(u2));
    expect(r.current).toEqual({ name: 'Base', days: 1, seed: 3 });
    expect(r.modified).toBe(true);
    expect(redone(r), 'nothing to redo').toBe(r);
    expect(r.revision, 'each step is a change of what is run').toBe(b.revision + 4);
    const branched = scenarioEdited(u1, setDays(2), 'Days 2');
    expect(branched.future, 'a new edit drops the redo steps').toEqual([]);
  });

  it('typing in one field (same explicit label) is one undo step; unlabelled edits never merge', () => {
    const typed = scenarioEdited(scenarioEdited(base, setDays(1), 'Units, NA, early'), setDays(12), 'Units, NA, early');
    expect(typed.past).toHaveLength(1);
    expect(undone(typed).current).toBe(base.current);
    const two = scenarioEdited(scenarioEdited(base, setDays(1)), setDays(12));
    expect(two.past).toHaveLength(2);
  });

  it('keeps at most HISTORY_LIMIT undo steps', () => {
    let s = base;
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) s = scenarioEdited(s, setDays(i + 10));
    expect(s.past).toHaveLength(HISTORY_LIMIT);
    expect(s.past[0]!.scenario.days, 'the oldest dropped').toBe(15);
  });

  it('Revert to saved goes back to the saved copy as one step that Undo takes back', () => {
    const changed = scenarioEdited(scenarioEdited(base, setDays(2), 'a'), (raw) => ({ ...raw, seed: 9 }), 'b');
    const reverted = revertedToSaved(changed);
    expect(reverted.current).toBe(base.current);
    expect(reverted.modified).toBe(false);
    expect(undoLabel(reverted)).toBe('Revert to saved');
    expect(undone(reverted).current, 'the changes come back').toBe(changed.current);
    expect(revertedToSaved(reverted), 'nothing to revert').toBe(reverted);
  });

  it('Save makes the current scenario the saved copy: unmodified, named by the file, history kept', () => {
    const changed = scenarioEdited(base, setDays(2), 'Days');
    const saved = scenarioSaved(changed, { scenario: changed.current, path: '/home/p/variant.json', fileName: 'variant.json' });
    expect(saved).toMatchObject({ modified: false, path: '/home/p/variant.json', fileName: 'variant.json', origin: 'variant.json', document: changed.document, revision: changed.revision });
    expect(saved.past).toHaveLength(1);
    expect(undone(saved).modified, 'undoing past the save: modified again').toBe(true);
    expect(revertedToSaved(scenarioEdited(saved, setDays(3))).current).toBe(changed.current);
    // An edit made while the host was writing stays unsaved.
    const during = scenarioEdited(changed, setDays(4));
    expect(scenarioSaved(during, { scenario: changed.current, path: '/p.json', fileName: 'p.json' }).modified).toBe(true);
  });

  it('Open (and New) starts another document: new identity, empty history, unmodified', () => {
    const changed = scenarioEdited(base, setDays(2));
    const opened = scenarioOpened(changed, { raw: { name: 'Other' }, origin: 'other.json', path: '/x/other.json', fileName: 'other.json' });
    expect(opened).toMatchObject({ name: 'Other', origin: 'other.json', path: '/x/other.json', fileName: 'other.json', modified: false, past: [], future: [], openError: null });
    expect(opened.document).toBe(changed.document + 1);
    expect(opened.revision).toBe(changed.revision + 1);
    const fresh = scenarioOpened(opened, { raw: { name: 'Control room only' }, origin: 'new from Control room only' });
    expect(fresh).toMatchObject({ path: null, fileName: null, name: 'Control room only' });
  });

  it('a recovered document keeps its unsaved edits against what its file holds', () => {
    const saved = { name: 'V', days: 7 };
    const rec = scenarioRecovered(base, { raw: { name: 'V', days: 2 }, saved, original: saved, origin: 'v.json', path: '/v.json', fileName: 'v.json' });
    expect(rec).toMatchObject({ modified: true, path: '/v.json', current: { days: 2 }, document: base.document + 1 });
    expect(revertedToSaved(rec).current).toBe(saved);
  });

  it('a rejected file keeps the current scenario and says why', () => {
    const rejected = scenarioRejected(scenarioEdited(base, setDays(2)), { file: 'bad.json', issues: [{ path: 'fleet[3].perShift.late', message: 'expected a whole number >= 0, got -2' }] });
    expect(rejected.current, 'kept').toEqual({ name: 'Base', days: 2 });
    expect(rejected.openError).toEqual({ file: 'bad.json', issues: [{ path: 'fleet[3].perShift.late', message: 'expected a whole number >= 0, got -2' }] });
    expect(rejected.revision, 'nothing to run').toBe(1);
    expect(openErrorDismissed(rejected).openError).toBeNull();
  });
});

describe('editScenario: an edit through the store', () => {
  it('is one undo step named by its label; an edit that changes nothing leaves the store alone', () => {
    const store = createAppStore({ scenario: base });
    editScenario(store, setDays(3), 'Days');
    expect(store.getState().scenario).toMatchObject({ current: { days: 3 }, modified: true });
    expect(undoLabel(store.getState().scenario)).toBe('Days');
    const before = store.getState();
    editScenario(store, (raw) => raw, 'Nothing');
    expect(store.getState()).toBe(before);
  });
});

describe('scenario slice: what is run', () => {
  const withCalls = initialScenarioState({ name: 'C', demand: { streams: [{ line: '999', callsPerDay: 5966 }, { line: '101', callsPerDay: 7696 }] } }, 'x');

  it('the demand multiplier is folded into the streams (so the file saved is what was run), as one undoable step', () => {
    const scaled = demandMultiplierSet(withCalls, 1.1);
    expect(scaled.current.demand).toEqual({ streams: [{ line: '999', callsPerDay: 6562.6 }, { line: '101', callsPerDay: 8465.6 }] });
    expect(demandMultiplierOf(scaled)).toBe(1.1);
    expect(scaled.modified).toBe(true);
    const again = demandMultiplierSet(scaled, 1.2);
    expect(again.past, 'changes of the multiplier merge').toHaveLength(1);
    expect(demandMultiplierOf(again)).toBe(1.2);
    expect(demandMultiplierSet(again, 1.2)).toBe(again);
    expect(undone(again).current, 'undo: the calls as opened').toBe(withCalls.current);
    expect(() => demandMultiplierSet(withCalls, 0)).toThrow(/demand multiplier must be a number > 0, got 0/);
    expect(demandMultiplierOf(demandMultiplierSet(withCalls, 1)), 'back at 1: as opened').toBe(1);
  });

  it('the horizon is a run option: chosen days, or back to the scenario; not an edit', () => {
    const week = horizonSet(base, 1);
    expect(week).toMatchObject({ chosenDays: 1, modified: false, revision: 1, past: [] });
    expect(horizonLabel(week)).toBe('1 day, chosen');
    expect(runHorizon(horizonSet(week, null))).toEqual({ days: 7, chosen: false });
    expect(horizonSet(week, 1)).toBe(week);
    expect(() => horizonSet(base, Number.NaN)).toThrow(/horizon/);
    expect(horizonLabel(scenarioEdited(base, setDays(2))), 'follows the scenario as edited').toBe('2 days, from the scenario');
  });
});
