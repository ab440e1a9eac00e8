/**
 * The per-run state of refreshment breaks (refreshment.ts has the rule and its events): built with
 * the simulation when the scenario has `refreshment`, kept as its field `breaks`.
 */
import type { Scenario } from '../../shared/scenario';
import type { Fleet } from '../fleet/fleet';
import { sampler, type Sampler } from '../random/distributions';
import { streamRng, type Rng } from '../random/rng';

/** A run's refreshment breaks (a field of the simulation, built with it; null without `refreshment`). */
export class Breaks {
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

  private constructor(spec: NonNullable<Scenario['refreshment']>, f: Fleet, seed: number) {
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
    this.duration = sampler(spec.duration);
    this.rng = streamRng(seed, 'refreshment');
    this.stagger = stagger;
    this.due = new Uint8Array(f.n);
    this.until = new Float64Array(f.n);
    this.lengthS = new Float64Array(f.n);
  }

  /** The run's breaks, or null when the scenario has no `refreshment`. */
  static build(scenario: Scenario, fleet: Fleet, seed: number): Breaks | null {
    return scenario.refreshment ? new Breaks(scenario.refreshment, fleet, seed) : null;
  }
}
