/**
 * A journey over the roads, fixed at departure: the access leg from the origin to its road
 * position, the road part (part of the first edge, whole edges, part of the last edge), and the
 * access leg from the destination's road position to the destination. Within an edge the speed
 * is constant, so time runs in proportion to distance along it.
 *
 * `placeAt` answers with a Place the travel model accepts as an origin, so a unit can be
 * re-dispatched mid-trip: on the road it is the edge and offset under the unit; on an access
 * leg it is the leg's snapped road position and the straight metres still between them.
 */
import type { Place, Trip } from '../world';
import { greatCircleM } from '../geo';
import { edgeVertex, edgeVertexCount, type RoadGraph } from '../roads/graph';
import { routeTimeS, type CompactRoute, type EdgePiece, type RouteTiming } from '../roads/query/route';
import { roadPosition, type RoadPos } from '../roads/query/ends';

/** What a road trip knows at departure, before its route is found. */
export interface TripTiming extends RouteTiming {
  readonly origin: Place;
  readonly dest: Place;
  /** Seconds of the access legs at base speed (before `scale`). */
  readonly accessOriginS: number;
  readonly accessDestS: number;
  /** Travel-time multiplier of this departure (congestion / blue-light factor). */
  readonly scale: number;
  /** Exactly the travel time the model reports for this pair, seconds. */
  readonly durationS: number;
  /** Straight access metres count this many times in `distanceM` (the detour factor). */
  readonly detourFactor: number;
}

export interface TripPlan extends TripTiming {
  /** The road part, in driving order, kept compact (shortcuts unpacked only when drawn). */
  readonly route: CompactRoute;
}

/**
 * The trip as the simulator sees it. Its time is known at once; its route is found when first
 * needed (most trips to a scene are only ever timed); where the traveller is at an instant is
 * found on the compact route (roads/query/route.ts), and the drawn way (every vertex, the metres driven) is
 * only worked out when first asked for (`geometry`, `distanceM`).
 */
export class RoadTrip implements Trip {
  private way: TripWay | null = null;
  private planned: TripPlan | null = null;
  private roadStart: { lon: number; lat: number } | null = null;
  private roadEnd: { lon: number; lat: number } | null = null;
  /** The origin's road position (for ranking's bounds on a unit not yet placed: road-rank.ts). */
  private originPos: RoadPos | null = null;
  /** The place last worked out, and its instant (dispatch asks again, for the trip, where ranking just placed the unit). */
  private lastPlace: Place | null = null;
  private lastT = NaN;
  /** The road position of `lastPlace` on the road part (for ranking's bounds: road-rank.ts), worked out when first asked. */
  private lastPos: RoadPos | null = null;
  // Numbers start as numbers (a field declared bare starts undefined, and V8 then boxes each number stored).
  /** Seconds from departure to arrival (exactly the model's travel time for the pair). */
  readonly durationS: number = 0;
  /** Seconds of the access legs, after the departure's scale. */
  readonly accessS: number = 0;
  /** Milliseconds of the road part (what its route, once found, weighs). */
  readonly roadMs: number = 0;

  constructor(
    private readonly graph: RoadGraph,
    /** Road points of the places trips start and end at (road-points.ts: kept for bases and scenes). */
    private readonly points: { of(place: Place): { lon: number; lat: number } },
    durationS: number,
    accessS: number,
    readonly timing: TripTiming,
    roadMs: number,
    /** Finds the road part (weighing exactly the road time the trip was timed by). */
    private readonly findRoute: () => CompactRoute,
  ) {
    this.durationS = durationS;
    this.accessS = accessS;
    this.roadMs = roadMs;
  }

  /** The road position of the origin (worked out once). */
  get originRoadPos(): RoadPos {
    return (this.originPos ??= roadPosition(this.graph, this.timing.origin));
  }

