/**
 * Files the Node side keeps so that a world build reads them instead of making them, for a build
 * that ships them with the data (the browser build: its data provider can hand their bytes to the
 * world builder): the snapping index's segment file of a cached graph (src/world/segment-file.ts)
 * and the built-in demand points' areas (src/world/point-areas.ts).
 */
import { existsSync } from 'node:fs';
import type { RoadGraph } from '../../sim/roads/graph';
import { buildAreaSet } from '../../world/areas';
import { pointAreas } from '../../world/point-areas';
import { createRoadSnapper } from '../../world/road';
import { segmentFileKey, type WithSegmentStore } from '../../world/segment-file';
import { segmentFilePath } from '../osm/graph-file';
import { ensureBuiltinData } from './builtin';
import { nodeDataProvider, pointAreasFile, type NodeDataOptions } from './provider';

/**
 * The path of the segment file of `graph`, read from the cache file `graphFile` with its stores
 * (`cachedGraph`, `loadGraphFile`): made there first when missing or unusable (by making a
 * snapper, which saves it). Null when the graph has no store or the file could not be written.
 */
export function keptSegmentFile(graphFile: string, graph: RoadGraph & WithSegmentStore): string | null {
  if (!graph.segmentStore) return null;
  createRoadSnapper(graph);
  const file = segmentFilePath(graphFile, segmentFileKey(graph));
  return existsSync(file) ? file : null;
}

/**
 * The path of the file of the London demand points' areas in the London areas (built-in sets
 * "london-lsoa" in "london-boroughs"), made first when missing or unusable. The areas are located
 * by feature order, whatever a scenario's id and name properties: one file serves every scenario
 * naming these two sets. Null when it could not be written.
 */
export async function keptPointAreasFile(options: NodeDataOptions = {}): Promise<string | null> {
  const data = nodeDataProvider(options);
  const [fc, points] = await Promise.all([data.areas('london-boroughs'), data.points('london-lsoa')]);
  const built = buildAreaSet(fc, { idProperty: 'id', nameProperty: 'name', groups: {}, path: 'areas.source("london-boroughs")' });
  if (!built.ok) throw new Error(`the built-in London areas are not an area set: ${built.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  pointAreas(data.pointAreas?.('london-boroughs', 'london-lsoa'), built.areas, Float64Array.from(points.lon), Float64Array.from(points.lat));
  const file = pointAreasFile(await ensureBuiltinData(options), 'london-boroughs', 'london-lsoa');
  return existsSync(file) ? file : null;
}
