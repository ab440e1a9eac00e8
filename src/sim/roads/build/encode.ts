/**
 * Writing the road graph file (roads/format.ts): a graph, with its hierarchy when it has one, or a
 * hierarchy alone, laid out as one ArrayBuffer.
 */
import type { Hierarchy } from '../hierarchy';
import type { RoadGraph } from '../graph';
import { GRAPH_FORMAT_VERSION, GRAPH_SECTIONS, HIERARCHY_SECTIONS, MAGIC, type ElementType, type Header, type SectionInfo, type TypedArray } from '../format';

export function encodeGraph(graph: RoadGraph): ArrayBuffer {
  const arrays: [string, TypedArray][] = GRAPH_SECTIONS.map((name) => [name, graph[name]]);
  if (graph.hierarchy) arrays.push(...hierarchyArrays(graph.hierarchy));
  return pack(
    { kind: 'graph', nodeCount: graph.nodeCount, edgeCount: graph.edgeCount, roadCount: graph.roadCount, meta: graph.meta, hasHierarchy: graph.hierarchy !== undefined },
    arrays,
  );
}

/** A hierarchy alone (for a graph of `nodeCount` nodes and `edgeCount` edges), e.g. for another metric. */
export function encodeHierarchy(hierarchy: Hierarchy, nodeCount: number, edgeCount: number): ArrayBuffer {
  return pack({ kind: 'hierarchy', nodeCount, edgeCount, roadCount: 0, meta: null, hasHierarchy: true }, hierarchyArrays(hierarchy));
}

function hierarchyArrays(h: Hierarchy): [string, TypedArray][] {
  return HIERARCHY_SECTIONS.map((name) => [`hierarchy.${name}`, h[name]]);
}

function pack(body: Omit<Header, 'sections'>, arrays: readonly [string, TypedArray][]): ArrayBuffer {
  // Sections are laid out after the header, whose length depends on their offsets: lay out
  // relative offsets first, then shift them by the padded header length (which then no longer changes).
  const relative: SectionInfo[] = [];
  let at = 0;
  for (const [name, array] of arrays) {
    relative.push({ name, type: typeOf(array), offset: at, length: array.length });
    at = align8(at + array.byteLength);
  }
  let headerBytes = 0;
  let header = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    const base = 16 + headerBytes;
    const full: Header = { ...body, sections: relative.map((s) => ({ ...s, offset: s.offset + base })) };
    header = toAscii(JSON.stringify(full));
    const padded = align8(header.length);
    if (padded === headerBytes) break;
    headerBytes = padded;
  }
  const buffer = new ArrayBuffer(16 + headerBytes + at);
  const bytes = new Uint8Array(buffer);
  bytes.set(MAGIC, 0);
  const dataView = new DataView(buffer);
  dataView.setUint32(8, GRAPH_FORMAT_VERSION, true);
  dataView.setUint32(12, headerBytes, true);
  for (let i = 0; i < headerBytes; i++) bytes[16 + i] = i < header.length ? header.charCodeAt(i) : 0x20;
  const base = 16 + headerBytes;
  arrays.forEach(([, array], i) => {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), base + relative[i]!.offset);
  });
  return buffer;
}

function typeOf(array: TypedArray): ElementType {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Int32Array) return 'i32';
  return 'u8';
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** JSON with every non-ASCII character escaped, so that one byte is one character. */
function toAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
