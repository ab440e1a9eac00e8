import { describe, expect, it } from 'vitest';
import { CancelledError, runScenario, type IncidentRecord } from '../../src/sim';
import { isAttendedGrade } from '../../src/shared/results';
import { smallInput } from './fixtures/small';
import { prepare, stable } from './helpers';

const rows = (log: { records(): IterableIterator<IncidentRecord> } | null): IncidentRecord[] => [...log!.records()];

describe('a run end to end', () => {
  it('accounts for every call and adds up each response from its components', async () => {
    const { scenario, world } = await prepare(smallInput());
    const { results, incidents } = runScenario(scenario, world);
    const log = rows(incidents);
    const counted = log.filter((r) => r.counted);
    expect(results.calls.offered).toBe(counted.length);
    for (const line of ['999', '101'] as const) {
      const l = results.calls.byLine[line]!;
      expect(l.answered + l.abandoned, `line ${line}: answered + abandoned = offered`).toBe(l.offered);
    }
    for (const r of log) {
      expect((r.answeredS === null) !== (r.abandonedS === null), `call ${r.id} answered xor abandoned`).toBe(true);
      if (r.firstArriveS === null) continue;
      const parts = (r.answeredS! - r.callS) + (r.handledS! - r.answeredS!) + (r.pendingS! - r.handledS!);
      expect(r.responseS!, `call ${r.id}: response = its parts`).toBeCloseTo(parts + (r.firstArriveS - r.pendingS!), 6);
    }
    for (const g of ['I', 'S', 'E'] as const) {
      const gr = results.grades[g];
      if (!isAttendedGrade(gr)) throw new Error(`grade ${g} should be attended`);
      expect(gr.attended, `grade ${g}: every incident reached`).toBe(gr.incidents);
      const c = gr.components;
      const sum = c.answerS! + c.handlingS! + c.dispatchQueueS! + c.turnoutS! + c.travelS!;
      expect(sum, `grade ${g}: mean components add up to the mean response`).toBeCloseTo(gr.meanResponseS!, 6);
      expect(c.turnoutS, 'fixed turnout').toBeCloseTo(60, 9);
    }
    expect(results.meta.unresolved).toBe(0);
    expect(results.hourly.length).toBe(24);
    expect(results.units.meanUtilisationPct!).toBeGreaterThan(0);
    expect(results.units.meanUtilisationPct!).toBeLessThan(100);
  });

  it('does not count the warm-up', async () => {
    const { scenario, world } = await prepare(smallInput());
    const { results, incidents } = runScenario(scenario, world);
    const log = rows(incidents);
    const warm = log.filter((r) => r.callS < 0);
    expect(warm.length, 'two hours of warm-up calls were simulated').toBeGreaterThan(10);
    expect(warm.every((r) => !r.counted)).toBe(true);
    expect(log.filter((r) => r.callS >= 0 && r.callS < 86400).every((r) => r.counted)).toBe(true);
    expect(results.hourly.reduce((a, h) => a + h.calls, 0)).toBe(results.calls.offered);
  });

  it('answers 999 ahead of 101: no 101 call is answered while a 999 call waits', async () => {
    const input = smallInput();
    input.callHandling!.pools[0]!.staff = 1; // one call taker: long queues on both lines
    input.callHandling!.patience = {};
    input.days = 0.25;
    const { scenario, world } = await prepare(input);
    const log = rows(runScenario(scenario, world).incidents);
    const l999 = log.filter((r) => r.line === '999');
    let checked = 0;
    for (const r of log.filter((x) => x.line === '101' && x.answeredS !== null && x.answeredS > x.callS)) {
      const waiting999 = l999.filter((c) => c.callS < r.answeredS! && c.answeredS! > r.answeredS!);
      expect(waiting999.map((c) => c.id), `101 call ${r.id} answered at ${r.answeredS} while 999 calls waited`).toEqual([]);
      checked++;
    }
    expect(checked, 'some 101 calls had to wait').toBeGreaterThan(10);
    expect(Math.max(...l999.map((c) => c.answeredS! - c.callS)), '999 calls waited too').toBeGreaterThan(0);
  });

  it('a call taker finishes the call in hand when the shift ends; nobody answers with no one on duty', async () => {
    const input = smallInput();
    input.callHandling!.pools = [{ id: 'p', lines: ['999', '101'], staff: { early: 2, late: 0, night: 0 } }];
    // 1700 s does not divide the 8 h shift, so calls are in hand at 15:00.
    input.callHandling!.handlingTime = { '999': { dist: 'fixed', value: 1700 }, '101': { dist: 'fixed', value: 1700 } };
    input.callHandling!.patience = {};
    const { scenario, world } = await prepare(input);
    const log = rows(runScenario(scenario, world).incidents);
    const shiftEnd = 15 * 3600;
    const overrun = log.filter((r) => r.answeredS! < shiftEnd && r.handledS! > shiftEnd);
    expect(overrun.length, 'calls in hand at 15:00 are finished after it').toBeGreaterThan(0);
    const answeredOffShift = log.filter((r) => r.answeredS !== null && r.answeredS >= shiftEnd && r.answeredS < 86400 + 7 * 3600);
    expect(answeredOffShift.map((r) => r.answeredS), 'nobody answers between 15:00 and 07:00').toEqual([]);
  });

  it('callers abandon when their patience runs out, never answered after', async () => {
    const input = smallInput();
    input.callHandling!.pools[0]!.staff = 1;
    input.callHandling!.patience = { '999': { dist: 'fixed', value: 20 }, '101': { dist: 'fixed', value: 40 } };
    const { scenario, world } = await prepare(input);
    const { results, incidents } = runScenario(scenario, world);
    const abandoned = rows(incidents).filter((r) => r.abandonedS !== null);
    expect(abandoned.length).toBeGreaterThan(20);
    for (const r of abandoned) {
      expect(r.abandonedS! - r.callS).toBeCloseTo(r.line === '999' ? 20 : 40, 9);
      expect(r.answeredS).toBeNull();
    }
    expect(results.calls.abandoned).toBe(abandoned.filter((r) => r.counted).length);
    const answered = rows(incidents).filter((r) => r.answeredS !== null);
    expect(Math.max(...answered.filter((r) => r.line === '999').map((r) => r.answeredS! - r.callS))).toBeLessThanOrEqual(20);
  });

  it('a change of resourcing leaves the calls unchanged (common random numbers)', async () => {
    const base = await prepare(smallInput());
    const more = smallInput();
    more.fleet[0]!.perShift = { early: 9, late: 9, night: 9 };
    more.callHandling!.pools[0]!.staff = { early: 1, late: 6, night: 1 };
    more.dispatch = { policy: 'nearest-straight-line' };
    const variant = await prepare(more);
    const a = rows(runScenario(base.scenario, base.world).incidents);
    const b = rows(runScenario(variant.scenario, variant.world).incidents);
    const calls = (log: IncidentRecord[]) => log.map((r) => [r.callS, r.line, r.grade, r.lon, r.lat]);
    expect(calls(b)).toEqual(calls(a));
    expect(b.map((r) => r.answeredS), 'but what happens to them differs').not.toEqual(a.map((r) => r.answeredS));
  });

  it('a surge multiplies the calls of its area in its window', async () => {
    const input = smallInput();
    input.days = 2;
    input.areas = {
      source: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'A', name: 'all' },
            geometry: { type: 'Polygon', coordinates: [[[-0.2, 51.4], [0, 51.4], [0, 51.6], [-0.2, 51.6], [-0.2, 51.4]]] },
          },
        ],
      },
    };
    input.demand.surges = [{ area: 'A', fromS: 86400, toS: 2 * 86400, multiplier: 3 }];
    const { scenario, world } = await prepare(input);
    const r = runScenario(scenario, world).results;
    const day1 = r.hourly.slice(0, 24).reduce((a, h) => a + h.calls, 0);
    const day2 = r.hourly.slice(24).reduce((a, h) => a + h.calls, 0);
    // ~400 calls a day: a Poisson count's sd is ~20 (day 1) and ~35 (day 2).
    expect(day1).toBeGreaterThan(300);
    expect(day2 / day1).toBeGreaterThan(2.4);
    expect(day2 / day1).toBeLessThan(3.6);
    expect(r.areas.map((a) => [a.id, a.name])).toEqual([['A', 'all']]);
  });

  it('reports progress and can be cancelled', async () => {
    const input = smallInput();
    input.days = 3;
    const { scenario, world } = await prepare(input);
    const seen: number[] = [];
    runScenario(scenario, world, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    let polls = 0;
    expect(() => runScenario(scenario, world, { isCancelled: () => ++polls > 1 })).toThrow(CancelledError);
  });

  it('is deterministic: the same seed gives the same bytes, another seed other numbers', async () => {
    const { scenario, world } = await prepare(smallInput());
    const a = stable(runScenario(scenario, world).results);
    expect(stable(runScenario(scenario, world).results)).toBe(a);
    expect(stable(runScenario(scenario, world, { seed: 8 }).results)).not.toBe(a);
  });
});
