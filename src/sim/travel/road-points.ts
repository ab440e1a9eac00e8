/**
 * The points where places meet the roads, kept per place for places met again and again (road.ts
 * hands them to its trips, road-trip.ts).
 */
import type { Place } from '../world';
import type { RoadGraph } from '../roads/graph';
import { GlidePlace } from './direct';
import { OnRoadPlace, pointOnEdge, TripPlace } from './road-trip';

/** A place's road point, and the road position it was worked out for. */
interface KeptPoint {
  readonly lon: number;
  readonly lat: number;
  readonly edge: number;
  readonly offsetM: number;
}

/**
 * The points where places meet the roads (`pointOnEdge` of their road position), kept per place
 * for places met again and again (bases, scenes: the same Place objects): a unit on an access leg
 * is placed between its place and that point, and every trip from or to a base has the same one.
 * Units on the move are somewhere new each time: theirs are worked out and not kept.
 */
export class RoadPoints {
  private readonly kept = new WeakMap<Place, KeptPoint>();

  constructor(private readonly graph: RoadGraph) {}

  of(place: Place): { lon: number; lat: number } {
    if (place instanceof OnRoadPlace || place instanceof TripPlace || place instanceof GlidePlace) return pointOnEdge(this.graph, place.edge, place.offsetM);
    const kept = this.kept.get(place);
    // A place is not expected to move; if it has, its point is worked out again.
    if (kept !== undefined && kept.edge === place.edge && kept.offsetM === place.offsetM) return kept;
    const { lon, lat } = pointOnEdge(this.graph, place.edge, place.offsetM);
    const point: KeptPoint = { lon, lat, edge: place.edge, offsetM: place.offsetM };
    this.kept.set(place, point);
    return point;
  }
}
