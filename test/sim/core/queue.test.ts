import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/sim/core/queue';
import { streamRng } from '../../../src/sim/random/rng';

function drain(q: EventQueue): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (q.pop()) out.push([q.popTime, q.popKind, q.popA]);
  return out;
}

describe('event queue', () => {
  it('orders by time, then priority, then the order events were scheduled', () => {
    const q = new EventQueue(2);
    q.push(5, 1, 10, 0, 0);
    q.push(5, 0, 11, 0, 0);
    q.push(1, 9, 12, 0, 0);
    q.push(5, 1, 13, 0, 0);
    q.push(5, 0, 14, 0, 0);
    expect(drain(q).map(([, kind]) => kind)).toEqual([12, 11, 14, 10, 13]);
  });

  it('matches a sorted reference on 20,000 random events with many ties, growing as needed', () => {
    const rng = streamRng(5, 'queue-test');
    const q = new EventQueue(4);
    const ref: { t: number; p: number; seq: number }[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = Math.floor(rng.next() * 500);
      const p = Math.floor(rng.next() * 4);
      q.push(t, p, 0, i, 0);
      ref.push({ t, p, seq: i });
    }
    ref.sort((a, b) => a.t - b.t || a.p - b.p || a.seq - b.seq);
    expect(drain(q).map(([, , a]) => a)).toEqual(ref.map((r) => r.seq));
  });

  it('interleaves pushes and pops correctly', () => {
    const q = new EventQueue();
    q.push(10, 0, 0, 1, 0);
    q.push(3, 0, 0, 2, 0);
    q.pop();
    expect(q.popA).toBe(2);
    q.push(4, 0, 0, 3, 0);
    q.push(12, 0, 0, 4, 0);
    expect(drain(q).map(([, , a]) => a)).toEqual([3, 1, 4]);
    expect(q.pop(), 'empty').toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('refuses NaN times and out-of-range priorities', () => {
    const q = new EventQueue();
    expect(() => q.push(NaN, 0, 3, 0, 0)).toThrow(/NaN/);
    expect(() => q.push(1, 5000, 3, 0, 0)).toThrow(/priority/);
  });
});
