/**
 * The second round of workbench edits as pure updaters, without React: demand events with extra
 * calls an hour and a grade mix, a reserve per grade per BCU, and what changed in words for them.
 * Each keeps the scenario valid (parseScenario accepts it) and leaves its input untouched.
 */
import { describe, expect, it } from 'vitest';
import london from '../../../assets/scenarios/london-baseline.json';
import { parseScenario } from '../../../src/shared/scenario';
import type { RawScenario } from '../../../src/renderer/store/scenario-slice';
import { addEvent, lineMix, readEvents, secondsAt, specOf, updateEvent, withGradeShare } from '../../../src/renderer/scenario/demand';
import { describeChanges } from '../../../src/renderer/scenario/describe';
import { clearBcuReserve, readDispatch, setBcuReserve, setReserve } from '../../../src/renderer/scenario/dispatch';

const base = (): RawScenario => structuredClone(london) as RawScenario;
const valid = (raw: RawScenario) => {
  const r = parseScenario(raw);
  expect(r.ok ? [] : r.errors, 'still a valid scenario').toEqual([]);
};
const names = { areas: new Map([['E09000020', 'Kensington and Chelsea']]), bcus: new Map([['AS', 'South'], ['CW', 'Central West']]) };
const match = { label: 'Match', shape: { kind: 'area', area: 'E09000020' } as const, fromS: secondsAt(6, '14:00'), toS: secondsAt(6, '18:00'), multiplier: 1 };

describe('demand events: extra calls an hour and a grade mix', () => {
  it('adds an event with extra calls and its own mix; reads them back; the input is untouched', () => {
    const raw = base();
    const snapshot = JSON.stringify(raw);
    const next = addEvent(raw, { ...match, extraPerHour: 40, gradeMix: { I: 0.5, S: 0.5, E: 0, R: 0 } });
    expect(JSON.stringify(raw)).toBe(snapshot);
    const [e] = readEvents(next);
    expect(e).toMatchObject({ label: 'Match', multiplier: 1, extraPerHour: 40, gradeMix: { I: 0.5, S: 0.5, E: 0, R: 0 } });
    const surges = (next.demand as { surges: unknown[] }).surges;
    expect(surges[surges.length - 1]).toEqual({ label: 'Match', area: 'E09000020', fromS: match.fromS, toS: match.toS, multiplier: 1, extraCallsPerHour: 40, gradeMix: { I: 0.5, S: 0.5 } });
    valid(next);
  });

  it('an event without extra calls writes no extraCallsPerHour or gradeMix (old files stay as they were)', () => {
    const next = addEvent(base(), { ...match, multiplier: 3 });
    const surge = (next.demand as { surges: Record<string, unknown>[] }).surges.at(-1)!;
    expect(surge).not.toHaveProperty('extraCallsPerHour');
    expect(surge).not.toHaveProperty('gradeMix');
    expect(readEvents(next)[0]).toMatchObject({ extraPerHour: 0, gradeMix: null });
  });

  it('edits the extra calls and the mix, and back to the line\'s mix', () => {
    const one = addEvent(base(), { ...match, extraPerHour: 10 });
    const e = readEvents(one)[0]!;
    const more = updateEvent(one, e.index, { ...specOf(e), extraPerHour: 25 });
    expect(readEvents(more)[0]!.extraPerHour).toBe(25);
    const mixed = updateEvent(more, e.index, { ...specOf(readEvents(more)[0]!), gradeMix: withGradeShare(lineMix(more, null), 'I', 0.6) });
    expect(readEvents(mixed)[0]!.gradeMix!.I).toBe(0.6);
    valid(mixed);
    const back = updateEvent(mixed, e.index, { ...specOf(readEvents(mixed)[0]!), gradeMix: null });
    expect(readEvents(back)[0]!.gradeMix).toBeNull();
    expect(updateEvent(back, e.index, specOf(readEvents(back)[0]!))).toBe(back);
  });

  it('refuses extra calls out of range and a mix that does not sum to 1, naming the event', () => {
    expect(() => addEvent(base(), { ...match, extraPerHour: -1 })).toThrow(/event Match: expected extra calls an hour from 0 to 100,000, got -1/);
    expect(() => addEvent(base(), { ...match, extraPerHour: 5, gradeMix: { I: 0.5, S: 0, E: 0, R: 0 } })).toThrow(/event Match: expected grade shares .* sum to 1/);
  });

  it('withGradeShare sets one grade and rescales the others to fill the rest, summing to 1', () => {
    const mix = { I: 0.2, S: 0.4, E: 0.2, R: 0.2 };
    const out = withGradeShare(mix, 'I', 0.6);
    expect(out.I).toBe(0.6);
    expect(out.S).toBeCloseTo(0.2, 6);
    expect(out.E + out.R).toBeCloseTo(0.2, 6);
    expect(out.I + out.S + out.E + out.R).toBeCloseTo(1, 9);
    expect(withGradeShare({ I: 1, S: 0, E: 0, R: 0 }, 'I', 0.4)).toEqual({ I: 0.4, S: 0.2, E: 0.2, R: 0.2 });
    expect(withGradeShare(mix, 'R', 1)).toEqual({ I: 0, S: 0, E: 0, R: 1 });
    expect(() => withGradeShare(mix, 'I', 1.5)).toThrow(/grade I: expected a share from 0 % to 100 %/);
  });

  it('lineMix is the stream\'s own mix (999 when the event is on both lines)', () => {
    const raw = base();
    const s999 = (raw.demand as { streams: { line: string; gradeMix: Record<string, number> }[] }).streams.find((s) => s.line === '999')!;
    expect(lineMix(raw, null).I).toBe(s999.gradeMix.I ?? 0);
  });
});

