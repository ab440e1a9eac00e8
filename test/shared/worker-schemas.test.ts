/** The worker message schemas: what a host accepts back from a sim worker. */
import { describe, expect, it } from 'vitest';
import { isFromWorker, workerRequestSchemas } from '../../src/shared/worker-schemas';

describe('worker message schemas', () => {
  it('accepts every kind of FromWorker message', () => {
    expect(isFromWorker({ type: 'reply', id: 1, call: 'version', ok: true, value: { sim: '1' } })).toBe(true);
    expect(isFromWorker({ type: 'reply', id: 2, call: 'run', ok: false, error: { kind: 'failed', message: 'x', name: 'DataNotFoundError' } })).toBe(true);
    expect(isFromWorker({ type: 'progress', id: 3, progress: 0.5 })).toBe(true);
    expect(isFromWorker({ type: 'rejected', reason: 'why' })).toBe(true);
  });

  it('refuses replies to calls that do not exist, errors of unknown kinds and progress out of 0..1', () => {
    expect(isFromWorker({ type: 'reply', id: 1, call: 'combine', ok: true, value: {} }), 'no combine call any more').toBe(false);
    expect(isFromWorker({ type: 'reply', id: 1, call: 'run', ok: false, error: { kind: 'exploded' } })).toBe(false);
    expect(isFromWorker({ type: 'reply', id: 1, call: 'run', ok: true })).toBe(false);
    expect(isFromWorker({ type: 'progress', id: 3, progress: 1.5 })).toBe(false);
    expect(isFromWorker('hello')).toBe(false);
  });

  it('a run request needs a scenario and a replication number >= 0', () => {
    expect(workerRequestSchemas.run.safeParse({ scenario: {}, replication: 0 }).success).toBe(true);
    expect(workerRequestSchemas.run.safeParse({ replication: 0 }).success).toBe(false);
    expect(workerRequestSchemas.run.safeParse({ scenario: {}, replication: 1.5 }).success).toBe(false);
  });
});
