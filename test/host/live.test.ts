/**
 * Live mode in the host layer: the worker's live sessions (frames, trips sent once), the loop's
 * live calls, and the driver that paces a session by the wall clock, on a real SimWorkerPool whose
 * workers run the shared loop in-process with the fake simulator. Time is a manual clock.
 */
import { describe, expect, it } from 'vitest';
import { LiveDriver } from '../../src/host/live-driver';
import { LiveRegistry, MAX_LIVE_SESSIONS } from '../../src/host/live-worker';
import { createSimHost } from '../../src/host/loop';
import { SimWorkerPool, type SpawnWorker, type Timers } from '../../src/host/pool';
import type { FromWorker, LiveFrame, LiveOutcome, ToWorker } from '../../src/shared/protocol';
import { FakeLive, fakeSimulator, flush } from './fakes';

/** A wall clock and timers the test moves by hand. */
class ManualTime implements Timers {
  now = 0;
  private queue: { at: number; fn: () => void; live: boolean }[] = [];
  after(ms: number, fn: () => void): () => void {
    const entry = { at: this.now + ms, fn, live: true };
    this.queue.push(entry);
    return () => void (entry.live = false);
  }
  /** delays of the timers set so far, in order */
  readonly delays: number[] = [];
  /** Moves the clock by `ms`, running due timers (and letting the promises they start settle). */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const due = this.queue.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.now = Math.max(this.now, due.at);
      due.live = false;
      due.fn();
    }
    this.now = end;
    await settle();
  }
}

/** Lets the in-process workers answer (their messages go through setTimeout 0). */
async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) await flush();
}

/** Workers running the shared loop in this thread; `crashNext` makes the next call kill its worker. */
function inProcessWorkers(time: ManualTime) {
  const posted: ToWorker[] = [];
  const control = { crashNext: false };
  const spawn: SpawnWorker = (events) => {
    let dead = false;
    const host = createSimHost({
      simulator: fakeSimulator().simulator,
      post: (m: FromWorker) => setTimeout(() => !dead && events.message(structuredClone(m)), 0),
      clock: () => time.now,
    });
    return {
      post: (message) => {
        posted.push(message);
        if (control.crashNext && message.type === 'call') {
          control.crashNext = false;
          dead = true;
          setTimeout(() => events.crash('sim worker exited with code 3'), 0);
          return;
        }
        setTimeout(() => !dead && void host.receive(structuredClone(message)), 0);
      },
      terminate: () => void (dead = true),
    };
  };
  return { spawn, posted, control };
}

function driver(options: { frameIntervalMs?: number; maxSpeedWorkMs?: number } = {}) {
  const time = new ManualTime();
  const workers = inProcessWorkers(time);
  const pool = new SimWorkerPool({ size: 1, spawn: workers.spawn, timers: time });
  const live = new LiveDriver({ pool: () => pool, timers: time, now: () => time.now, ...options });
  const frames: LiveFrame[] = [];
  const start = (scenario: Record<string, unknown>, extra: { playing?: boolean; speed?: 1 | 10 | 60 | 600 | 'max'; jobId?: string } = {}) => {
    let outcome: LiveOutcome | null = null;
    const done = live.start({ jobId: extra.jobId ?? 'live-1', scenario, ...extra }, (f) => frames.push(f)).then((o) => (outcome = o));
    return { done, outcome: () => outcome };
  };
  return { time, live, frames, start, workers, pool };
}