  /**
   * The last place worked out (`placeNow`) when it is on the road part, else null; `placedAtS`
   * is its instant, `placedRoadPos` its road position: a unit on the move is ranked again and
   * again, and where it was last placed bounds where it can be now (road-rank.ts tripBoundsS).
   */
  get placedOnRoad(): OnRoadPlace | null {
    return this.lastPlace instanceof OnRoadPlace ? this.lastPlace : null;
  }

  /** Seconds after departure of the last place worked out (NaN before any). */
  get placedAtS(): number {
    return this.lastT;
  }

  /** The road position of the last place worked out (only when `placedOnRoad` is not null). */
  get placedRoadPos(): RoadPos {
    return (this.lastPos ??= roadPosition(this.graph, this.lastPlace!));
  }

  /** The timing and the route (found on first use). */
  get plan(): TripPlan {
    if (this.planned) return this.planned;
    // Field by field, not by spreading `timing`: a literal of fixed shape is made and read faster,
    // and dispatch asks a returning unit's plan thousands of times a day.
    const t = this.timing;
    this.planned = {
      origin: t.origin,
      dest: t.dest,
      accessOriginS: t.accessOriginS,
      accessDestS: t.accessDestS,
      scale: t.scale,
      durationS: t.durationS,
      detourFactor: t.detourFactor,
      route: this.findRoute(),
    };
    return this.planned;
  }

  get distanceM(): number {
    return this.built().distanceM;
  }

  /**
   * Where the traveller is `elapsedS` after departure, worked out when first read (TripPlace):
   * ranking bounds most units on the move from their trip alone and never places them.
   */
  placeAt(elapsedS: number): Place {
    return new TripPlace(this, Math.min(Math.max(elapsedS, 0), this.durationS));
  }

  /** Seconds after departure at which the road part begins (the origin's access leg done). */
  get roadStartS(): number {
    return routeTimeS(this.timing, 0);
  }

  /** Seconds after departure at which the road part ends (the destination's access leg begins). */
  get roadEndS(): number {
    return routeTimeS(this.timing, this.roadMs);
  }

  /** Where the traveller is `t` seconds after departure (0 <= t <= durationS), worked out now (or just before, for the same `t`). */
  placeNow(t: number): Place {
    if (t === this.lastT) return this.lastPlace!;
    const place = this.placeAnew(t);
    this.lastT = t;
    this.lastPlace = place;
    this.lastPos = null;
    return place;
  }

  private placeAnew(t: number): Place {
    const timing = this.timing;
    const { origin, dest, durationS } = timing;
    const onRoad = routeTimeS(timing, 0);
    if (t < onRoad) {
      // On the access leg from the origin to its road position.
      const roadStart = (this.roadStart ??= this.points.of(origin));
      const f = t / onRoad;
      return {
        lon: origin.lon + f * (roadStart.lon - origin.lon),
        lat: origin.lat + f * (roadStart.lat - origin.lat),
        edge: origin.edge,
        offsetM: origin.offsetM,
        accessM: origin.accessM * (1 - f),
      };
    }
    // The route weighs roadMs (checked when found): the access legs need no route.
    const offRoad = routeTimeS(timing, this.roadMs);
    if (t >= offRoad) {
      // On the access leg from the destination's road position to the destination.
      const roadEnd = (this.roadEnd ??= this.points.of(dest));
      const span = durationS - offRoad;
      const f = span > 0 ? (t - offRoad) / span : 1;
      return {
        lon: roadEnd.lon + f * (dest.lon - roadEnd.lon),
        lat: roadEnd.lat + f * (dest.lat - roadEnd.lat),
        edge: dest.edge,
        offsetM: dest.offsetM,
        accessM: dest.accessM * f,
      };
    }
    const plan = this.plan;
    const { edge, fromM, toM, startS, endS } = plan.route.pieceAt(plan, t);
    const f = endS > startS ? (t - startS) / (endS - startS) : 1;
    return new OnRoadPlace(this.graph, edge, fromM + f * (toM - fromM));
  }

