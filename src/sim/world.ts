/**
 * What the simulator is given besides the scenario: the places it runs on.
 *
 * The simulator never loads files, parses GeoJSON or builds spatial indexes itself; a host
 * (src/world, called from Node or from a Web Worker) prepares these objects and hands them in.
 * Everything here is plain data or pure functions, so a run stays deterministic.
 *
 * Units: seconds, metres, WGS84 lon/lat (see MODEL.md).
 */

/** Where something is, for travel purposes. */
export interface Place {
  readonly lon: number;
  readonly lat: number;
  /**
   * Directed edge of the road graph the place is snapped to (its nearest road position), or -1 when
   * travel is straight-line (or the place could not be snapped).
   */
  readonly edge: number;
  /** Metres from the start of `edge` to the snapped road position (0 when `edge` is -1). */
  readonly offsetM: number;
  /** Straight-line metres between the place and its snapped road position (the access leg). */
  readonly accessM: number;
}

/** One journey, fixed at departure: the simulator asks it where the traveller is at any instant. */
export interface Trip {
  /** Seconds from departure to arrival, access legs included. */
  readonly durationS: number;
  /** Seconds of `durationS` spent on access legs, off the modelled roads (all of a direct journey's). */
  readonly accessS: number;
  /** Metres travelled, access legs included. */
  readonly distanceM: number;
  /** Where the traveller is `elapsedS` seconds after departure (clamped to [0, durationS]). */
  placeAt(elapsedS: number): Place;
  /**
   * The way for drawing: `coords` is flat [lon0, lat0, lon1, lat1, ...] and `timesS[i]` the
   * elapsed seconds at vertex i (non-decreasing, last = durationS).
   */
  geometry(): { coords: Float64Array; timesS: Float64Array };
}

/** A candidate found by a ranking query. */
export interface Ranked {
  /** Index into the `origins` array of the query. */
  readonly index: number;
  /** Travel time in seconds (access legs included). */
  readonly timeS: number;
}

/**
 * Travel times and trips. Two implementations: straight-line (src/sim/travel/straight-line.ts) and
 * road (src/sim/travel/road.ts, over the road graph of src/sim/roads). Times depend on the departure time (hour-of-day congestion) and on whether
 * the unit drives on blue lights; turnout is NOT included (the simulator adds it).
 * Unreachable pairs get `Infinity`, never an exception (road travel has none: the direct journey
 * off the roads always exists, docs/MODEL-ADDITIONS.md).
 */
export interface TravelModel {
  readonly mode: 'straight-line' | 'road';
  /** Snap a point to the network (straight-line: a Place with edge -1). */
  place(lon: number, lat: number): Place;
  /** Travel time in seconds from each origin to `dest`, departing at simulated time `departS`. */
  timesTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean): Float64Array;
  /** Travel time in seconds from `origin` to each destination. */
  timesFrom(origin: Place, dests: readonly Place[], departS: number, blueLight: boolean): Float64Array;
  /**
   * The `k` origins with the smallest travel time to `dest`, best first; ties go to the lower
   * index. Exact (same times as `timesTo`), but free to prune with lower bounds: dispatch calls
   * this thousands of times a simulated day with hundreds of origins.
   */
  rankTo(origins: readonly Place[], dest: Place, departS: number, blueLight: boolean, k: number): Ranked[];
  /** The journey from `origin` to `dest`, departing at `departS`. */
  trip(origin: Place, dest: Place, departS: number, blueLight: boolean): Trip;
}

/** The areas of a scenario (boroughs, or the areas of a user's GeoJSON). Index = area number. */
export interface AreaSet {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** BCU id of each area (from `areas.groups`), or null when it belongs to none. */
  readonly bcus: readonly (string | null)[];
  /** Land area of each area in km2 (for demand "by area size"). */
  readonly areaKm2: readonly number[];
  /**
   * A remark per area from its data (e.g. "policed by the City of London Police"), or null; copied
   * into the area's results so that a reader sees why an area has no demand or no units.
   */
  readonly notes?: readonly (string | null)[];
  /** West, south, east, north (degrees) of all the areas together, for warnings about far-off places. */
  readonly bounds?: readonly [number, number, number, number];
  /** Index of the area containing the point, or -1 when it lies in none. */
  locate(lon: number, lat: number): number;
  /**
   * A point uniformly distributed inside area `i`, using only `uniform` (values in [0, 1)) for
   * randomness, so that the simulator's seeded stream decides it.
   */
  samplePoint(i: number, uniform: () => number): { lon: number; lat: number };
}

/** Weighted demand points (MODEL.md `demand.points`, or a built-in set such as London's LSOAs). */
export interface DemandPoints {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Relative weights, >= 0 (need not sum to 1). */
  readonly weight: Float64Array;
  /** Area index of each point in the scenario's AreaSet, or -1. */
  readonly area: Int32Array;
  /** Optional label per point (e.g. an LSOA code), for logs and reports. */
  readonly labels?: readonly string[];
}

/** Everything the simulator needs besides the scenario. */
export interface SimWorld {
  readonly areas: AreaSet | null;
  /** Resolved demand points (from the scenario or a built-in set), or null to use areas/network. */
  readonly points: DemandPoints | null;
  readonly travel: TravelModel;
  /**
   * A place spread uniformly over the network (demand with neither points nor areas), or null when
   * the travel model has no network.
   */
  readonly randomNetworkPlace: ((uniform: () => number) => Place) | null;
}
