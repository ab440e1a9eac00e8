import { describe, expect, it } from 'vitest';
import { createLiveSession, greatCircleM, runScenario, type LiveSession } from '../../src/sim';
import { quietInput, smallInput, twoAreas } from './fixtures/small';
import { prepare, stable } from './helpers';

async function quiet(change: (input: ReturnType<typeof quietInput>) => void = () => {}): Promise<LiveSession> {
  const input = quietInput();
  change(input);
  const { scenario, world } = await prepare(input);
  return createLiveSession(scenario, world);
}

const unit = (s: LiveSession, id: string) => s.snapshot().units.find((u) => u.id === id)!;
const incident = (s: LiveSession, id: number) => s.snapshot().incidents.find((i) => i.id === id);

describe('live session: same results as a batch run', () => {
  it('run to the end with nothing injected, it gives runScenario\'s results byte for byte', async () => {
    const { scenario, world } = await prepare(smallInput());
    const batch = runScenario(scenario, world);
    const session = createLiveSession(scenario, world);
    // Advance in uneven slices, reading snapshots on the way: reading must not change the run.
    for (let t = session.startS; !session.finished; t += 1234.5) {
      session.advanceTo(t);
      session.snapshot();
      session.candidates(0);
    }
    expect(stable(session.results())).toBe(stable(batch.results));
    expect(session.results().calls.offered, 'the run had calls').toBeGreaterThan(100);
  });

  it('step() runs one event at a time and says what happened', async () => {
    const { scenario, world } = await prepare(smallInput());
    const session = createLiveSession(scenario, world);
    const first = session.step()!;
    expect(first.event).toBe('arrival');
    expect(first.incident).toBe(0);
    let last = first.tS;
    for (let i = 0; i < 500; i++) {
      const r = session.step()!;
      expect(r.tS, 'time never goes back').toBeGreaterThanOrEqual(last);
      last = r.tS;
    }
  });
});

