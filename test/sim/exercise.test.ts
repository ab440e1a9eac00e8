/**
 * Exercise scripts in a live session (issue 17 item 1): the timeline applied at its times whatever
 * the pace, pauses, unit faults, call-taker absence, demand surges, the log, and replay from the log.
 */
import { describe, expect, it } from 'vitest';
import { parseExercise, type Exercise, type ExerciseItem } from '../../src/shared/exercise';
import { scriptFromLog } from '../../src/shared/exercise-log';
import { checkExercise, createExerciseSession, type ExerciseSession } from '../../src/sim';
import { quietInput, smallInput, twoAreas } from './fixtures/small';
import { prepare } from './helpers';

const ex = (timeline: ExerciseItem[], more: Partial<Exercise> = {}): Exercise => ({ kind: 'exercise', schemaVersion: 1, name: 'test', scenario: 'quiet', timeline, ...more });

async function quietRun(exercise: Exercise, withAreas = true): Promise<ExerciseSession> {
  const input = quietInput();
  if (withAreas) input.areas = { source: twoAreas(), groups: { NW: ['WEST'], NE: ['EAST'] } };
  const { scenario, world } = await prepare(input);
  return createExerciseSession(scenario, world, { exercise });
}

const incident = (s: ExerciseSession, id: number) => s.snapshot().incidents.find((i) => i.id === id);
const unit = (s: ExerciseSession, id: string) => s.snapshot().units.find((u) => u.id === id)!;

describe('exercise file', () => {
  it('validates with path errors', () => {
    const bad = parseExercise({ kind: 'exercise', schemaVersion: 1, name: 'x', scenario: 'london', timeline: [{ atS: 5, kind: 'inject', grade: 'Q', place: { lon: 0, lat: 51 } }, { atS: 1, kind: 'dance' }, { atS: 2, kind: 'inject', grade: 'I' }], extra: 1 });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.errors.map((e) => e.path);
    expect(paths).toContain('timeline[0].grade');
    expect(paths.some((p) => p.startsWith('timeline[1]'))).toBe(true);
    expect(paths).toContain('extra');
    const noPlace = parseExercise({ kind: 'exercise', schemaVersion: 1, name: 'x', scenario: 'london', timeline: [{ atS: 2, kind: 'inject', grade: 'I' }] });
    expect(noPlace).toEqual({ ok: false, errors: [{ path: 'timeline[0]', message: 'expected a place {lon, lat}, an area or a bcu' }] });
  });

  it("checks units, areas and places against the scenario's world", async () => {
    const input = quietInput();
    input.areas = { source: twoAreas(), groups: { NW: ['WEST'], NE: ['EAST'] } };
    const { world } = await prepare(input);
    const problems = checkExercise(
      ex([
        { atS: 0, kind: 'inject', grade: 'I', place: { lon: 2.35, lat: 48.85 } },
        { atS: 0, kind: 'inject', grade: 'I', area: 'Nowhere' },
        { atS: 0, kind: 'unit-fault', unit: 'X-1', durationS: 60 },
        { atS: 0, kind: 'inject', grade: 'I', bcu: 'ne' },
      ]),
      world,
      { units: ['W-IRV-1'], pools: [] },
    );
    expect(problems.map((p) => p.path)).toEqual(['timeline[0].place', 'timeline[1].area', 'timeline[2].unit']);
    expect(problems[0]!.message).toMatch(/outside the modelled area/);
  });
});

