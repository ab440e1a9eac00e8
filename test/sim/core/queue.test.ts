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

  it('matches a sorted reference as a simulation uses it: pops interleaved with pushes from seconds to days ahead, beyond the ring and never', () => {
    const rng = streamRng(9, 'queue-calendar-test');
    const q = new EventQueue(8);
    // The reference: every pending event; the next one is its least (time, priority, seq).
    const pending: { t: number; p: number; seq: number }[] = [];
    const scales = [0, 1, 8, 60, 600, 3600, 86400, 4 * 86400];
    let seq = 0;
    let now = -3600;
    const push = (t: number, p: number) => {
      q.push(t, p, p, seq, 0);
      pending.push({ t, p, seq: seq++ });
    };
    for (let i = 0; i < 50; i++) push(now + Math.floor(rng.next() * 100), Math.floor(rng.next() * 3));
    push(Infinity, 1);
    push(Infinity, 0);
    let popped = 0;
    while (pending.length > 0) {
      // Equal times often (whole seconds; delay 0 now and then), every bucket size of delay.
      const pushes = popped < 40_000 ? Math.floor(rng.next() * 3) : 0;
      for (let j = 0; j < pushes; j++) {
        const scale = scales[Math.floor(rng.next() * scales.length)]!;
        push(now + Math.floor(rng.next() * scale), Math.floor(rng.next() * 3));
      }
      pending.sort((a, b) => a.t - b.t || a.p - b.p || a.seq - b.seq || 0);
      const want = pending.shift()!;
      expect(q.size).toBe(pending.length + 1);
      expect(q.peekTime()).toBe(want.t);
      expect(q.pop()).toBe(true);
      expect([q.popTime, q.popA]).toEqual([want.t, want.seq]);
      if (Number.isFinite(q.popTime)) now = q.popTime;
      popped++;
    }
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('matches a sorted reference when sparse events skip empty buckets with the overflow just beyond the ring', () => {
    const rng = streamRng(10, 'queue-sparse-test');
    const q = new EventQueue(8);
    const pending: { t: number; seq: number }[] = [];
    // The ring spans 8192 buckets of 8 s: delays about that long land just inside or just beyond it.
    const ringS = 8192 * 8;
    let seq = 0;
    let now = 0;
    const push = (t: number) => {
      q.push(t, 0, 0, seq, 0);
      pending.push({ t, seq: seq++ });
    };
    push(5);
    let popped = 0;
    while (pending.length > 0) {
      if (popped < 4000) {
        const u = rng.next();
        // Sparse: minutes to hours ahead, or about a ring ahead (either side of its end), whole buckets or not.
        if (u < 0.4) push(now + Math.floor(rng.next() * 7200));
        else if (u < 0.8) push(now + ringS + Math.floor((rng.next() - 0.5) * 64) + (rng.next() < 0.5 ? 0 : 0.5));
        else if (u < 0.9) push(now + 3 * ringS * rng.next());
        if (pending.length === 0 || rng.next() < 0.5) push(now + Math.floor(rng.next() * 600));
      }
      pending.sort((a, b) => a.t - b.t || a.seq - b.seq);
      const want = pending.shift()!;
      expect(q.peekTime()).toBe(want.t);
      expect(q.pop()).toBe(true);
      expect([q.popTime, q.popA]).toEqual([want.t, want.seq]);
      now = q.popTime;
      popped++;
    }
    expect(q.pop()).toBe(false);
  });

  it('keeps the order when the first events are far apart and the clock jumps over empty days', () => {
    const q = new EventQueue();
    q.push(30 * 86400, 0, 0, 1, 0);
    q.push(5, 0, 0, 2, 0);
    q.push(2 * 86400 + 0.5, 0, 0, 3, 0);
    q.push(30 * 86400, 0, 0, 4, 0);
    q.push(-100, 0, 0, 5, 0);
    const order: number[] = [];
    while (q.pop()) {
      order.push(q.popA);
      if (q.popA === 3) q.push(q.popTime + 40 * 86400, 0, 0, 6, 0);
      if (q.popA === 2) q.push(q.popTime, 0, 0, 7, 0);
    }
    expect(order).toEqual([5, 2, 7, 3, 1, 4, 6]);
  });

  it('ends, in order, with times too far for bucket steps (a trip at 1e-300 km/h takes about 1e303 s)', () => {
    // Far times first (the first bucket far), then far times arriving after ordinary ones, in the
    // ring and beyond it: each pops in (time, priority, sequence) order and the queue empties.
    for (const first of [1e303, 5]) {
      const q = new EventQueue(2);
      const times = [first, 3, 1e303, 2 ** 60, -1e300, 1e303, 100, 9e15 * 8, Infinity, 40 * 86400];
      times.forEach((t, i) => q.push(t, 0, 0, i, 0));
      const popped: number[] = [];
      while (q.pop()) {
        popped.push(q.popA);
        if (popped.length === 2) q.push(q.popTime + 1e290, 0, 0, 10, 0);
        if (popped.length === 3) q.push(q.popTime + 7, 0, 0, 11, 0);
      }
      const all = [...times, NaN, NaN];
      const want = [...all.keys()].sort((a, b) => timeOf(a) - timeOf(b) || a - b);
      function timeOf(i: number): number {
        return Number.isNaN(all[i]!) ? (i === 10 ? popTimeAfter(1) + 1e290 : popTimeAfter(2) + 7) : all[i]!;
      }
      function popTimeAfter(n: number): number {
        return [...times].sort((a, b) => a - b)[n]!;
      }
      expect(popped).toEqual(want);
      expect(q.size).toBe(0);
    }
  });
});