describe('live sessions in a worker (LiveRegistry)', () => {
  it('sends a trip in the first frame after it changes, then only says the unit is still moving', () => {
    const registry = new LiveRegistry(() => 0);
    const first = registry.open('s', new FakeLive(1000, false));
    expect(first.units[0], 'in the warm-up the unit is free at base').toMatchObject({ id: 'U1', state: 'free', moving: false });
    expect(first.units[0]!.trip).toBeUndefined();
    const setOff = registry.advance({ session: 's', toS: 20 });
    expect(setOff.units[0], 'the trip comes with the frame where it starts').toMatchObject({ state: 'travelling', moving: true, trip: { departS: 0, timesS: [0, 100] } });
    const driving = registry.advance({ session: 's', toS: 50 });
    expect(driving.units[0]!.moving, 'still driving').toBe(true);
    expect(driving.units[0]!.trip, 'the same trip is not sent again').toBeUndefined();
    expect(driving.events, 'events of 20..50 s, one every 10 s').toBe(3);
    const arrived = registry.advance({ session: 's', toS: 150 });
    expect(arrived.units[0]).toMatchObject({ state: 'free', moving: false });
    expect(registry.advance({ session: 's', toS: 300 }).incidents, 'no incident after the trip').toEqual([]);
  });

  it('steps one event, never goes backwards, and refuses unknown sessions and non-finite times', () => {
    const registry = new LiveRegistry(() => 0);
    registry.open('s', new FakeLive(1000, false));
    const stepped = registry.advance({ session: 's', step: true });
    expect(stepped.step, 'the step report').toEqual({ tS: -90, event: 'tick', incident: null, unit: null });
    expect(stepped.tS).toBe(-90);
    const back = registry.advance({ session: 's', toS: -500 });
    expect(back.tS, 'a time already passed answers a frame at now').toBe(-90);
    expect(back.events).toBe(0);
    expect(() => registry.advance({ session: 'nope', toS: 1 })).toThrow(/no live session "nope"/);
    expect(() => registry.advance({ session: 's', toS: Infinity })).toThrow(/finite/);
  });

  it(`keeps at most ${MAX_LIVE_SESSIONS} sessions, dropping the oldest`, () => {
    const registry = new LiveRegistry(() => 0);
    for (let i = 0; i <= MAX_LIVE_SESSIONS; i++) registry.open(`s${i}`, new FakeLive(1000, false));
    expect(registry.size).toBe(MAX_LIVE_SESSIONS);
    expect(() => registry.advance({ session: 's0', toS: 1 }), 'the oldest was dropped').toThrow(/no live session/);
    expect(registry.close(`s${MAX_LIVE_SESSIONS}`)).toBe(true);
    expect(registry.close('never')).toBe(false);
  });
});

describe('live calls of the sim-worker loop', () => {
  it('answers liveOpen with a first frame, invalid scenarios as values, and checks advance requests', async () => {
    const sent: FromWorker[] = [];
    const host = createSimHost({ simulator: fakeSimulator().simulator, post: (m) => sent.push(m), clock: () => 0 });
    await host.receive({ type: 'call', id: 1, call: 'liveOpen', request: { session: 'a', scenario: { name: 'x' } } });
    expect(sent[0]).toMatchObject({ type: 'reply', id: 1, call: 'liveOpen', ok: true, value: { tS: -100, startS: -100, endS: 1000, finished: false } });
    await host.receive({ type: 'call', id: 2, call: 'liveOpen', request: { session: 'b', scenario: { title: 'no name' } } });
    expect(sent[1]).toMatchObject({ ok: false, error: { kind: 'invalid-scenario', errors: [{ path: 'name', message: 'expected a string' }] } });
    await host.receive({ type: 'call', id: 3, call: 'liveAdvance', request: { session: 'a' } });
    expect(sent[2]).toMatchObject({ ok: false, error: { kind: 'failed', message: 'bad worker message: message.request: expected toS or step: true (call \'liveAdvance\', id 3)' } });
    await host.receive({ type: 'call', id: 4, call: 'liveAdvance', request: { session: 'zzz', toS: 5 } });
    expect(sent[3]).toMatchObject({ ok: false, error: { kind: 'failed', message: 'liveAdvance: no live session "zzz" in this worker' } });
    await host.receive({ type: 'call', id: 5, call: 'liveClose', request: { session: 'a' } });
    expect(sent[4]).toMatchObject({ ok: true, value: { closed: true } });
  });

  it('turns an exception while advancing into a failed reply', async () => {
    const sent: FromWorker[] = [];
    const host = createSimHost({ simulator: fakeSimulator().simulator, post: (m) => sent.push(m) });
    await host.receive({ type: 'call', id: 1, call: 'liveOpen', request: { session: 'a', scenario: { name: 'x', liveFail: 'throw' } } });
    await host.receive({ type: 'call', id: 2, call: 'liveAdvance', request: { session: 'a', toS: 10 } });
    expect(sent[1]).toMatchObject({ ok: false, error: { kind: 'failed', message: 'fake live failure' } });
  });
});

