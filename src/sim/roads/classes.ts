/**
 * Road classes: the OSM `highway` values a vehicle may drive on, each stored as a small integer
 * per edge (`RoadGraph.edgeClass`). The numbering is part of the encoded graph file format: append
 * new classes at the end, never reorder.
 */
export const ROAD_CLASSES = [
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
  'tertiary',
  'tertiary_link',
  'unclassified',
  'residential',
  'living_street',
  'service',
  'road',
] as const;

export type RoadClass = (typeof ROAD_CLASSES)[number];

const INDEX = new Map<string, number>(ROAD_CLASSES.map((name, i) => [name, i]));

/** The class number of an OSM `highway` value, or -1 when vehicles do not drive on it. */
export function roadClassIndex(highway: string): number {
  return INDEX.get(highway) ?? -1;
}

export function isRoadClass(name: string): name is RoadClass {
  return INDEX.has(name);
}
