/**
 * Refreshment breaks (addition, docs/MODEL-ADDITIONS.md): with `refreshment` every unit of a shift
 * takes one break a shift, at its base. The break falls due between `earliestS` and `latestS` after
 * the shift starts, staggered evenly over the units of the shift in each BCU (so a BCU never sends
 * its whole shift to eat at once). A unit due a break that is free at base takes it at once; one
 * that is busy or driving back takes it when it is next free at base; one whose shift ends first
 * misses it. On break the unit is off the books (as off duty: neither free nor working), and
 * comes back free at its base. Break lengths are drawn when the shift starts, in unit order, from
 * a stream of their own, so dispatch never changes them. Round-the-clock units take no breaks.
 */
import { US } from '../fleet/fleet';
import { sampler, type Sampler } from '../random/distributions';
import { streamRng, type Rng } from '../random/rng';
import { EV as EV_IMPORTED } from './event-kinds';
import type { SimState } from './state';

const EV = EV_IMPORTED;

interface BreakRuntime {
  readonly duration: Sampler;
  readonly rng: Rng;
  /** Per unit: the share of the break window after which its break falls due. */
  readonly stagger: Float64Array;
  /** Per unit: 1 while a break is due and not taken. */
  readonly due: Uint8Array;
  /** Per unit: end of the shift the break belongs to (no break at or after it). */
  readonly until: Float64Array;
  /** Per unit: the length of its next break, drawn when its shift starts. */
  readonly lengthS: Float64Array;
}

const RUNTIMES = new WeakMap<SimState, BreakRuntime | null>();

function runtime(sim: SimState): BreakRuntime | null {
  let rt = RUNTIMES.get(sim);
  if (rt !== undefined) return rt;
  const spec = sim.scenario.refreshment;
  if (!spec) {
    RUNTIMES.set(sim, null);
    return null;
  }
  const f = sim.fleet;
  const stagger = new Float64Array(f.n);
  // Rank of each unit among the units of its shift and BCU, spread over the window.
  const groups = new Map<string, number[]>();
  for (let u = 0; u < f.n; u++) {
    if (f.shift[u]! < 0) continue;
    const key = `${f.shift[u]}:${f.stations[f.station[u]!]!.bcu}`;
    const list = groups.get(key) ?? [];
    list.push(u);
    groups.set(key, list);
  }
  for (const list of groups.values()) list.forEach((u, k) => (stagger[u] = (k + 0.5) / list.length));
  rt = {
    duration: sampler(spec.duration),
    rng: streamRng(sim.seed, 'refreshment'),
    stagger,
    due: new Uint8Array(f.n),
    until: new Float64Array(f.n),
    lengthS: new Float64Array(f.n),
  };
  RUNTIMES.set(sim, rt);
  return rt;
}

/** SHIFT_START of shift `j` (hook): each of its units gets its break due time and length. */
export function scheduleBreaks(sim: SimState, j: number): void {
  const rt = runtime(sim);
  if (!rt) return;
  const spec = sim.scenario.refreshment!;
  const endS = sim.now + sim.shifts[j]!.durationS;
  for (const u of sim.fleet.byShift[j]!) {
    rt.due[u] = 0;
    rt.until[u] = endS;
    rt.lengthS[u] = rt.duration(rt.rng);
    sim.schedule(sim.now + spec.earliestS + (spec.latestS - spec.earliestS) * rt.stagger[u]!, EV.BREAK_DUE, u, 0);
  }
}

/** BREAK_DUE of unit `u`: false when its shift is already over. */
export function breakDue(sim: SimState, u: number): boolean {
  const rt = runtime(sim);
  if (!rt || sim.now >= rt.until[u]!) return false;
  rt.due[u] = 1;
  const f = sim.fleet;
  if (f.state[u] === US.FREE && !f.offAfterJob[u]) startBreak(sim, rt, u);
  return true;
}

/** Unit `u` is free at its base now (hook): it takes a break that is due; true if it did. */
export function takeDueBreak(sim: SimState, u: number): boolean {
  const rt = runtime(sim);
  if (!rt || !rt.due[u] || sim.fleet.offAfterJob[u] || sim.now >= rt.until[u]!) return false;
  startBreak(sim, rt, u);
  return true;
}

function startBreak(sim: SimState, rt: BreakRuntime, u: number): void {
  const f = sim.fleet;
  rt.due[u] = 0;
  f.trip[u] = null;
  const version = ++f.version[u]!;
  sim.setUnitState(u, US.OFF);
  sim.schedule(sim.now + rt.lengthS[u]!, EV.BREAK_END, u, version);
}

/** BREAK_END of unit `u`: back on duty at its base, unless its shift ended meanwhile. */
export function breakEnd(sim: SimState, u: number): void {
  const rt = runtime(sim)!;
  if (sim.now >= rt.until[u]!) return;
  sim.setUnitState(u, US.FREE);
  sim.requestDispatch();
}
