import { describe, expect, it } from 'vitest';
import { IncidentLog } from '../../src/sim/model/incident-log';

const names = { areas: ['A', 'B'], units: ['u0', 'u1', 'u2'] };

/** A log of `rows` rows with values that name their row. */
function logOf(rows: number, capacity = 1024): IncidentLog {
  const log = new IncidentLog(capacity, names);
  for (let id = 0; id < rows; id++) {
    log.add(id);
    log.set('callS', id, id * 1.5);
    log.set('lon', id, -0.1 - id * 1e-6);
    log.set('lat', id, 51.5);
    if (id % 3 === 0) log.set('firstArriveS', id, id * 1.5 + 300.25);
    log.setInt('area', id, id % 2);
    log.setInt('grade', id, id % 4);
    log.setInt('unitsSent', id, id % 5);
    if (id % 3 === 0) log.setInt('firstUnit', id, id % 3);
  }
  return log;
}

describe('incident log in chunks', () => {
  it('keeps rows across chunk boundaries, as columns and as records', () => {
    // 2^16 rows a chunk: 150,000 rows take three chunks.
    const n = 150_000;
    const log = logOf(n);
    expect(log.length).toBe(n);
    for (const id of [0, 1, 65_535, 65_536, 65_537, 131_071, 131_072, n - 1]) {
      expect(log.get('callS', id)).toBe(id * 1.5);
      expect(log.getInt('grade', id)).toBe(id % 4);
      expect(Number.isNaN(log.get('answeredS', id)), 'never set: NaN').toBe(true);
      const r = log.record(id);
      expect(r.responseS).toBe(id % 3 === 0 ? 300.25 : null);
      expect(r.firstUnit).toBe(id % 3 === 0 ? names.units[0]! : null);
      expect(r.area).toBe(names.areas[id % 2]);
    }
    const cols = log.columns();
    expect(cols.rows).toBe(n);
    expect(cols.f64.callS.length).toBe(n);
    expect(cols.f64.callS[131_072]).toBe(131_072 * 1.5);
    expect(cols.i32.firstUnit[65_537]).toBe(-1);
    const back = IncidentLog.fromColumns(cols);
    expect(back.length).toBe(n);
    expect(Array.from(back.records()).slice(65_530, 65_540)).toEqual(Array.from(log.records()).slice(65_530, 65_540));
    expect(back.record(n - 1)).toEqual(log.record(n - 1));
    // A log read back grows on like any other.
    back.add(n);
    back.set('callS', n, 7);
    expect(back.get('callS', n)).toBe(7);
    expect(Number.isNaN(back.get('clearS', n))).toBe(true);
  });

  it('takes rows in order only, from any first capacity', () => {
    for (const capacity of [0, 16, 1000, 70_000]) {
      const log = logOf(70_001, capacity);
      expect(log.get('callS', 70_000)).toBe(70_000 * 1.5);
      expect(log.columns().f64.lon[65_536]).toBe(-0.1 - 65_536 * 1e-6);
    }
    const log = logOf(3);
    expect(() => log.add(5)).toThrow(/out of order/);
  });
});