  geometry(): { coords: Float64Array; timesS: Float64Array } {
    return this.built().geometry();
  }

  private built(): TripWay {
    if (!this.way) this.way = new TripWay(this.graph, this.plan);
    return this.way;
  }
}

/**
 * A place on a road, its coordinates worked out when first read: dispatch mostly needs only where
 * on the roads a unit is, and most units on the move are ruled out before their coordinates count.
 */
export class OnRoadPlace implements Place {
  readonly accessM = 0;
  private point: { lon: number; lat: number } | null = null;

  constructor(
    private readonly graph: RoadGraph,
    readonly edge: number,
    readonly offsetM: number,
  ) {}

  get lon(): number {
    return (this.point ??= pointOnEdge(this.graph, this.edge, this.offsetM)).lon;
  }

  get lat(): number {
    return (this.point ??= pointOnEdge(this.graph, this.edge, this.offsetM)).lat;
  }

  /** Whether the coordinates have been worked out (reading them is then free). */
  get located(): boolean {
    return this.point !== null;
  }

  /** A plain Place (coordinates included) for JSON. */
  toJSON(): Place {
    return { lon: this.lon, lat: this.lat, edge: this.edge, offsetM: this.offsetM, accessM: this.accessM };
  }
}

/**
 * Where a traveller on a road trip is at an instant, worked out when first read (RoadTrip.placeNow):
 * dispatch asks where every unit on its way is, and ranking rules most of them out from their trip
 * alone (road-rank.ts), so their route is not found and their position not looked up. Once read,
 * it stands for the place worked out (`place()`): the travel model takes that in its stead.
 */
export class TripPlace implements Place {
  private placed: Place | null = null;
  /** Seconds after departure, within 0..durationS (a number from the start: see RoadTrip). */
  readonly elapsedS: number = 0;

  constructor(
    readonly trip: RoadTrip,
    elapsedS: number,
  ) {
    this.elapsedS = elapsedS;
  }

  /** Whether the place has been worked out. */
  get resolved(): boolean {
    return this.placed !== null;
  }

  /** The place worked out (an OnRoadPlace on the road part, a plain Place on an access leg). */
  place(): Place {
    return (this.placed ??= this.trip.placeNow(this.elapsedS));
  }

  get lon(): number {
    return this.place().lon;
  }

  get lat(): number {
    return this.place().lat;
  }

  get edge(): number {
    return this.place().edge;
  }

  get offsetM(): number {
    return this.place().offsetM;
  }

  get accessM(): number {
    return this.place().accessM;
  }

  /** A plain Place for JSON. */
  toJSON(): Place {
    const p = this.place();
    return { lon: p.lon, lat: p.lat, edge: p.edge, offsetM: p.offsetM, accessM: p.accessM };
  }
}

/** The place itself, or for a TripPlace the place it stands for (worked out now if not yet). */
export function ownPlace(place: Place): Place {
  return place instanceof TripPlace ? place.place() : place;
}

/** The unpacked way of a trip: every road piece on a timeline, for drawing and for the metres driven. */
class TripWay {
  readonly distanceM: number = 0;
  private readonly pieces: readonly EdgePiece[];
  /** Seconds after departure at which each road piece starts; then the arrival at the road end. */
  private readonly pieceStartS: Float64Array;

  constructor(
    private readonly graph: RoadGraph,
    private readonly plan: TripPlan,
  ) {
    const { origin, dest } = plan;
    const pieces = (this.pieces = plan.route.pieces());
    let roadM = 0;
    for (const piece of pieces) roadM += Math.abs(piece.toM - piece.fromM);
    this.distanceM = roadM + (origin.accessM + dest.accessM) * plan.detourFactor;
    this.pieceStartS = new Float64Array(pieces.length + 1);
    let ms = 0;
    for (let k = 0; k <= pieces.length; k++) {
      this.pieceStartS[k] = routeTimeS(plan, ms);
      ms += pieces[k]?.ms ?? 0;
    }
  }

