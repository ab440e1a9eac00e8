/**
 * The resourcing optimiser (docs/MODEL-ADDITIONS.md "Optimiser"). Pure: the simulation runs
 * through the `evaluate` function it is given (the Node side runs replications with common random
 * numbers on the local pool or the job queue).
 *
 * Fewest mode: the fewest units per shift per BCU (or base), and call takers per shift per pool
 * for line targets, such that every target holds at the lower end of its 95 % interval:
 *  1. a pilot run of the scenario as given feeds the Erlang C screen (./screen.ts), which gives
 *     each slot the smallest count meeting every target on its own;
 *  2. simulation (R replications, the same seeds for every candidate): while a target fails, add
 *     one server where the screen says it buys most of the failing targets per hour on duty;
 *  3. then try taking one away, cheapest first by the screen; keep a removal when every target
 *     still holds; repeat until no single removal holds;
 *  4. confirm: run the answer with 2R replications (the first R seeds again, then R more); while a
 *     target fails there, add as in 2 and confirm again.
 * Spread mode: a fixed number of unit-hours a day spread over the slots by the screen's marginal
 * gains, then one-unit moves between slots kept when the simulated share improves (compared with
 * common random numbers).
 */
import type { Results } from '../shared/results';
import type { Scenario } from '../shared/scenario';
import { ALL_DAY, readResourcing, setBaseUnits, setBcuUnits, setCallTakers } from '../renderer/scenario/resourcing';
import { erlangCWithin, smallestServers } from './erlang';
import { lower, targetFigure, type Figure, type TargetKey } from './figures';
import { screenSlots, unitGroups, type By, type Slot } from './screen';
import type { RawScenario } from './variables';

export interface Target {
  readonly key: TargetKey;
  /** percent, 0..100 */
  readonly pct: number;
}

export type Mode = { readonly kind: 'fewest' } | { readonly kind: 'spread'; readonly unitHoursPerDay: number };

export interface OptimiseOptions {
  readonly targets: readonly Target[];
  readonly by: By;
  readonly mode: Mode;
  /** simulation evaluations at most (the pilot and the confirmations count) */
  readonly maxEvaluations: number;
}

/** Runs the scenario: `confirm` asks for twice the replications. Resolves with the combined results. */
export type Evaluate = (raw: RawScenario, stage: 'search' | 'confirm') => Promise<Results>;

export interface SlotChange {
  readonly kind: Slot['kind'];
  readonly group: string | null;
  readonly shift: string;
  readonly from: number;
  readonly to: number;
}

export interface TargetOutcome extends Target {
  readonly mean: number | null;
  readonly half: number | null;
  readonly lower: number | null;
  readonly met: boolean;
}

export interface OptimiseOutcome {
  readonly scenario: RawScenario;
  readonly changes: readonly SlotChange[];
  readonly targets: readonly TargetOutcome[];
  /** every target held at the lower end of its interval in the confirmation run */
  readonly met: boolean;
  readonly evaluations: number;
  /** why the search stopped early, or null */
  readonly stopped: string | null;
}

export class BudgetSpent extends Error {}

interface Ran {
  readonly x: number[];
  readonly r: Results;
  readonly hours: number;
}

function apply(raw: RawScenario, slots: readonly Slot[], counts: readonly number[], by: By): RawScenario {
  return slots.reduce((acc, slot, i) => {
    const n = counts[i]!;
    if (slot.kind === 'call-takers') return setCallTakers(acc, slot.group!, slot.shift, n);
    return by === 'bcu' ? setBcuUnits(acc, slot.group, slot.shift, n) : setBaseUnits(acc, slot.group!, slot.shift, n);
  }, raw);
}

function currentCounts(raw: RawScenario, slots: readonly Slot[], by: By): number[] {
  const r = readResourcing(raw);
  return slots.map((slot) => {
    if (slot.kind === 'call-takers') return r.pools.find((p) => p.id === slot.group)?.perShift[slot.shift] ?? 0;
    const bases = unitGroups(r, by).find((g) => g.id === slot.group)?.bases ?? [];
    return r.bcus.flatMap((b) => b.bases).filter((b) => bases.includes(b.id)).reduce((a, b) => a + (b.perShift[slot.shift] ?? 0), 0);
  });
}