describe('reserve per grade per BCU', () => {
  it('gives one BCU its own reserve, starting from the London-wide one; clears it again', () => {
    const raw = base();
    expect(readDispatch(raw).reserve.S).toBe(8);
    const south = setBcuReserve(raw, 'AS', 'S', 4);
    expect(readDispatch(south).reserveByBcu).toEqual({ AS: { I: 0, S: 4, E: 0 } });
    expect((south.dispatch as Record<string, unknown>).reserveByBcu).toEqual({ AS: { S: 4 } });
    valid(south);
    const both = setBcuReserve(south, 'AS', 'I', 1);
    expect((both.dispatch as Record<string, unknown>).reserveByBcu).toEqual({ AS: { I: 1, S: 4 } });
    expect(setBcuReserve(both, 'AS', 'I', 1)).toBe(both);
    const cleared = clearBcuReserve(both, 'AS');
    expect(cleared.dispatch).toEqual(raw.dispatch);
    expect(clearBcuReserve(cleared, 'AS')).toBe(cleared);
    expect(() => setBcuReserve(raw, 'AS', 'S', -1)).toThrow(/reserve for S in AS: expected a whole number from 0 to 50,000, got -1/);
  });

  it('a BCU not in areas.groups is refused by the scenario check at its path', () => {
    const r = parseScenario(setBcuReserve(base(), 'NOPE', 'S', 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('dispatch.reserveByBcu.NOPE');
  });
});

describe('what changed, in words, for these edits', () => {
  it('says the extra calls and their mix; no "Event Event 1"', () => {
    const raw = base();
    const next = addEvent(raw, { ...match, extraPerHour: 40, gradeMix: { I: 0.6, S: 0.4, E: 0, R: 0 } });
    expect(describeChanges(raw, next, names)).toEqual(['Event Match added, Sat 14:00-18:00, +40 calls an hour (60 % I, 40 % S) in Kensington and Chelsea']);
    const both = addEvent(raw, { ...match, label: 'Event 1', multiplier: 2, extraPerHour: 5 });
    expect(describeChanges(raw, both, names)).toEqual(['Event 1 added, Sat 14:00-18:00, x2 and +5 calls an hour in Kensington and Chelsea']);
  });

  it('says a BCU\'s own reserve and its return to the London-wide numbers', () => {
    const raw = base();
    const south = setBcuReserve(raw, 'AS', 'S', 4);
    expect(describeChanges(raw, south, names)).toEqual(['Reserve kept from S work in South BCU: 4 units (was 8)']);
    expect(describeChanges(south, raw, names)).toEqual(['Reserve in South BCU follows the London-wide numbers again']);
    expect(describeChanges(raw, setReserve(raw, 'S', 6))).toEqual(['Reserve kept from S work: 6 units per BCU (was 8)']);
  });
});

describe('a document with these edits saves as a valid file that opens to the same state', () => {
  it('save, open and save again gives identical bytes; the parsed scenario keeps every new field', async () => {
    const { scenarioText } = await import('../../../src/renderer/document/canonical');
    let raw = addEvent(base(), { ...match, extraPerHour: 40, gradeMix: { I: 0.6, S: 0.4, E: 0, R: 0 } });
    raw = setBcuReserve(raw, 'AS', 'S', 4);
    const text = scenarioText(raw);
    const reopened = JSON.parse(text) as RawScenario;
    expect(scenarioText(reopened)).toBe(text);
    expect(readEvents(reopened)).toEqual(readEvents(raw));
    expect(readDispatch(reopened)).toEqual(readDispatch(raw));
    const parsed = parseScenario(reopened);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.scenario.demand.surges.at(-1)).toMatchObject({ extraCallsPerHour: 40, gradeMix: { I: 0.6, S: 0.4 } });
      expect(parsed.scenario.dispatch.reserveByBcu).toEqual({ AS: { S: 4 } });
    }
  });
});
