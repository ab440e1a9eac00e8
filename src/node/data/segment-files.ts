/**
 * The snapping index's segment file of a cached graph (src/world/segment-file.ts), for a build that
 * ships it beside the graph (the browser build: see src/web/data-provider.ts, which can hand its
 * bytes to the world builder as the graph's `segmentStore`).
 */
import { existsSync } from 'node:fs';
import type { RoadGraph } from '../../sim/roads/graph';
import { createRoadSnapper } from '../../world/road';
import { segmentFileKey, type WithSegmentStore } from '../../world/segment-file';
import { segmentFilePath } from '../osm/graph-file';

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
