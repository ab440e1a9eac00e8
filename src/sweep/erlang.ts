/**
 * Erlang C (M/M/c): the analytic screen of the optimiser (./screen.ts). Loads in Erlangs (arrival
 * rate times mean service time), waits in units of the mean service time.
 */

/** P(an arrival waits) in an M/M/c queue offered `a` Erlangs; 1 when c <= a (no steady state). */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (c <= a) return 1;
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** P(wait <= t) in an M/M/c queue offered `a` Erlangs, `t` in mean service times; 0 when c <= a. */
export function erlangCWithin(c: number, a: number, t: number): number {
  if (a <= 0) return 1;
  if (c <= a) return 0;
  return 1 - erlangC(c, a) * Math.exp(-(c - a) * Math.max(0, t));
}

/** The smallest c with P(wait <= t) >= p (p in 0..1), at most `max`; null when even `max` is not enough. */
export function smallestServers(a: number, t: number, p: number, max = 100_000): number | null {
  if (a <= 0) return 0;
  for (let c = Math.max(1, Math.floor(a) + 1); c <= max; c++) if (erlangCWithin(c, a, t) >= p) return c;
  return null;
}
