/**
 * The direct journey of road travel (docs/MODEL-ADDITIONS.md, "Direct journeys"): the access-leg
 * rule of MODEL.md applied to the whole way, straight metres between the two places x
 * `detourFactor` at `offRoadSpeedKph`, scaled like an access leg (congestion, blue lights). The
 * road model takes whichever of the road journey and the direct journey is quicker, so two places
 * near each other but far from the modelled roads (east London's main-road skeleton) are not
 * joined through the nearest trunk road.
 *
 * A direct trip glides along the straight segment at constant speed; every second of it counts as
 * access time. Where it is part-way is a place like any other (snapped to the roads when first
 * asked), so a unit can be sent on from there.
 */
import type { Place, Trip } from '../world';
import { greatCircleM } from '../geo';
import { edgeVertex, edgeVertexCount, type RoadGraph } from '../roads/graph';
import { OnRoadPlace } from './road-trip';

/**
 * Metres taken off the edge-end bound of straightAtLeastM: a point found by interpolating lon/lat
 * within a segment lies within a hair of the metres along it that it stands for.
 */
const EDGE_BOUND_SLACK_M = 0.5;
/** Shares of an end's access metres, and of the way to it, that GlidePlace's bound counts (margins for rounding and projection). */
const ACCESS_SHARE = 0.98;
const WAY_SHARE = 1.02;

/**
 * A lower bound on the straight metres between `place` and (lon, lat): exactly the great-circle
 * metres when the place's coordinates are known; for a place on a road whose coordinates have not
 * been worked out (a unit on the move, road-trip.ts OnRoadPlace), a bound from the ends of its edge
 * (a point `x` metres along an edge is at most `x` straight metres from the edge's first vertex,
 * and at most `length - x` from its last), so that ranking need not place every moving unit.
 */
export function straightAtLeastM(graph: RoadGraph, place: Place, lon: number, lat: number): number {
  if (!(place instanceof OnRoadPlace) || place.located) return greatCircleM(place.lon, place.lat, lon, lat);
  const e = place.edge;
  const lengthM = graph.edgeLengthM[e]!;
  const x = Math.min(Math.max(place.offsetM, 0), lengthM);
  const first = edgeVertex(graph, e, 0);
  const last = edgeVertex(graph, e, edgeVertexCount(graph, e) - 1);
  const fromFirst = greatCircleM(graph.vertexLon[first]!, graph.vertexLat[first]!, lon, lat) - x;
  const fromLast = greatCircleM(graph.vertexLon[last]!, graph.vertexLat[last]!, lon, lat) - (lengthM - x);
  return Math.max(0, Math.max(fromFirst, fromLast) * (1 - 1e-9) - EDGE_BOUND_SLACK_M);
}

/**
 * A place part-way along a direct trip. Its coordinates are fixed; its road position (edge,
 * offset, access metres) is the snap of those coordinates, made when first read, since most such
 * places are only ever drawn or compared by straight distance (ranking asks `snapped` and uses
 * `accessAtLeastM` until it needs the road position).
 */
export class GlidePlace implements Place {
  private snappedTo: Place | null = null;
  // Numbers start as numbers (a field declared bare starts undefined, and V8 then boxes each number stored).
  readonly lon: number = 0;
  readonly lat: number = 0;
  /**
   * A lower bound on `accessM` known without snapping: the nearest road is at most as near as
   * the nearest road of either end of the glide, less the straight metres to that end.
   */
  readonly accessAtLeastM: number = 0;

  constructor(
    lon: number,
    lat: number,
    accessAtLeastM: number,
    /** The travel model's snapping (TravelModel.place). */
    private readonly snap: (lon: number, lat: number) => Place,
  ) {
    this.lon = lon;
    this.lat = lat;
    this.accessAtLeastM = accessAtLeastM;
  }

  /** Whether the road position has been worked out (reading it is then free). */
  get snapped(): boolean {
    return this.snappedTo !== null;
  }

  get edge(): number {
    return this.road().edge;
  }

  get offsetM(): number {
    return this.road().offsetM;
  }

  get accessM(): number {
    return this.road().accessM;
  }

  /** A plain Place (road position included) for JSON. */
  toJSON(): Place {
    const { edge, offsetM, accessM } = this.road();
    return { lon: this.lon, lat: this.lat, edge, offsetM, accessM };
  }

  private road(): Place {
    return (this.snappedTo ??= this.snap(this.lon, this.lat));
  }
}

