import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/loop';
import type { FromWorker } from '../../src/shared/protocol';
import { fakeSimulator, type FakeScenario } from './fakes';
import { KEPT_WORLDS } from '../../src/host/replication-worker';

function setup(options: { pollCancelled?: () => Iterable<number>; onStep?: (step: number) => void } = {}) {
  const sent: FromWorker[] = [];
  const { simulator, stats } = fakeSimulator({ ...(options.onStep ? { onStep: options.onStep } : {}) });
  const host = createSimHost({ simulator, post: (m) => sent.push(m), ...(options.pollCancelled ? { pollCancelled: options.pollCancelled } : {}) });
  const replies = () => sent.filter((m) => m.type === 'reply');
  return { host, sent, replies, stats };
}

const run = (id: number, scenario: FakeScenario | unknown, extra: Record<string, unknown> = {}) => ({
  type: 'call',
  id,
  call: 'run',
  request: { scenario, replication: 0, seed: 5, ...extra },
});

describe('sim-worker loop', () => {
  it('answers version with the simulator version', async () => {
    const { host, sent } = setup();
    await host.receive({ type: 'call', id: 1, call: 'version', request: {} });
    expect(sent, 'one reply carrying the version').toEqual([{ type: 'reply', id: 1, call: 'version', ok: true, value: { sim: 'fake-1' } }]);
  });

  it('runs a replication, streams progress, and replies with the results', async () => {
    const { host, sent } = setup();
    await host.receive(run(2, { name: 'a', steps: 4 }, { replication: 2 }));
    const progress = sent.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.progress : -1));
    expect(progress, 'a progress message per step').toEqual([0.25, 0.5, 0.75, 1]);
    const reply = sent.at(-1)!;
    expect(reply.type === 'reply' && reply.ok && reply.call === 'run' && reply.value.results.calls.offered, 'seed 5 + replication 2').toBe(107);
  });

  it('throttles progress to steps of at least progressStep', async () => {
    const sent: FromWorker[] = [];
    const host = createSimHost({ simulator: fakeSimulator().simulator, post: (m) => sent.push(m), progressStep: 0.3 });
    await host.receive(run(1, { name: 'a', steps: 10 }));
    const progress = sent.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.progress : -1));
    expect(progress, 'first, then every >= 0.3, and always the end').toEqual([0.1, 0.4, 0.7, 1]);
  });

  it('reuses the world for replications and resourcing variants, and rebuilds for other places', async () => {
    const { host, stats } = setup();
    await host.receive(run(1, { name: 'a', areas: { source: 'x' } }));
    await host.receive(run(2, { name: 'a', areas: { source: 'x' } }, { replication: 1 }));
    expect(stats.worldsBuilt, 'same scenario: one world').toBe(1);
    await host.receive(run(3, { name: 'b', areas: { source: 'x' }, fleet: [{ station: 'A', count: 0 }] }));
    expect(stats.worldsBuilt, 'another fleet and name on the same places: the same world').toBe(1);
    await host.receive(run(4, { name: 'b', areas: { source: 'y' } }));
    expect(stats.worldsBuilt, 'other areas: a new world').toBe(2);
    await host.receive(run(5, { name: 'b', areas: { source: 'y' }, travel: { mode: 'road' } }));
    expect(stats.worldsBuilt, 'other travel: a new world').toBe(3);
  });

  it('keeps a few worlds: scenarios of other world specs in turn (a comparison) build each once, the least recently used goes first', async () => {
    const { host, stats } = setup();
    const spec = (source: string) => ({ name: source, areas: { source } });
    let id = 1;
    for (let round = 0; round < 3; round++) {
      await host.receive(run(id++, spec('base')));
      await host.receive(run(id++, spec('variant')));
    }
    expect(stats.worldsBuilt, 'baseline and variant in turn: one world each').toBe(2);
    await host.receive(run(id++, spec('third')));
    await host.receive(run(id++, spec('base')));
    expect(stats.worldsBuilt, `a third spec: kept beside the two (${KEPT_WORLDS} kept)`).toBe(3);
    await host.receive(run(id++, spec('fourth')));
    await host.receive(run(id++, spec('base')));
    await host.receive(run(id++, spec('third')));
    expect(stats.worldsBuilt, 'a fourth spec let go of the least recently used (variant), not base or third').toBe(4);
    await host.receive(run(id++, spec('variant')));
    expect(stats.worldsBuilt, 'variant was let go: built again').toBe(5);
  });

  it('replies invalid-scenario with every error, as a value', async () => {
    const { host, replies } = setup();
    await host.receive(run(4, { title: 'no name' }));
    expect(replies()).toEqual([
      { type: 'reply', id: 4, call: 'run', ok: false, error: { kind: 'invalid-scenario', errors: [{ path: 'name', message: 'expected a string' }] } },
    ]);
  });

  it('turns an exception in the simulator into a failed reply with its message and stack', async () => {
    const { host, replies } = setup();
    await host.receive(run(5, { name: 'x', fail: 'throw' }));
    const reply = replies()[0]!;
    expect(reply.ok, 'a reply, not an uncaught error').toBe(false);
    if (reply.ok) return;
    expect(reply.error.kind).toBe('failed');
    expect(reply.error.kind === 'failed' && reply.error.message).toBe('boom in x');
    expect(reply.error.kind === 'failed' && reply.error.stack, 'stack kept for the crash report').toContain('boom in x');
  });

  it('reports a scenario problem found while building the world as invalid-scenario', async () => {
    const { host, replies } = setup();
    await host.receive(run(3, { name: 'z', fail: 'area' }));
    expect(replies()).toEqual([
      { type: 'reply', id: 3, call: 'run', ok: false, error: { kind: 'invalid-scenario', errors: [{ path: 'areas', message: 'unknown area in z' }] } },
    ]);
  });

  it('reports a failed world build and does not cache it', async () => {
    const { host, replies, stats } = setup();
    await host.receive(run(1, { name: 'w', fail: 'world' }));
    await host.receive(run(2, { name: 'w', fail: 'world' }));
    expect(replies().map((r) => !r.ok && r.error.kind === 'failed' && r.error.message)).toEqual(['no data for w', 'no data for w']);
    expect(stats.worldsBuilt, 'the failed build was retried').toBe(2);
  });

  it('stops a run when a cancel is polled synchronously during it', async () => {
    const pending: number[] = [];
    const { host, replies } = setup({
      pollCancelled: () => pending.splice(0),
      onStep: (step) => {
        if (step === 3) pending.push(9);
      },
    });
    await host.receive(run(9, { name: 'c', steps: 10 }));
    expect(replies()).toEqual([{ type: 'reply', id: 9, call: 'run', ok: false, error: { kind: 'cancelled' } }]);
  });

  it('ignores polled cancels for calls not in flight', async () => {
    const pending = [1, 2, 3];
    const { host, replies } = setup({ pollCancelled: () => pending.splice(0) });
    await host.receive(run(4, { name: 'c' }));
    expect(replies()[0]!.ok, 'call 4 was not cancelled').toBe(true);
  });

  it('honours a cancel message that arrives while the world is being built', async () => {
    const { host, replies } = setup();
    const done = host.receive(run(6, { name: 'slow' }));
    await host.receive({ type: 'cancel', id: 6 });
    await done;
    expect(replies()).toEqual([{ type: 'reply', id: 6, call: 'run', ok: false, error: { kind: 'cancelled' } }]);
  });

  it('rejects messages that are not ToWorker, naming the field', async () => {
    const { host, sent } = setup();
    await host.receive('hello');
    await host.receive({ type: 'call', id: 'x', call: 'run', request: {} });
    await host.receive({ type: 'shout', id: 3 });
    await host.receive({ type: 'call', id: 3, call: 'fly', request: {} });
    expect(sent.map((m) => (m.type === 'rejected' ? m.reason : m.type))).toEqual([
      'expected a message object, got string',
      'message.id: expected an integer, got "x"',
      "message.type: expected 'call' or 'cancel', got \"shout\"",
      'message.call: expected one of version, run, liveOpen, liveAdvance, liveTrainer, liveClose, snap, got "fly"',
    ]);
  });

  it('answers a malformed call it can name with a failed reply, so no caller waits forever', async () => {
    const { host, sent } = setup();
    await host.receive({ type: 'call', id: 8, call: 'run', request: { scenario: {}, replication: -1 } });
    expect(sent).toEqual([
      {
        type: 'reply',
        id: 8,
        call: 'run',
        ok: false,
        error: { kind: 'failed', message: "bad worker message: message.request.replication: expected an integer >= 0 (call 'run', id 8)" },
      },
    ]);
  });
});
