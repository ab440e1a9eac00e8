/**
 * A live session opened from a snapshot of another at the end of its warm-up plays on exactly as
 * that one: the same frames (map snapshot, rolling KPIs), the same answers to a trainer's inject
 * and candidates, the same results.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/shared/scenario';
import { createLiveSession, saveLiveSession, type LiveSession } from '../../../src/sim/live/session';
import { createExerciseSession, saveExerciseSession } from '../../../src/sim/live/script';
import { SnapshotError } from '../../../src/sim/snapshot/snapshot';
import { buildWorld, noBuiltInData } from '../../../src/world';
import { smallInput } from '../fixtures/small';
import { stable } from '../helpers';

function play(s: LiveSession): string[] {
  const out: string[] = [];
  for (let t = 1800; t <= 6 * 3600; t += 1800) {
    s.advanceTo(t);
    out.push(JSON.stringify(s.snapshot()));
    if (t === 3600) out.push(String(s.inject({ lon: -0.13, lat: 51.51, grade: 'I' })), JSON.stringify(s.candidates(s.snapshot().incidents[0]?.id ?? 0)));
  }
  s.advanceTo(s.endS + 86400);
  out.push(stable(s.results()));
  return out;
}

describe('live session from a warm-up snapshot', () => {
  it('plays on as the warmed session would', async () => {
    const parsed = parseScenario(smallInput());
    if (!parsed.ok) throw new Error('invalid');
    const scenario = parsed.scenario;
    const world = await buildWorld(scenario, noBuiltInData);
    const warmed = createLiveSession(scenario, world);
    warmed.advanceTo(0);
    const text = saveLiveSession(warmed);
    const restored = createLiveSession(scenario, world, { snapshot: text });
    expect(restored.now).toBe(0);
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(warmed.snapshot()));
    const fresh = createLiveSession(scenario, await buildWorld(scenario, noBuiltInData), { snapshot: text });
    const expected = play(warmed);
    expect(play(restored)).toEqual(expected);
    expect(play(fresh)).toEqual(expected);
  });

  it('through exercise sessions (the hosts open these), and refuses a snapshot of another seed', async () => {
    const parsed = parseScenario(smallInput());
    if (!parsed.ok) throw new Error('invalid');
    const world = await buildWorld(parsed.scenario, noBuiltInData);
    const warmed = createExerciseSession(parsed.scenario, world);
    warmed.advanceTo(0);
    const text = saveExerciseSession(warmed)!;
    expect(text).toBeTypeOf('string');
    const restored = createExerciseSession(parsed.scenario, world, { snapshot: text });
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(warmed.snapshot()));
    expect(() => createExerciseSession(parsed.scenario, world, { snapshot: text, seed: 99 })).toThrow(SnapshotError);
  });
});
