/**
 * The units dispatch weighs for an incident, kept indexed as units change state: every RETURNING
 * unit, and of the FREE units only the lowest-numbered one of each station. Units free at their
 * base share its place, so the policy's pick (dispatch/choose.ts) weighs one of them, the first in
 * unit order; with this index it reads the weighed units of a BCU slot, an area or the fleet
 * directly instead of reading every available unit and skipping the base's others each time.
 *
 * A station's units share its BCU slot and area, so the index restricted to any slot or area (or
 * to the slots a reserve leaves) holds exactly the units the pick would keep from the available
 * units there: the lowest FREE unit of each of their stations, and their RETURNING units.
 */
import { SortedIntSet } from './free-units';

const FREE = 1;
const RETURNING = 2;

export class StationReps {
  /** Every weighed unit, in unit order. */
  readonly all: SortedIntSet;
  /** Weighed units per BCU slot. */
  readonly bySlot: SortedIntSet[];
  /** Weighed units per area index (units of no area are in none). */
  readonly byArea: SortedIntSet[];
  /** Per station: its units in unit order. */
  private readonly unitsOf: Int32Array[];
  /** Per station: its weighed FREE unit, -1 when none of its units is FREE. */
  private readonly rep: Int32Array;
  /** Per unit: 1 when FREE. */
  private readonly isFree: Uint8Array;

  /** `stationOf[u]`, `slotOf[u]` and `areaOf[u]` (-1: none) are fixed for the life of the fleet. */
  constructor(
    private readonly stationOf: Int32Array,
    private readonly slotOf: Int32Array,
    private readonly areaOf: Int32Array,
    stations: number,
    slots: number,
    areas: number,
  ) {
    const n = stationOf.length;
    this.all = new SortedIntSet(n);
    this.bySlot = Array.from({ length: slots }, () => new SortedIntSet());
    this.byArea = Array.from({ length: areas }, () => new SortedIntSet());
    const lists: number[][] = Array.from({ length: stations }, () => []);
    for (let u = 0; u < n; u++) lists[stationOf[u]!]!.push(u);
    this.unitsOf = lists.map((l) => Int32Array.from(l));
    this.rep = new Int32Array(stations).fill(-1);
    this.isFree = new Uint8Array(n);
  }

  /** Books unit `u`'s change of state from `old` to `state` (US codes). */
  change(u: number, old: number, state: number): void {
    if (old === state) return;
    if (old === RETURNING) this.remove(u);
    if ((old === FREE) !== (state === FREE)) {
      this.isFree[u] = state === FREE ? 1 : 0;
      const st = this.stationOf[u]!;
      const was = this.rep[st]!;
      const now = this.firstFree(st);
      if (now !== was) {
        if (was >= 0) this.remove(was);
        if (now >= 0) this.insert(now);
        this.rep[st] = now;
      }
    }
    if (state === RETURNING) this.insert(u);
  }

  private firstFree(station: number): number {
    const units = this.unitsOf[station]!;
    for (let i = 0; i < units.length; i++) if (this.isFree[units[i]!] === 1) return units[i]!;
    return -1;
  }

  private insert(u: number): void {
    this.all.add(u);
    this.bySlot[this.slotOf[u]!]!.add(u);
    const a = this.areaOf[u]!;
    if (a >= 0) this.byArea[a]!.add(u);
  }

  private remove(u: number): void {
    this.all.delete(u);
    this.bySlot[this.slotOf[u]!]!.delete(u);
    const a = this.areaOf[u]!;
    if (a >= 0) this.byArea[a]!.delete(u);
  }
}
