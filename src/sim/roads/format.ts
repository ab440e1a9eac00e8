/**
 * The road graph file (and the hierarchy file, the same container holding only a hierarchy):
 * one ArrayBuffer that decodes without copying (typed-array views on it), in Node and in a Web
 * Worker alike.
 *
 * Layout (little-endian):
 *   0   8 bytes  magic "RSGRAPH\0"
 *   8   uint32   format version (GRAPH_FORMAT_VERSION)
 *   12  uint32   byte length of the header
 *   16  header   JSON in ASCII (non-ASCII escaped), padded with spaces to a multiple of 8
 *   ... sections, each starting at a multiple of 8, as listed in the header
 * The header holds the kind ("graph" or "hierarchy"), the counts, the graph's `meta` and, per
 * section, its name, element type, byte offset and element count. A graph file holds the
 * hierarchy's sections too when the graph has one.
 *
 * Written offline by build/encode.ts (the data step, import-osm, a host keeping a hierarchy it
 * contracted) and read at run time by query/decode.ts.
 */
import type { GraphMeta } from './graph';

export const GRAPH_FORMAT_VERSION = 2;
export const MAGIC = [0x52, 0x53, 0x47, 0x52, 0x41, 0x50, 0x48, 0x00]; // "RSGRAPH\0"

export type TypedArray = Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array;
export type ElementType = 'f64' | 'f32' | 'u32' | 'i32' | 'u8';
export const CONSTRUCTORS = {
  f64: Float64Array,
  f32: Float32Array,
  u32: Uint32Array,
  i32: Int32Array,
  u8: Uint8Array,
} as const;

export interface SectionInfo {
  readonly name: string;
  readonly type: ElementType;
  readonly offset: number;
  readonly length: number;
}

export interface Header {
  readonly kind: 'graph' | 'hierarchy';
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly roadCount: number;
  readonly meta: GraphMeta | null;
  readonly hasHierarchy: boolean;
  readonly sections: readonly SectionInfo[];
}

export const GRAPH_SECTIONS = [
  'nodeLon', 'nodeLat', 'firstOut', 'edgeTail', 'edgeHead', 'firstIn', 'inEdges', 'edgeLengthM', 'edgeClass',
  'edgeMaxspeedKph', 'edgeTwin', 'edgeRoad', 'edgeReversed', 'roadFirstVertex', 'vertexLon', 'vertexLat',
  'roadForwardEdge', 'roadBackwardEdge',
] as const;
export const HIERARCHY_SECTIONS = [
  'rank', 'upOutFirst', 'upOutHead', 'upOutWeight', 'upOutArc', 'upInFirst', 'upInTail', 'upInWeight', 'upInArc',
  'arcEdge', 'arcLeft', 'arcRight', 'edgeWeightMs',
] as const;

/** Raised for bytes that are not a road graph file of this format; says what is wrong. */
export class GraphFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphFormatError';
  }
}
