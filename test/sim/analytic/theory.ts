/**
 * Exact queueing results the analytic checks compare the simulator with, computed here from first
 * principles (no tables): Erlang C, Erlang A (by its birth-death chain), and Larson's hypercube
 * model with an infinite FCFS queue (by its balance equations).
 */

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = lambda/mu < c. */
export function erlangC(c: number, a: number): number {
  if (!(a < c)) throw new Error(`Erlang C needs a < c, got a=${a}, c=${c}`);
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c: mean wait in queue and P(wait <= t), all arrivals counted. */
export function mmc(c: number, lambda: number, mu: number): { pWait: number; meanWaitS: number; pWithin: (t: number) => number; utilisation: number } {
  const a = lambda / mu;
  const pWait = erlangC(c, a);
  const rate = c * mu - lambda;
  return { pWait, meanWaitS: pWait / rate, pWithin: (t) => 1 - pWait * Math.exp(-rate * t), utilisation: a / c };
}

/**
 * Erlang A (M/M/c+M): the stationary distribution of the number in system (birth rate lambda,
 * death rate min(n, c) mu + max(n - c, 0) theta), truncated where the terms vanish. Returns the
 * share of callers who abandon and the mean wait of all callers (answered or not: Little's law
 * on the queue gives the mean time spent waiting by a caller).
 */
export function erlangA(c: number, lambda: number, mu: number, theta: number): { pAbandon: number; meanQueue: number } {
  const p: number[] = [1];
  for (let n = 1; n < 100000; n++) {
    const death = Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
    p.push((p[n - 1]! * lambda) / death);
    if (n > c && p[n]! < 1e-18 * p[c]!) break;
  }
  const total = p.reduce((x, y) => x + y, 0);
  let abandonRate = 0;
  let queue = 0;
  p.forEach((w, n) => {
    const q = Math.max(n - c, 0);
    abandonRate += (w / total) * q * theta;
    queue += (w / total) * q;
  });
  return { pAbandon: abandonRate / lambda, meanQueue: queue };
}

/**
 * Larson's hypercube model with an infinite FCFS queue: N units, atoms with arrival rates, each
 * atom's fixed preference list of units; an arrival takes the first free unit of its list, or
 * queues when all are busy; service times exponential with rate mu for every unit. Returns each
 * unit's workload (fraction of time busy).
 *
 * The 2^N binary states' balance equations are solved exactly (Gaussian elimination); the queue
 * states hang off the all-busy state as an M/M/N tail: in balance, flow into the queue equals
 * flow out, so within the 2^N states an arrival in the all-busy state is a self-loop, and the
 * tail's probability is P(all busy) x r / (1 - r) with r = lambda / (N mu), all units busy there.
 */
export function hypercube(units: number, atomRates: readonly number[], preference: readonly (readonly number[])[], mu: number): number[] {
  const S = 1 << units;
  const full = S - 1;
  const lambda = atomRates.reduce((a, b) => a + b, 0);
  // Generator matrix Q (rows: from, cols: to); solve pi Q = 0 with sum pi = 1.
  const Q = Array.from({ length: S }, () => new Array<number>(S).fill(0));
  for (let s = 0; s < S; s++) {
    if (s !== full) {
      atomRates.forEach((rate, j) => {
        const u = preference[j]!.find((k) => (s & (1 << k)) === 0);
        if (u === undefined) throw new Error(`atom ${j}'s preference list misses a free unit in state ${s}`);
        Q[s]![s | (1 << u)]! += rate;
      });
    }
    for (let k = 0; k < units; k++) if (s & (1 << k)) Q[s]![s & ~(1 << k)]! += mu;
    Q[s]![s] = -Q[s]!.reduce((a, b, t) => (t === s ? a : a + b), 0);
  }
  // Transpose to A x = 0, replace the last equation by sum x = 1.
  const A = Array.from({ length: S }, (_, i) => Array.from({ length: S }, (_, j) => Q[j]![i]!));
  const rhs = new Array<number>(S).fill(0);
  A[S - 1] = new Array<number>(S).fill(1);
  rhs[S - 1] = 1;
  const pi = solve(A, rhs);
  const r = lambda / (units * mu);
  if (!(r < 1)) throw new Error('hypercube: the queue is unstable');
  const tail = (pi[full]! * r) / (1 - r);
  const norm = 1 + tail;
  return Array.from({ length: units }, (_, k) => {
    let busy = tail;
    for (let s = 0; s < S; s++) if (s & (1 << k)) busy += pi[s]!;
    return busy / norm;
  });
}

/** Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r]![col]!) > Math.abs(M[pivot]![col]!)) pivot = r;
    [M[col], M[pivot]] = [M[pivot]!, M[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = M[r]![col]! / M[col]![col]!;
      for (let k = col; k <= n; k++) M[r]![k]! -= f * M[col]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}
