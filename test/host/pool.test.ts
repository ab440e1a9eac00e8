import { describe, expect, it } from 'vitest';
import { SimWorkerPool } from '../../src/host/pool';
import { flush, realTimers, scriptedSpawn } from './fakes';

const runRequest = { scenario: { name: 'a' }, replication: 0 };

describe('sim worker pool', () => {
  it('refuses a size below 1', () => {
    expect(() => new SimWorkerPool({ size: 0, spawn: scriptedSpawn().spawn, timers: realTimers })).toThrow('pool size must be an integer >= 1, got 0');
  });

  it('starts workers lazily, up to size, and queues the rest in order', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 2, spawn, timers: realTimers });
    expect(pool.started, 'no worker before the first call').toBe(0);
    const a = pool.call('run', runRequest);
    const b = pool.call('run', runRequest);
    const c = pool.call('run', runRequest);
    expect(workers.length, 'two workers for three calls').toBe(2);
    workers[1]!.replyRun(2);
    expect(await b).toMatchObject({ ok: true, value: { results: { calls: { offered: 2 } } } });
    expect(workers[1]!.received.filter((m) => m.type === 'call').length, 'the freed worker took the queued call').toBe(2);
    workers[1]!.replyRun(3);
    workers[0]!.replyRun(1);
    const results = await Promise.all([a, c]);
    expect(results.map((r) => r.ok && r.value.results.calls.offered)).toEqual([1, 3]);
    pool.close();
  });

  it('passes progress of the running call to its listener', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    const seen: number[] = [];
    const done = pool.call('run', runRequest, { onProgress: (f) => seen.push(f) });
    const id = workers[0]!.currentId;
    workers[0]!.send({ type: 'progress', id, progress: 0.5 });
    workers[0]!.send({ type: 'progress', id: id + 100, progress: 0.9 });
    workers[0]!.replyRun(1);
    await done;
    expect(seen, 'progress of another id is ignored').toEqual([0.5]);
    pool.close();
  });

  it('a crashed worker fails only its own call, with worker-crashed, and is replaced', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    const first = pool.call('run', runRequest);
    const second = pool.call('run', runRequest);
    workers[0]!.crash('worker exited with code 7');
    expect(await first).toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'worker exited with code 7' } });
    expect(workers[0]!.terminated, 'the crashed worker is terminated').toBe(true);
    expect(workers.length, 'a new worker took the queued call').toBe(2);
    workers[1]!.replyRun(5);
    expect((await second).ok).toBe(true);
    workers[0]!.replyRun(9); // late news from the dead worker must change nothing
    pool.close();
  });

  it('gives up after maxCrashes crashes in a row and fails every call with the reason', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers, maxCrashes: 2 });
    const a = pool.call('run', runRequest);
    const b = pool.call('run', runRequest);
    const c = pool.call('run', runRequest);
    workers[0]!.crash('bad build');
    workers[1]!.crash('bad build');
    const expected = { ok: false, error: { kind: 'worker-crashed', message: 'sim workers crashed 2 times in a row; last: bad build' } };
    expect(await a).toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'bad build' } });
    expect(await b, 'the call in hand gets its own crash').toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'bad build' } });
    expect(await c).toEqual(expected);
    expect(await pool.call('version', {}), 'later calls fail at once').toEqual(expected);
    expect(workers.length, 'no more workers started').toBe(2);
  });

  it('a reply in between resets the crash count', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers, maxCrashes: 2 });
    const a = pool.call('run', runRequest);
    workers[0]!.crash();
    await a;
    const b = pool.call('run', runRequest);
    workers[1]!.replyRun(1);
    await b;
    const c = pool.call('run', runRequest);
    workers[1]!.crash();
    expect((await c).ok === false).toBe(true);
    const d = pool.call('run', runRequest);
    expect(workers.length, 'still respawning: only one crash since the last reply').toBe(3);
    workers[2]!.replyRun(2);
    expect((await d).ok).toBe(true);
    pool.close();
  });

  it('reports a worker that cannot start as a crash, not an exception', async () => {
    const { spawn } = scriptedSpawn({ failStart: 'no such file sim-worker.js' });
    const pool = new SimWorkerPool({ size: 2, spawn, timers: realTimers, maxCrashes: 1 });
    expect(await pool.call('version', {})).toEqual({
      ok: false,
      error: { kind: 'worker-crashed', message: 'sim workers crashed 1 times in a row; last: could not start a sim worker: no such file sim-worker.js' },
    });
  });

  it('cancel drops queued calls of the group and signals the running one', async () => {
    const { spawn, workers } = scriptedSpawn({ withSignal: true });
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    const running = pool.call('run', runRequest, { group: 'job-1' });
    const queued = pool.call('run', runRequest, { group: 'job-1' });
    const other = pool.call('run', runRequest, { group: 'job-2' });
    expect(pool.cancel('job-1')).toBe(true);
    expect(await queued).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(workers[0]!.signalled, 'out-of-band cancel for the running call').toEqual([workers[0]!.currentId]);
    workers[0]!.send({ type: 'reply', id: workers[0]!.currentId, call: 'run', ok: false, error: { kind: 'cancelled' } });
    expect(await running).toEqual({ ok: false, error: { kind: 'cancelled' } });
    workers[0]!.replyRun(4);
    expect((await other).ok, 'the other job ran on the same worker').toBe(true);
    expect(pool.cancel('job-1'), 'nothing left to cancel').toBe(false);
    pool.close();
  });

  it('without signalCancel, posts a cancel message', () => {
    const { spawn, workers } = scriptedSpawn({ withSignal: false });
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    void pool.call('run', runRequest, { group: 'g' });
    pool.cancel('g');
    expect(workers[0]!.received.at(-1)).toEqual({ type: 'cancel', id: workers[0]!.currentId });
    pool.close();
  });

  it('terminates a worker that does not stop within hardCancelMs', async () => {
    const { spawn, workers } = scriptedSpawn({ withSignal: true });
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers, hardCancelMs: 20 });
    const stuck = pool.call('run', runRequest, { group: 'g' });
    const next = pool.call('run', runRequest);
    pool.cancel('g');
    expect(await stuck).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(workers[0]!.terminated, 'the stuck worker was terminated').toBe(true);
    expect(workers.length, 'a fresh worker took the next call').toBe(2);
    workers[1]!.replyRun(1);
    expect((await next).ok).toBe(true);
    pool.close();
  });

  it('a dedicated pool has its own worker and closes with its parent', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    const shared = pool.call('run', runRequest);
    const live = pool.dedicated();
    const own = live.call('version', {});
    expect(workers.length, 'the dedicated worker does not wait for the busy shared one').toBe(2);
    workers[1]!.send({ type: 'reply', id: workers[1]!.currentId, call: 'version', ok: true, value: { sim: 's' } });
    expect(await own).toEqual({ ok: true, value: { sim: 's' } });
    const pendingLive = live.call('version', {});
    pool.close();
    expect(await shared).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(await pendingLive).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(workers.every((w) => w.terminated), 'every worker terminated').toBe(true);
    expect(() => pool.dedicated()).toThrow('the pool is closed');
  });

  it('a rejected message fails the call in hand with a named reason', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    const call = pool.call('version', {});
    workers[0]!.send({ type: 'rejected', reason: 'message.id: expected an integer' });
    expect(await call).toEqual({ ok: false, error: { kind: 'failed', message: 'sim worker rejected a message: message.id: expected an integer' } });
    await flush();
    pool.close();
  });
});
