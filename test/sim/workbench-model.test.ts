/**
 * The scenario additions the planner's workbench writes (docs/MODEL-ADDITIONS.md): closed bases,
 * surges without a time window (a standing multiplier of an area or BCU), and surges in a circle
 * or polygon (demand events drawn on the map).
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type IncidentRecord } from '../../src/sim';
import { inPolygon } from '../../src/sim/demand/weights';
import { parseScenario } from '../../src/shared/scenario';
import { smallInput } from './fixtures/small';
import { prepare } from './helpers';

const rows = (log: { records(): IterableIterator<IncidentRecord> } | null): IncidentRecord[] => [...log!.records()];
const near = (r: IncidentRecord, lon: number, lat: number) => Math.abs(r.lon! - lon) < 0.02 && Math.abs(r.lat! - lat) < 0.02;

describe('closed bases', () => {
  it('a closed base puts no units on duty; the others keep theirs', async () => {
    const input = smallInput();
    input.stations[1]!.closed = true;
    const { scenario, world } = await prepare(input);
    const ids = runScenario(scenario, world).results.units.byUnit.map((u) => u.id);
    expect(ids.some((id) => id.startsWith('BG-'))).toBe(false);
    expect(ids.filter((id) => id.startsWith('CX-')).length).toBe(13);
  });

  it('closed: false is the same run as no field at all', async () => {
    const open = smallInput();
    open.stations[1]!.closed = false;
    const a = await prepare(smallInput());
    const b = await prepare(open);
    expect(JSON.stringify(runScenario(b.scenario, b.world).results.grades)).toBe(JSON.stringify(runScenario(a.scenario, a.world).results.grades));
  });

  it('closing every base with units is refused: no units ever on duty', () => {
    const input = smallInput();
    for (const st of input.stations) st.closed = true;
    const r = parseScenario(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('grades.I');
  });
});

describe('surges without a window and in a shape', () => {
  it('a surge with neither fromS nor toS multiplies all day, warm-up included', async () => {
    const base = await prepare(smallInput());
    const input = smallInput();
    input.demand.surges = [{ multiplier: 2 }];
    const doubled = await prepare(input);
    const n0 = runScenario(base.scenario, base.world).results.calls.offered;
    const n1 = runScenario(doubled.scenario, doubled.world).results.calls.offered;
    expect(n1 / n0).toBeGreaterThan(1.7);
    expect(n1 / n0).toBeLessThan(2.3);
  });

  it('a circle multiplies only the demand points inside it, in its window', async () => {
    const input = smallInput();
    input.days = 2;
    // Around the point at (-0.09, 51.52) only (the others are over 2 km away), on day 2.
    input.demand.surges = [{ label: 'Match', circle: { lon: -0.09, lat: 51.52, radiusM: 500 }, fromS: 86400, toS: 2 * 86400, multiplier: 4 }];
    const { scenario, world } = await prepare(input);
    const log = rows(runScenario(scenario, world).incidents).filter((r) => r.counted);
    const count = (day: number, inside: boolean) => log.filter((r) => Math.floor(r.callS / 86400) === day && near(r, -0.09, 51.52) === inside).length;
    // Day 1: the point has 1/4 of the weight (~100 calls); day 2: 4/7 (~400 in all calls ~700).
    expect(count(1, true) / count(0, true)).toBeGreaterThan(3);
    expect(count(1, true) / count(0, true)).toBeLessThan(5.5);
    expect(count(1, false) / count(0, false)).toBeGreaterThan(0.75);
    expect(count(1, false) / count(0, false)).toBeLessThan(1.33);
  });

  it('a polygon works the same way (multiplier 0 silences the point inside it)', async () => {
    const input = smallInput();
    input.demand.surges = [{ polygon: [[-0.13, 51.5], [-0.12, 51.5], [-0.12, 51.52], [-0.13, 51.52]], multiplier: 0 }];
    const { scenario, world } = await prepare(input);
    const log = rows(runScenario(scenario, world).incidents);
    expect(log.length).toBeGreaterThan(100);
    expect(log.filter((r) => !r.injected && near(r, -0.1246, 51.509)).length).toBe(0);

  });

  it('refuses a shape that is both, or a polygon of two corners, naming the field', () => {
    const input = smallInput();
    input.demand.surges = [{ circle: { lon: 0, lat: 51.5, radiusM: 100 }, polygon: [[0, 51], [1, 51], [1, 52]], multiplier: 2 }];
    const both = parseScenario(input);
    expect(both.ok ? [] : both.errors.map((e) => e.path)).toEqual(['demand.surges[0]']);
    input.demand.surges = [{ polygon: [[0, 51], [1, 51]], multiplier: 2 }];
    const two = parseScenario(input);
    expect(two.ok ? [] : two.errors.map((e) => e.path)).toEqual(['demand.surges[0].polygon']);
  });

  it('inPolygon: even-odd on corners', () => {
    const square: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1]];
    expect(inPolygon(0.5, 0.5, square)).toBe(true);
    expect(inPolygon(1.5, 0.5, square)).toBe(false);
    expect(inPolygon(0.5, -0.1, square)).toBe(false);
  });
});
