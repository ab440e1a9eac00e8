/**
 * Demand events with extra calls per hour and a grade mix of their own, and a reserve per grade per
 * BCU (docs/MODEL-ADDITIONS.md `demand.surges[].extraCallsPerHour`, `gradeMix`,
 * `dispatch.reserveByBcu`).
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type IncidentRecord } from '../../src/sim';
import { parseScenario } from '../../src/shared/scenario';
import { smallInput, twoAreas } from './fixtures/small';
import { prepare, stable } from './helpers';

const rows = (log: { records(): IterableIterator<IncidentRecord> } | null): IncidentRecord[] => [...log!.records()];
const near = (r: IncidentRecord, lon: number, lat: number) => Math.abs(r.lon! - lon) < 0.02 && Math.abs(r.lat! - lat) < 0.02;
const MATCH = { label: 'Match', circle: { lon: -0.09, lat: 51.52, radiusM: 500 }, fromS: 86400, toS: 2 * 86400, multiplier: 1 };

describe('extra calls per hour', () => {
  it('adds about that many calls an hour inside the shape and window, on the line given', async () => {
    const input = smallInput();
    input.days = 2;
    input.demand.surges = [{ ...MATCH, line: '999', extraCallsPerHour: 30 }];
    const { scenario, world } = await prepare(input);
    const log = rows(runScenario(scenario, world).incidents).filter((r) => r.counted);
    const at = (day: number) => log.filter((r) => Math.floor(r.callS / 86400) === day && near(r, -0.09, 51.52));
    // Day 1: ~100 calls at the point (a quarter of 400); day 2: ~100 + 720 extra, all on 999.
    const extra = at(1).length - at(0).length;
    expect(extra).toBeGreaterThan(600);
    expect(extra).toBeLessThan(840);
    expect(at(1).filter((r) => r.line === '101').length).toBeLessThan(at(0).filter((r) => r.line === '101').length + 40);
  });

  it("leaves the usual calls' times as they were: every call time of the plain run is in the event run", async () => {
    const plain = await prepare(smallInput());
    const input = smallInput();
    input.demand.surges = [{ ...MATCH, fromS: 3600, toS: 7200, extraCallsPerHour: 50 }];
    const withEvent = await prepare(input);
    const t0 = rows(runScenario(plain.scenario, plain.world).incidents).map((r) => r.callS);
    const t1 = new Set(rows(runScenario(withEvent.scenario, withEvent.world).incidents).map((r) => r.callS));
    expect(t0.length).toBeGreaterThan(300);
    expect(t0.every((t) => t1.has(t))).toBe(true);
    expect(t1.size - t0.length).toBeGreaterThan(25);
  });

  it('grades the extra calls by the event\'s own mix', async () => {
    const input = smallInput();
    input.demand.surges = [{ ...MATCH, fromS: 0, toS: 86400, line: '101', extraCallsPerHour: 40, gradeMix: { I: 1 } }];
    const { scenario, world } = await prepare(input);
    const log = rows(runScenario(scenario, world).incidents).filter((r) => r.counted && r.line === '101');
    // 101's own mix has no I at all: every I call on 101 is an event call (~960 of them).
    const iCalls = log.filter((r) => r.grade === 'I');
    expect(iCalls.length).toBeGreaterThan(800);
    expect(iCalls.every((r) => near(r, -0.09, 51.52))).toBe(true);
  });

  it('refuses a grade mix that does not sum to 1 and extra calls on a line with no stream, naming the field', () => {
    const input = smallInput();
    input.demand.streams = input.demand.streams.filter((s) => s.line === '999');
    input.demand.surges = [{ ...MATCH, extraCallsPerHour: 5, line: '101', gradeMix: { I: 0.5 } }];
    const r = parseScenario(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['demand.surges[0].gradeMix', 'demand.surges[0].line']));
  });

  it('a file without the new fields runs as before (same bytes)', async () => {
    const a = await prepare(smallInput());
    const input = smallInput();
    input.demand.surges = [{ ...MATCH, extraCallsPerHour: 0 }];
    const b = await prepare(input);
    expect(stable(runScenario(b.scenario, b.world).results.grades)).toBe(stable(runScenario(a.scenario, a.world).results.grades));
  });
});

describe('reserve per grade per BCU', () => {
  const withBcus = () => {
    const input = smallInput();
    input.areas = { source: twoAreas(), groups: { BW: ['WEST'], BE: ['EAST'] } };
    input.stations[0]!.area = 'WEST';
    return input;
  };
  const run = async (dispatch: Record<string, unknown>) => {
    const input = withBcus();
    input.dispatch = { ...input.dispatch, ...dispatch } as typeof input.dispatch;
    const { scenario, world } = await prepare(input);
    // Everything but meta (which names the scenario's hash).
    const { meta: _meta, ...rest } = runScenario(scenario, world).results;
    return stable(rest);
  };

  it('the same reserve given in every BCU is the same run as the one rule', async () => {
    expect(await run({ reserveByBcu: { BW: { S: 2 }, BE: { S: 2 } } })).toBe(await run({ reserve: { S: 2 } }));
  });

  it('a BCU listed uses its own reserve, the others the one rule', async () => {
    const none = await run({});
    const all = await run({ reserve: { S: 50 } });
    const west = await run({ reserveByBcu: { BW: { S: 50 } } });
    expect(await run({ reserve: { S: 50 }, reserveByBcu: { BW: {} } })).not.toBe(all);
    expect(west).not.toBe(none);
    expect(west).not.toBe(all);
    expect(await run({ reserveByBcu: { BW: { S: 50 }, BE: { S: 50 } } })).toBe(all);
  });

  it('refuses a BCU that is not in areas.groups, naming it', () => {
    const input = withBcus();
    input.dispatch = { ...input.dispatch, reserveByBcu: { NOPE: { S: 1 } } } as typeof input.dispatch;
    const r = parseScenario(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('dispatch.reserveByBcu.NOPE');
  });
});