const outcomes = (results: Results, targets: readonly Target[]): TargetOutcome[] =>
  targets.map((t) => {
    const f: Figure = targetFigure(results, t.key);
    const lo = lower(f);
    return { ...t, mean: f.mean, half: f.half, lower: lo, met: lo !== null && lo >= t.pct };
  });

/** Screen gain of one more server in slot i for targets `keys`, per hour on duty. */
function gain(slot: Slot, c: number, keys: readonly TargetKey[]): number {
  let g = 0;
  for (const k of keys) {
    const w = slot.weight[k];
    if (w) g += w * (erlangCWithin(c + 1, slot.load, slot.slack[k] ?? 0) - erlangCWithin(c, slot.load, slot.slack[k] ?? 0));
  }
  return g / slot.hours;
}

/** The slot where one more server helps the failing targets most (by the screen; by load when the screen sees no gain). */
function bestAddition(slots: readonly Slot[], counts: readonly number[], failing: readonly TargetKey[]): number {
  let best = -1;
  let bestGain = 0;
  slots.forEach((slot, i) => {
    const g = gain(slot, counts[i]!, failing);
    if (g > bestGain) [best, bestGain] = [i, g];
  });
  if (best >= 0) return best;
  // Every relevant slot saturated in the screen's eyes: the one with the most load per server.
  let worst = -1;
  let ratio = -1;
  slots.forEach((slot, i) => {
    if (!failing.some((k) => (slot.weight[k] ?? 0) > 0)) return;
    const r = slot.load / Math.max(counts[i]!, 0.5);
    if (r > ratio) [worst, ratio] = [i, r];
  });
  return worst;
}

