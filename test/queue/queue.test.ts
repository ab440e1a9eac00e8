/**
 * Sweeps through the Redis job queue, for real: Debian's redis-server on a loopback port (started
 * and stopped here), `worker --queue` processes, and the `sweep --queue` coordinator, as a user
 * runs them. Two workers share a sweep; a worker killed mid-job (SIGKILL) loses nothing; a
 * coordinator killed mid-sweep resumes without any run done twice; a run that fails is recorded
 * and the sweep goes on. Results are the local pool's, byte for byte.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectionFrom, QUEUE_NAME } from '../../src/node/queue/jobs';
import { cli, ROOT } from '../cli/run-cli';
import { startRedis, type TestRedis } from './redis';

const dir = mkdtempSync(path.join(tmpdir(), 'queue-'));
let redis: TestRedis;
let queue: Queue;
const started: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  queue = new Queue(QUEUE_NAME, { connection: connectionFrom(redis.url) });
});
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, 'SIGKILL');
});
beforeEach(async () => redis.flush());
afterAll(async () => {
  await queue.close();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `main.ts args` in its own process group (killed whole, children included, as a machine going away). */
function start(args: readonly string[]): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  started.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  return { child, stderr: () => err, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function until(what: string, test: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A worker; a short lock only where a test kills one (a busy machine must not make a live worker's job look stalled). */
async function worker(lockMs = 10_000): Promise<ChildProcess> {
  const w = start(['worker', '--queue', redis.url, '--concurrency', '1', '--lock-ms', String(lockMs)]);
  await until('the worker to start', () => w.stderr().includes('taking runs from'));
  return w.child;
}

const kill = (c: ChildProcess) => process.kill(-c.pid!, 'SIGKILL');

function sweepFile(name: string, variables: unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, name, base: path.join(ROOT, 'assets/scenarios/small.json'), replications: 2, days: 1, variables }));
  return file;
}

const sweep = sweepFile('cx.json', [{ vary: 'base-units', base: 'CX', range: { from: 3, to: 6, step: 1 } }]);
let localCsv = '';
const csvOf = (out: string) => readFileSync(path.join(out, 'summary.csv'), 'utf8');
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : []);

describe('sweep --queue', () => {
  beforeAll(() => {
    const r = cli(['sweep', sweep, '--out', path.join(dir, 'local'), '--workers', '2']);
    expect(r.code).toBe(0);
    localCsv = csvOf(path.join(dir, 'local'));
  });

  it('two workers share a sweep; the results are the local pool\'s', async () => {
    await Promise.all([worker(), worker()]);
    const out = path.join(dir, 'two');
    const r = cli(['sweep', sweep, '--out', out, '--queue', redis.url]);
    expect(r.stderr).toContain('4 combinations (4 run now)');
    expect(r.code).toBe(0);
    expect(csvOf(out)).toBe(localCsv);
    const jobs = await queue.getJobs(['completed']);
    expect(jobs).toHaveLength(8);
    expect(new Set(jobs.map((j) => j.processedBy)).size, 'workers that ran jobs').toBe(2);
  });

  it('a worker killed mid-job loses nothing: its job is retried and the sweep completes', async () => {
    const first = await worker(2000);
    const out = path.join(dir, 'killed-worker');
    const coordinator = start(['sweep', sweep, '--out', out, '--queue', redis.url]);
    await until('a job to be running', async () => (await queue.getActiveCount()) > 0);
    kill(first);
    await worker(2000);
    expect(await coordinator.exited).toBe(0);
    expect(csvOf(out)).toBe(localCsv);
    const jobs = await queue.getJobs(['completed']);
    expect(jobs).toHaveLength(8);
    expect(Math.max(...jobs.map((j) => j.attemptsStarted)), 'the killed job was started again').toBeGreaterThanOrEqual(2);
  });

  it('a coordinator killed mid-sweep resumes; no run is done twice', async () => {
    // The queue is paused (no worker takes a job) while the coordinator queues all 8 runs, resumed, and
    // paused again as soon as two runs are done (the coordinator may not have written them yet): on a quiet machine the 8 small runs otherwise
    // finished before the coordinator could be killed, and the test could not see a resume.
    await queue.pause();
    await worker();
    const out = path.join(dir, 'killed-coordinator');
    const results = path.join(out, 'results.jsonl');
    const first = start(['sweep', sweep, '--out', out, '--queue', redis.url]);
    await until('the runs to be queued', async () => (await queue.getWaitingCount()) === 8);
    await queue.resume();
    await until('two runs to be done', async () => (await queue.getCompletedCount()) >= 2);
    await queue.pause();
    kill(first.child);
    await first.exited;
    await queue.resume();
    const before = lines(results).length - 1;
    expect(before).toBeLessThan(4);
    const r = cli(['sweep', sweep, '--out', out, '--queue', redis.url]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(before === 0 ? '4 combinations (4 run now)' : `4 combinations (${4 - before} run now, ${before} from the earlier run)`);
    expect(csvOf(out)).toBe(localCsv);
    const jobs = await queue.getJobs(['completed']);
    expect(jobs).toHaveLength(8);
    expect(jobs.every((j) => j.attemptsStarted === 1), 'every run ran once').toBe(true);
  });

  it('a run that fails is recorded with its error and the sweep goes on', async () => {
    await worker();
    const failing = sweepFile('failing.json', [{ vary: 'field', path: 'areas', values: [{ source: 'london-boroughs' }, { source: 'no-such-areas' }] }]);
    const out = path.join(dir, 'failing');
    const r = cli(['sweep', failing, '--out', out, '--queue', redis.url]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 combinations (2 run now, 1 failed)');
    const csv = csvOf(out).trim().split('\n');
    expect(csv[1]).toMatch(/london-boroughs.*,ok,/);
    // A scenario the simulator refuses is an answer, recorded at its field without retries (MODEL-ADDITIONS "Job queue").
    expect(csv[2]).toMatch(/no-such-areas.*,failed,"areas\.source: no built-in area set/);
  });

  it('says so when the queue cannot be reached', () => {
    const r = cli(['sweep', sweep, '--out', path.join(dir, 'nowhere'), '--queue', `redis://127.0.0.1:${redis.port + 1}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot reach the queue at redis:\/\/127\.0\.0\.1:\d+/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
