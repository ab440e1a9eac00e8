/**
 * The workbench's edits as pure updaters, without React: each returns a new scenario (the input
 * untouched), keeps it valid (parseScenario accepts it), and refuses bad input with a message.
 */
import { describe, expect, it } from 'vitest';
import london from '../../../assets/scenarios/london-baseline.json';
import { parseScenario } from '../../../src/shared/scenario';
import type { RawScenario } from '../../../src/renderer/store/scenario-slice';
import { addBase, moveBase, readBases, renameBase, setBaseClosed } from '../../../src/renderer/scenario/bases';
import { addEvent, readAreaMultipliers, readEvents, removeEvent, secondsAt, setAreaMultiplier, updateEvent, windowText, specOf } from '../../../src/renderer/scenario/demand';
import { readDispatch, setDivert, setPolicy, setReserve } from '../../../src/renderer/scenario/dispatch';
import { readResourcing, setBaseUnits } from '../../../src/renderer/scenario/resourcing';
import { coverWarnings, readShifts, setShiftHours, setShiftStart, shiftCover } from '../../../src/renderer/scenario/shifts';

const base = (): RawScenario => structuredClone(london) as RawScenario;
const valid = (raw: RawScenario) => {
  const r = parseScenario(raw);
  expect(r.ok ? [] : r.errors, 'still a valid scenario').toEqual([]);
};
const LAMBETH = 'streatham-police-station';

describe('bases', () => {
  it('moves a base and keeps its units; the input is untouched', () => {
    const raw = base();
    const snapshot = JSON.stringify(raw);
    const before = readResourcing(raw).bcus.flatMap((b) => b.bases).find((b) => b.id === LAMBETH)!;
    const moved = moveBase(raw, LAMBETH, -0.1, 51.46, 'E09000022');
    expect(JSON.stringify(raw)).toBe(snapshot);
    const b = readBases(moved).find((x) => x.id === LAMBETH)!;
    expect([b.lon, b.lat, b.area]).toEqual([-0.1, 51.46, 'E09000022']);
    expect(readResourcing(moved).bcus.flatMap((x) => x.bases).find((x) => x.id === LAMBETH)!.perShift).toEqual(before.perShift);
    expect(moveBase(moved, LAMBETH, -0.1, 51.46, 'E09000022')).toBe(moved);
    valid(moved);
    expect(() => moveBase(raw, 'nowhere', 0, 51)).toThrow(/no base "nowhere"/);
    expect(() => moveBase(raw, LAMBETH, 200, 51)).toThrow(/expected a position/);
  });

  it('adds a base with a unique id, then units per shift through the resourcing edit', () => {
    const { raw, id } = addBase(base(), { name: 'Streatham Police Station', lon: -0.11, lat: 51.46, area: 'E09000022' });
    expect(id).toBe('streatham-police-station-2');
    const staffed = setBaseUnits(raw, id, 'late', 3);
    expect(readResourcing(staffed).bcus.flatMap((b) => b.bases).find((b) => b.id === id)!.perShift).toEqual({ early: 0, late: 3, night: 0 });
    valid(staffed);
    expect(() => addBase(base(), { name: '  ', lon: 0, lat: 51 })).toThrow(/needs a name/);
  });

  it('renames, closes and reopens a base; closing keeps its fleet rows', () => {
    const raw = base();
    const renamed = renameBase(raw, LAMBETH, 'Brixton');
    expect(readBases(renamed).find((b) => b.id === LAMBETH)!.name).toBe('Brixton');
    expect(() => renameBase(raw, LAMBETH, ' ')).toThrow(/cannot be empty/);
    const closed = setBaseClosed(raw, LAMBETH, true);
    expect(readBases(closed).find((b) => b.id === LAMBETH)!.closed).toBe(true);
    expect(closed.fleet).toBe(raw.fleet);
    valid(closed);
    const reopened = setBaseClosed(closed, LAMBETH, false);
    expect(JSON.stringify(reopened)).toBe(JSON.stringify(raw));
    expect(setBaseClosed(raw, LAMBETH, false)).toBe(raw);
  });
});

