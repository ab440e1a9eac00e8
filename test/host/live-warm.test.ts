/**
 * Issue 17 item 2: a live session opens warmed up. With `warm`, the sim worker runs the warm-up at
 * full speed before its first frame, so the session is ready at the start of the counted period
 * (tS 0) with the units and incidents the warm-up left, without any simulated time played at the
 * session's pace (the driver's timers here never fire). Real simulator, the built-in small scenario.
 */
import { describe, expect, it } from 'vitest';
import small from '../../assets/scenarios/small.json';
import { LiveDriver, type LivePool } from '../../src/host/live-driver';
import { createSimHost } from '../../src/host/loop';
import { LiveRegistry } from '../../src/host/live-worker';
import { realSimulator } from '../../src/host/real-simulator';
import type { FromWorker, LiveFrame, WorkerCallName, WorkerCalls, WorkerResult } from '../../src/shared/protocol';
import { noBuiltInData } from '../../src/world';

/** A pool of one in-process sim-worker loop on the real simulator. */
function inProcessPool(): LivePool {
  const replies = new Map<number, (message: FromWorker) => void>();
  const host = createSimHost({
    simulator: realSimulator(noBuiltInData),
    post: (message) => {
      if (message.type === 'reply') replies.get(message.id)?.(message);
    },
  });
  let next = 0;
  return {
    crashes: { count: 0, lastReason: null },
    call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request']): Promise<WorkerResult<K>> {
      const id = ++next;
      return new Promise((resolve) => {
        replies.set(id, (message) => resolve(message as unknown as WorkerResult<K>));
        void host.receive({ type: 'call', id, call, request });
      });
    },
  };
}

/** Timers that never fire: nothing is played at the session's pace. */
const stillTimers = { after: () => () => {} };

// A busier small London: a day of warm-up, so units are out and incidents open when it ends.
const scenario = { ...small, warmupHours: 24, demand: { ...small.demand, streams: small.demand.streams.map((s) => ({ ...s, callsPerDay: s.callsPerDay * 4 })) } };

async function firstFrame(warm: boolean): Promise<LiveFrame> {
  const driver = new LiveDriver({ pool: inProcessPool, timers: stillTimers, now: () => 0 });
  const frames: LiveFrame[] = [];
  const done = driver.start({ jobId: `live-${warm}`, scenario, playing: false, ...(warm ? { warm } : {}) }, (f) => frames.push(f));
  const end = Date.now() + 30_000;
  while (frames.length === 0) {
    if (Date.now() > end) throw new Error('no first frame');
    await new Promise((r) => setTimeout(r, 5));
  }
  driver.stop(`live-${warm}`);
  await done;
  expect(frames, 'one frame: nothing played').toHaveLength(1);
  return frames[0]!;
}