describe('exercise timeline in a live session', () => {
  it('injects at the exact time, whatever the pace, with the units it needs', async () => {
    const script = ex([{ atS: 100, kind: 'inject', grade: 'I', place: { lon: -0.14, lat: 51.5 }, type: 'burglary', unitsRequired: 2 }]);
    const a = await quietRun(script);
    a.advanceTo(99.9);
    expect(a.snapshot().incidents).toHaveLength(0);
    expect(a.drainExercise().nextInjectS).toBe(100);
    a.advanceTo(5000);
    const b = await quietRun(script);
    for (let t = 0; t < 5000; t += 7.3) b.advanceTo(t);
    b.advanceTo(5000);
    const injected = a.log.find((e) => e.kind === 'inject')!;
    expect(injected.tS).toBe(100);
    expect(injected.text).toBe('burglary');
    expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
    const arrived = a.log.filter((e) => e.kind === 'arrived');
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.responseS, 'turnout 60 s + travel').toBeGreaterThan(60);
    // both units went (it needed two)
    const c = await quietRun(script);
    c.advanceTo(100);
    expect(incident(c, injected.incident!)!.units).toHaveLength(2);
  });

  it('stops at a pause and says so; plays on after', async () => {
    const s = await quietRun(ex([{ atS: 300, kind: 'pause', text: 'brief the room' }, { atS: 200, kind: 'message', text: 'hello' }]));
    s.advanceTo(1000);
    expect(s.now).toBe(300);
    const st = s.drainExercise();
    expect(st.pausedAtS).toBe(300);
    expect(st.entries.map((e) => [e.tS, e.kind, e.text])).toEqual([
      [200, 'message', 'hello'],
      [300, 'pause', 'brief the room'],
    ]);
    s.advanceTo(1000);
    expect(s.now).toBe(1000);
    expect(s.drainExercise().pausedAtS).toBeNull();
  });

  it('a unit fault takes the unit off its incident and off the board for its duration', async () => {
    const s = await quietRun(
      ex([
        { atS: 10, kind: 'inject', grade: 'I', place: { lon: -0.14, lat: 51.5 } },
        { atS: 20, kind: 'unit-fault', unit: 'W-IRV-1', durationS: 1000, reason: 'breakdown' },
      ]),
    );
    s.advanceTo(10);
    expect(unit(s, 'W-IRV-1').state).toBe('travelling');
    s.advanceTo(20);
    expect(unit(s, 'W-IRV-1').state).toBe('off-duty');
    expect(unit(s, 'E-IRV-1').state, 'the other unit is sent instead').toBe('travelling');
    const fault = s.log.find((e) => e.kind === 'unit-fault')!;
    expect(fault.left).toBe(0);
    s.advanceTo(1020);
    expect(unit(s, 'W-IRV-1').state).toBe('free');
    expect(s.log.some((e) => e.kind === 'unit-back' && e.tS === 1020)).toBe(true);
  });

  it('call-taker absence and a demand surge change the calls', async () => {
    const { scenario, world } = await prepare(smallInput());
    const plain = createExerciseSession(scenario, world, {});
    const script = ex([
      { atS: 3600, kind: 'call-taker-absence', count: 2, durationS: 7200 },
      { atS: 3600, kind: 'demand-surge', callsPerHour: 120, durationS: 3600 },
    ]);
    const busy = createExerciseSession(scenario, world, { exercise: script });
    plain.advanceTo(3 * 3600);
    busy.advanceTo(3 * 3600);
    expect(busy.incidents!.length - plain.incidents!.length, 'about 120 more calls').toBeGreaterThan(80);
    expect(busy.log.map((e) => e.kind)).toEqual(['call-taker-absence', 'demand-surge', 'surge-end', 'call-takers-back']);
    expect(busy.log[0]!.text).toMatch(/^2 call takers away from metcc/);
  });

  it('written back as a script, the log repeats the session (trainer injects and assignments too)', async () => {
    const { scenario, world } = await prepare(smallInput());
    const script = ex([{ atS: 600, kind: 'inject', grade: 'S', place: { lon: -0.12, lat: 51.51 } }, { atS: 900, kind: 'unit-fault', unit: 'CX-IRV-early-1', durationS: 600 }], { startS: 0 });
    const live = createExerciseSession(scenario, world, { exercise: script });
    live.advanceTo(1200);
    const id = live.inject({ lon: -0.1, lat: 51.52, grade: 'I' });
    live.advanceTo(1300);
    const free = live.snapshot().units.find((u) => u.state === 'free' || u.state === 'on-scene')!;
    live.assign(id, free.id);
    live.advanceTo(20_000);
    const again = createExerciseSession(scenario, world, { exercise: scriptFromLog(live.log, { name: 'x', scenario: 'small', startS: 0 }) });
    again.advanceTo(20_000);
    expect(JSON.stringify(again.log)).toBe(JSON.stringify(live.log));
    expect(JSON.stringify([...again.incidents!.records()])).toBe(JSON.stringify([...live.incidents!.records()]));
    // opening at a later time (a review's seek) gives the same state there as playing to it
    const seek = createExerciseSession(scenario, world, { exercise: scriptFromLog(live.log, { name: 'x', scenario: 'small' }), startS: 5000 });
    const played = createExerciseSession(scenario, world, { exercise: scriptFromLog(live.log, { name: 'x', scenario: 'small' }) });
    played.advanceTo(5000, false);
    expect(JSON.stringify(seek.snapshot())).toBe(JSON.stringify(played.snapshot()));
  });
});

describe('exercise log export', () => {
  it('writes the log as CSV and an HTML summary', async () => {
    const { exerciseLogCsv, exerciseSummaryHtml } = await import('../../src/shared/exercise-export');
    const s = await quietRun(ex([{ atS: 10, kind: 'inject', grade: 'I', place: { lon: -0.14, lat: 51.5 }, type: 'robbery, armed' }, { atS: 20, kind: 'message', text: 'hi <all>' }]));
    s.advanceTo(2000);
    const csv = exerciseLogCsv(s.log).trim().split('\n');
    expect(csv[0]).toBe('tS,clock,kind,by,incident,unit,grade,lon,lat,etaS,responseS,targetS,withinTarget,left,text');
    expect(csv[1]).toBe('10,day 1 00:00:10,inject,script,0,,I,-0.14,51.5,,,,,,"robbery, armed"');
    expect(csv.some((l) => /,arrived,simulation,0,,I,,,,[\d.]+,900,1,,script$/.test(l))).toBe(true);
    const html = exerciseSummaryHtml(s.log, 'Test <exercise>');
    expect(html).toContain('<h1>Test &lt;exercise&gt;: exercise summary</h1>');
    expect(html).toContain('hi &lt;all&gt;');
    expect(html).toMatch(/made by the script<\/td><td>1<\/td><td>100 %/);
  });
});
