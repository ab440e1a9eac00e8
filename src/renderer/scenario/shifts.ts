/**
 * Shift patterns (MODEL.md `shifts`): start times and lengths, and the cover they give over the
 * day. Shifts repeat daily at their local start (MODEL-ADDITIONS "Time"). Pure functions.
 */
import type { RawScenario } from '../store/scenario-slice';
import { arr, isObj, num, type Obj } from './raw';

export interface ShiftRow {
  readonly id: string;
  /** "HH:MM" */
  readonly start: string;
  readonly hours: number;
}

export function readShifts(raw: RawScenario): ShiftRow[] {
  return arr(raw.shifts).flatMap((s): ShiftRow[] => (isObj(s) && typeof s.id === 'string' ? [{ id: s.id, start: typeof s.start === 'string' ? s.start : '00:00', hours: num(s.hours) }] : []));
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function withShift(raw: RawScenario, id: string, change: (s: Obj) => Obj): RawScenario {
  const shifts = arr(raw.shifts);
  const i = shifts.findIndex((s) => isObj(s) && s.id === id);
  if (i < 0) throw new Error(`no shift "${id}" in the scenario`);
  const before = shifts[i] as Obj;
  const after = change(before);
  if (JSON.stringify(after) === JSON.stringify(before)) return raw;
  const next = [...shifts];
  next[i] = after;
  return { ...raw, shifts: next };
}

/** Sets shift `id`'s local start, "HH:MM" (00:00 to 23:59). */
export function setShiftStart(raw: RawScenario, id: string, start: string): RawScenario {
  if (!TIME.test(start)) throw new Error(`shift ${id}: expected a start time HH:MM from 00:00 to 23:59, got "${start}"`);
  return withShift(raw, id, (s) => ({ ...s, start }));
}

/** Sets shift `id`'s length in hours (above 0, at most 24; quarter hours). */
export function setShiftHours(raw: RawScenario, id: string, hours: number): RawScenario {
  if (!(hours > 0 && hours <= 24) || !Number.isInteger(hours * 4)) throw new Error(`shift ${id}: expected a length above 0 and at most 24 hours, in quarter hours, got ${hours}`);
  return withShift(raw, id, (s) => ({ ...s, hours }));
}

export interface CoverSpan {
  /** first minute of the day (0-1439) */
  readonly fromMin: number;
  /** minute after the last, may pass 1440 when the span runs past midnight */
  readonly toMin: number;
  /** shifts on duty in it */
  readonly shifts: readonly string[];
}

export interface Cover {
  /** minutes of the day no shift covers */
  readonly gaps: readonly CoverSpan[];
  /** minutes two or more shifts cover */
  readonly overlaps: readonly CoverSpan[];
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Gaps and overlaps in the day's cover by the shifts, as spans of minutes (a span through
 * midnight is one span). A scenario without shifts (round the clock) has neither.
 */
export function shiftCover(raw: RawScenario): Cover {
  const shifts = readShifts(raw);
  if (shifts.length === 0) return { gaps: [], overlaps: [] };
  const on: string[][] = Array.from({ length: 1440 }, () => []);
  for (const s of shifts) {
    const from = minutes(s.start);
    for (let m = 0; m < Math.round(s.hours * 60); m++) on[(from + m) % 1440]!.push(s.id);
  }
  const spans = (test: (ids: string[]) => boolean): CoverSpan[] => {
    const out: { fromMin: number; toMin: number; shifts: string[] }[] = [];
    for (let m = 0; m < 1440; m++) {
      if (!test(on[m]!)) continue;
      const key = on[m]!.join(',');
      const last = out.at(-1);
      if (last && last.toMin === m && last.shifts.join(',') === key) last.toMin = m + 1;
      else out.push({ fromMin: m, toMin: m + 1, shifts: [...on[m]!] });
    }
    // Join the span ending at midnight with the one starting at 00:00.
    const first = out[0];
    const last = out.at(-1);
    if (out.length > 1 && first!.fromMin === 0 && last!.toMin === 1440 && first!.shifts.join(',') === last!.shifts.join(',')) {
      last!.toMin = 1440 + first!.toMin;
      out.shift();
    }
    return out;
  };
  return { gaps: spans((ids) => ids.length === 0), overlaps: spans((ids) => ids.length > 1) };
}

/** "HH:MM" of a minute of the day (wrapping past midnight). */
export function clockOf(min: number): string {
  const m = ((min % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A warning line per gap and overlap, with the hours affected; empty when cover is exact. */
export function coverWarnings(cover: Cover): string[] {
  const hours = (s: CoverSpan) => {
    const h = (s.toMin - s.fromMin) / 60;
    return `${Number.isInteger(h) ? h : h.toFixed(2).replace(/0$/, '')} h`;
  };
  return [
    ...cover.gaps.map((g) => `Gap: no shift on duty ${clockOf(g.fromMin)}-${clockOf(g.toMin)} (${hours(g)}): no units and no call takers then.`),
    ...cover.overlaps.map((o) => `Overlap: ${o.shifts.join(' and ')} both on duty ${clockOf(o.fromMin)}-${clockOf(o.toMin)} (${hours(o)}): their units and call takers add up then.`),
  ];
}
