/**
 * Resourcing edits on raw scenario JSON: the built-in London baseline, and small drawn scenarios for
 * the other forms (round-the-clock rows, several rows per base, pools with one staff number).
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_DAY,
  distribute,
  readResourcing,
  scaleDemand,
  setBaseUnits,
  setBcuUnits,
  setBorder,
  setCallTakers,
} from '../../../src/renderer/scenario/resourcing';
import { LONDON_BASELINE } from '../../../src/renderer/scenarios';
import { parseScenario } from '../../../src/shared/scenario';

const london = LONDON_BASELINE.scenario as Record<string, unknown> & { fleet: { station: string; perShift: Record<string, number> }[] };

const small = {
  shifts: [{ id: 'day', start: '08:00', hours: 12 }, { id: 'night', start: '20:00', hours: 12 }],
  areas: { source: 'x', groups: { B1: ['A1', 'A2'], B2: ['A3'] } },
  stations: [
    { id: 'S1', name: 'One', area: 'A1' },
    { id: 'S2', name: 'Two', area: 'A2' },
    { id: 'S3', name: 'Three', area: 'A3' },
    { id: 'S4', name: 'Four' },
  ],
  fleet: [
    { station: 'S1', perShift: { day: 3, night: 1 } },
    { station: 'S1', type: 'dog', count: 1 },
    { station: 'S2', perShift: { day: 1, night: 1 } },
    { station: 'S3', perShift: { day: 2 } },
  ],
  callHandling: { pools: [{ id: 'p', lines: ['999'], staff: 5 }] },
  demand: { streams: [{ line: '999', callsPerDay: 100 }, { line: '101', callsPerDay: 50 }] },
};

describe('reading resourcing', () => {
  it("reads the London baseline: 12 BCUs whose bases' units add up to the fleet, one pool, border bcu", () => {
    const r = readResourcing(london);
    expect(r.shifts).toEqual(['early', 'late', 'night']);
    expect(r.bcus.map((b) => b.id)).toEqual(['CW', 'CN', 'CE', 'AS', 'NA', 'NE', 'EA', 'SE', 'SN', 'SW', 'AW', 'NW']);
    expect(r.bcus.reduce((n, b) => n + b.bases.length, 0), 'every base in a BCU').toBe(49);
    for (const shift of r.shifts) {
      const fleet = london.fleet.reduce((n, row) => n + (row.perShift[shift] ?? 0), 0);
      expect(r.bcus.reduce((n, b) => n + b.perShift[shift]!, 0), `units on ${shift}`).toBe(fleet);
    }
    expect(r.pools).toEqual([{ id: 'metcc', lines: ['999', '101'], perShift: { early: 70, late: 90, night: 66 } }]);
    expect(r.border).toBe('bcu');
    expect(r.callsPerDay).toEqual({ '999': 5966, '101': 7696 });
  });

  it('counts round-the-clock rows on every shift, puts bases outside any BCU apart, reads staff: N on every shift', () => {
    const r = readResourcing(small);
    expect(r.bcus.map((b) => [b.id, b.perShift])).toEqual([
      ['B1', { day: 5, night: 3 }],
      ['B2', { day: 2, night: 0 }],
      [null, { day: 0, night: 0 }],
    ]);
    expect(r.pools[0]!.perShift).toEqual({ day: 5, night: 5 });
    expect(r.border, 'absent: the default').toBe('any');
  });

  it('reads a scenario without shifts as one all-day shift', () => {
    const r = readResourcing({ stations: [{ id: 'S' }], fleet: [{ station: 'S', count: 4 }], callHandling: { pools: [{ id: 'p', staff: 3 }] } });
    expect(r.shifts).toEqual([ALL_DAY]);
    expect(r.bcus[0]!.perShift).toEqual({ [ALL_DAY]: 4 });
    expect(r.pools[0]!.perShift).toEqual({ [ALL_DAY]: 3 });
  });
});

describe('editing resourcing', () => {
  it('distributes whole units in proportion, largest remainder first, equally when all are zero', () => {
    expect(distribute(10, [3, 1])).toEqual([8, 2]);
    expect(distribute(5, [1, 1, 1])).toEqual([2, 2, 1]);
    expect(distribute(4, [0, 0])).toEqual([2, 2]);
    expect(distribute(0, [5, 5])).toEqual([0, 0]);
    expect(distribute(0, [])).toEqual([]);
    expect(() => distribute(2, [])).toThrow(/nowhere to put them/);
    expect(() => distribute(-1, [1])).toThrow(/whole number >= 0, got -1/);
  });

  it("sets a BCU's units on a shift over its bases, zero included, and the result is still a valid scenario", () => {
    const before = structuredClone(london);
    const zero = ['early', 'late', 'night'].reduce((raw, s) => setBcuUnits(raw, 'NA', s, 0), london as Record<string, unknown>);
    const r = readResourcing(zero);
    expect(r.bcus.find((b) => b.id === 'NA')!.perShift).toEqual({ early: 0, late: 0, night: 0 });
    expect(r.bcus.find((b) => b.id === 'CW')!.perShift, 'other BCUs untouched').toEqual(readResourcing(london).bcus.find((b) => b.id === 'CW')!.perShift);
    expect(parseScenario(zero).ok, 'still a valid scenario').toBe(true);
    expect(london, 'the input is untouched').toEqual(before);

    const more = setBcuUnits(london, 'CW', 'late', 40);
    const cw = readResourcing(more).bcus.find((b) => b.id === 'CW')!;
    expect(cw.perShift.late).toBe(40);
    // The baseline's late CW cars are 7, 14, 14 (since the 2026-12-06 recalibration): 40 in proportion is 8, 16, 16.
    expect(cw.bases.map((b) => b.perShift.late), 'shared in proportion').toEqual([8, 16, 16]);
  });

  it('sets a base over its fleet rows, turning a round-the-clock row into per-shift rows; adds a row for a base with none', () => {
    const edited = setBaseUnits(small, 'S1', 'night', 4);
    expect(edited.fleet).toEqual([
      { station: 'S1', perShift: { day: 3, night: 2 } },
      { station: 'S1', type: 'dog', perShift: { day: 1, night: 2 } },
      small.fleet[2],
      small.fleet[3],
    ]);
    expect(readResourcing(setBaseUnits(small, 'S4', 'day', 2)).bcus.find((b) => b.id === null)!.perShift).toEqual({ day: 2, night: 0 });
    expect(setBaseUnits(small, 'S2', 'day', 1), 'no change: the same object').toBe(small);
    expect(() => setBaseUnits(small, 'S1', 'evening', 1)).toThrow(/unknown shift "evening"/);
    expect(() => setBaseUnits(small, 'nope', 'day', 1)).toThrow(/no base "nope"/);
    expect(() => setBcuUnits(small, 'B9', 'day', 1)).toThrow(/BCU B9 has no base/);
  });

  it('sets call takers, keeping staff: N as a number only without shifts', () => {
    const edited = setCallTakers(small, 'p', 'night', 7) as typeof small;
    expect(edited.callHandling.pools[0]!.staff).toEqual({ day: 5, night: 7 });
    expect(setCallTakers({ callHandling: { pools: [{ id: 'p', staff: 3 }] } }, 'p', ALL_DAY, 4)).toEqual({ callHandling: { pools: [{ id: 'p', staff: 4 }] } });
    expect(setCallTakers(london, 'metcc', 'late', 95).callHandling).toMatchObject({ pools: [{ staff: { early: 70, late: 95, night: 66 } }] });
    expect(() => setCallTakers(small, 'q', 'day', 1)).toThrow(/no call-taker pool "q"/);
    expect(() => setCallTakers(small, 'p', 'day', 1.5)).toThrow(/whole number/);
  });

  it('sets the border rule and scales demand without touching the input', () => {
    expect(setBorder(small, 'area').dispatch).toEqual({ border: 'area' });
    expect(setBorder(london, 'bcu'), 'already bcu').toBe(london);
    expect(() => setBorder(small, 'city' as never)).toThrow(/unknown border rule "city"/);
    const scaled = scaleDemand(small, 1.5) as typeof small;
    expect(scaled.demand.streams.map((s) => s.callsPerDay)).toEqual([150, 75]);
    expect(small.demand.streams[0]!.callsPerDay).toBe(100);
    expect(scaleDemand(small, 1)).toBe(small);
    expect(() => scaleDemand(small, -1)).toThrow(/demand multiplier/);
  });
});
