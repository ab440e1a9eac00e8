/**
 * Dispatch explained (src/sim/dispatch/explain.ts): the decision record of each incident, in the
 * incident log's `reason` and whole for a live session's incidents. On the quiet scenario: units
 * W-IRV-1 (west) and E-IRV-1 (east), 3.4 km apart, 10 m/s, turnout 60 s.
 */
import { describe, expect, it } from 'vitest';
import { createLiveSession, runScenario, type LiveSession } from '../../../src/sim';
import { quietInput, smallInput, twoAreas } from '../fixtures/small';
import { prepare, stable } from '../helpers';

async function quiet(change: (input: ReturnType<typeof quietInput>) => void = () => {}): Promise<LiveSession> {
  const input = quietInput();
  change(input);
  const { scenario, world } = await prepare(input);
  return createLiveSession(scenario, world);
}

/** Near W's station. */
const nearW = { lon: -0.148, lat: 51.5 };
const nearE = { lon: -0.102, lat: 51.5 };

describe('dispatch explained in the incident log', () => {
  it('an explained run gives the same results byte for byte, and every dispatched incident says which unit went and why', async () => {
    const { scenario, world } = await prepare(smallInput());
    const plain = runScenario(scenario, world);
    const explained = runScenario(scenario, world, { explain: true });
    expect(stable(explained.results), 'explaining changes no result').toBe(stable(plain.results));
    let dispatched = 0;
    for (const r of explained.incidents!.records()) {
      expect(plain.incidents!.record(r.id).reason, 'a run not asked to explain keeps no reason').toBeNull();
      if (r.firstDispatchS === null) continue;
      dispatched++;
      expect(r.reason, `incident ${r.id} has a reason`).toMatch(/ sent \(ETA [\d.]+ min\) by nearest-eta: the smallest ETA among \d+ free units? any BCU \(border rule any\)/);
      expect(r.reason!, 'no commas: the CSV field is never quoted').not.toMatch(/[",\n]/);
      if (r.firstUnit) expect(r.reason, 'names the unit').toContain(r.firstUnit);
    }
    expect(dispatched, 'the run dispatched units').toBeGreaterThan(50);
  });

  it('an incident that waited says why: every unit busy, or held in reserve for I', async () => {
    const input = smallInput();
    input.dispatch = { ...input.dispatch, reserve: { S: 2 } };
    const { scenario, world } = await prepare(input);
    const { incidents } = runScenario(scenario, world, { explain: true });
    const reasons = [...incidents!.records()].map((r) => r.reason ?? '');
    expect(reasons.some((r) => /^waits: no free unit it may take: \d+ busy/.test(r)), 'waits while units are busy').toBe(true);
    expect(reasons.some((r) => /waits: .*held in reserve for I/.test(r)), 'S and E wait while the reserve is held for I').toBe(true);
  });
});

describe('the decision record of a live incident', () => {
  it('names the units weighed with their ETA, the one sent, the slower one and the rule', async () => {
    const s = await quiet();
    const id = s.inject({ ...nearW, grade: 'I' });
    s.advanceBy(0);
    const record = s.explain(id)!;
    expect(record.waiting, 'it has its unit').toBeNull();
    expect(record.decisions).toHaveLength(1);
    const d = record.decisions[0]!;
    expect(d).toMatchObject({ how: 'policy', unit: 'W-IRV-1', slot: 0 });
    expect(d.rule).toBe('nearest-eta: the smallest ETA among 2 free units any BCU (border rule any)');
    expect(d.candidates.map((c) => [c.unit, c.verdict])).toEqual([
      ['W-IRV-1', 'chosen'],
      ['E-IRV-1', 'slower'],
    ]);
    // 60 s turnout + 139 m at 10 m/s; E's unit 3.3 km farther, 5.5 min slower.
    expect(d.etaS).toBeCloseTo(60 + 13.9, 0);
    expect(d.candidates[1]!.why).toMatch(/^slower by 5\.\d min$/);
    expect(d.passedOver).toEqual({ slower: 1 });
    expect(record.text).toBe(`W-IRV-1 sent (ETA 1.2 min) by ${d.rule}; next E-IRV-1 ${d.candidates[1]!.why}; passed over 1 slower`);
  });

  it('a waiting incident says why it waits: busy units, the reserve for I, the queue ahead', async () => {
    const s = await quiet((i) => (i.dispatch = { reserve: { S: 1 } }));
    const first = s.inject({ ...nearW, grade: 'I' });
    s.advanceBy(0);
    const waiting = s.inject({ ...nearE, grade: 'S' });
    s.advanceBy(0);
    expect(s.explain(first)!.decisions[0]!.unit).toBe('W-IRV-1');
    const record = s.explain(waiting)!;
    expect(record.decisions).toEqual([]);
    expect(record.waiting).toBe('no free unit it may take: 1 busy / 1 held in reserve for I');
    expect(record.text, 'the log says it too').toBe('waits: no free unit it may take: 1 busy / 1 held in reserve for I');
    const later = s.inject({ ...nearE, grade: 'E' });
    s.advanceBy(0);
    expect(s.explain(later)!.waiting).toBe('no free unit it may take: 1 busy / 1 held in reserve for I; 1 incident ahead of it in the queue');
  });

  it('the border rule: the nearer unit outside the area is passed over, and the rule says where it looked', async () => {
    const s = await quiet((i) => {
      i.areas = { source: twoAreas(), groups: { NW: ['WEST'], NE: ['EAST'] } };
      i.dispatch = { border: 'area' };
    });
    const id = s.inject({ lon: -0.13, lat: 51.5, grade: 'I' });
    s.advanceBy(0);
    const d = s.explain(id)!.decisions[0]!;
    expect(d.unit).toBe('E-IRV-1');
    expect(d.rule).toBe('nearest-eta: the smallest ETA among 1 free unit within EAST area (border rule area)');
    const w = d.candidates.find((c) => c.unit === 'W-IRV-1')!;
    expect(w.verdict).toBe('border');
    expect(w.why).toBe('outside the border rule (area): WEST area');
    expect(w.etaS, 'live records give every unit its ETA').not.toBeNull();
    expect(w.etaS!).toBeLessThan(d.etaS!);
  });

  it('a diversion names the incident the unit left, and that incident notes it', async () => {
    const s = await quiet((i) => {
      i.fleet = [{ station: 'W', count: 1 }];
      i.dispatch = { divert: { from: ['E'], to: ['I'] } };
    });
    const low = s.inject({ ...nearE, grade: 'E' });
    s.advanceBy(0);
    const urgent = s.inject({ ...nearW, grade: 'I' });
    s.advanceBy(0);
    const d = s.explain(urgent)!.decisions[0]!;
    expect(d.how).toBe('diversion');
    expect(d.rule).toMatch(new RegExp(`^diverted from incident ${low} \\(grade E\\) by dispatch.divert`));
    const old = s.explain(low)!;
    expect(old.notes).toEqual([`W-IRV-1 diverted to incident ${urgent}`]);
    expect(old.waiting).toBe('no free unit it may take: 1 busy');
  });

  it("the trainer's assignment says so and names the policy's own choice", async () => {
    const s = await quiet();
    s.advanceBy(60);
    const id = s.inject({ ...nearW, grade: 'S' });
    expect(s.assign(id, 'E-IRV-1').ok).toBe(true);
    const d = s.explain(id)!.decisions[0]!;
    expect(d.how).toBe('trainer');
    expect(d.rule).toMatch(/^sent by the trainer's hand; the policy would have sent W-IRV-1 \(ETA 1\.2 min\)$/);
  });
});

describe("the trainer's inject and stand down", () => {
  it('an inject outside the modelled area is refused with the reason; inside it is placed', async () => {
    const s = await quiet((i) => (i.areas = { source: twoAreas() }));
    const refused = s.tryInject({ lon: 0.5, lat: 51.5, grade: 'I' });
    expect(refused).toEqual({ ok: false, reason: 'OUTSIDE_AREA', message: "0.50000, 51.50000 is outside the modelled area: it lies in none of the scenario's 2 areas" });
    expect(() => s.inject({ lon: 0.5, lat: 51.5, grade: 'I' })).toThrow(/outside the modelled area/);
    expect(s.snapshot().incidents, 'nothing was placed').toEqual([]);
    expect(s.tryInject({ lon: -0.13, lat: 51.5, grade: 'I' }).ok).toBe(true);
    // Without areas: the box around demand points and stations, grown by 10 km.
    const open = await quiet();
    expect(open.tryInject({ lon: -0.1, lat: 51.7, grade: 'I' })).toMatchObject({ ok: false, reason: 'OUTSIDE_AREA' });
    expect(open.tryInject({ lon: -0.1, lat: 51.55, grade: 'I' }).ok).toBe(true);
  });

  it('standing a travelling unit down closes an incident it was the only unit of; the unit is free again', async () => {
    const s = await quiet();
    const id = s.inject({ ...nearE, grade: 'I' });
    s.advanceBy(30);
    expect(s.standDown('W-IRV-1')).toEqual({ ok: false, reason: 'UNIT_NOT_ON_INCIDENT', message: 'unit W-IRV-1 is not on an incident' });
    expect(s.standDown('E-IRV-1')).toEqual({ ok: true, unit: 'E-IRV-1', incident: id, closed: true });
    const snap = s.snapshot();
    expect(snap.incidents.find((i) => i.id === id), 'over').toBeUndefined();
    expect(snap.units.find((u) => u.id === 'E-IRV-1')!.state).toMatch(/free|returning/);
    expect(s.incidents!.record(id).reason).toContain('E-IRV-1 stood down by the trainer before it arrived');
    expect(s.standDown('X')).toMatchObject({ ok: false, reason: 'NO_SUCH_UNIT' });
  });
});
