/**
 * Road points kept per place (src/sim/travel/road-points.ts): the same point as worked out afresh,
 * kept for a place met again, worked out again for a place whose road position has changed.
 */
import { describe, expect, it } from 'vitest';
import { RoadPoints } from '../../../src/sim/travel/road-points';
import { OnRoadPlace, pointOnEdge } from '../../../src/sim/travel/road-trip';
import type { Place } from '../../../src/sim/world';
import { asciiNetwork } from '../roads/helpers';

const NET = asciiNetwork(
  `
  A - B - C
  |   |   |
  D - E - F
`,
  { cellM: 200 },
);

describe('RoadPoints', () => {
  it('gives pointOnEdge of a place, kept for the place, again when it moves', () => {
    const points = new RoadPoints(NET.graph);
    const graph = NET.graph;
    for (let e = 0; e < graph.edgeCount; e++) {
      const place: { -readonly [K in keyof Place]: Place[K] } = { lon: 0, lat: 0, edge: e, offsetM: 37.5, accessM: 12 };
      const first = points.of(place);
      expect({ lon: first.lon, lat: first.lat }).toEqual(pointOnEdge(graph, e, 37.5));
      expect(points.of(place), 'kept').toBe(first);
      place.offsetM = 80;
      expect({ ...points.of(place) }).toMatchObject(pointOnEdge(graph, e, 80));
      const onRoad = new OnRoadPlace(graph, e, 12);
      expect(points.of(onRoad)).toEqual(pointOnEdge(graph, e, 12));
    }
  });
});
