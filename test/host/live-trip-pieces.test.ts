/**
 * A session's moving units' trips come over a few frames when working them out takes longer than a
 * frame's budget (src/host/live-worker.ts TRIPS_BUDGET_MS): each frame brings at least one, a paused
 * session asks for the rest at once, and a Play is not held up behind them (the playing frames bring
 * them). Real simulator on the built-in small scenario, and a driver on a scripted pool.
 */
import { describe, expect, it } from 'vitest';
import small from '../../assets/scenarios/small.json';
import { LiveDriver, type LivePool } from '../../src/host/live-driver';
import { LiveRegistry, TRIPS_BUDGET_MS } from '../../src/host/live-worker';
import { realSimulator } from '../../src/host/real-simulator';
import type { LiveFrame, LiveTrip, LiveWorkerFrame, WorkerCallName, WorkerCalls, WorkerResult } from '../../src/shared/protocol';
import { noBuiltInData } from '../../src/world';

const scenario = { ...small, warmupHours: 24, demand: { ...small.demand, streams: small.demand.streams.map((s) => ({ ...s, callsPerDay: s.callsPerDay * 4 })) } };

describe('trips over a few frames', () => {
  it('a worker whose every trip overruns the budget sends one new trip a frame, the units where they are, until none is owed', async () => {
    const simulator = realSimulator(noBuiltInData);
    const parsed = simulator.parseScenario(scenario);
    if (!parsed.ok) throw new Error('the test scenario is invalid');
    const world = await simulator.buildWorld(simulator.worldSpec(parsed.scenario));
    const handle = simulator.openLive!(parsed.scenario, world, {});
    // An instant with a few units on the move (their geometry not asked yet).
    for (let tS = 0; handle.snapshot({ trips: false }).units.filter((u) => u.tripLeftOut).length < 3; tS += 300) handle.advanceTo(tS);
    let wall = 0;
    // Each look at the clock is a budget later.
    const registry = new LiveRegistry(() => (wall += TRIPS_BUDGET_MS));
    const first = registry.open('s', handle);
    expect(first.tripsPending).toBe(true);
    const moving = first.units.filter((u) => u.moving).map((u) => u.id);
    expect(moving.length).toBeGreaterThan(1);
    const trips = new Map<string, LiveTrip>();
    let frame: LiveWorkerFrame = first;
    let frames = 0;
    do {
      frame = registry.advance({ session: 's', toS: first.tS });
      frames++;
      expect(frame.tS).toBe(first.tS);
      expect(frame.events).toBe(0);
      expect(frame.units.map((u) => [u.id, u.moving, u.lon, u.lat])).toEqual(first.units.map((u) => [u.id, u.moving, u.lon, u.lat]));
      const brought = frame.units.filter((u) => u.trip);
      expect(brought, 'one new trip a frame').toHaveLength(1);
      for (const u of brought) {
        expect(trips.has(u.id), 'never the same trip twice').toBe(false);
        trips.set(u.id, u.trip!);
      }
    } while (frame.tripsPending === true && frames <= moving.length);
    expect(frame.tripsPending).toBeUndefined();
    expect(frames).toBe(moving.length);
    expect([...trips.keys()].sort()).toEqual([...moving].sort());
    // Once sent, a trip is not sent again.
    expect(registry.advance({ session: 's', toS: first.tS }).units.some((u) => u.trip)).toBe(false);
  });

  it('the driver asks at once for the owed trips while paused, and after Play only at its frame pace', async () => {
    const asked: { atMs: number; toS: number | undefined }[] = [];
    let wall = 0;
    let owed = 3;
    const frameOf = (tS: number): LiveWorkerFrame => ({
      tS,
      startS: 0,
      endS: 3600,
      finished: false,
      units: [],
      incidents: [],
      callsWaiting: 0,
      pending: 0,
      busyUnits: 0,
      kpis: { lastHour: { calls: 0 }, today: { calls: 0 } } as unknown as LiveWorkerFrame['kpis'],
      step: null,
      workMs: 1,
      events: 0,
      ...(owed-- > 0 ? { tripsPending: true } : {}),
    });
    const pool: LivePool = {
      crashes: { count: 0, lastReason: null },
      call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request']): Promise<WorkerResult<K>> {
        const r = request as { toS?: number };
        if (call === 'liveAdvance') asked.push({ atMs: wall, toS: r.toS });
        const value = call === 'liveOpen' ? frameOf(0) : call === 'liveAdvance' ? frameOf(r.toS ?? 0) : null;
        return Promise.resolve({ ok: true, value } as unknown as WorkerResult<K>);
      },
    };
    const due: { at: number; fn: () => void }[] = [];
    const timers = {
      after: (ms: number, fn: () => void) => {
        const t = { at: wall + ms, fn };
        due.push(t);
        return () => void due.splice(due.indexOf(t) >>> 0, due.includes(t) ? 1 : 0);
      },
    };
    const run = async (untilMs: number) => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 0));
        due.sort((a, b) => a.at - b.at);
        const t = due[0];
        if (!t || t.at > untilMs) break;
        due.shift();
        wall = Math.max(wall, t.at);
        t.fn();
      }
      wall = untilMs;
    };
    const driver = new LiveDriver({ pool: () => pool, timers, now: () => wall });
    const frames: LiveFrame[] = [];
    const done = driver.start({ jobId: 'j', scenario, playing: false }, (f) => frames.push(f));
    await run(0);
    // Three frames owing trips (the first, and two more): asked for at once, at the same instant, then nothing.
    expect(asked).toEqual([
      { atMs: 0, toS: 0 },
      { atMs: 0, toS: 0 },
      { atMs: 0, toS: 0 },
    ]);
    expect(frames[frames.length - 1]!.tripsPending).toBeUndefined();
    expect(frames, 'the first frame, then the trips frames shown as one').toHaveLength(2);
    owed = 2;
    driver.control('j', { kind: 'step' });
    await run(50);
    // A step that owes trips again: the frames after it come at once while paused.
    expect(asked.slice(3).map((a) => a.atMs)).toEqual([0, 0, 0]);
    owed = 5;
    driver.control('j', { kind: 'play' });
    await run(1000);
    const playing = asked.slice(6);
    // Playing, a frame owing trips does not hurry the next: one every 100 ms.
    expect(playing.length).toBeGreaterThan(5);
    for (let k = 1; k < playing.length; k++) expect(playing[k]!.atMs - playing[k - 1]!.atMs).toBe(100);
    driver.stop('j');
    await done;
  });
});