describe('shifts', () => {
  it('sets start and length, and finds gaps and overlaps with the hours affected', () => {
    const raw = base();
    expect(shiftCover(raw)).toEqual({ gaps: [], overlaps: [] });
    const later = setShiftStart(raw, 'late', '16:00');
    expect(readShifts(later).find((s) => s.id === 'late')!.start).toBe('16:00');
    expect(coverWarnings(shiftCover(later))).toEqual([
      'Gap: no shift on duty 15:00-16:00 (1 h): no units and no call takers then.',
      'Overlap: late and night both on duty 23:00-00:00 (1 h): their units and call takers add up then.',
    ]);
    valid(later);
    const longNight = setShiftHours(raw, 'night', 10);
    expect(coverWarnings(shiftCover(longNight))).toEqual(['Overlap: early and night both on duty 07:00-09:00 (2 h): their units and call takers add up then.']);
    const shortNight = setShiftHours(raw, 'night', 6);
    expect(shiftCover(shortNight).gaps).toEqual([{ fromMin: 300, toMin: 420, shifts: [] }]);
    expect(() => setShiftStart(raw, 'late', '25:00')).toThrow(/HH:MM/);
    expect(() => setShiftHours(raw, 'late', 0)).toThrow(/above 0/);
    expect(() => setShiftHours(raw, 'nope', 8)).toThrow(/no shift "nope"/);
  });

  it('a gap across midnight is one span', () => {
    const raw = setShiftHours(base(), 'night', 4);
    expect(shiftCover(setShiftStart(raw, 'night', '01:00')).gaps).toEqual([{ fromMin: 300, toMin: 420, shifts: [] }, { fromMin: 1380, toMin: 1500, shifts: [] }]);
  });
});

describe('demand', () => {
  it('a multiplier per BCU or borough is a standing surge; 1 removes it', () => {
    const raw = base();
    const more = setAreaMultiplier(raw, 'CW', 1.5);
    expect(readAreaMultipliers(more)).toEqual({ CW: 1.5 });
    expect((more.demand as { surges: unknown[] }).surges).toEqual([{ area: 'CW', multiplier: 1.5 }]);
    valid(more);
    expect(readAreaMultipliers(setAreaMultiplier(more, 'CW', 2))).toEqual({ CW: 2 });
    expect(setAreaMultiplier(more, 'CW', 1).demand).toEqual(raw.demand);
    expect(setAreaMultiplier(raw, 'CW', 1)).toBe(raw);
    expect(() => setAreaMultiplier(raw, 'CW', -1)).toThrow(/from 0 to 1000/);
  });

  it('adds, edits and removes a demand event drawn as a circle; it reads back and validates', () => {
    const raw = base();
    const spec = { label: 'Carnival', shape: { kind: 'circle' as const, lon: -0.2, lat: 51.515, radiusM: 1500 }, fromS: secondsAt(7, '10:00'), toS: secondsAt(8, '22:00'), multiplier: 3 };
    const withEvent = addEvent(raw, spec);
    valid(withEvent);
    const [e] = readEvents(withEvent);
    expect(e).toMatchObject({ index: 0, label: 'Carnival', multiplier: 3, fromS: 554400, toS: 684000 });
    expect(windowText(withEvent, e!.fromS, e!.toS)).toBe('Sun-Mon 10:00-22:00');
    const edited = updateEvent(withEvent, 0, { ...specOf(e!), multiplier: 2 });
    expect(readEvents(edited)[0]!.multiplier).toBe(2);
    expect(readAreaMultipliers(edited)).toEqual({});
    expect(removeEvent(edited, 0).demand).toEqual(raw.demand);
    expect(() => addEvent(raw, { ...spec, toS: spec.fromS })).toThrow(/end after the start/);
    expect(() => addEvent(raw, { ...spec, shape: { kind: 'polygon', corners: [[0, 51], [1, 51]] } })).toThrow(/at least 3 corners/);
    expect(() => removeEvent(raw, 0)).toThrow(/no demand event/);
  });
});

describe('dispatch rules', () => {
  it('policy, diversion and reserve per grade', () => {
    const raw = base();
    expect(readDispatch(raw)).toEqual({ policy: 'nearest-eta', border: 'bcu', divert: true, reserve: { I: 0, S: 8, E: 0 }, reserveByBcu: {} });
    const noReserve = setReserve(raw, 'S', 0);
    expect(readDispatch(noReserve).reserve.S).toBe(0);
    expect((noReserve.dispatch as Record<string, unknown>).reserve).toEqual({});
    valid(noReserve);
    const home = setPolicy(setDivert(raw, false), 'home-station-first');
    expect(readDispatch(home)).toMatchObject({ policy: 'home-station-first', divert: false });
    valid(home);
    expect(readDispatch(setDivert(home, true)).divert).toBe(true);
    expect(setDivert(raw, true)).toBe(raw);
    expect(() => setReserve(raw, 'S', 1.5)).toThrow(/whole number/);
    expect(() => setPolicy(raw, 'random' as never)).toThrow(/unknown dispatch policy/);
  });
});
