/**
 * Test helpers: road networks drawn as ASCII grids (in the manner of ngraph.path's
 * graphFromAscii), and a plain Dijkstra to check the fast queries against.
 *
 * A drawing: letters (but `v`) are junctions; between two letters on a row, `-` is a two-way road, `>` or
 * `<` a one-way road in that direction; between two letters in a column, `|` is two-way, `v`
 * one-way down, `^` one-way up. North is up, near lon -0.1, lat 51.5; a character is cellM / 4
 * across and a line cellM / 2 down (default cellM 100 m), so that "A - B" and A above | above D
 * are both 100 m. Every road is `residential` unless `classes` says
 * otherwise (key: the two letters in reading order, e.g. "AB").
 */
import { buildRoadGraph, type RawNetwork } from '../../../src/sim/roads/build/road-graph';
import type { WeightedGraph } from '../../../src/sim/roads/build/contract';
import { roadClassIndex, type RoadClass } from '../../../src/sim/roads/classes';
import { localProjection } from '../../../src/sim/geo';
import type { RoadGraph } from '../../../src/sim/roads/graph';
import { MinHeap } from '../../../src/sim/roads/heap';

export interface AsciiOptions {
  readonly cellM?: number;
  readonly classes?: Readonly<Record<string, RoadClass>>;
  /** Tagged limits in km/h by road (key as for `classes`). */
  readonly maxspeedKph?: Readonly<Record<string, number>>;
  readonly components?: 'largest' | 'all';
  /** Where the top-left character is drawn (default lon -0.1, lat 51.5). */
  readonly origin?: { readonly lon: number; readonly lat: number };
}

export interface AsciiNetwork {
  readonly raw: RawNetwork;
  readonly graph: RoadGraph;
  /** Where junction `letter` is drawn. */
  at(letter: string): { lon: number; lat: number };
  /** The graph node at junction `letter`, or -1 when it was merged away or dropped. */
  node(letter: string): number;
}

const LON0 = -0.1;
const LAT0 = 51.5;

export function asciiNetwork(drawing: string, options: AsciiOptions = {}): AsciiNetwork {
  const cellM = options.cellM ?? 100;
  const { metresPerDegLon, metresPerDegLat } = localProjection(LAT0);
  const lines = drawing.split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  const grid = lines.map((l) => l.slice(indent));
  const letters = new Map<string, { row: number; col: number }>();
  grid.forEach((line, row) => {
    [...line].forEach((ch, col) => {
      if (!/[A-Za-uw-z]/.test(ch)) return; // 'v' is the one-way-down mark, not a junction
      if (letters.has(ch)) throw new Error(`ascii network: letter ${ch} drawn twice`);
      letters.set(ch, { row, col });
    });
  });
  const names = [...letters.keys()];
  const index = new Map(names.map((name, i) => [name, i]));
  const nodeLon = new Float64Array(names.length);
  const nodeLat = new Float64Array(names.length);
  names.forEach((name, i) => {
    const { row, col } = letters.get(name)!;
    nodeLon[i] = (options.origin?.lon ?? LON0) + (col * cellM) / 4 / metresPerDegLon;
    nodeLat[i] = (options.origin?.lat ?? LAT0) - (row * cellM) / 2 / metresPerDegLat;
  });

  const ways: { a: string; b: string; oneway: number }[] = [];
  const charAt = (row: number, col: number): string => grid[row]?.[col] ?? ' ';
  // Rows: consecutive letters on a row.
  grid.forEach((line) => {
    let prev: { name: string; col: number } | null = null;
    [...line].forEach((ch, col) => {
      if (!letters.has(ch)) return;
      if (prev) {
        const between = line.slice(prev.col + 1, col);
        const way = roadBetween(between, '-', '>', '<');
        if (way !== null) ways.push({ a: prev.name, b: ch, oneway: way });
      }
      prev = { name: ch, col };
    });
  });
  // Columns: consecutive letters in a column.
  const width = Math.max(...grid.map((l) => l.length));
  for (let col = 0; col < width; col++) {
    let prev: { name: string; row: number } | null = null;
    for (let row = 0; row < grid.length; row++) {
      const ch = charAt(row, col);
      if (!letters.has(ch)) continue;
      if (prev) {
        let between = '';
        for (let r = prev.row + 1; r < row; r++) between += charAt(r, col);
        const way = roadBetween(between, '|', 'v', '^');
        if (way !== null) ways.push({ a: prev.name, b: ch, oneway: way });
      }
      prev = { name: ch, row };
    }
  }

  const wayFirstRef = new Uint32Array(ways.length + 1);
  const wayRefs = new Uint32Array(ways.length * 2);
  const wayClass = new Uint8Array(ways.length);
  const wayOneway = new Int8Array(ways.length);
  const wayMaxspeedKph = new Float32Array(ways.length);
  ways.forEach((way, w) => {
    wayFirstRef[w + 1] = 2 * (w + 1);
    wayRefs[2 * w] = index.get(way.a)!;
    wayRefs[2 * w + 1] = index.get(way.b)!;
    const key = way.a + way.b;
    const cls = options.classes?.[key] ?? 'residential';
    wayClass[w] = roadClassIndex(cls);
    wayOneway[w] = way.oneway;
    wayMaxspeedKph[w] = options.maxspeedKph?.[key] ?? 0;
  });
  const raw: RawNetwork = { nodeLon, nodeLat, wayFirstRef, wayRefs, wayClass, wayOneway, wayMaxspeedKph };
  const graph = buildRoadGraph(raw, { sources: ['ascii'], components: options.components });
  const at = (letter: string): { lon: number; lat: number } => {
    const i = index.get(letter);
    if (i === undefined) throw new Error(`ascii network: no letter ${letter}`);
    return { lon: nodeLon[i]!, lat: nodeLat[i]! };
  };
  const node = (letter: string): number => {
    const p = at(letter);
    for (let v = 0; v < graph.nodeCount; v++) if (graph.nodeLon[v] === p.lon && graph.nodeLat[v] === p.lat) return v;
    return -1;
  };
  return { raw, graph, at, node };
}