/** A direct journey, fixed at departure: a straight glide from origin to destination at constant speed. */
export class DirectTrip implements Trip {
  /** Every second of a direct journey is off the modelled roads. */
  readonly accessS: number = 0;
  /** Straight metres x the detour factor (what the journey stands for on the ground). */
  readonly distanceM: number = 0;
  /** Lower bounds on the metres from each end to its nearest road (see GlidePlace.accessAtLeastM). */
  private readonly originNearM: number = 0;
  private readonly destNearM: number = 0;
  /** Seconds from departure to arrival (exactly the model's travel time for the pair). */
  readonly durationS: number = 0;
  /** Straight metres from origin to destination. */
  private readonly straightM: number = 0;
  /** Snaps for the places along the glide, the last one kept (a unit ranked, then sent, is snapped once). */
  private readonly snapAlong: (lon: number, lat: number) => Place;

  constructor(
    private readonly origin: Place,
    private readonly dest: Place,
    durationS: number,
    straightM: number,
    detourFactor: number,
    snap: (lon: number, lat: number) => Place,
  ) {
    this.durationS = durationS;
    this.straightM = straightM;
    this.accessS = durationS;
    this.distanceM = straightM * detourFactor;
    this.originNearM = nearestRoadAtLeastM(origin);
    this.destNearM = nearestRoadAtLeastM(dest);
    let lastLon = NaN;
    let lastLat = NaN;
    let last: Place | null = null;
    this.snapAlong = (lon, lat) => {
      if (lon !== lastLon || lat !== lastLat || last === null) {
        last = snap(lon, lat);
        lastLon = lon;
        lastLat = lat;
      }
      return last;
    };
  }

  placeAt(elapsedS: number): Place {
    if (elapsedS >= this.durationS) return this.dest;
    if (!(elapsedS > 0)) return this.origin;
    const f = elapsedS / this.durationS;
    const { origin, dest, straightM } = this;
    // The nearest road is no nearer than either end's, less the way from that end; with margins
    // for snapping's local projection (well under 1 % on a city) and for rounding.
    const fromOrigin = this.originNearM - WAY_SHARE * f * straightM;
    const fromDest = this.destNearM - WAY_SHARE * (1 - f) * straightM;
    const accessAtLeastM = Math.max(0, Math.max(fromOrigin, fromDest) - EDGE_BOUND_SLACK_M);
    const { lon, lat } = alongGreatCircle(origin, dest, f);
    return new GlidePlace(lon, lat, accessAtLeastM, this.snapAlong);
  }

  geometry(): { coords: Float64Array; timesS: Float64Array } {
    return {
      coords: Float64Array.of(this.origin.lon, this.origin.lat, this.dest.lon, this.dest.lat),
      timesS: Float64Array.of(0, this.durationS),
    };
  }
}

const RAD = Math.PI / 180;

/**
 * The point a fraction `f` of the way from `a` to `b` along the great circle (spherical linear
 * interpolation), so that its great-circle metres to each end are exactly f and 1 - f of the whole:
 * a unit sent on from there by the direct way takes exactly the rest of the time.
 */
export function alongGreatCircle(a: { lon: number; lat: number }, b: { lon: number; lat: number }, f: number): { lon: number; lat: number } {
  const cosA = Math.cos(a.lat * RAD);
  const cosB = Math.cos(b.lat * RAD);
  const ax = cosA * Math.cos(a.lon * RAD);
  const ay = cosA * Math.sin(a.lon * RAD);
  const az = Math.sin(a.lat * RAD);
  const bx = cosB * Math.cos(b.lon * RAD);
  const by = cosB * Math.sin(b.lon * RAD);
  const bz = Math.sin(b.lat * RAD);
  // The angle between the ends from the chord (accurate for short distances, unlike acos of a dot).
  const chord = Math.hypot(bx - ax, by - ay, bz - az);
  const angle = 2 * Math.asin(Math.min(1, chord / 2));
  if (!(angle > 1e-15)) return { lon: a.lon + f * (b.lon - a.lon), lat: a.lat + f * (b.lat - a.lat) };
  const sin = Math.sin(angle);
  const wa = Math.sin((1 - f) * angle) / sin;
  const wb = Math.sin(f * angle) / sin;
  const x = wa * ax + wb * bx;
  const y = wa * ay + wb * by;
  const z = wa * az + wb * bz;
  return { lon: Math.atan2(y, x) / RAD, lat: Math.atan2(z, Math.hypot(x, y)) / RAD };
}

/**
 * A lower bound on the straight metres from `place` to its nearest road, read without snapping: a
 * place's `accessM` is the way to its nearest road position (snapped places, and places on an
 * access leg, whose leg heads for the nearest road of its end), less a margin for snapping's
 * local projection; a place on a glide not yet snapped gives its own bound.
 */
function nearestRoadAtLeastM(place: Place): number {
  if (place instanceof GlidePlace && !place.snapped) return place.accessAtLeastM;
  return ACCESS_SHARE * place.accessM;
}