describe('live driver (pacing by the wall clock)', () => {
  it('opens paused, steps one event at a time, and plays at the chosen speed at a capped frame rate', async () => {
    const { time, live, frames, start } = driver({ frameIntervalMs: 100 });
    start({ name: 'x' }, { speed: 60 });
    await time.advance(0);
    expect(frames.map((f) => [f.seq, f.tS, f.playing, f.speed]), 'one first frame, paused').toEqual([[0, -100, false, 60]]);

    expect(live.control('live-1', { kind: 'step' })).toEqual({ playing: false, speed: 60 });
    await time.advance(0);
    expect(frames.at(-1)!.step, 'the step ran the next event').toMatchObject({ tS: -90, event: 'tick' });

    expect(live.control('live-1', { kind: 'play' })).toEqual({ playing: true, speed: 60 });
    await time.advance(1000);
    const played = frames.filter((f) => f.step === null && f.seq > 1);
    expect(played.length, 'ten frames a second at most').toBeLessThanOrEqual(10);
    expect(played.length).toBeGreaterThanOrEqual(9);
    expect(frames.at(-1)!.tS, '60 simulated seconds in one wall second').toBeCloseTo(-90 + 60, 6);
    for (let i = 1; i < played.length; i++) expect(played[i]!.tS - played[i - 1]!.tS, 'about 6 s a frame').toBeCloseTo(6, 6);

    expect(live.control('live-1', { kind: 'pause' })).toEqual({ playing: false, speed: 60 });
    const count = frames.length;
    await time.advance(1000);
    expect(frames.length, 'no frames while paused').toBe(count);
  });

  it('caps the wall time one frame covers, so a stalled page does not make the simulation lurch', async () => {
    const { time, live, frames, start } = driver({ frameIntervalMs: 100 });
    start({ name: 'x' }, { speed: 10 });
    await time.advance(0);
    live.control('live-1', { kind: 'play' });
    await time.advance(0);
    const before = frames.length;
    // The clock jumps 5 s (a busy page) before the next tick runs.
    time.now += 5000;
    await time.advance(0);
    const [last, next] = [frames[before - 1]!, frames[before]!];
    expect(next.tS - last.tS, 'two intervals (0.2 s x 10) of simulated time, not 50 s').toBeCloseTo(2, 9);
  });

  it('plays as fast as possible in chunks sized by the worker time, and ends when the run does', async () => {
    const { time, live, frames, start } = driver({ frameIntervalMs: 100, maxSpeedWorkMs: 60 });
    const s = start({ name: 'x', liveEndS: 3000 }, { speed: 'max', playing: true });
    await time.advance(2000);
    expect(frames.at(-1)!.finished, 'the run reached its end').toBe(true);
    expect(frames.at(-1)!.playing, 'a finished session is not playing').toBe(false);
    expect(s.outcome()).toEqual({ ok: true, reason: 'finished', tS: 3000 });
    // The in-process worker reports 0 ms of work, so the chunk doubles each frame: 600, 1200, ...
    const steps = frames.slice(1).map((f, i) => f.tS - frames[i]!.tS);
    expect(steps.slice(0, 2), 'chunks grow while the worker has time to spare').toEqual([600, 1200]);
    expect(live.running, 'no session left').toBeNull();
    expect(live.control('live-1', { kind: 'play' }), 'nothing to control').toBeNull();
  });

  it('stops on request (closing the worker session), and a second start stops the first', async () => {
    const { time, live, start, workers } = driver();
    const a = start({ name: 'x' }, { playing: true, jobId: 'a' });
    await time.advance(250);
    expect(live.stop('a')).toBe(true);
    await time.advance(0);
    expect(a.outcome()).toMatchObject({ ok: true, reason: 'stopped' });
    expect(workers.posted.some((m) => m.type === 'call' && m.call === 'liveClose' && m.request.session === 'a'), 'the worker was told').toBe(true);
    expect(live.stop('a'), 'already stopped').toBe(false);

    const b = start({ name: 'x' }, { jobId: 'b' });
    await time.advance(0);
    const c = start({ name: 'x' }, { jobId: 'c' });
    await time.advance(0);
    expect(b.outcome(), 'b made way for c').toMatchObject({ ok: true, reason: 'stopped' });
    expect(c.outcome(), 'c runs').toBeNull();
    expect(live.running).toBe('c');
  });

  it('is settled once no session is opening: when its worker answered the open, or it was stopped while opening', async () => {
    const { time, live, start, frames } = driver();
    let settled = false;
    await live.settled();
    start({ name: 'x' }, { jobId: 'a' });
    void live.settled().then(() => (settled = true));
    expect(settled, 'the open is in flight').toBe(false);
    await time.advance(0);
    expect(frames.length, "the worker's first frame").toBe(1);
    expect(settled, 'settled with it').toBe(true);

    settled = false;
    start({ name: 'x' }, { jobId: 'b' });
    void live.settled().then(() => (settled = true));
    expect(live.stop('b')).toBe(true);
    await flush();
    expect(settled, 'stopped while it opened').toBe(true);

    // A session started while one opens: settled once the last one has opened.
    settled = false;
    start({ name: 'x' }, { jobId: 'c' });
    void live.settled().then(() => (settled = true));
    start({ name: 'x' }, { jobId: 'd' });
    await time.advance(0);
    expect(settled).toBe(true);
    expect(live.running).toBe('d');
  });

  it('ends with the error when the scenario is invalid, the simulator throws, or the worker crashes; a new session then works', async () => {
    const { time, start, workers } = driver();
    const bad = start({ title: 'no name' });
    await time.advance(0);
    expect(bad.outcome()).toEqual({ ok: false, error: { kind: 'invalid-scenario', errors: [{ path: 'name', message: 'expected a string' }] } });

    const throwing = start({ name: 'x', liveFail: 'throw' }, { playing: true, jobId: 't' });
    await time.advance(200);
    expect(throwing.outcome()).toMatchObject({ ok: false, error: { kind: 'failed', message: 'fake live failure' } });

    const crashing = start({ name: 'x' }, { playing: true, jobId: 'k' });
    await time.advance(0);
    workers.control.crashNext = true;
    await time.advance(200);
    expect(crashing.outcome()).toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'sim worker exited with code 3' } });

    const again = start({ name: 'x' }, { playing: true, jobId: 'again' });
    await time.advance(300);
    expect(again.outcome(), 'the pool started a fresh worker: the new session plays').toBeNull();
  });
});

