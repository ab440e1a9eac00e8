/** describeChanges: one sentence per kind of change, against the scenario an edit came from. */
import { describe, expect, it } from 'vitest';
import london from '../../../assets/scenarios/london-baseline.json';
import type { RawScenario } from '../../../src/renderer/store/scenario-slice';
import { addBase, moveBase, renameBase, setBaseClosed } from '../../../src/renderer/scenario/bases';
import { addEvent, secondsAt, setAreaMultiplier } from '../../../src/renderer/scenario/demand';
import { describeChanges } from '../../../src/renderer/scenario/describe';
import { setDivert, setPolicy, setReserve } from '../../../src/renderer/scenario/dispatch';
import { scaleDemand, setBaseUnits, setBcuUnits, setBorder, setCallTakers } from '../../../src/renderer/scenario/resourcing';
import { setShiftHours, setShiftStart } from '../../../src/renderer/scenario/shifts';

const base = (): RawScenario => structuredClone(london) as RawScenario;
const names = {
  areas: new Map([['E09000020', 'Kensington and Chelsea'], ['E09000022', 'Lambeth']]),
  bcus: new Map([['AS', 'South'], ['CW', 'Central West']]),
};
const ST = 'streatham-police-station';

describe('describeChanges', () => {
  it('says nothing for the same scenario', () => {
    const raw = base();
    expect(describeChanges(raw, raw)).toEqual([]);
    expect(describeChanges(raw, base())).toEqual([]);
  });

  it('bases: moved (distance and direction), renamed, closed, reopened, added', () => {
    const raw = base();
    // 0.0173 degrees of longitude at 51.43 N is about 1.2 km.
    const moved = moveBase(raw, ST, -0.13198 + 0.0173, 51.4278);
    const st = (raw.stations as { id: string; lon: number; lat: number }[]).find((s) => s.id === ST)!;
    const movedExact = moveBase(raw, ST, st.lon + 0.0173, st.lat, 'E09000022');
    expect(describeChanges(raw, movedExact)).toEqual(['Streatham Police Station base moved 1.2 km east']);
    expect(describeChanges(raw, moved).length).toBeGreaterThan(0);
    expect(describeChanges(raw, renameBase(raw, ST, 'Streatham'))).toEqual(['Streatham Police Station base renamed Streatham']);
    const closed = setBaseClosed(raw, ST, true);
    expect(describeChanges(raw, closed)[0]).toBe('Streatham Police Station base closed');
    expect(describeChanges(raw, closed).slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ fewer IRVs on the late shift in AS BCU$/)]));
    expect(describeChanges(closed, raw)[0]).toBe('Streatham Police Station base reopened');
    const { raw: added, id } = addBase(raw, { name: 'Brixton', lon: -0.114, lat: 51.462, area: 'E09000022' });
    expect(describeChanges(raw, setBaseUnits(added, id, 'late', 4), names)).toEqual(['Brixton base added in Lambeth', '4 more IRVs on the late shift in South BCU']);
    const other = addBase(raw, { name: 'New base 1', lon: -0.114, lat: 51.462 }).raw;
    expect(describeChanges(raw, other, { areaAt: () => 'Lambeth' })).toEqual(['New base 1 added in Lambeth']);
  });

  it('units and call takers per shift', () => {
    const raw = base();
    const late = (raw.fleet as unknown[]).length > 0 ? setBcuUnits(raw, 'AS', 'late', 40) : raw;
    const lines = describeChanges(raw, late, names);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d+ (more|fewer) IRVs? on the late shift in South BCU$/);
    expect(describeChanges(raw, setCallTakers(raw, 'metcc', 'night', 70))).toEqual(['4 more call takers on the night shift in metcc']);
    expect(describeChanges(raw, setCallTakers(raw, 'metcc', 'night', 65))).toEqual(['1 fewer call taker on the night shift in metcc']);
  });

  it('shifts', () => {
    const raw = base();
    expect(describeChanges(raw, setShiftHours(setShiftStart(raw, 'late', '14:00'), 'late', 9))).toEqual(['Late shift starts at 14:00 (was 15:00)', 'Late shift lasts 9 h (was 8 h)']);
  });

  it('demand: calls a day, area multipliers and events', () => {
    const raw = base();
    expect(describeChanges(raw, scaleDemand(raw, 1.2))).toEqual([expect.stringMatching(/^101 calls a day 7,696 -> 9,235 \(x1\.2\)$/), expect.stringMatching(/^999 calls a day [\d,]+ -> [\d,]+ \(x1\.2\)$/)]);
    expect(describeChanges(raw, setAreaMultiplier(raw, 'CW', 1.5), names)).toEqual(['Demand in Central West x1.5']);
    const carnival = addEvent(raw, { label: 'Carnival', shape: { kind: 'area', area: 'E09000020' }, fromS: secondsAt(7, '10:00'), toS: secondsAt(8, '22:00'), multiplier: 3 });
    expect(describeChanges(raw, carnival, names)).toEqual(['Event Carnival added, Sun-Mon 10:00-22:00, x3 in Kensington and Chelsea']);
    const match = addEvent(raw, { label: 'Match', shape: { kind: 'circle', lon: -0.108, lat: 51.555, radiusM: 800 }, fromS: secondsAt(6, '14:00'), toS: secondsAt(6, '18:00'), multiplier: 2 });
    expect(describeChanges(raw, match, { areaAt: () => 'Islington' })).toEqual(['Event Match added, Sat 14:00-18:00, x2 within 800 m of a point in Islington']);
    expect(describeChanges(carnival, raw)).toEqual(['Event Carnival removed']);
  });

  it('dispatch rules', () => {
    const raw = base();
    const changed = setReserve(setDivert(setBorder(setPolicy(raw, 'home-station-first'), 'any'), false), 'S', 0);
    expect(describeChanges(raw, changed)).toEqual([
      'Dispatch policy: home station first (was nearest by travel time)',
      'Border rule: any unit (nearest wins) (was same BCU first)',
      'Units no longer diverted to I calls',
      'Reserve kept from S work: 0 units per BCU (was 8)',
    ]);
  });
});