describe('live session: dispatch on the map', () => {
  it('sends the nearest free unit, which glides along its trip and arrives after turnout + travel', async () => {
    const s = await quiet();
    const id = s.inject({ lon: -0.14, lat: 51.5, grade: 'I' });
    s.advanceBy(0);
    const u = unit(s, 'W-IRV-1');
    expect(u.state, 'W is 0.7 km away, E 2.8 km').toBe('travelling');
    expect(u.incident).toBe(id);
    expect(u.trip!.departS, 'sets off after the 60 s turnout').toBe(60);
    const travelS = u.trip!.timesS.at(-1)!;
    expect(travelS).toBeCloseTo(69.4, 0); // 694 m at 10 m/s
    expect(unit(s, 'E-IRV-1').state).toBe('free');
    s.advanceTo(60 + travelS / 2);
    const halfway = unit(s, 'W-IRV-1');
    expect(halfway.lon, 'halfway along the way').toBeCloseTo(-0.145, 4);
    s.advanceTo(60 + travelS + 1);
    expect(unit(s, 'W-IRV-1').state).toBe('on-scene');
    expect(incident(s, id)!.state).toBe('on-scene');
    s.advanceTo(60 + travelS + 600 + 1);
    expect(unit(s, 'W-IRV-1').state, 'free while returning').toBe('returning');
    expect(incident(s, id), 'the incident is over').toBeUndefined();
    const rec = s.incidents!.record(id);
    expect(rec.responseS).toBeCloseTo(60 + travelS, 6);
    expect(rec.firstUnit).toBe('W-IRV-1');
    expect(rec.injected).toBe(true);
    expect(s.results().grades.I, 'injected incidents are not counted in results').toMatchObject({ incidents: 0 });
  });

  it('a returning unit is dispatched from where it is on the way back', async () => {
    const s = await quiet();
    s.inject({ lon: -0.14, lat: 51.5, grade: 'I' });
    s.advanceTo(60 + 69.4 + 600 + 30); // 30 s into the drive home
    const before = unit(s, 'W-IRV-1');
    expect(before.state).toBe('returning');
    const second = s.inject({ lon: -0.13, lat: 51.5, grade: 'S' });
    s.advanceBy(0);
    const c = s.candidates(second);
    expect(c.length).toBe(2);
    const w = s.snapshot().units.find((u) => u.id === 'W-IRV-1')!;
    expect(w.incident, 'the returning unit is nearest').toBe(second);
    expect(w.trip!.coords.slice(0, 2), 'its trip starts where it was').toEqual([before.lon, before.lat]);
  });

  it('sends several units when the grade needs them; the response is the first arrival', async () => {
    const s = await quiet((i) => (i.grades!.I!.unitsRequired = 2));
    const id = s.inject({ lon: -0.14, lat: 51.5, grade: 'I' });
    s.advanceBy(0);
    expect([...incident(s, id)!.units].sort()).toEqual(['E-IRV-1', 'W-IRV-1']);
    s.advanceTo(2000);
    const rec = s.incidents!.record(id);
    expect(rec.unitsSent).toBe(2);
    expect(rec.firstUnit).toBe('W-IRV-1');
    const eTravelS = greatCircleM(-0.14, 51.5, -0.1, 51.5) / 10;
    expect(rec.clearS!, 'cleared when the later unit leaves').toBeCloseTo(60 + eTravelS + 600, 6);
  });

  it('takes an arrest to the nearest custody suite, then returns', async () => {
    const s = await quiet((i) => {
      i.grades!.I!.arrestProbability = 1;
      i.stations[1]!.custody = true;
      i.custodyTime = { dist: 'fixed', value: 3600 };
    });
    s.inject({ lon: -0.14, lat: 51.5, grade: 'I' });
    s.advanceTo(60 + 69.4 + 600 + 1);
    const w = unit(s, 'W-IRV-1');
    expect(w.state).toBe('custody');
    expect(w.trip!.coords.slice(2), 'driving to E, the only suite').toEqual([-0.1, 51.5]);
    s.advanceTo(60 + 69.4 + 600 + 278 + 3600 - 10);
    expect(unit(s, 'W-IRV-1').state, 'still at the suite').toBe('custody');
    s.advanceBy(20);
    expect(unit(s, 'W-IRV-1').state).toBe('returning');
  });

  it('diverts a unit from S work to an I incident; the S incident waits and is served later', async () => {
    const s = await quiet((i) => {
      i.fleet = [{ station: 'W', count: 1 }];
      i.dispatch = { divert: { to: ['I'], from: ['S', 'E'] } };
    });
    const sId = s.inject({ lon: -0.14, lat: 51.5, grade: 'S' });
    s.advanceTo(100);
    expect(unit(s, 'W-IRV-1').incident).toBe(sId);
    const iId = s.inject({ lon: -0.16, lat: 51.5, grade: 'I' });
    s.advanceBy(0);
    expect(unit(s, 'W-IRV-1').incident, 'diverted').toBe(iId);
    expect(incident(s, sId)!.state, 'back in the queue').toBe('pending');
    s.advanceTo(5000);
    const rec = s.incidents!.record(sId);
    expect(rec.unitsSent).toBe(2);
    expect(rec.firstArriveS!, 'reached after the I job').toBeGreaterThan(s.incidents!.record(iId).clearS!);
  });

  it('without divert, the I incident waits for the unit', async () => {
    const s = await quiet((i) => (i.fleet = [{ station: 'W', count: 1 }]));
    const sId = s.inject({ lon: -0.14, lat: 51.5, grade: 'S' });
    s.advanceTo(100);
    const iId = s.inject({ lon: -0.16, lat: 51.5, grade: 'I' });
    s.advanceBy(0);
    expect(unit(s, 'W-IRV-1').incident).toBe(sId);
    expect(incident(s, iId)!.state).toBe('pending');
  });

  it('holds units in reserve from S (and lower) work, not from I', async () => {
    const s = await quiet((i) => {
      i.fleet = [{ station: 'W', count: 2 }];
      i.dispatch = { reserve: { S: 1 } };
    });
    const s1 = s.inject({ lon: -0.14, lat: 51.5, grade: 'S' });
    const s2 = s.inject({ lon: -0.14, lat: 51.5, grade: 'S' });
    s.advanceBy(0);
    expect(incident(s, s1)!.state).toBe('assigned');
    expect(incident(s, s2)!.state, 'the last free unit is kept for I').toBe('pending');
    expect(s.candidates(s2).find((c) => c.state === 'free')!.reason).toBe('held in reserve');
    const e1 = s.inject({ lon: -0.14, lat: 51.5, grade: 'E' });
    s.advanceBy(0);
    expect(incident(s, e1)!.state, 'a reserve kept from S is kept from E too').toBe('pending');
    const i1 = s.inject({ lon: -0.14, lat: 51.5, grade: 'I' });
    s.advanceBy(0);
    expect(incident(s, i1)!.state).toBe('assigned');
  });

  it('border "area" keeps units in their area; "bcu" prefers the same BCU', async () => {
    const setAreas = (border: 'area' | 'bcu') => (i: ReturnType<typeof quietInput>) => {
      i.areas = { source: twoAreas(), groups: { NW: ['WEST'], NE: ['EAST'] } };
      i.dispatch = { border };
    };
    // An incident in EAST just across the border: W's unit is nearer.
    const place = { lon: -0.13, lat: 51.5, grade: 'I' as const };
    const byArea = await quiet(setAreas('area'));
    const a = byArea.inject(place);
    byArea.advanceBy(0);
    expect(incident(byArea, a)!.units).toEqual(['E-IRV-1']);
    expect(byArea.candidates(a).find((c) => c.unit === 'W-IRV-1')!.reason).toBe('outside the border (area)');
    const byBcu = await quiet(setAreas('bcu'));
    const b = byBcu.inject(place);
    byBcu.advanceBy(0);
    expect(incident(byBcu, b)!.units).toEqual(['E-IRV-1']);
    // With E busy, bcu lets the other BCU's unit go.
    const b2 = byBcu.inject(place);
    byBcu.advanceBy(0);
    expect(incident(byBcu, b2)!.units).toEqual(['W-IRV-1']);
    const anyBorder = await quiet((i) => (i.areas = { source: twoAreas() }));
    const c = anyBorder.inject(place);
    anyBorder.advanceBy(0);
    expect(incident(anyBorder, c)!.units).toEqual(['W-IRV-1']);
  });
  it('home-station-first sends a unit based in the incident\'s area; nearest-straight-line the nearest', async () => {
    const policy = (p: 'home-station-first' | 'nearest-straight-line') => (i: ReturnType<typeof quietInput>) => {
      i.areas = { source: twoAreas() };
      i.dispatch = { policy: p };
    };
    const place = { lon: -0.13, lat: 51.5, grade: 'I' as const };
    const home = await quiet(policy('home-station-first'));
    const a = home.inject(place);
    home.advanceBy(0);
    expect(incident(home, a)!.units, 'E is based in EAST, where the incident is').toEqual(['E-IRV-1']);
    const b = home.inject({ lon: -0.13, lat: 51.5, grade: 'I' });
    home.advanceBy(0);
    expect(incident(home, b)!.units, 'no EAST unit free: the nearest').toEqual(['W-IRV-1']);
    const straight = await quiet(policy('nearest-straight-line'));
    const c = straight.inject(place);
    straight.advanceBy(0);
    expect(incident(straight, c)!.units).toEqual(['W-IRV-1']);
  });
});

