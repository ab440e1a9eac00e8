import { describe, expect, it } from 'vitest';
import { initialRunState, provisionalFinished, runFinished, runProgressed, runStarted } from '../../../src/renderer/store/run-slice';
import type { RunOutcome } from '../../../src/shared/protocol';
import { fakeResults } from '../../host/fakes';

const started = runStarted(initialRunState, { jobId: 'a', label: 'Small', revision: 3 });
const ok = (offered: number): RunOutcome => ({ ok: true, results: fakeResults(offered, 1), replications: 1, wallMs: 3 });

describe('run slice updaters', () => {
  it('starting a run resets progress and outcome and remembers the revision it runs', () => {
    expect(started).toEqual({ jobId: 'a', label: 'Small', status: 'running', progress: 0, outcome: null, revision: 3, document: 0, latest: null, previous: null, replay: null, demand: null, provisional: null });
  });

  it('keeps provisional figures of the run in hand apart from the runs compared, until the run ends', () => {
    const early = provisionalFinished(started, { jobId: 'a', outcome: ok(5) as Extract<RunOutcome, { ok: true }>, days: 1 });
    expect(early.provisional).toMatchObject({ days: 1, revision: 3, label: 'Small' });
    expect(early.latest, 'never the latest run').toBeNull();
    expect(provisionalFinished(started, { jobId: 'b', outcome: ok(5) as Extract<RunOutcome, { ok: true }>, days: 1 }), 'another job').toBe(started);
    const done = runFinished(early, { jobId: 'a', outcome: ok(9) });
    expect(done.provisional).toBeNull();
    expect(done.latest?.outcome.results.calls.offered).toBe(9);
    expect(runStarted(early, { jobId: 'c', label: 'Small' }).provisional, 'a new run drops them').toBeNull();
  });

  it('compares runs of the same demand only: a replayed log is never compared with random demand', () => {
    const random = runFinished(runStarted(initialRunState, { jobId: 'a', label: 'London', document: 1 }), { jobId: 'a', outcome: ok(10) });
    const replayed = runFinished(runStarted(random, { jobId: 'b', label: 'London', document: 1, demand: 'demand replayed from log.csv (3 calls)' }), { jobId: 'b', outcome: ok(3) });
    expect(replayed.previous, 'replayed vs random: no change').toBeNull();
    const again = runFinished(runStarted(replayed, { jobId: 'c', label: 'London (modified)', document: 1, demand: 'demand replayed from log.csv (3 calls)' }), { jobId: 'c', outcome: ok(3) });
    expect(again.previous?.demand, 'the same log: compared').toBe('demand replayed from log.csv (3 calls)');
    const back = runFinished(runStarted(again, { jobId: 'd', label: 'London', document: 1 }), { jobId: 'd', outcome: ok(10) });
    expect(back.previous, 'random after replayed: no change').toBeNull();
  });

  it('compares runs of the same document only: a run of another document (opened, new) starts over', () => {
    const first = runFinished(runStarted(initialRunState, { jobId: 'a', label: 'London', revision: 1, document: 1 }), { jobId: 'a', outcome: ok(10) });
    const same = runFinished(runStarted(first, { jobId: 'b', label: 'London (modified)', revision: 2, document: 1 }), { jobId: 'b', outcome: ok(20) });
    expect(same.previous?.document).toBe(1);
    const other = runFinished(runStarted(same, { jobId: 'c', label: 'Other', revision: 3, document: 2 }), { jobId: 'c', outcome: ok(30) });
    expect(other.latest).toMatchObject({ document: 2, label: 'Other' });
    expect(other.previous, 'no change shown against an unrelated scenario').toBeNull();
    const next = runFinished(runStarted(other, { jobId: 'd', label: 'Other (modified)', revision: 4, document: 2 }), { jobId: 'd', outcome: ok(40) });
    expect(next.previous?.label).toBe('Other');
  });

  it('progress only moves forward and only for the current job', () => {
    const half = runProgressed(started, { jobId: 'a', fraction: 0.5, replicationsDone: 0, replications: 1 });
    expect(half.progress).toBe(0.5);
    expect(runProgressed(half, { jobId: 'a', fraction: 0.3, replicationsDone: 0, replications: 1 }), 'no step back').toBe(half);
    expect(runProgressed(half, { jobId: 'b', fraction: 0.9, replicationsDone: 0, replications: 1 }), 'another job').toBe(half);
    expect(runProgressed(half, { jobId: 'a', fraction: 7, replicationsDone: 0, replications: 1 }).progress, 'clamped').toBe(1);
  });

  it('finishing sets the status from the outcome', () => {
    const done = runFinished(started, { jobId: 'a', outcome: ok(10) });
    expect([done.status, done.progress]).toEqual(['done', 1]);
    expect(runFinished(started, { jobId: 'a', outcome: { ok: false, error: { kind: 'cancelled' } } }).status).toBe('cancelled');
    expect(runFinished(started, { jobId: 'a', outcome: { ok: false, error: { kind: 'failed', message: 'x' } } }).status).toBe('failed');
    expect(runFinished(started, { jobId: 'a', outcome: { ok: false, error: { kind: 'invalid-scenario', errors: [] } } }).status).toBe('failed');
  });

  it('keeps the last two successful runs for the change from the previous run; failures do not displace them', () => {
    const first = runFinished(started, { jobId: 'a', outcome: ok(10) });
    expect(first.latest).toMatchObject({ label: 'Small', revision: 3 });
    expect(first.previous).toBeNull();
    const second = runFinished(runStarted(first, { jobId: 'b', label: 'Small (modified)', revision: 4 }), { jobId: 'b', outcome: ok(20) });
    expect(second.latest?.outcome.results.calls.offered).toBe(20);
    expect(second.previous?.outcome.results.calls.offered, 'the one before').toBe(10);
    const failed = runFinished(runStarted(second, { jobId: 'c', label: 'x', revision: 5 }), { jobId: 'c', outcome: { ok: false, error: { kind: 'cancelled' } } });
    expect([failed.latest, failed.previous], 'a cancelled run changes neither').toEqual([second.latest, second.previous]);
  });

  it('a late outcome of a replaced job changes nothing', () => {
    const next = runStarted(started, { jobId: 'b', label: 'Other' });
    expect(runFinished(next, { jobId: 'a', outcome: { ok: false, error: { kind: 'cancelled' } } })).toBe(next);
  });
});
