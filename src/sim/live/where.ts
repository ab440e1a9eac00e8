/**
 * Where an exercise item happens (src/sim/live/script.ts): a place, anywhere in an area (a
 * borough or other area of the scenario, by id or name, any case) or in a BCU (any of its areas),
 * or anywhere demand comes from. A place outside the modelled area is refused with the reason.
 * `checkExercise` finds, before a run, every item naming what the scenario does not have.
 */
import type { Exercise } from '../../shared/exercise';
import type { Scenario } from '../../shared/scenario';
import { Simulation } from '../model/simulation';
import type { SimWorld } from '../world';

export type Where =
  | { readonly kind: 'place'; readonly lon: number; readonly lat: number }
  | { readonly kind: 'areas'; readonly areas: readonly number[] }
  | { readonly kind: 'anywhere' }
  | { readonly kind: 'error'; readonly message: string };

interface WhereFields {
  readonly place?: { readonly lon: number; readonly lat: number } | undefined;
  readonly area?: string | undefined;
  readonly bcu?: string | undefined;
}

export function resolveWhere(world: SimWorld, it: WhereFields): Where {
  const areas = world.areas;
  if (it.place) {
    if (areas && areas.locate(it.place.lon, it.place.lat) < 0) {
      return { kind: 'error', message: `${it.place.lon}, ${it.place.lat} is outside the modelled area (in none of its ${areas.ids.length} areas)` };
    }
    return { kind: 'place', lon: it.place.lon, lat: it.place.lat };
  }
  if (it.area !== undefined) {
    if (!areas) return { kind: 'error', message: `area "${it.area}": the scenario has no areas` };
    const key = it.area.toLowerCase();
    const i = areas.ids.findIndex((id, k) => id.toLowerCase() === key || areas.names[k]!.toLowerCase() === key);
    return i < 0 ? { kind: 'error', message: `no area "${it.area}" in the scenario (by id or name)` } : { kind: 'areas', areas: [i] };
  }
  if (it.bcu !== undefined) {
    if (!areas) return { kind: 'error', message: `bcu "${it.bcu}": the scenario has no areas` };
    const key = it.bcu.toLowerCase();
    const list = areas.bcus.flatMap((b, k) => (b !== null && b.toLowerCase() === key ? [k] : []));
    return list.length === 0 ? { kind: 'error', message: `no BCU "${it.bcu}" in the scenario` } : { kind: 'areas', areas: list };
  }
  return { kind: 'anywhere' };
}

/** Problems of an exercise on a scenario's world, each at its JSON path: unknown units, pools, areas, BCUs; places outside. */
export function checkExercise(ex: Exercise, world: SimWorld, names: { readonly units: readonly string[]; readonly pools: readonly string[] }): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const units = new Set(names.units);
  ex.timeline.forEach((it, i) => {
    const at = `timeline[${i}]`;
    if (it.kind === 'inject' || it.kind === 'demand-surge') {
      const w = resolveWhere(world, it);
      if (w.kind === 'error') out.push({ path: `${at}.${it.place ? 'place' : it.area !== undefined ? 'area' : 'bcu'}`, message: w.message });
    }
    if ((it.kind === 'unit-fault' || it.kind === 'assign') && !units.has(it.unit)) out.push({ path: `${at}.unit`, message: `no unit "${it.unit}" in the scenario (units are named like ${names.units[0] ?? '(none)'})` });
    if (it.kind === 'call-taker-absence') {
      if (names.pools.length === 0) out.push({ path: at, message: 'the scenario has no call handling' });
      else if (it.pool !== undefined && !names.pools.includes(it.pool)) out.push({ path: `${at}.pool`, message: `no call-taker pool "${it.pool}" (the scenario has ${names.pools.join(', ')})` });
    }
  });
  return out;
}

/** `checkExercise` against the units and call-taker pools a run of `scenario` on `world` has. */
export function checkExerciseOn(ex: Exercise, scenario: Scenario, world: SimWorld): { path: string; message: string }[] {
  const sim = new Simulation(scenario, world, { incidentLog: false });
  return checkExercise(ex, world, { units: sim.fleet.ids, pools: sim.pools.map((p) => p.id) });
}
