import { describe, expect, it } from 'vitest';
import { initialRunState, runFinished, runProgressed, runStarted } from '../../../src/renderer/store/run-slice';
import { fakeResults } from '../../host/fakes';

const started = runStarted(initialRunState, { jobId: 'a', label: 'Small' });

describe('run slice updaters', () => {
  it('starting a run resets progress and outcome', () => {
    expect(started).toEqual({ jobId: 'a', label: 'Small', status: 'running', progress: 0, outcome: null });
  });

  it('progress only moves forward and only for the current job', () => {
    const half = runProgressed(started, { jobId: 'a', fraction: 0.5, replicationsDone: 0, replications: 1 });
    expect(half.progress).toBe(0.5);
    expect(runProgressed(half, { jobId: 'a', fraction: 0.3, replicationsDone: 0, replications: 1 }), 'no step back').toBe(half);
    expect(runProgressed(half, { jobId: 'b', fraction: 0.9, replicationsDone: 0, replications: 1 }), 'another job').toBe(half);
    expect(runProgressed(half, { jobId: 'a', fraction: 7, replicationsDone: 0, replications: 1 }).progress, 'clamped').toBe(1);
  });

  it('finishing sets the status from the outcome', () => {
    const ok = runFinished(started, { jobId: 'a', outcome: { ok: true, results: fakeResults(10, 1), replications: 1, wallMs: 3 } });
    expect([ok.status, ok.progress]).toEqual(['done', 1]);
    expect(runFinished(started, { jobId: 'a', outcome: { ok: false, error: { kind: 'cancelled' } } }).status).toBe('cancelled');
    expect(runFinished(started, { jobId: 'a', outcome: { ok: false, error: { kind: 'failed', message: 'x' } } }).status).toBe('failed');
    expect(runFinished(started, { jobId: 'a', outcome: { ok: false, error: { kind: 'invalid-scenario', errors: [] } } }).status).toBe('failed');
  });

  it('a late outcome of a replaced job changes nothing', () => {
    const next = runStarted(started, { jobId: 'b', label: 'Other' });
    expect(runFinished(next, { jobId: 'a', outcome: { ok: false, error: { kind: 'cancelled' } } })).toBe(next);
  });
});
