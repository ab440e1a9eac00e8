/**
 * The search spaces every run on a road world needs, kept by the host between runs
 * (src/sim/roads/query/kept-spaces.ts): those of the ways out of and into the demand points'
 * snapped road positions. About half of a London week's searches are of these nodes, the same in
 * every run whatever its seed or resourcing; the rest (units on the move) differ from run to run.
 * Pure (no Node, no DOM).
 */
import { entries, exits, roadPosition } from '../sim/roads/query/ends';
import { keepSpaces, type KeptSpaces } from '../sim/roads/query/kept-spaces';
import type { SpaceNodes } from '../sim/roads/query/space-file';
import type { SpaceStore } from '../sim/roads/graph';
import type { RoadTravelModel } from '../sim/travel/road';
import type { DemandPoints } from '../sim/world';

/** The nodes of the ways out of (forward) and into (backward) the places at the points, ascending. */
export function demandSpaceNodes(travel: RoadTravelModel, points: Pick<DemandPoints, 'lon' | 'lat'>): SpaceNodes {
  const { graph, weights } = travel;
  const forward = new Set<number>();
  const backward = new Set<number>();
  for (let i = 0; i < points.lon.length; i++) {
    const pos = roadPosition(graph, travel.place(points.lon[i]!, points.lat[i]!));
    for (const x of exits(graph, weights, pos).nodes) forward.add(x);
    for (const y of entries(graph, weights, pos).nodes) backward.add(y);
  }
  const sorted = (set: Set<number>): Uint32Array => Uint32Array.from(set).sort();
  return { forward: sorted(forward), backward: sorted(backward) };
}

/** The words naming the points (their coordinates' bits, lon then lat): the key of their space file. */
export function demandPlaces(points: Pick<DemandPoints, 'lon' | 'lat'>): Uint32Array {
  const n = points.lon.length;
  const coords = new Float64Array(2 * n);
  coords.set(points.lon, 0);
  coords.set(points.lat, n);
  return new Uint32Array(coords.buffer);
}

/**
 * Starts the world's runs with the demand points' spaces from the graph's space store (a host with
 * a disk: made and saved there when missing), else from `fetched` (a space file the data provider
 * fetched: used when it was made for this hierarchy and these points), else does nothing.
 */
export function keepDemandSpaces(travel: RoadTravelModel, points: Pick<DemandPoints, 'lon' | 'lat'>, fetched?: Uint8Array): KeptSpaces {
  const store: SpaceStore | undefined = travel.graph.spaceStore ?? (fetched ? { load: () => fetched } : undefined);
  if (!store || points.lon.length === 0) return 'none';
  // The file names its nodes: the points are snapped only to make it.
  return keepSpaces(travel.graph, travel.hierarchy, demandPlaces(points), () => demandSpaceNodes(travel, points), store);
}