export async function optimise(raw: RawScenario, scenario: Scenario, evaluate: Evaluate, o: OptimiseOptions): Promise<OptimiseOutcome> {
  let evaluations = 0;
  const memo = new Map<string, Promise<Results>>();
  const run = (counts: readonly number[], stage: 'search' | 'confirm'): Promise<Results> => {
    const key = `${stage}:${counts.join(',')}`;
    let p = memo.get(key);
    if (!p) {
      if (evaluations >= o.maxEvaluations) throw new BudgetSpent(`the limit of ${o.maxEvaluations} evaluations was reached`);
      evaluations++;
      const mine = [...counts];
      p = evaluate(apply(raw, slots, counts, o.by), stage).then((r) => {
        // Kept for a search stopped early: the cheapest allocation meeting every target, else the last run.
        const hours = mine.reduce((a, n, i) => a + n * slots[i]!.hours, 0);
        const met = outcomes(r, o.targets).every((t) => t.met);
        if (met && (!cheapest || hours < cheapest.hours)) cheapest = { x: mine, r, hours };
        last = { x: mine, r, hours };
        return r;
      });
      memo.set(key, p);
    }
    return p;
  };
  let cheapest = null as Ran | null;
  let last = null as Ran | null;

  evaluations++;
  const pilot = await evaluate(raw, 'search');
  const keys = o.targets.map((t) => t.key);
  const slots = screenSlots(raw, scenario, pilot, o.by, o.mode.kind === 'spread' ? keys.filter((k) => k !== '999' && k !== '101') : keys);
  if (slots.length === 0) throw new Error('nothing to optimise: the targets name no grade with units or line with call takers in this scenario');
  const before = currentCounts(raw, slots, o.by);
  const pcts = new Map(o.targets.map((t) => [t.key, t.pct / 100]));
  let stopped: string | null = null;
  let x: number[] = [...before];
  let res: Results = pilot;

  try {
    if (o.mode.kind === 'fewest') {
      // 1. The screen: each slot on its own meets every target it carries.
      x = slots.map((slot) =>
        Math.max(0, ...keys.filter((k) => (slot.weight[k] ?? 0) > 0).map((k) => smallestServers(slot.load, slot.slack[k] ?? 0, pcts.get(k)!) ?? Math.ceil(slot.load) + 1)),
      );
      const fix = async (stage: 'search' | 'confirm'): Promise<Results> => {
        let r = await run(x, stage);
        for (let failing = outcomes(r, o.targets).filter((t) => !t.met); failing.length > 0; failing = outcomes(r, o.targets).filter((t) => !t.met)) {
          const i = bestAddition(slots, x, failing.map((t) => t.key));
          if (i < 0) throw new BudgetSpent(`no slot can help ${failing.map((t) => t.key).join(', ')}`);
          x = x.map((c, k) => (k === i ? c + 1 : c));
          r = await run(x, stage);
        }
        return r;
      };
      // 2. Add until every target holds.
      res = await fix('search');
      // 3. Take away while every target still holds.
      for (let removed = true; removed; ) {
        removed = false;
        const order = slots
          .map((slot, i) => ({ i, loss: x[i]! > 0 ? gain(slot, x[i]! - 1, keys) : Infinity, hours: slot.hours }))
          .filter((c) => c.loss !== Infinity)
          .sort((a, b) => a.loss - b.loss || b.hours - a.hours || a.i - b.i);
        for (const { i } of order) {
          const y = x.map((c, k) => (k === i ? c - 1 : c));
          const r = await run(y, 'search');
          if (outcomes(r, o.targets).every((t) => t.met)) {
            x = y;
            res = r;
            removed = true;
            break;
          }
        }
      }
      // 4. Confirm with twice the replications.
      res = await fix('confirm');
    } else {
      const budget = o.mode.unitHoursPerDay;
      const hoursOf = (c: readonly number[]) => c.reduce((a, n, i) => a + n * slots[i]!.hours, 0);
      // Start from what keeps up with the work, scaled down when the budget is smaller.
      x = slots.map((s) => Math.ceil(s.load));
      const need = hoursOf(x);
      if (need > budget) x = x.map((n) => Math.floor((n * budget) / need));
      for (;;) {
        const left = budget - hoursOf(x);
        const fits = slots.map((_, i) => i).filter((i) => slots[i]!.hours <= left + 1e-9);
        if (fits.length === 0) break;
        const i = fits.reduce((b, k) => (gain(slots[k]!, x[k]!, keys) > gain(slots[b]!, x[b]!, keys) ? k : b), fits[0]!);
        x = x.map((c, k) => (k === i ? c + 1 : c));
      }
      const objective = (r: Results) => targetFigure(r, o.targets[0]!.key).mean ?? -Infinity;
      res = await run(x, 'search');
      for (let moved = true; moved; ) {
        moved = false;
        const from = slots.map((_, i) => i).filter((i) => x[i]! > 0).sort((a, b) => gain(slots[a]!, x[a]! - 1, keys) - gain(slots[b]!, x[b]! - 1, keys));
        const to = slots.map((_, i) => i).sort((a, b) => gain(slots[b]!, x[b]!, keys) - gain(slots[a]!, x[a]!, keys));
        search: for (const a of from.slice(0, 3)) {
          for (const b of to.slice(0, 3)) {
            if (a === b || slots[a]!.hours < slots[b]!.hours) continue;
            const y = x.map((c, k) => (k === a ? c - 1 : k === b ? c + 1 : c));
            const r = await run(y, 'search');
            if (objective(r) > objective(res)) {
              [x, res, moved] = [y, r, true];
              break search;
            }
          }
        }
      }
      res = await run(x, 'confirm');
    }
  } catch (error) {
    if (!(error instanceof BudgetSpent)) throw error;
    stopped = error.message;
    const keep: Ran | null = (o.mode.kind === 'fewest' ? cheapest : null) ?? last;
    if (keep) [x, res] = [keep.x, keep.r];
    else x = [...before];
  }

  const final = apply(raw, slots, x, o.by);
  const targets = outcomes(res, o.targets);
  const changes = slots.flatMap((slot, i) => (before[i] === x[i] ? [] : [{ kind: slot.kind, group: slot.group, shift: slot.shift, from: before[i]!, to: x[i]! }]));
  return { scenario: final, changes, targets, met: stopped === null && targets.every((t) => t.met), evaluations, stopped };
}

/** "BCU CW, late: 6 -> 5 units" lines, for people. */
export function describeChanges(changes: readonly SlotChange[]): string[] {
  return changes.map((c) => {
    const who = c.kind === 'call-takers' ? `pool ${c.group}` : c.group === null ? 'bases in no BCU' : c.group;
    const when = c.shift === ALL_DAY ? 'round the clock' : `${c.shift} shift`;
    return `${who}, ${when}: ${c.from} -> ${c.to} ${c.kind === 'call-takers' ? 'call takers' : 'units'}`;
  });
}
