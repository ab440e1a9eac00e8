import { describe, expect, it } from 'vitest';
import { SimCore, type Handler } from '../../../src/sim/core/core';
import { EV, EVENT_KINDS } from '../../../src/sim/model/event-kinds';
import { HANDLERS } from '../../../src/sim/model/handlers';

describe('SimCore', () => {
  const kinds = [
    { name: 'late', priority: 9 },
    { name: 'early', priority: 1 },
  ];

  it('runs the handler of each event kind on the state, in time then priority then scheduling order', () => {
    const seen: string[] = [];
    const handlers: Handler<string[]>[] = [
      (s, a, b) => {
        s.push(`late ${a} ${b}`);
        return true;
      },
      (s, a) => {
        s.push(`early ${a}`);
        return a !== 3; // stale
      },
    ];
    const core = new SimCore(kinds, handlers, -10);
    expect(core.now).toBe(-10);
    core.schedule(5, 0, 1, 2);
    core.schedule(5, 1, 2);
    core.schedule(1, 0, 7, 8);
    core.schedule(5, 1, 3);
    const verdicts: boolean[] = [];
    const times: number[] = [];
    while (core.peekTime() < Infinity) {
      core.pop();
      times.push(core.now);
      verdicts.push(core.handle(seen));
    }
    expect(seen).toEqual(['late 7 8', 'early 2', 'early 3', 'late 1 2']);
    expect(times).toEqual([1, 5, 5, 5]);
    expect(verdicts).toEqual([true, true, false, true]);
    expect(core.events).toBe(4);
    expect(core.scheduled).toBe(4);
  });

  it('refuses a handler table that does not match the kinds table', () => {
    expect(() => new SimCore(kinds, [() => true], 0)).toThrow(/2 event kinds but 1 handlers/);
  });
});

describe('the model event kinds', () => {
  it('gives every kind its code by position, a distinct name and priority, and a handler', () => {
    EVENT_KINDS.forEach((k, code) => expect(EV[k.key], k.key).toBe(code));
    expect(new Set(EVENT_KINDS.map((k) => k.name)).size).toBe(EVENT_KINDS.length);
    expect(new Set(EVENT_KINDS.map((k) => k.priority)).size).toBe(EVENT_KINDS.length);
    expect(HANDLERS).toHaveLength(EVENT_KINDS.length);
    for (const h of HANDLERS) expect(typeof h).toBe('function');
  });

  it('orders work at one instant: shifts change, then work finishes, then arrivals, then one dispatch pass', () => {
    const p = (key: keyof typeof EV) => EVENT_KINDS[EV[key]]!.priority;
    expect(p('SHIFT_END')).toBeLessThan(p('UNIT_AT_BASE'));
    expect(p('UNIT_CUSTODY_END')).toBeLessThan(p('HANDLING_END'));
    expect(p('DISPATCHABLE')).toBeLessThan(p('ARRIVAL'));
    expect(Math.max(...EVENT_KINDS.map((k) => k.priority))).toBe(p('DISPATCH'));
  });
});
