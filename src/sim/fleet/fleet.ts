/**
 * The fleet: stations and units, as columns (one typed array per field, index = unit number).
 *
 * A fleet row with `count` gives round-the-clock units `CX-IRV-1`, `CX-IRV-2`, ...; a row with
 * `perShift` gives each shift its own units `CX-IRV-early-1`, ..., which come on duty at their
 * station when the shift starts and go off when it ends (finishing the job in hand first). Two
 * rows of the same station and type continue one numbering.
 */
import type { Scenario } from '../../shared/scenario';
import type { Place, SimWorld, Trip } from '../world';
import { ScenarioError } from '../errors';
import { FreeUnits, SortedIntSet } from './free-units';
import { StationReps } from './reps';

/** Unit states. FREE and RETURNING are available for dispatch. */
export const US = {
  OFF: 0,
  FREE: 1,
  RETURNING: 2,
  TRAVELLING: 3,
  ON_SCENE: 4,
  TO_CUSTODY: 5,
  IN_CUSTODY: 6,
} as const;

/** The state names of live snapshots, by state code. */
export const UNIT_STATE_NAMES = ['off-duty', 'free', 'returning', 'travelling', 'on-scene', 'custody', 'custody'] as const;
export type UnitStateName = (typeof UNIT_STATE_NAMES)[number];

export interface Station {
  readonly id: string;
  readonly place: Place;
  /** Area index, -1 when in none (or the scenario has no areas). */
  readonly area: number;
  /** BCU index into Fleet.bcuIds, -1 when none. */
  readonly bcu: number;
  readonly custody: boolean;
}

export class Fleet {
  readonly stations: Station[];
  readonly bcuIds: string[];
  readonly n: number;
  readonly ids: string[] = [];
  readonly type: string[] = [];
  /** Station index of each unit. */
  readonly station: Int32Array;
  /** Shift index of each unit, -1 for round-the-clock units. */
  readonly shift: Int32Array;
  readonly state: Uint8Array;
  /** Simulation time the unit entered its current state. */
  readonly since: Float64Array;
  /** Bumped whenever a unit's plans change, so its pending events become stale. */
  readonly version: Int32Array;
  /** Call id the unit works on, -1 none. */
  readonly incident: Int32Array;
  /** Slot of that call. */
  readonly slot: Int32Array;
  /** 1: the shift has ended; go off duty when the job is done. */
  readonly offAfterJob: Uint8Array;
  /** 1: held off the board by an exercise (a unit fault, src/sim/live/effects.ts): a shift start leaves it off. */
  readonly held: Uint8Array;
  /** When the unit's time on scene ends (for diversion: the time left). */
  readonly sceneEndS: Float64Array;
  /** Custody time the unit will spend (set when it leaves for custody). */
  readonly custodyS: Float64Array;
  /** Station index of the custody suite it drives to or is at. */
  readonly custodyStation: Int32Array;
  /** Current journey (to scene, custody or base), or null. */
  readonly trip: (Trip | null)[];
  /** Simulation time the current journey departs (after turnout). */
  readonly tripDepartS: Float64Array;
  /** Units of each shift index. */
  readonly byShift: number[][];
  /** Units of each BCU index (index bcuIds.length: units of no BCU), in unit order. */
  readonly unitsByBcu: number[][];
  /** Units of each area index (stations' areas), in unit order; units of no area are in none. */
  readonly unitsByArea: Map<number, number[]>;
  /** Every unit index, in order. */
  readonly all: number[];
  /** Available (FREE or RETURNING) units per BCU index; index bcuIds.length = units of no BCU. */
  readonly freeByBcu: Int32Array;
  freeTotal = 0;
  /**
   * Counts changes that can change which units dispatch may send or divert: bumped on every change
   * of a unit's state (Simulation.setUnitState) and of its shift-over flag (`offAfterJob`).
   */
  epoch = 0;
  /** The available units themselves, by BCU slot and area (kept by `changeAvailability`). */
  readonly free: FreeUnits;
  /** The available units dispatch weighs (every RETURNING one, the lowest FREE one of each station), by `noteState`. */
  readonly reps: StationReps;
  /** Units travelling to or on scene at an incident (the ones dispatch may divert), by `noteState`. */
  readonly committed = new SortedIntSet();
  /** BCU slot of each unit (see bcuSlot). */
  readonly slotOfUnit: Int32Array;
  /** Area index of each unit's station, -1 for none. */
  readonly areaOfUnit: Int32Array;
  /** Each unit's home station's place (the same object as the station's). */
  readonly homes: Place[];
  /** Station indices of the custody suites, in station order, and their places. */
  readonly custodySuites: number[];
  readonly custodyPlaces: Place[];