  geometry(): { coords: Float64Array; timesS: Float64Array } {
    const { origin, dest, durationS } = this.plan;
    const pieces = this.pieces;
    const roadStart = pointOnEdge(this.graph, origin.edge, origin.offsetM);
    const lon: number[] = [origin.lon, roadStart.lon];
    const lat: number[] = [origin.lat, roadStart.lat];
    const times: number[] = [0, this.pieceStartS[0]!];
    pieces.forEach((piece, k) => {
      const t0 = this.pieceStartS[k]!;
      const t1 = this.pieceStartS[k + 1]!;
      const span = piece.toM - piece.fromM;
      forEachVertexBetween(this.graph, piece.edge, piece.fromM, piece.toM, (x, y, offM) => {
        lon.push(x);
        lat.push(y);
        times.push(t0 + (span > 0 ? (offM - piece.fromM) / span : 1) * (t1 - t0));
      });
    });
    lon.push(dest.lon);
    lat.push(dest.lat);
    times.push(durationS);
    const coords = new Float64Array(lon.length * 2);
    for (let i = 0; i < lon.length; i++) {
      coords[2 * i] = lon[i]!;
      coords[2 * i + 1] = lat[i]!;
    }
    // Rounding must not make time run backwards or miss the arrival time.
    const timesS = Float64Array.from(times);
    for (let i = 1; i < timesS.length; i++) timesS[i] = Math.min(Math.max(timesS[i]!, timesS[i - 1]!), durationS);
    timesS[timesS.length - 1] = durationS;
    return { coords, timesS };
  }
}

/** The point `offsetM` metres along edge `e` (clamped to the edge). */
export function pointOnEdge(graph: RoadGraph, e: number, offsetM: number): { lon: number; lat: number } {
  const count = edgeVertexCount(graph, e);
  let done = 0;
  let v0 = edgeVertex(graph, e, 0);
  for (let i = 1; i < count; i++) {
    const v1 = edgeVertex(graph, e, i);
    const len = greatCircleM(graph.vertexLon[v0]!, graph.vertexLat[v0]!, graph.vertexLon[v1]!, graph.vertexLat[v1]!);
    if (done + len >= offsetM || i === count - 1) {
      const f = len > 0 ? Math.min(Math.max((offsetM - done) / len, 0), 1) : 0;
      return {
        lon: graph.vertexLon[v0]! + f * (graph.vertexLon[v1]! - graph.vertexLon[v0]!),
        lat: graph.vertexLat[v0]! + f * (graph.vertexLat[v1]! - graph.vertexLat[v0]!),
      };
    }
    done += len;
    v0 = v1;
  }
  return { lon: graph.vertexLon[v0]!, lat: graph.vertexLat[v0]! };
}

/**
 * Calls `visit` for the shape of edge `e` between `fromM` and `toM` metres (fromM <= toM): each
 * vertex strictly inside, then the point at `toM`, each with its offset along the edge.
 */
function forEachVertexBetween(
  graph: RoadGraph,
  e: number,
  fromM: number,
  toM: number,
  visit: (lon: number, lat: number, offsetM: number) => void,
): void {
  const count = edgeVertexCount(graph, e);
  let done = 0;
  let v0 = edgeVertex(graph, e, 0);
  for (let i = 1; i < count; i++) {
    const v1 = edgeVertex(graph, e, i);
    done += greatCircleM(graph.vertexLon[v0]!, graph.vertexLat[v0]!, graph.vertexLon[v1]!, graph.vertexLat[v1]!);
    if (done >= toM) break;
    if (done > fromM) visit(graph.vertexLon[v1]!, graph.vertexLat[v1]!, done);
    v0 = v1;
  }
  const end = pointOnEdge(graph, e, toM);
  visit(end.lon, end.lat, toM);
}
