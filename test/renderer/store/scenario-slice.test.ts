import { describe, expect, it } from 'vitest';
import {
  demandMultiplierSet,
  editsReset,
  horizonSet,
  initialScenarioState,
  openErrorDismissed,
  scenarioEdited,
  scenarioOpened,
  scenarioRejected,
} from '../../../src/renderer/store/scenario-slice';

const base = initialScenarioState({ name: 'Base', days: 7 }, 'built in');

describe('scenario slice updaters', () => {
  it('starts unmodified at revision 0 with a one-day horizon', () => {
    expect(base).toMatchObject({ name: 'Base', origin: 'built in', modified: false, demandMultiplier: 1, horizonDays: 1, revision: 0, openError: null });
    expect(initialScenarioState({}, 'file.json').name, 'no name: the origin').toBe('file.json');
  });

  it('an edit marks the scenario modified and bumps the revision; an edit that changes nothing does neither', () => {
    const edited = scenarioEdited(base, (raw) => ({ ...raw, days: 1 }));
    expect(edited).toMatchObject({ modified: true, revision: 1, current: { name: 'Base', days: 1 }, original: { days: 7 } });
    expect(scenarioEdited(edited, (raw) => raw), 'same object back: no change').toBe(edited);
  });

  it('the demand multiplier and the horizon are changes of what is run; bad values are programmer errors', () => {
    const scaled = demandMultiplierSet(base, 1.5);
    expect(scaled).toMatchObject({ demandMultiplier: 1.5, modified: true, revision: 1 });
    expect(demandMultiplierSet(scaled, 1.5)).toBe(scaled);
    expect(() => demandMultiplierSet(base, 0)).toThrow(/demand multiplier must be a number > 0, got 0/);
    const week = horizonSet(base, 7);
    expect(week).toMatchObject({ horizonDays: 7, modified: false, revision: 1 });
    expect(() => horizonSet(base, Number.NaN)).toThrow(/horizon/);
  });

  it('undo goes back to the scenario as opened', () => {
    const changed = demandMultiplierSet(scenarioEdited(base, (raw) => ({ ...raw, days: 2 })), 2);
    const undone = editsReset(changed);
    expect(undone).toMatchObject({ current: { days: 7 }, demandMultiplier: 1, modified: false, revision: changed.revision + 1 });
    expect(editsReset(undone), 'nothing to undo').toBe(undone);
  });

  it('a rejected file keeps the current scenario and says why; a good one replaces it and clears the error', () => {
    const rejected = scenarioRejected(scenarioEdited(base, (raw) => ({ ...raw, days: 2 })), { file: 'bad.json', issues: [{ path: 'fleet[3].perShift.late', message: 'expected a whole number >= 0, got -2' }] });
    expect(rejected.current, 'kept').toEqual({ name: 'Base', days: 2 });
    expect(rejected.openError).toEqual({ file: 'bad.json', issues: [{ path: 'fleet[3].perShift.late', message: 'expected a whole number >= 0, got -2' }] });
    expect(rejected.revision, 'nothing to run').toBe(1);
    expect(openErrorDismissed(rejected).openError).toBeNull();
    const opened = scenarioOpened(rejected, { raw: { name: 'Other' }, origin: 'other.json' });
    expect(opened).toMatchObject({ name: 'Other', origin: 'other.json', modified: false, demandMultiplier: 1, openError: null, revision: 2, original: { name: 'Other' } });
  });
});
