/**
 * Reading the road graph file (roads/format.ts) without copying: typed-array views on the bytes, in
 * Node and in a Web Worker alike. Every inconsistency is a GraphFormatError saying what is wrong.
 */
import type { Hierarchy } from '../hierarchy';
import type { GraphMeta, RoadGraph } from '../graph';
import { CONSTRUCTORS, GRAPH_FORMAT_VERSION, GraphFormatError, MAGIC, type ElementType, type Header, type TypedArray } from '../format';

/** Just the header's meta (cheap: reads no sections), e.g. to check a cached file's inputs. */
export function readGraphMeta(data: ArrayBuffer | Uint8Array): GraphMeta {
  const header = readHeader(asBytes(data));
  if (header.kind !== 'graph' || !header.meta) throw new GraphFormatError(`a ${header.kind} file, not a road graph`);
  return header.meta;
}

export function decodeGraph(data: ArrayBuffer | Uint8Array): RoadGraph {
  const { header, view } = unpack(data);
  if (header.kind !== 'graph' || !header.meta) throw new GraphFormatError(`a ${header.kind} file, not a road graph`);
  const { nodeCount: n, edgeCount: m, roadCount: r } = header;
  const firstVertex = view<Uint32Array>('roadFirstVertex', 'u32', r + 1);
  const vertices = firstVertex[r]!;
  const graph: RoadGraph = {
    nodeCount: n,
    edgeCount: m,
    roadCount: r,
    nodeLon: view('nodeLon', 'f64', n),
    nodeLat: view('nodeLat', 'f64', n),
    firstOut: view('firstOut', 'u32', n + 1),
    edgeTail: view('edgeTail', 'u32', m),
    edgeHead: view('edgeHead', 'u32', m),
    firstIn: view('firstIn', 'u32', n + 1),
    inEdges: view('inEdges', 'u32', m),
    edgeLengthM: view('edgeLengthM', 'f64', m),
    edgeClass: view('edgeClass', 'u8', m),
    edgeMaxspeedKph: view('edgeMaxspeedKph', 'f32', m),
    edgeTwin: view('edgeTwin', 'i32', m),
    edgeRoad: view('edgeRoad', 'u32', m),
    edgeReversed: view('edgeReversed', 'u8', m),
    roadFirstVertex: firstVertex,
    vertexLon: view('vertexLon', 'f64', vertices),
    vertexLat: view('vertexLat', 'f64', vertices),
    roadForwardEdge: view('roadForwardEdge', 'i32', r),
    roadBackwardEdge: view('roadBackwardEdge', 'i32', r),
    meta: header.meta,
  };
  if (graph.firstOut[n] !== m || graph.firstIn[n] !== m) throw new GraphFormatError(`edge lists do not add up to ${m} edges`);
  if (!header.hasHierarchy) return graph;
  return { ...graph, hierarchy: readHierarchy(header, view) };
}

/** A hierarchy file's hierarchy, checked against the graph it is meant for. */
export function decodeHierarchy(data: ArrayBuffer | Uint8Array, graph: Pick<RoadGraph, 'nodeCount' | 'edgeCount'>): Hierarchy {
  const { header, view } = unpack(data);
  if (header.kind !== 'hierarchy') throw new GraphFormatError(`a ${header.kind} file, not a hierarchy`);
  if (header.nodeCount !== graph.nodeCount || header.edgeCount !== graph.edgeCount) {
    throw new GraphFormatError(`hierarchy for ${header.nodeCount} nodes and ${header.edgeCount} edges, the graph has ${graph.nodeCount} and ${graph.edgeCount}`);
  }
  return readHierarchy(header, view);
}

type View = <T extends TypedArray>(name: string, type: ElementType, length: number) => T;

function readHierarchy(header: Header, view: View): Hierarchy {
  const { nodeCount: n, edgeCount: m } = header;
  const count = (name: string): number => header.sections.find((s) => s.name === `hierarchy.${name}`)?.length ?? -1;
  const arcs = count('arcEdge');
  const up = count('upOutHead');
  const down = count('upInTail');
  const hierarchy: Hierarchy = {
    rank: view('hierarchy.rank', 'u32', n),
    upOutFirst: view('hierarchy.upOutFirst', 'u32', n + 1),
    upOutHead: view('hierarchy.upOutHead', 'u32', up),
    upOutWeight: view('hierarchy.upOutWeight', 'u32', up),
    upOutArc: view('hierarchy.upOutArc', 'u32', up),
    upInFirst: view('hierarchy.upInFirst', 'u32', n + 1),
    upInTail: view('hierarchy.upInTail', 'u32', down),
    upInWeight: view('hierarchy.upInWeight', 'u32', down),
    upInArc: view('hierarchy.upInArc', 'u32', down),
    arcEdge: view('hierarchy.arcEdge', 'i32', arcs),
    arcLeft: view('hierarchy.arcLeft', 'i32', arcs),
    arcRight: view('hierarchy.arcRight', 'i32', arcs),
    edgeWeightMs: view('hierarchy.edgeWeightMs', 'u32', m),
  };
  if (hierarchy.upOutFirst[n] !== up || hierarchy.upInFirst[n] !== down) throw new GraphFormatError('hierarchy arc lists do not add up');
  return hierarchy;
}

function unpack(data: ArrayBuffer | Uint8Array): { header: Header; view: View } {
  let bytes = asBytes(data);
  // Typed-array views need aligned offsets: copy when the bytes sit at an odd place in their buffer.
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const header = readHeader(bytes);
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const view: View = <T extends TypedArray>(name: string, type: ElementType, length: number): T => {
    const s = byName.get(name);
    if (!s) throw new GraphFormatError(`section ${name} is missing`);
    if (s.type !== type) throw new GraphFormatError(`section ${name}: expected ${type}, found ${s.type}`);
    if (s.length !== length) throw new GraphFormatError(`section ${name}: expected ${length} elements, found ${s.length}`);
    const Ctor = CONSTRUCTORS[type];
    const bytesLength = s.length * Ctor.BYTES_PER_ELEMENT;
    if (s.offset % 8 !== 0 || s.offset + bytesLength > bytes.byteLength) {
      throw new GraphFormatError(`section ${name}: bytes ${s.offset}..${s.offset + bytesLength} lie outside the ${bytes.byteLength}-byte file`);
    }
    return new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + s.offset, s.length) as T;
  };
  return { header, view };
}

function asBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function readHeader(bytes: Uint8Array): Header {
  if (bytes.byteLength < 16 || MAGIC.some((b, i) => bytes[i] !== b)) throw new GraphFormatError('not a road graph file (no RSGRAPH signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== GRAPH_FORMAT_VERSION) {
    throw new GraphFormatError(`road graph format version ${version}, this program reads version ${GRAPH_FORMAT_VERSION} (rebuild the graph)`);
  }
  const length = view.getUint32(12, true);
  if (16 + length > bytes.byteLength) throw new GraphFormatError(`header of ${length} bytes runs past the end of the ${bytes.byteLength}-byte file`);
  let text = '';
  for (let i = 0; i < length; i += 8192) text += String.fromCharCode(...bytes.subarray(16 + i, 16 + Math.min(length, i + 8192)));
  let header: Header;
  try {
    header = JSON.parse(text) as Header;
  } catch (error) {
    throw new GraphFormatError(`header is not valid JSON (${(error as Error).message})`);
  }
  if ((header.kind !== 'graph' && header.kind !== 'hierarchy') || !Array.isArray(header.sections)) {
    throw new GraphFormatError('header: expected kind "graph" or "hierarchy" and a list of sections');
  }
  return header;
}
