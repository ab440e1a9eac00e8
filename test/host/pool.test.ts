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

  it('never gives up: after many crashes in a row the next call gets a fresh worker and succeeds', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    const calls = Array.from({ length: 6 }, () => pool.call('run', runRequest));
    for (let i = 0; i < 6; i++) workers[i]!.crash(`bad build ${i}`);
    const outcomes = await Promise.all(calls);
    expect(outcomes, 'each call fails with its own worker\'s crash').toEqual(
      Array.from({ length: 6 }, (_, i) => ({ ok: false, error: { kind: 'worker-crashed', message: `bad build ${i}` } })),
    );
    const next = pool.call('run', runRequest);
    expect(workers.length, 'a seventh worker started').toBe(7);
    workers[6]!.replyRun(3);
    expect((await next).ok).toBe(true);
    expect(pool.crashes).toEqual({ count: 6, lastReason: 'bad build 5' });
    pool.close();
  });

  it('reports a worker that cannot start as a crash of the call that wanted it, not an exception, and tries again for the next', async () => {
    let fail = true;
    const { spawn: scripted, workers } = scriptedSpawn();
    const spawn: typeof scripted = (events) => {
      if (fail) throw new Error('no such file sim-worker.js');
      return scripted(events);
    };
    const pool = new SimWorkerPool({ size: 2, spawn, timers: realTimers });
    const first = pool.call('version', {});
    const second = pool.call('version', {});
    const failed = { ok: false, error: { kind: 'worker-crashed', message: 'could not start a sim worker: no such file sim-worker.js' } };
    expect(await first).toEqual(failed);
    expect(await second, 'one start tried per call: no spinning').toEqual(failed);
    fail = false;
    const third = pool.call('version', {});
    workers[0]!.send({ type: 'reply', id: workers[0]!.currentId, call: 'version', ok: true, value: { sim: 's' } });
    expect(await third).toEqual({ ok: true, value: { sim: 's' } });
    pool.close();
  });

  it('a call whose message cannot be posted fails alone, resolves (never rejects) and frees its worker', async () => {
    const { spawn: scripted, workers } = scriptedSpawn();
    const spawn: typeof scripted = (events) => {
      const worker = scripted(events);
      const post = worker.post.bind(worker);
      worker.post = (message) => {
        if (message.type === 'call' && message.call === 'run' && (message.request.scenario as { name?: string }).name === 'fn') {
          throw new Error('() => 1 could not be cloned.');
        }
        post(message);
      };
      return worker;
    };
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    const bad = pool.call('run', { scenario: { name: 'fn' }, replication: 0 });
    const good = pool.call('run', runRequest);
    expect(await bad).toEqual({ ok: false, error: { kind: 'failed', message: 'the run call could not be sent to a sim worker: () => 1 could not be cloned.' } });
    await flush();
    workers[0]!.replyRun(4);
    expect((await good).ok, 'the queued call ran on the same worker').toBe(true);
    expect(workers.length).toBe(1);
    pool.close();
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
