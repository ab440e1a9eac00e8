/**
 * Point-in-area tests on the built areas (full geometry), with a bounding-box check first so that
 * locating a point among the 33 areas stays cheap.
 */
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AreaCollection, AreaFeature } from './boroughs';

/** [minLon, minLat, maxLon, maxLat]. */
export type Bbox = readonly [number, number, number, number];

export interface AreaLocator {
  /** Index into `areas.features` of the area containing the point, or -1. */
  locate(lon: number, lat: number): number;
  /** Whether the point lies inside area `index` (boundary counts as inside). */
  contains(index: number, lon: number, lat: number): boolean;
}

export function areaBbox(feature: AreaFeature): Bbox {
  const [minLon, minLat, maxLon, maxLat] = turfBbox(feature as Parameters<typeof turfBbox>[0]);
  return [minLon, minLat, maxLon, maxLat];
}

export function areaLocator(areas: AreaCollection): AreaLocator {
  const boxes = areas.features.map(areaBbox);
  const contains = (index: number, lon: number, lat: number): boolean => {
    const box = boxes[index];
    if (!box) throw new Error(`area index ${index} out of range (0..${boxes.length - 1})`);
    if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) return false;
    return booleanPointInPolygon([lon, lat], areas.features[index]! as Parameters<typeof booleanPointInPolygon>[1]);
  };
  return {
    contains,
    locate(lon, lat) {
      for (let i = 0; i < boxes.length; i++) if (contains(i, lon, lat)) return i;
      return -1;
    },
  };
}
