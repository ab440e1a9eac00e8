import { describe, expect, it } from 'vitest';
import type { Call } from '../../../src/sim/model/call';
import { CallTable } from '../../../src/sim/model/call-table';
import { streamRng } from '../../../src/sim/random/rng';

const call = (id: number) => ({ id }) as unknown as Call;

describe('CallTable', () => {
  it('answers as a Map would for calls arriving in id order and ending in any order', () => {
    const rng = streamRng(1, 'call-table-test');
    const table = new CallTable();
    const map = new Map<number, Call>();
    let next = 0;
    for (let step = 0; step < 60000; step++) {
      const u = rng.next();
      if (u < 0.5 || map.size === 0) {
        const c = call(next++);
        table.set(c.id, c);
        map.set(c.id, c);
      } else {
        // End a random live call: mostly a recent one, now and then one of the oldest.
        const ids = [...map.keys()];
        const id = u < 0.52 ? ids[0]! : ids[Math.floor(rng.next() * ids.length)]!;
        expect(table.delete(id)).toBe(true);
        map.delete(id);
        expect(table.delete(id), 'a second delete').toBe(false);
      }
      if (step % 997 === 0) {
        expect([...table.values()]).toEqual([...map.values()]);
        expect(table.size).toBe(map.size);
      }
      const probe = Math.floor(rng.next() * (next + 10)) - 5;
      expect(table.get(probe)).toBe(map.get(probe));
      expect(table.has(probe)).toBe(map.has(probe));
    }
  });

  it('finds nothing for ids that are not whole numbers, and refuses to store them', () => {
    const table = new CallTable();
    table.set(0, call(0));
    expect(table.get(0.5)).toBeUndefined();
    expect(table.get(Number.NaN)).toBeUndefined();
    expect(table.get(-1)).toBeUndefined();
    expect(() => table.set(1.5, call(1))).toThrow(/whole number/);
  });

  it('keeps an old call while later chunks come and go, and takes ids below the first one', () => {
    const table = new CallTable();
    const old = call(5003);
    table.set(5003, old);
    for (let id = 5004; id < 45000; id++) {
      table.set(id, call(id));
      table.delete(id);
    }
    expect(table.get(5003)).toBe(old);
    expect([...table.values()]).toEqual([old]);
    const older = call(1);
    table.set(1, older);
    expect([...table.values()]).toEqual([older, old]);
    expect(table.delete(5003)).toBe(true);
    expect(table.delete(1)).toBe(true);
    expect(table.size).toBe(0);
  });
});
