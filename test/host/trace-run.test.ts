/**
 * The app's "Demand from incident log" (issue 17 item 6): a run request's `trace` (the CSV text, parsed
 * in the sim worker) drives the run's demand, per request, on a worker that also serves ordinary
 * runs; the figures are the command line's replay of the same file (a simulator made with it).
 */
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/loop';
import { realSimulator } from '../../src/host/real-simulator';
import { runBatch, type BatchPool } from '../../src/host/replications';
import type { Simulator } from '../../src/host/simulator';
import type { FromWorker, WorkerCallName, WorkerCalls, WorkerResult } from '../../src/shared/protocol';
import { RunRequestSchema } from '../../src/shared/ipc-schemas';
import { parseTraceCsv } from '../../src/shared/trace-csv';
import type { Scenario } from '../../src/shared/scenario';
import type { SimWorld } from '../../src/sim/world';
import { prepare, stable } from '../sim/helpers';
import { smallInput } from '../sim/fixtures/small';

const CSV = [
  'time,longitude,latitude,grade',
  '60,-0.14,51.5,I',
  '120,-0.13,51.51,S',
  '900,-0.12,51.5,S',
  '3600,-0.12,51.5,E',
  '7200,-0.13,51.5,R',
  '7300,-0.13,51.505,I',
].join('\n');

/** The real simulator on the small test world (no data files): the scenario object is passed as is. */
async function simulatorOnSmallWorld(trace?: ReturnType<typeof parseTraceCsv>): Promise<{ simulator: Simulator<Scenario, SimWorld, unknown>; scenario: Scenario }> {
  const { scenario, world } = await prepare(smallInput());
  const real = realSimulator({} as never, () => 0, trace);
  return {
    scenario,
    simulator: { ...real, parseScenario: (raw) => ({ ok: true, scenario: raw as Scenario }), worldSpec: () => 'small', buildWorld: async () => world },
  };
}

/** A pool of one in-thread worker running the real loop. */
function onePool(simulator: Simulator<Scenario, SimWorld, unknown>): BatchPool {
  let nextId = 1;
  return {
    async call<K extends WorkerCallName>(call: K, request: WorkerCalls[K]['request']): Promise<WorkerResult<K>> {
      const id = nextId++;
      let answer: FromWorker | null = null;
      const host = createSimHost({ simulator, post: (m) => (m.type === 'reply' ? (answer = m) : undefined) });
      // Structured clone, as across a worker boundary.
      await host.receive(structuredClone({ type: 'call', id, call, request }));
      const reply = answer as FromWorker | null;
      if (!reply || reply.type !== 'reply') throw new Error('no reply');
      return (reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error }) as WorkerResult<K>;
    },
    cancel: () => false,
  };
}

describe('a run request with a trace', () => {
  it("replays the file's calls: the same figures as the command line's replay, calls per grade as in the file", async () => {
    const { simulator, scenario } = await simulatorOnSmallWorld();
    const pool = onePool(simulator);
    const outcome = await runBatch(pool, { jobId: 'j', scenario: scenario as never, trace: { name: 'log.csv', csv: CSV } }, undefined, () => 0);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // The command line's way: a simulator made with the parsed calls.
    const cli = await simulatorOnSmallWorld(parseTraceCsv(CSV, 'log.csv'));
    const cliOutcome = await runBatch(onePool(cli.simulator), { jobId: 'j', scenario: cli.scenario as never }, undefined, () => 0);
    expect(cliOutcome.ok && stable(cliOutcome.results)).toBe(stable(outcome.results));
    // Calls per grade as in the file (2 I, 2 S, 1 E, 1 R); the random run has many more.
    expect(outcome.results.calls.offered).toBe(6);
    const log = await pool.call('run', { scenario, replication: 0, incidentLog: true, trace: { name: 'log.csv', csv: CSV } });
    expect(log.ok).toBe(true);
    if (!log.ok) return;
    const grades = Array.from(log.value.incidents!.i32.grade!);
    expect([0, 1, 2, 3].map((g) => grades.filter((x) => x === g).length)).toEqual([2, 2, 1, 1]);
    // The same worker then runs random demand again.
    const random = await pool.call('run', { scenario, replication: 0 });
    expect(random.ok && random.value.results.calls.offered).toBeGreaterThan(6);
  });

  it('a malformed file fails the run naming the file, line and column', async () => {
    const { simulator, scenario } = await simulatorOnSmallWorld();
    const outcome = await runBatch(onePool(simulator), { jobId: 'j', scenario: scenario as never, trace: { name: 'bad.csv', csv: 'time,longitude,latitude,grade\n1,2,3,X\n' } });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.kind === 'failed' && outcome.error.message).toBe('bad.csv: line 2, column 4 (grade): expected a grade I, S, E, R, got "X"');
  });

  it('the app\'s run request takes a trace {name, csv} and nothing else in it', () => {
    expect(RunRequestSchema.safeParse({ jobId: 'j', scenario: {}, trace: { name: 'log.csv', csv: CSV } }).success).toBe(true);
    expect(RunRequestSchema.safeParse({ jobId: 'j', scenario: {}, trace: { name: 'log.csv' } }).success).toBe(false);
    expect(RunRequestSchema.safeParse({ jobId: 'j', scenario: {}, trace: { name: 'log.csv', csv: CSV, calls: [] } }).success).toBe(false);
  });
});