  constructor(s: Scenario, world: SimWorld) {
    const areas = world.areas;
    const bcuIds = areas ? [...new Set(areas.bcus.filter((b): b is string => b !== null))].sort() : [];
    this.bcuIds = bcuIds;
    this.stations = s.stations.map((st, i) => {
      let area = -1;
      if (areas) {
        area = st.area !== undefined ? areas.ids.indexOf(st.area) : areas.locate(st.lon, st.lat);
        if (st.area !== undefined && area < 0) throw new ScenarioError(`stations[${i}].area`, `unknown area "${st.area}"`);
      }
      const bcuId = area >= 0 ? areas!.bcus[area] : null;
      return {
        id: st.id,
        place: world.travel.place(st.lon, st.lat),
        area,
        bcu: bcuId === null || bcuId === undefined ? -1 : bcuIds.indexOf(bcuId),
        custody: st.custody,
      };
    });
    this.custodySuites = this.stations.flatMap((st, i) => (st.custody ? [i] : []));
    this.custodyPlaces = this.custodySuites.map((i) => this.stations[i]!.place);
    const stationIndex = new Map(s.stations.map((st, i) => [st.id, i]));
    const shifts = s.shifts ?? [];
    const stationOf: number[] = [];
    const shiftOf: number[] = [];
    const counters = new Map<string, number>();
    const add = (row: Scenario['fleet'][number], shiftIdx: number, count: number) => {
      const st = stationIndex.get(row.station);
      if (st === undefined) throw new ScenarioError('fleet', `unknown station "${row.station}"`);
      const prefix = shiftIdx < 0 ? `${row.station}-${row.type}` : `${row.station}-${row.type}-${shifts[shiftIdx]!.id}`;
      for (let k = 0; k < count; k++) {
        const n = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, n);
        this.ids.push(`${prefix}-${n}`);
        this.type.push(row.type);
        stationOf.push(st);
        shiftOf.push(shiftIdx);
      }
    };
    // A closed base (MODEL-ADDITIONS) keeps its rows but puts no units on duty.
    const closed = new Set(s.stations.filter((st) => st.closed === true).map((st) => st.id));
    for (const row of s.fleet) {
      if (closed.has(row.station)) continue;
      if (row.count !== undefined) add(row, -1, row.count);
      else shifts.forEach((sh, j) => add(row, j, row.perShift?.[sh.id] ?? 0));
    }
    const n = (this.n = this.ids.length);
    this.station = Int32Array.from(stationOf);
    this.shift = Int32Array.from(shiftOf);
    this.state = new Uint8Array(n);
    this.since = new Float64Array(n);
    this.version = new Int32Array(n);
    this.incident = new Int32Array(n).fill(-1);
    this.slot = new Int32Array(n).fill(-1);
    this.offAfterJob = new Uint8Array(n);
    this.held = new Uint8Array(n);
    this.sceneEndS = new Float64Array(n);
    this.custodyS = new Float64Array(n);
    this.custodyStation = new Int32Array(n).fill(-1);
    this.trip = new Array<Trip | null>(n).fill(null);
    this.tripDepartS = new Float64Array(n);
    this.byShift = shifts.map(() => [] as number[]);
    for (let u = 0; u < n; u++) if (this.shift[u]! >= 0) this.byShift[this.shift[u]!]!.push(u);
    this.freeByBcu = new Int32Array(bcuIds.length + 1);
    this.all = Array.from({ length: n }, (_, u) => u);
    this.unitsByBcu = Array.from({ length: bcuIds.length + 1 }, () => [] as number[]);
    this.unitsByArea = new Map();
    this.slotOfUnit = Int32Array.from(this.all, (u) => this.bcuSlot(u));
    this.areaOfUnit = Int32Array.from(this.all, (u) => this.areaOf(u));
    this.homes = this.all.map((u) => this.stations[this.station[u]!]!.place);
    this.free = new FreeUnits(this.slotOfUnit, this.areaOfUnit, bcuIds.length + 1, areas?.ids.length ?? 0);
    this.reps = new StationReps(this.station, this.slotOfUnit, this.areaOfUnit, this.stations.length, bcuIds.length + 1, areas?.ids.length ?? 0);
    for (let u = 0; u < n; u++) {
      this.unitsByBcu[this.bcuSlot(u)]!.push(u);
      const area = this.areaOf(u);
      if (area >= 0) {
        if (!this.unitsByArea.has(area)) this.unitsByArea.set(area, []);
        this.unitsByArea.get(area)!.push(u);
      }
    }
  }

  /** BCU slot of unit `u` in freeByBcu. */
  bcuSlot(u: number): number {
    const b = this.stations[this.station[u]!]!.bcu;
    return b < 0 ? this.bcuIds.length : b;
  }

  areaOf(u: number): number {
    return this.stations[this.station[u]!]!.area;
  }

  bcuOf(u: number): number {
    return this.stations[this.station[u]!]!.bcu;
  }

  home(u: number): Place {
    return this.homes[u]!;
  }

  /** Books unit `u`'s change of state from `old` to `state` in the indexes (before `state[u]` is set). */
  noteState(u: number, old: number, state: number): void {
    const wasFree = old === US.FREE || old === US.RETURNING;
    const isFree = state === US.FREE || state === US.RETURNING;
    if (wasFree !== isFree) this.changeAvailability(u, isFree);
    this.reps.change(u, old, state);
    const wasCommitted = old === US.TRAVELLING || old === US.ON_SCENE;
    const isCommitted = state === US.TRAVELLING || state === US.ON_SCENE;
    if (wasCommitted !== isCommitted) {
      if (isCommitted) this.committed.add(u);
      else this.committed.delete(u);
    }
    this.epoch++;
  }

  /**
   * Books unit `u` becoming available (FREE or RETURNING) or not: the counts per BCU and the
   * indexes of free units. Called by the simulation only when availability changes.
   */
  changeAvailability(u: number, available: boolean): void {
    const slot = this.slotOfUnit[u]!;
    if (available) {
      this.freeByBcu[slot]!++;
      this.freeTotal++;
      this.free.add(u);
    } else {
      this.freeByBcu[slot]!--;
      this.freeTotal--;
      this.free.delete(u);
    }
  }

  isAvailable(u: number): boolean {
    const s = this.state[u]!;
    return s === US.FREE || s === US.RETURNING;
  }

  /** Unit index by id, -1 when unknown. */
  indexOf(id: string): number {
    return this.ids.indexOf(id);
  }
}
