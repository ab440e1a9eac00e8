/**
 * Our event queue and random generator against well-kept libraries (flatqueue, pure-rand), so the
 * choice to keep our own in `src/sim` (which may import no packages) rests on figures.
 *
 * Queue: the hold model. HELD events sit in the queue; each step pops the next event and schedules
 * one more at its time plus an exponential increment (mean 600 s), as a simulation does. Two
 * workloads: times on a 2^-10 s grid ("spread": about 8 % of pops share the previous pop's time)
 * and times in whole seconds ("ties": about 99 % do, so priority and sequence decide the order).
 * Both queues must pop the same event ids in the same order, or the bench throws (a flatqueue
 * keyed by time alone fails that check on both workloads).
 *
 * RNG: uniform doubles in [0, 1) with 53 random bits from one stream, the same count from each.
 * Each figure is the best of ROUNDS timed runs, alternating which library goes first.
 */
import FlatQueue from 'flatqueue';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Report } from './run';
import { EventQueue } from '../src/sim/core/queue';
import { streamRng } from '../src/sim/random/rng';

/** Events in the queue throughout (the hold model keeps the size constant). */
const HELD = 100_000;
/** Timed pop+push pairs per workload. */
const STEPS = 2_000_000;
/** Untimed pop+push pairs first, so both queues are measured with warm (optimised) code. */
const WARM_STEPS = 200_000;
/** Timed runs of each, alternating which goes first; the best of each is reported (the machine is shared). */
const ROUNDS = 2;
/** Mean increment between an event and the one it schedules, seconds. */
const MEAN_GAP_S = 600;
/** Priorities used: 0..3 (ours allows 0..4095; four is what the simulator's handlers use about). */
const PRIORITY_MASK = 3;

/**
 * flatqueue orders by one number, so it gets the composite integer key
 * `ticks * 2^24 + priority * 2^22 + sequence`, which orders exactly as our (time, priority,
 * sequence) while times are whole ticks, priority < 4, sequence < 2^22 and the key < 2^53.
 * The workload keeps all times on the tick grid (sums of grid multiples are exact in a double) and
 * `compositeKey` throws if any bound is broken, so the comparison is of the same total order.
 */
const SEQ_BITS = 22;
const SEQ_SPAN = 2 ** SEQ_BITS;
const TICK_SPAN = 2 ** (SEQ_BITS + 2);

function compositeKey(ticks: number, priority: number, seq: number): number {
  const key = ticks * TICK_SPAN + priority * SEQ_SPAN + seq;
  if (seq >= SEQ_SPAN || !Number.isSafeInteger(key)) {
    throw new Error(`composite key not exact (ticks ${ticks}, priority ${priority}, seq ${seq})`);
  }
  return key;
}

/** The pre-drawn workload: the same numbers for both queues, drawn outside the timed loops. */
interface Workload {
  /** Length of one time tick, seconds (a power of two, so grid times are exact doubles). */
  tickS: number;
  /** Increments, whole ticks; event i (i >= HELD) is scheduled gapTicks[i] after the pop before it. */
  gapTicks: Float64Array;
  /** Total events scheduled: HELD initial plus one per step. */
  events: number;
}

function workload(tickS: number, steps: number): Workload {
  const rng = streamRng(20240601, `bench-libraries-queue-${tickS}`);
  const events = HELD + steps;
  const gapTicks = new Float64Array(events);
  for (let i = 0; i < events; i++) gapTicks[i] = Math.floor((-Math.log(rng.nextOpen()) * MEAN_GAP_S) / tickS);
  return { tickS, gapTicks, events };
}

/** Runs the hold model on our queue; writes popped ids into `order`; returns events per second. */
function holdOurs(w: Workload, order: Int32Array): number {
  const q = new EventQueue(HELD + 1);
  // Initial events at time = their increment; event id = sequence number (ours counts the same way).
  for (let id = 0; id < HELD; id++) q.push(w.gapTicks[id]! * w.tickS, id & PRIORITY_MASK, 1, id, 0);
  const t0 = performance.now();
  for (let id = HELD; id < w.events; id++) {
    q.pop();
    // Read the event's data as a handler would; the check also keeps the reads live.
    if (q.popKind !== 1 || q.popB !== 0) throw new Error(`ours: event ${q.popA} came back altered`);
    order[id - HELD] = q.popA;
    q.push(q.popTime + w.gapTicks[id]! * w.tickS, id & PRIORITY_MASK, 1, id, 0);
  }
  return (w.events - HELD) / ((performance.now() - t0) / 1000);
}

/**
 * The same on flatqueue. An event's time, kind and two arguments live in side arrays indexed by
 * its id (as a simulator would need: flatqueue carries only an id and a number), so both queues
 * carry the same event data. The side arrays are never recycled (one slot per event ever
 * scheduled), which spares flatqueue the free list a long simulation would need.
 */
