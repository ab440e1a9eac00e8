import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DEFAULT_GRADES, migrate, parseScenario, type ScenarioIssue } from '../../src/shared/scenario';
import { smallInput } from '../sim/fixtures/small';

const fixtures = path.join(__dirname, 'fixtures');
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** A scenario as untyped JSON, to break it in ways the types forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

function errorsOf(raw: unknown): ScenarioIssue[] {
  const r = parseScenario(raw);
  if (r.ok) throw new Error('expected the scenario to be refused');
  return r.errors;
}

describe('parseScenario: valid scenarios and defaults', () => {
  it('accepts MODEL.md\'s example scenario', () => {
    const raw = JSON.parse(readFileSync(path.join(fixtures, 'scenario-v1.json'), 'utf8'));
    const r = parseScenario(raw);
    expect(r.ok ? [] : r.errors, 'no errors').toEqual([]);
  });

  it('applies the documented defaults', () => {
    const raw = smallInput() as Record<string, unknown>;
    delete raw['grades'];
    delete raw['dispatch'];
    delete raw['travel'];
    delete raw['warmupHours'];
    delete raw['days'];
    delete raw['seed'];
    const r = parseScenario(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const s = r.scenario;
    expect(s.grades, 'grades left out take the Met defaults').toEqual(DEFAULT_GRADES);
    expect(s.dispatch).toEqual({ policy: 'nearest-eta', border: 'any', reserve: {}, decisionTime: { dist: 'fixed', value: 0 } });
    expect(s.travel).toMatchObject({ mode: 'straight-line', speedKph: 30, detourFactor: 1.3, blueLightFactor: 1.3, turnout: { dist: 'fixed', value: 0 } });
    expect([s.days, s.warmupHours, s.seed]).toEqual([7, 24, 1]);
    expect(s.stations[0]!.custody).toBe(true);
    expect(s.stations[1]!.custody, 'custody defaults to false').toBe(false);
    expect(s.stations[1]!.synthetic).toBe(false);
  });

  it('completes a grade given in part from that grade\'s defaults', () => {
    const raw = smallInput();
    raw.grades = { S: { targetS: 1800 } };
    const r = parseScenario(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.grades.S).toEqual({ ...DEFAULT_GRADES.S, targetS: 1800 });
    expect(r.scenario.grades.I).toEqual(DEFAULT_GRADES.I);
  });

  it('accepts the additions: pointsSource, synthetic stations with a note, any road class speed', () => {
    const raw = smallInput();
    raw.demand.pointsSource = 'london-lsoa';
    raw.stations[1] = { ...raw.stations[1]!, synthetic: true, note: 'placeholder base' };
    raw.travel = { ...raw.travel, roadSpeedsKph: { living_street: 10, motorway_link: 50 } };
    const r = parseScenario(raw);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('parseScenario: errors name the JSON path and what was expected', () => {
  it('reports MODEL.md\'s example error word for word', () => {
    const raw = smallInput();
    raw.fleet.push({ station: 'CX', type: 'X' }, { station: 'CX', type: 'Y', perShift: { early: 1, late: -2 } });
    raw.fleet[1] = { station: 'BG', count: 2 };
    const errors = errorsOf(raw);
    expect(errors).toContainEqual({ path: 'fleet[3].perShift.late', message: 'expected a whole number >= 0, got -2' });
  });

  it('lists every shape error at once', () => {
    const raw = clone(smallInput()) as unknown as Loose;
    raw.days = 0;
    raw.demand.streams[0].line = '112';
    raw.demand.streams[1].callsPerDay = 'many';
    raw.stations[0].lat = 95;
    raw.callHandling.handlingTime['999'] = { dist: 'weibull', mean: 3 };
    raw.dispatch.policy = 'closest';
    raw.travel.speedKph = -5;
    const errors = errorsOf(raw);
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'days',
        'demand.streams[0].line',
        'demand.streams[1].callsPerDay',
        'stations[0].lat',
        'callHandling.handlingTime["999"].dist',
        'dispatch.policy',
        'travel.speedKph',
      ]),
    );
    expect(errors.find((e) => e.path === 'days')!.message).toBe('expected a number > 0, got 0');
    expect(errors.find((e) => e.path === 'demand.streams[0].line')!.message).toBe('expected a line "999" or "101", got "112"');
    expect(errors.find((e) => e.path === 'dispatch.policy')!.message).toContain('got "closest"');
  });

  it('refuses unknown fields, naming each', () => {
    const raw = clone(smallInput()) as unknown as Loose;
    raw.seeed = 3;
    raw.fleet[0].perShfit = { early: 1 };
    const errors = errorsOf(raw);
    expect(errors).toContainEqual({ path: 'seeed', message: 'unknown field (check the spelling; unknown fields are not allowed)' });
    expect(errors.map((e) => e.path)).toContain('fleet[0].perShfit');
  });

  it('says what is missing', () => {
    const raw = clone(smallInput()) as unknown as Loose;
    delete raw.demand;
    delete raw.callHandling;
    const errors = errorsOf(raw);
    // (stations and fleet may be left out: a control room with no attendance; MODEL-ADDITIONS.)
    expect(errors.map((e) => e.path).sort()).toEqual(['callHandling', 'demand']);
    expect(errors[0]!.message).toMatch(/^required/);
  });

  it('refuses a non-object', () => {
    expect(errorsOf([1, 2])).toEqual([{ path: '', message: 'expected a scenario object, got [1,2]' }]);
  });
});

describe('parseScenario: impossible scenarios', () => {
  it('grade shares must sum to 1', () => {
    const raw = smallInput();
    raw.demand.streams[0]!.gradeMix = { I: 0.5, S: 0.4 };
    expect(errorsOf(raw)).toContainEqual({ path: 'demand.streams[0].gradeMix', message: 'expected shares that sum to 1, they sum to 0.9' });
  });

  it('a grade with attendance needs units somewhere', () => {
    const raw = smallInput();
    raw.fleet = [{ station: 'CX', count: 0 }];
    const errors = errorsOf(raw);
    expect(errors).toContainEqual({ path: 'grades.I', message: 'grade I needs attendance but the fleet has no units on duty at any time' });
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['grades.S', 'grades.E']));
  });

  it('a line with calls needs a pool with staff', () => {
    const raw = smallInput();
    raw.callHandling!.pools = [
      { id: 'a', lines: ['999'], staff: 5 },
      { id: 'b', lines: ['101'], staff: { early: 0, late: 0 } },
    ];
    expect(errorsOf(raw)).toContainEqual({ path: 'callHandling.pools', message: 'no call taker ever answers line "101", which has 160 calls a day' });
  });

  it('staffing must name shifts that exist, and fleet rows stations that exist', () => {
    const raw = smallInput();
    raw.fleet[0]!.perShift = { early: 1, lat: 2 };
    raw.fleet[1]!.station = 'ZZ';
    const errors = errorsOf(raw);
    expect(errors).toContainEqual({ path: 'fleet[0].perShift.lat', message: 'unknown shift "lat" (shifts: early, late, night)' });
    expect(errors).toContainEqual({ path: 'fleet[1].station', message: 'unknown station "ZZ"' });
  });

  it('arrests need a custody time and a custody suite', () => {
    const raw = smallInput();
    delete raw.custodyTime;
    raw.stations[0]!.custody = false;
    const paths = errorsOf(raw).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['custodyTime', 'stations']));
  });

  it('calls need a place to come from, and profiles a mean of 1', () => {
    const raw = smallInput();
    delete raw.demand.points;
    raw.demand.hourOfDay = new Array(24).fill(2);
    const errors = errorsOf(raw);
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['demand', 'demand.hourOfDay']));
    expect(errors.find((e) => e.path === 'demand.hourOfDay')!.message).toContain('their mean is 2');
  });

  it('sizes beyond what the tool runs are refused, each naming its field', () => {
    const raw = smallInput();
    raw.days = 1e7;
    raw.warmupHours = 9000;
    raw.demand.streams[0]!.callsPerDay = 1e9;
    raw.demand.surges = [{ fromS: 0, toS: 60, multiplier: 5000 }];
    raw.callHandling!.pools[0]!.staff = { early: 3e9, late: 3, night: 2 };
    raw.fleet[0]!.perShift = { early: 1e8 };
    const errors = errorsOf(raw);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'days', message: 'expected at most 3,660 days, got 10,000,000' },
        { path: 'warmupHours', message: 'expected at most 8,784 hours, got 9,000' },
        { path: 'demand.streams[0].callsPerDay', message: 'expected at most 1,000,000 calls a day, got 1,000,000,000' },
        { path: 'demand.surges[0].multiplier', message: 'expected at most 1,000 as a multiplier, got 5,000' },
        { path: 'callHandling.pools[0].staff.early', message: 'expected at most 100,000 call takers, got 3,000,000,000' },
        { path: 'fleet[0].perShift.early', message: 'expected at most 50,000 units, got 100,000,000' },
      ]),
    );
    expect(errors.map((e) => e.path), 'one row over the limit is not reported again as the total').not.toContain('fleet');
  });

  it('a fleet whose rows are each allowed but add up to too many units is refused at fleet', () => {
    const raw = smallInput();
    raw.fleet = [
      { station: 'CX', count: 30000 },
      { station: 'BG', perShift: { early: 15000, late: 10000 } },
    ];
    expect(errorsOf(raw)).toContainEqual({ path: 'fleet', message: 'expected at most 50,000 units in all (every count and perShift number added), got 55,000' });
    raw.fleet[0]!.count = 25000;
    expect(parseScenario(raw).ok, 'exactly at the limit runs').toBe(true);
  });

  it('more units per incident than ever on duty is refused', () => {
    const raw = smallInput();
    raw.grades = { I: { unitsRequired: 99 } };
    expect(errorsOf(raw)).toContainEqual({ path: 'grades.I.unitsRequired', message: 'expected at most 8 (the most units ever on duty at once), got 99' });
  });
});

