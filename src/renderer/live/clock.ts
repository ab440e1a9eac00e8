/**
 * The simulated clock as the live controls show it, and the instant the map draws between frames.
 * Simulation time is seconds since the scenario start, a Monday 00:00 unless the scenario's `start`
 * says otherwise (MODEL.md); clock changes are not modelled (every day has 24 hours).
 */
import type { LiveSpeed } from '../../shared/protocol';

const DAY_S = 86400;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Seconds from the Monday 00:00 before `start` to `start` ("YYYY-MM-DDTHH:MM[:SS]"); 0 without one. */
export function weekOffsetS(start: unknown): number {
  if (typeof start !== 'string') return 0;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(start);
  if (!m) return 0;
  const [y, mo, d, hh, mm, ss] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const monday0 = (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7;
  return monday0 * DAY_S + hh * 3600 + mm * 60 + ss;
}

export interface ClockLabel {
  /** "Mon 07:32:05" */
  readonly time: string;
  /** "Day 1" of the counted period, or "Warm-up" before it starts */
  readonly day: string;
}

/** The clock at simulation time `tS` of a scenario starting `offsetS` after a Monday 00:00. */
export function clockLabel(tS: number, offsetS: number): ClockLabel {
  const whole = Math.floor(tS);
  const inWeek = (((whole + offsetS) % (7 * DAY_S)) + 7 * DAY_S) % (7 * DAY_S);
  const weekday = DAYS[Math.floor(inWeek / DAY_S)]!;
  const s = inWeek % DAY_S;
  const pad = (x: number) => String(x).padStart(2, '0');
  const time = `${weekday} ${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return { time, day: tS < 0 ? 'Warm-up' : `Day ${Math.floor(tS / DAY_S) + 1}` };
}

/** Wall seconds of simulated time the map may run ahead of the last frame (frames come every 0.1 s). */
export const MAX_AHEAD_WALL_S = 0.35;

/**
 * The simulation time to draw at wall time `nowMs`: the last frame's time, run on at the playing
 * speed for at most MAX_AHEAD_WALL_S (frames come about every 0.1 s; if they stop, so does the map).
 * "As fast as possible" has no rate to run on at: it shows each frame as it comes.
 */
export function drawTime(frame: { tS: number; playing: boolean; speed: LiveSpeed; finished: boolean }, receivedAtMs: number, nowMs: number): number {
  if (!frame.playing || frame.finished || frame.speed === 'max') return frame.tS;
  const ahead = Math.min(Math.max(0, (nowMs - receivedAtMs) / 1000), MAX_AHEAD_WALL_S);
  return frame.tS + frame.speed * ahead;
}
