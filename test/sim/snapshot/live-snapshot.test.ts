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

const hasLondon = await (async () => {
  try {
    const { londonDataDir } = await import('../../../src/node/data/paths');
    const { existsSync } = await import('node:fs');
    return existsSync(londonDataDir());
  } catch {
    return false;
  }
})();

// On roads a restored session makes its saved trips again only when used (src/sim/snapshot/record.ts
// DeferredTrip): frames (with every moving unit's trip), a trainer's inject, candidates and stand-down,
// saving again, and the results must still be the warmed session's.
describe.runIf(hasLondon)('London baseline on roads, restored (trips made when used)', () => {
  it('plays on as the warmed session would, and saves the same text at once', async () => {
    const { londonBaseline } = await import('../../../bench/london-baseline');
    const { nodeDataProvider } = await import('../../../src/node/data/provider');
    const scenario = await londonBaseline('road', 1);
    const world = await buildWorld(scenario, nodeDataProvider());
    const warmed = createLiveSession(scenario, world);
    warmed.advanceTo(0);
    const text = saveLiveSession(warmed);
    // Trips asked of the travel model: none to restore, none for the first frame (its places saved).
    const travel = world.travel as { trip: (...args: Parameters<typeof world.travel.trip>) => ReturnType<typeof world.travel.trip> };
    const ask = travel.trip.bind(travel);
    let asked = 0;
    travel.trip = (...args) => (asked++, ask(...args));
    const restored = createLiveSession(scenario, world, { snapshot: text });
    expect(asked, 'trips asked to restore').toBe(0);
    const trimmed = (s: LiveSession) => JSON.stringify(s.snapshot({ trips: false }));
    expect(trimmed(restored), 'a first frame without trips').toBe(trimmed(warmed));
    expect(asked, 'trips asked for the first frame').toBe(0);
    // (A snapshot drops the KPI trails' older entries, so saved again at once, by another.)
    expect(saveLiveSession(createLiveSession(scenario, world, { snapshot: text })) === text, 'saved again at once').toBe(true);
    const out = (s: LiveSession): string[] => {
      const seen: string[] = [JSON.stringify(s.snapshot())];
      for (let t = 1200; t <= 3 * 3600; t += 1200) {
        s.advanceTo(t);
        seen.push(JSON.stringify(s.snapshot()));
        if (t === 2400) {
          const id = s.inject({ lon: -0.1, lat: 51.52, grade: 'I' });
          seen.push(String(id), JSON.stringify(s.candidates(id)));
          const busy = s.snapshot().units.find((u) => u.state === 'travelling');
          if (busy) seen.push(JSON.stringify(s.standDown(busy.id)));
        }
      }
      seen.push(saveLiveSession(s));
      return seen;
    };
    expect(out(restored)).toEqual(out(warmed));
  }, 240_000);
});