/** 0 two-way, 1 one-way forward, -1 one-way backward, null no road. */
function roadBetween(between: string, both: string, forward: string, backward: string): number | null {
  const marks = between.replace(/ /g, '');
  if (marks.length === 0 || [...marks].some((c) => c !== both && c !== forward && c !== backward)) return null;
  if (marks.includes(forward)) return 1;
  if (marks.includes(backward)) return -1;
  return 0;
}

/**
 * Plain Dijkstra (binary heap, no pruning) over the road graph with real-valued edge costs:
 * the least cost from any source seed to any target seed (seed costs included), or Infinity.
 */
export function plainDijkstra(
  graph: RoadGraph,
  edgeCost: ArrayLike<number>,
  sources: { nodes: readonly number[]; costs: readonly number[] },
  targets: { nodes: readonly number[]; costs: readonly number[] },
): number {
  const { firstOut, edgeHead } = graph;
  const dist = new Float64Array(graph.nodeCount).fill(Infinity);
  const heap = new MinHeap();
  sources.nodes.forEach((v, i) => {
    if (sources.costs[i]! < dist[v]!) {
      dist[v] = sources.costs[i]!;
      heap.push(dist[v]!, v);
    }
  });
  const targetCost = new Float64Array(graph.nodeCount).fill(Infinity);
  let remaining = 0;
  targets.nodes.forEach((v, i) => {
    if (targetCost[v] === Infinity) remaining++;
    targetCost[v] = Math.min(targetCost[v]!, targets.costs[i]!);
  });
  let best = Infinity;
  while (heap.size > 0 && remaining > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (d > dist[v]!) continue;
    if (d >= best) break;
    const tc = targetCost[v]!;
    if (tc !== Infinity) {
      best = Math.min(best, d + tc);
      remaining--;
    }
    for (let e = firstOut[v]!, end = firstOut[v + 1]!; e < end; e++) {
      const x = edgeHead[e]!;
      const nd = d + edgeCost[e]!;
      if (nd < dist[x]!) {
        dist[x] = nd;
        heap.push(nd, x);
      }
    }
  }
  return best;
}

/** Plain Dijkstra from the source seeds to every node (Infinity where unreachable). */
export function plainDijkstraAll(
  graph: RoadGraph,
  edgeCost: ArrayLike<number>,
  sources: { nodes: readonly number[]; costs: readonly number[] },
): Float64Array {
  const { firstOut, edgeHead } = graph;
  const dist = new Float64Array(graph.nodeCount).fill(Infinity);
  const heap = new MinHeap();
  sources.nodes.forEach((v, i) => {
    if (sources.costs[i]! < dist[v]!) {
      dist[v] = sources.costs[i]!;
      heap.push(dist[v]!, v);
    }
  });
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (d > dist[v]!) continue;
    for (let e = firstOut[v]!, end = firstOut[v + 1]!; e < end; e++) {
      const x = edgeHead[e]!;
      const nd = d + edgeCost[e]!;
      if (nd < dist[x]!) {
        dist[x] = nd;
        heap.push(nd, x);
      }
    }
  }
  return dist;
}

/** A seeded generator of numbers in [0, 1) (mulberry32), for reproducible random pairs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A w x h grid, mostly two-way, some one-way, some missing edges, small integer weights (many
 * ties), plus one isolated node (number w * h) that nothing reaches.
 */
export function randomGrid(w: number, h: number, seed: number): WeightedGraph & { nodeCount: number } {
  const rnd = seeded(seed);
  const arcs: [number, number, number][] = [];
  const id = (x: number, y: number): number => y * w + x;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (const [dx, dy] of [
        [1, 0],
        [0, 1],
      ] as const) {
        if (x + dx >= w || y + dy >= h) continue;
        const r = rnd();
        if (r < 0.08) continue; // no road
        const weight = Math.floor(rnd() * 5); // 0..4: zero weights and ties on purpose
        const a = id(x, y);
        const b = id(x + dx, y + dy);
        if (r < 0.25) arcs.push(rnd() < 0.5 ? [a, b, weight] : [b, a, weight]);
        else arcs.push([a, b, weight], [b, a, weight]);
        if (rnd() < 0.03) arcs.push([a, b, weight + 1]); // a parallel, slower road
      }
    }
  }
  arcs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const n = w * h + 1;
  const firstOut = new Uint32Array(n + 1);
  for (const [a] of arcs) firstOut[a + 1]!++;
  for (let v = 0; v < n; v++) firstOut[v + 1]! += firstOut[v]!;
  return {
    nodeCount: n,
    firstOut,
    edgeHead: Uint32Array.from(arcs.map((a) => a[1])),
    weightMs: Uint32Array.from(arcs.map((a) => a[2])),
  };
}