describe('live session: the dispatcher overrides', () => {
  it('assigns a unit by hand, diverting it when busy', async () => {
    const s = await quiet();
    const a = s.inject({ lon: -0.14, lat: 51.5, grade: 'S' });
    s.advanceBy(0);
    const b = s.inject({ lon: -0.11, lat: 51.5, grade: 'S' });
    // Before the dispatcher runs, the trainer sends W (busy on a) to b instead.
    const out = s.assign(b, 'W-IRV-1');
    expect(out.ok).toBe(true);
    s.advanceBy(0);
    expect(unit(s, 'W-IRV-1').incident).toBe(b);
    expect(incident(s, a)!.units, 'a got the other unit').toEqual(['E-IRV-1']);
  });

  it('says why an assignment is not possible, as a value', async () => {
    const s = await quiet((i) => {
      i.grades!.I!.unitsRequired = 3;
      i.fleet = [{ station: 'W', count: 2 }, { station: 'E', count: 1 }];
    });
    const busy = s.inject({ lon: -0.1, lat: 51.5, grade: 'S' });
    s.advanceBy(0);
    expect(incident(s, busy)!.units).toEqual(['E-IRV-1']);
    // Two W units free: the I incident gets both and still needs a third.
    const a = s.inject({ lon: -0.14, lat: 51.5, grade: 'I' });
    s.advanceBy(0);
    expect([...incident(s, a)!.units].sort()).toEqual(['W-IRV-1', 'W-IRV-2']);
    expect(s.assign(a, 'NOPE')).toMatchObject({ ok: false, reason: 'NO_SUCH_UNIT' });
    expect(s.assign(a, 'W-IRV-1')).toMatchObject({ ok: false, reason: 'UNIT_ALREADY_ON_INCIDENT' });
    expect(s.assign(12345, 'W-IRV-1')).toMatchObject({ ok: false, reason: 'NO_SUCH_INCIDENT' });
    expect(s.assign(a, 'E-IRV-1'), 'taking E off its S job').toMatchObject({ ok: true });
    expect(s.assign(a, 'E-IRV-1')).toMatchObject({ ok: false, reason: 'INCIDENT_FULLY_ASSIGNED' });
  });

  it('refuses off-duty units', async () => {
    const s = await quiet((i) => {
      i.shifts = [{ id: 'day', start: '08:00', hours: 10 }];
      i.fleet = [{ station: 'W', perShift: { day: 1 } }, { station: 'E', count: 1 }];
    });
    const a = s.inject({ lon: -0.14, lat: 51.5, grade: 'S' });
    expect(s.assign(a, 'W-IRV-day-1')).toMatchObject({ ok: false, reason: 'UNIT_OFF_DUTY' });
    expect(s.candidates(a).map((c) => c.unit), 'off-duty units are not candidates').toEqual(['E-IRV-1']);
  });

  it('ranks candidates: the chosen one first, with ETAs', async () => {
    const s = await quiet();
    const a = s.inject({ lon: -0.11, lat: 51.5, grade: 'I' });
    const c = s.candidates(a);
    expect(c.map((x) => [x.unit, x.chosen, x.reason])).toEqual([
      ['E-IRV-1', true, 'chosen by nearest-eta'],
      ['W-IRV-1', false, 'free'],
    ]);
    expect(c[0]!.etaS).toBeCloseTo(60 + 69.4, 0);
  });
});