function holdFlatqueue(w: Workload, order: Int32Array): number {
  const q = new FlatQueue<number>(HELD + 1);
  const timeS = new Float64Array(w.events);
  const kind = new Int32Array(w.events);
  const argA = new Int32Array(w.events);
  const argB = new Int32Array(w.events);
  const schedule = (id: number, ticks: number): void => {
    timeS[id] = ticks * w.tickS;
    kind[id] = 1;
    argA[id] = id;
    argB[id] = 0;
    q.push(id, compositeKey(ticks, id & PRIORITY_MASK, id));
  };
  for (let id = 0; id < HELD; id++) schedule(id, w.gapTicks[id]!);
  const t0 = performance.now();
  for (let id = HELD; id < w.events; id++) {
    const popped = q.pop()!;
    // Read the event's data as a handler would (ours hands it over in popTime/popKind/popA/popB).
    const at = timeS[popped]!;
    if (kind[popped] !== 1 || argB[popped] !== 0) throw new Error(`flatqueue: event ${popped} came back altered`);
    order[id - HELD] = argA[popped]!;
    schedule(id, at / w.tickS + w.gapTicks[id]!);
  }
  return (w.events - HELD) / ((performance.now() - t0) / 1000);
}

function samePops(name: string, ours: Int32Array, theirs: Int32Array): void {
  for (let i = 0; i < ours.length; i++) {
    if (ours[i] !== theirs[i]) {
      throw new Error(`${name}: pop ${i} differs: ours event ${ours[i]}, flatqueue event ${theirs[i]}`);
    }
  }
}

function queueWorkload(report: Report, label: string, tickS: number): void {
  const warm = workload(tickS, WARM_STEPS);
  const warmOurs = new Int32Array(WARM_STEPS);
  const warmTheirs = new Int32Array(WARM_STEPS);
  holdOurs(warm, warmOurs);
  holdFlatqueue(warm, warmTheirs);
  samePops(`queue ${label} warm-up`, warmOurs, warmTheirs);

  const w = workload(tickS, STEPS);
  const ordOurs = new Int32Array(STEPS);
  const ordTheirs = new Int32Array(STEPS);
  let ours = 0, theirs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always runs after the other's garbage or heat.
    if (round % 2 === 0) {
      ours = Math.max(ours, holdOurs(w, ordOurs));
      theirs = Math.max(theirs, holdFlatqueue(w, ordTheirs));
    } else {
      theirs = Math.max(theirs, holdFlatqueue(w, ordTheirs));
      ours = Math.max(ours, holdOurs(w, ordOurs));
    }
    samePops(`queue ${label}`, ordOurs, ordTheirs);
  }
  report(`libraries queue ${label} ours`, ours, 'events/s');
  report(`libraries queue ${label} flatqueue`, theirs, 'events/s');
  report(`libraries queue ${label} ratio ours / flatqueue`, ours / theirs, 'x');
}

/** Uniform doubles drawn per timed run. */
const DRAWS = 20_000_000;

/** Throws unless every draw was in [0, 1) and their mean is near 1/2 (and keeps the loop live). */
function checkDraws(name: string, sum: number, min: number, max: number): void {
  const mean = sum / DRAWS;
  if (!(min >= 0 && max < 1 && Math.abs(mean - 0.5) < 0.001)) {
    throw new Error(`${name}: draws not uniform in [0, 1): min ${min}, max ${max}, mean ${mean}`);
  }
}

/**
 * Ours: sfc32 through `Rng.next()` (two 32-bit outputs, 53 bits). What matters beyond speed: a
 * stream is named by purpose (`streamRng(seed, "arrivals:999")`), so using one purpose more never
 * shifts another's numbers (common random numbers between a baseline and a variant), and it is
 * 32-bit integer arithmetic only, so the numbers are byte-identical on every host and engine.
 */
function rngOurs(): number {
  const rng = streamRng(42, 'bench-libraries-rng');
  let sum = 0, min = 1, max = 0;
  const t0 = performance.now();
  for (let i = 0; i < DRAWS; i++) {
    const x = rng.next();
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const perS = DRAWS / ((performance.now() - t0) / 1000);
  checkDraws('rng ours', sum, min, max);
  return perS;
}

/**
 * pure-rand: its recommended generator (xoroshiro128+) with its documented double distribution
 * `uniformFloat64` (also two 32-bit outputs, 53 bits). Its generators mutate in place since v8, the
 * fastest way it offers. Independent streams there come from `jump()` (2^64 steps), not by name.
 */
function rngPureRand(): number {
  const rng = xoroshiro128plus(42);
  let sum = 0, min = 1, max = 0;
  const t0 = performance.now();
  for (let i = 0; i < DRAWS; i++) {
    const x = uniformFloat64(rng);
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const perS = DRAWS / ((performance.now() - t0) / 1000);
  checkDraws('rng pure-rand', sum, min, max);
  return perS;
}

export default function (report: Report): Promise<void> {
  queueWorkload(report, 'spread', 2 ** -10);
  queueWorkload(report, 'ties', 1);

  // One untimed pass each first, so both are measured with optimised code.
  rngOurs();
  rngPureRand();
  let ours = 0, theirs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      ours = Math.max(ours, rngOurs());
      theirs = Math.max(theirs, rngPureRand());
    } else {
      theirs = Math.max(theirs, rngPureRand());
      ours = Math.max(ours, rngOurs());
    }
  }
  report('libraries rng ours', ours, 'numbers/s');
  report('libraries rng pure-rand', theirs, 'numbers/s');
  report('libraries rng ratio ours / pure-rand', ours / theirs, 'x');
  return Promise.resolve();
}