describe("trainer's actions (inject, assign, candidates)", () => {
  it('the worker injects, assigns, lists candidates and answers a frame showing the result; refusals are values', () => {
    const registry = new LiveRegistry(() => 0);
    registry.open('s', new FakeLive(1000, false));
    const injected = registry.trainer({ session: 's', action: { kind: 'inject', lon: -0.12, lat: 51.5, grade: 'I' } });
    expect(injected.outcome).toEqual({ ok: true, kind: 'inject', incident: 100, tS: -100 });
    expect(injected.frame?.incidents, 'the frame after it shows the injected incident').toEqual([expect.objectContaining({ id: 100, grade: 'I', state: 'pending', injected: true })]);
    const listed = registry.trainer({ session: 's', action: { kind: 'candidates', incident: 100 } });
    expect(listed.frame, 'listing changes nothing, so no frame').toBeNull();
    expect(listed.outcome.ok && listed.outcome.kind === 'candidates' && listed.outcome.candidates.map((c) => [c.unit, c.etaS])).toEqual([
      ['U1', 240],
      ['U3', null],
    ]);
    const refused = registry.trainer({ session: 's', action: { kind: 'assign', incident: 100, unit: 'U2' } });
    expect(refused.outcome).toEqual({ ok: false, kind: 'assign', reason: 'UNIT_OFF_DUTY', message: 'unit U2 is off duty' });
    const assigned = registry.trainer({ session: 's', action: { kind: 'assign', incident: 100, unit: 'U1' } });
    expect(assigned.outcome).toEqual({ ok: true, kind: 'assign', incident: 100, unit: 'U1', etaS: 240, tS: -100 });
    expect(assigned.frame?.incidents[0], 'shown as assigned').toMatchObject({ id: 100, state: 'assigned', units: ['U1'] });
    expect(() => registry.trainer({ session: 'nope', action: { kind: 'candidates', incident: 1 } })).toThrow(/no live session "nope"/);
  });

  it('the loop refuses a malformed action naming its path', async () => {
    const sent: FromWorker[] = [];
    const host = createSimHost({ simulator: fakeSimulator().simulator, post: (m) => sent.push(m), clock: () => 0 });
    await host.receive({ type: 'call', id: 1, call: 'liveOpen', request: { session: 'a', scenario: { name: 'x' } } });
    await host.receive({ type: 'call', id: 2, call: 'liveTrainer', request: { session: 'a', action: { kind: 'inject', lon: 500, lat: 51, grade: 'I' } } });
    expect(sent[1]).toMatchObject({ ok: false, error: { kind: 'failed', message: "bad worker message: message.request.action.lon: expected a longitude (call 'liveTrainer', id 2)" } });
    await host.receive({ type: 'call', id: 3, call: 'liveTrainer', request: { session: 'a', action: { kind: 'assign', incident: 1.5, unit: 'U1' } } });
    expect(sent[2]).toMatchObject({ ok: false, error: { message: expect.stringContaining('message.request.action.incident: expected an incident id') } });
    await host.receive({ type: 'call', id: 4, call: 'liveTrainer', request: { session: 'a', action: { kind: 'inject', lon: 0, lat: 51, grade: 'S' } } });
    expect(sent[3]).toMatchObject({ ok: true, call: 'liveTrainer', value: { outcome: { ok: true, kind: 'inject', incident: 100 } } });
  });

  it('the driver streams the frame after an inject or assign while paused, and answers null for another session', async () => {
    const { time, live, frames, start } = driver();
    start({ name: 'x' }, { speed: 60 });
    await time.advance(0);
    expect(frames).toHaveLength(1);
    const injecting = live.trainer('live-1', { kind: 'inject', lon: -0.1, lat: 51.5, grade: 'E' });
    await time.advance(0);
    expect(await injecting).toEqual({ ok: true, kind: 'inject', incident: 100, tS: -100 });
    expect(frames, 'a frame at once, though paused').toHaveLength(2);
    expect(frames[1]).toMatchObject({ seq: 1, playing: false, incidents: [{ id: 100, grade: 'E', injected: true, state: 'pending' }] });
    const assigning = live.trainer('live-1', { kind: 'assign', incident: 100, unit: 'U1' });
    await time.advance(0);
    expect(await assigning).toMatchObject({ ok: true, kind: 'assign', unit: 'U1' });
    expect(frames.at(-1)!.incidents[0]).toMatchObject({ id: 100, state: 'assigned', units: ['U1'] });
    const missing = live.trainer('live-1', { kind: 'assign', incident: 7, unit: 'U1' });
    await time.advance(0);
    expect(await missing).toMatchObject({ ok: false, reason: 'NO_SUCH_INCIDENT' });
    expect(await live.trainer('other', { kind: 'candidates', incident: 100 }), 'no such session').toBeNull();
  });

  it('answers SESSION_OVER once the run has finished, and FAILED when the worker cannot do it', async () => {
    const { time, live, start } = driver();
    start({ name: 'x', liveEndS: 0 }, { speed: 'max', playing: true, jobId: 'f' });
    const early = live.trainer('f', { kind: 'inject', lon: 0, lat: 51, grade: 'I' });
    await time.advance(0);
    expect(await early, 'queued behind the open, done before the run ends').toMatchObject({ ok: true, kind: 'inject' });
    await time.advance(500);
    expect(live.running).toBeNull();
    expect(await live.trainer('f', { kind: 'inject', lon: 0, lat: 51, grade: 'I' }), 'the session is gone').toBeNull();
    const registry = new LiveRegistry(() => 0);
    registry.open('over', new FakeLive(0, false));
    registry.advance({ session: 'over', toS: 10 });
    expect(registry.trainer({ session: 'over', action: { kind: 'inject', lon: 0, lat: 51, grade: 'I' } })).toEqual({
      outcome: { ok: false, kind: 'inject', reason: 'SESSION_OVER', message: 'the live run is over' },
      frame: null,
    });

    start({ name: 'x' }, { jobId: 'g' });
    await time.advance(0);
    // Only the IPC schemas guard the host call's arguments; an unknown kind reaches the worker, which refuses it.
    const bad = live.trainer('g', { kind: 'jump' } as never);
    await time.advance(0);
    expect(await bad).toMatchObject({ ok: false, reason: 'FAILED', message: expect.stringContaining("message.request.action.kind: expected 'inject', 'assign', 'candidates' or 'standDown'") });
    expect(live.running, 'a refused action leaves the session running').toBe('g');
  });
});