describe('schemaVersion and migrations', () => {
  it('needs a schemaVersion and refuses newer ones', () => {
    const raw = smallInput() as Record<string, unknown>;
    delete raw['schemaVersion'];
    expect(errorsOf(raw)).toEqual([{ path: 'schemaVersion', message: `required: expected ${CURRENT_SCHEMA_VERSION}` }]);
    expect(errorsOf({ ...smallInput(), schemaVersion: 99 })[0]!.message).toMatch(/written for schemaVersion 99/);
  });

  it('upgrades step by step through each migration', () => {
    const steps = [
      { from: 1, upgrade: (r: Record<string, unknown>) => ({ ...r, a: 'v2' }) },
      { from: 2, upgrade: (r: Record<string, unknown>) => ({ ...r, b: `${String(r['a'])}+v3` }) },
    ];
    const out = migrate({ schemaVersion: 1 }, steps, 3);
    expect(out).toEqual({ ok: true, from: 1, value: { schemaVersion: 3, a: 'v2', b: 'v2+v3' } });
    expect(migrate({ schemaVersion: 1 }, steps.slice(1), 3)).toMatchObject({ ok: false, issue: { message: 'no upgrade from schemaVersion 1 to 2' } });
  });

  it('every fixture of a past or current version still parses', () => {
    const files = readdirSync(fixtures).filter((f) => /^scenario-v\d+\.json$/.test(f));
    expect(files.length, 'a fixture per version').toBe(CURRENT_SCHEMA_VERSION);
    for (const file of files) {
      const r = parseScenario(JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')));
      expect(r.ok ? [] : r.errors, file).toEqual([]);
    }
  });

  it('refuses an unresolved extends', () => {
    expect(errorsOf({ ...smallInput(), extends: 'base.json' })[0]!.path).toBe('extends');
  });
});