describe('a warm live session (issue 17 item 2)', () => {
  it('opens at the end of its warm-up with units busy and incidents open, paused, without playing the warm-up', async () => {
    const warm = await firstFrame(true);
    expect(warm.startS, 'the warm-up is a day').toBe(-24 * 3600);
    expect(warm.tS, 'ready at the start of the counted period').toBe(0);
    expect(warm.playing).toBe(false);
    expect(warm.busyUnits, 'units out on jobs').toBeGreaterThan(0);
    expect(warm.units.some((u) => u.state === 'on-scene' || u.state === 'travelling'), 'a unit on its way or on scene').toBe(true);
    expect(warm.incidents.length, 'incidents open on the map').toBeGreaterThan(0);
    // The first frame leaves the trips out (src/host/live-worker.ts): the next one brings them (below).
    expect(warm.tripsPending, 'trips owed').toBe(true);
    expect(warm.units.some((u) => u.moving), 'a unit on the move').toBe(true);
    expect(warm.units.every((u) => u.trip === undefined), 'no trip in the first frame').toBe(true);
    expect(warm.kpis.today.calls + warm.kpis.lastHour.calls, 'rolling figures from the warm-up').toBeGreaterThan(0);
  });

  it('the frames after the first, asked for at once while paused, bring every moving unit its trip at the same instant', async () => {
    const timers = {
      after: (ms: number, fn: () => void) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
    };
    const driver = new LiveDriver({ pool: inProcessPool, timers, now: () => Date.now() });
    const frames: LiveFrame[] = [];
    const done = driver.start({ jobId: 'live-trips', scenario, playing: false, warm: true }, (f) => frames.push(f));
    const end = Date.now() + 30_000;
    // A frame works out as many trips as fit its budget (src/host/live-worker.ts): one or more frames bring them.
    while (frames.length < 2 || frames[frames.length - 1]!.tripsPending === true) {
      if (Date.now() > end) throw new Error('no frame with every trip');
      await new Promise((r) => setTimeout(r, 5));
    }
    const count = frames.length;
    await new Promise((r) => setTimeout(r, 50));
    driver.stop('live-trips');
    await done;
    expect(frames, 'nothing asked once the trips are in').toHaveLength(count);
    const [first, ...next] = frames as [LiveFrame, ...LiveFrame[]];
    const trips = new Map<string, unknown>();
    for (const frame of next) {
      expect(frame.tS).toBe(first.tS);
      expect(frame.events).toBe(0);
      expect(frame.units.map((u) => [u.id, u.moving, u.lon, u.lat]), 'the same units, where they were').toEqual(first.units.map((u) => [u.id, u.moving, u.lon, u.lat]));
      for (const u of frame.units) if (u.trip) trips.set(u.id, u.trip);
    }
    const moving = first.units.filter((u) => u.moving);
    expect(moving.length).toBeGreaterThan(0);
    expect(moving.every((u) => ((trips.get(u.id) as { coords: number[] } | undefined)?.coords.length ?? 0) >= 2), 'each moving unit with its trip').toBe(true);
    expect(trips.size).toBe(moving.length);
  });

  it('without warm it opens at the start of its warm-up with nothing going on, as before', async () => {
    const cold = await firstFrame(false);
    expect(cold.tS).toBe(-24 * 3600);
    expect(cold.busyUnits).toBe(0);
    expect(cold.incidents).toHaveLength(0);
  });

  it('warms up in slices (reading messages between them) to the same state as one advance', async () => {
    const simulator = realSimulator(noBuiltInData);
    const parsed = simulator.parseScenario(scenario);
    if (!parsed.ok) throw new Error('the test scenario is invalid');
    const world = await simulator.buildWorld(simulator.worldSpec(parsed.scenario));
    const handle = simulator.openLive!(parsed.scenario, world, {});
    handle.advanceTo(0);
    const direct = new LiveRegistry(() => 0).open('direct', handle);
    const warm = await firstFrame(true);
    const same = (f: Pick<LiveFrame, 'tS' | 'units' | 'incidents' | 'kpis' | 'busyUnits' | 'pending' | 'callsWaiting'>) => ({ tS: f.tS, units: f.units, incidents: f.incidents, kpis: f.kpis, busyUnits: f.busyUnits, pending: f.pending, callsWaiting: f.callsWaiting });
    expect(same(warm)).toEqual(same(direct));
  });

  it('a cancel stops a warm-up between its slices', async () => {
    const replies: FromWorker[] = [];
    const host = createSimHost({ simulator: realSimulator(noBuiltInData), post: (m) => replies.push(m) });
    const opening = host.receive({ type: 'call', id: 1, call: 'liveOpen', request: { session: 's', scenario: { ...scenario, days: 60 }, warm: true } });
    await new Promise((r) => setTimeout(r, 0));
    await host.receive({ type: 'cancel', id: 1 });
    await opening;
    expect(replies).toEqual([{ type: 'reply', id: 1, call: 'liveOpen', ok: false, error: { kind: 'cancelled' } }]);
  });
});
