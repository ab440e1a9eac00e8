/**
 * Issue 14 aim 4: a warm live session opened again (same scenario, seed, days) restores the sim
 * worker's warm-up snapshot instead of running the warm-up, and opens in the same state; a
 * host-given snapshot (the browser build's prebuilt one) is used when its key matches, and a
 * damaged one is ignored (the session warms up as before).
 */
import { describe, expect, it } from 'vitest';
import small from '../../assets/scenarios/small.json';
import { createSimHost } from '../../src/host/loop';
import { realSimulator } from '../../src/host/real-simulator';
import type { Simulator } from '../../src/host/simulator';
import type { FromWorker } from '../../src/shared/protocol';
import { noBuiltInData } from '../../src/world';

const scenario = { ...small, warmupHours: 24 };

function counting() {
  const real = realSimulator(noBuiltInData) as Simulator<unknown, unknown, unknown>;
  const counts = { restored: 0, saved: 0, opened: 0 };
  const simulator: Simulator<unknown, unknown, unknown> = {
    ...real,
    openLive: (s, w, o) => {
      counts.opened++;
      if (o.snapshot !== undefined) counts.restored++;
      return real.openLive(s, w, o);
    },
    saveLive: (h) => {
      counts.saved++;
      return real.saveLive!(h);
    },
  };
  return { simulator, counts };
}

function hostOf(simulator: Simulator<unknown, unknown, unknown>, warmSnapshot?: (key: string) => Promise<string | null>) {
  const replies = new Map<number, FromWorker>();
  const host = createSimHost({ simulator, post: (m) => (m.type === 'reply' ? replies.set(m.id, m) : undefined), ...(warmSnapshot ? { warmSnapshot } : {}) });
  let id = 0;
  return async (session: string, seed?: number): Promise<string> => {
    const n = ++id;
    await host.receive({ type: 'call', id: n, call: 'liveOpen', request: { session, scenario, warm: true, ...(seed === undefined ? {} : { seed }) } });
    const reply = replies.get(n) as { ok: boolean; value?: { tS: number } };
    if (!reply?.ok) throw new Error(`liveOpen failed: ${JSON.stringify(reply)}`);
    expect(reply.value!.tS).toBe(0);
    return JSON.stringify(reply.value, (k, v: unknown) => (k === 'workMs' || k === 'session' ? 0 : v));
  };
}

describe('warm-up snapshots in the sim worker', () => {
  it('reopening the same session restores it, in the same state; another seed warms up anew', async () => {
    const { simulator, counts } = counting();
    const open = hostOf(simulator);
    const first = await open('a');
    expect(counts).toEqual({ opened: 1, restored: 0, saved: 1 });
    const again = await open('b');
    expect(counts).toEqual({ opened: 2, restored: 1, saved: 1 });
    expect(again).toBe(first);
    await open('c', 99);
    expect(counts).toEqual({ opened: 3, restored: 1, saved: 2 });
  });

  it('uses a host-given snapshot whose key matches, and warms up past a damaged one', async () => {
    const made = counting();
    const open = hostOf(made.simulator);
    const expected = await open('a');
    let text = '';
    const saver = { ...made.simulator, saveLive: (h: Parameters<NonNullable<Simulator['saveLive']>>[0]) => (text = made.simulator.saveLive!(h)!) };
    await hostOf(saver)('x');
    const given = counting();
    expect(await hostOf(given.simulator, async () => text)('b')).toBe(expected);
    expect(given.counts.restored).toBe(1);
    const damaged = counting();
    expect(await hostOf(damaged.simulator, async () => text.slice(0, -5) + 'xxxxx')('c')).toBe(expected);
    expect(damaged.counts).toEqual({ opened: 2, restored: 1, saved: 1 });
  });
});
