/**
 * The London graph's segment file (src/world/segment-file.ts: the snapping index), made in the
 * Node cache when missing (src/node/data/kept-files.ts), written gzipped into the site's data/
 * folder as src/web/segment-fetch.ts names it: a browser sim worker reads it instead of making the
 * index in its world build. Null when the cache could not keep one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { keptSegmentFile } from '../src/node/data/kept-files';
import { ensureLondonGraph } from '../src/node/osm/london';
import { WEB_SEGMENT_FILES } from '../src/web/segment-fetch';

export async function writeWebSegments(out: string): Promise<{ file: string; bytes: number } | null> {
  const { path: graphFile, graph } = await ensureLondonGraph();
  const kept = keptSegmentFile(graphFile, graph);
  if (kept === null) return null;
  const file = WEB_SEGMENT_FILES['london']!;
  const zipped = gzipped(kept);
  writeFileSync(path.join(out, file), zipped);
  return { file, bytes: zipped.length };
}

/** The file gzipped: by the system's gzip where there is one (London: 3.4 MB, against Node's zlib's 5.5 MB), else by zlib. */
function gzipped(file: string): Buffer {
  try {
    return execFileSync('gzip', ['-9', '-c', '-n', file], { maxBuffer: 1 << 28 });
  } catch {
    return gzipSync(readFileSync(file), { level: 9 });
  }
}