describe('live session: shifts and KPIs', () => {
  it('a unit whose shift ends finishes its job, then goes off duty; the next shift comes on at the station', async () => {
    const s = await quiet((i) => {
      i.shifts = [
        { id: 'a', start: '00:00', hours: 12 },
        { id: 'b', start: '12:00', hours: 12 },
      ];
      i.fleet = [{ station: 'W', perShift: { a: 1, b: 1 } }];
    });
    s.advanceTo(12 * 3600 - 100);
    s.inject({ lon: -0.14, lat: 51.5, grade: 'I' });
    s.advanceTo(12 * 3600 + 100);
    expect(unit(s, 'W-IRV-a-1').state, 'still on the job after 12:00').toBe('on-scene');
    expect(unit(s, 'W-IRV-b-1').state).toBe('free');
    expect([unit(s, 'W-IRV-b-1').lon, unit(s, 'W-IRV-b-1').lat], 'at its station').toEqual([-0.15, 51.5]);
    s.advanceTo(12 * 3600 + 700);
    expect(unit(s, 'W-IRV-a-1').state).toBe('off-duty');
    const byUnit = s.results().units.byUnit;
    expect(byUnit.find((u) => u.id === 'W-IRV-a-1')!.onDutyHours, 'overtime counts as on duty').toBeGreaterThan(12);
  });

  it('keeps rolling KPIs for the last hour and the day so far', async () => {
    const { scenario, world } = await prepare(smallInput());
    const s = createLiveSession(scenario, world);
    s.advanceTo(14 * 3600);
    const k = s.snapshot().kpis;
    expect(k.today.fromS).toBe(0);
    expect(k.lastHour.fromS).toBe(13 * 3600);
    expect(k.today.calls).toBeGreaterThan(k.lastHour.calls);
    expect(k.today.calls, 'about 400 calls a day, 14 h so far').toBeGreaterThan(150);
    expect(k.today.iAttended).toBeGreaterThan(0);
    expect(k.today.iMeanResponseS).toBeGreaterThan(0);
  });

  it('refuses bad injections', async () => {
    const s = await quiet();
    expect(() => s.inject({ lon: 200, lat: 0, grade: 'I' })).toThrow(/bad place/);
    expect(() => s.inject({ lon: 0, lat: 51, grade: 'X' as 'I' })).toThrow(/unknown grade/);
  });
});
