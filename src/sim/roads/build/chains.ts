/**
 * Degree-2 chain merging: a node where exactly two roads meet, and which only passes traffic
 * from one to the other, is not a junction; the two roads become one edge with both shapes kept.
 * Roads merge only when their class, speed limit and direction agree, so every edge keeps one
 * speed and travel times are unchanged by merging.
 */

/** Roads between junction nodes, as parallel lists (index = road number). Mutated by `mergeChains`. */
export interface RoadList {
  from: number[];
  to: number[];
  /** true: drivable only from `from` to `to`. */
  oneway: boolean[];
  roadClass: number[];
  maxspeedKph: number[];
  /** Vertices (indices into the raw node coordinates), from `from` to `to` inclusive. */
  verts: number[][];
  /** false once the road has been merged into another (or dropped). */
  alive: boolean[];
}

/**
 * Merges every mergeable degree-2 node of the roads that are alive; `nodeCount` bounds the node
 * numbers used in from/to. Returns the number of nodes merged away.
 */
export function mergeChains(roads: RoadList, nodeCount: number): number {
  const incident: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let r = 0; r < roads.from.length; r++) {
    if (!roads.alive[r]) continue;
    incident[roads.from[r]!]!.push(r);
    incident[roads.to[r]!]!.push(r);
  }
  let merged = 0;
  for (let v = 0; v < nodeCount; v++) {
    const list = incident[v]!;
    if (list.length !== 2) continue;
    const [r1, r2] = list as [number, number];
    if (r1 === r2) continue; // a loop through v
    const a = other(roads, r1, v);
    const b = other(roads, r2, v);
    // Merging would close a loop road (a == b) or would have to pass v twice.
    if (a === v || b === v || a === b) continue;
    if (roads.roadClass[r1] !== roads.roadClass[r2] || roads.maxspeedKph[r1] !== roads.maxspeedKph[r2]) continue;
    if (roads.oneway[r1] !== roads.oneway[r2]) continue;

    let into: number; // the road arriving at v
    let out: number; // the road leaving v
    if (roads.oneway[r1]) {
      if (roads.to[r1] === v && roads.from[r2] === v) [into, out] = [r1, r2];
      else if (roads.to[r2] === v && roads.from[r1] === v) [into, out] = [r2, r1];
      else continue; // both arrive or both leave: v is a trap, not a pass-through
    } else {
      into = r1;
      out = r2;
      if (roads.to[into] !== v) reverse(roads, into);
      if (roads.from[out] !== v) reverse(roads, out);
    }
    const far = roads.to[out]!;
    roads.verts[into] = roads.verts[into]!.concat(roads.verts[out]!.slice(1));
    roads.to[into] = far;
    roads.alive[out] = false;
    const farList = incident[far]!;
    farList[farList.indexOf(out)] = into;
    incident[v] = [];
    merged++;
  }
  return merged;
}

function other(roads: RoadList, r: number, v: number): number {
  return roads.from[r] === v ? roads.to[r]! : roads.from[r]!;
}

function reverse(roads: RoadList, r: number): void {
  const f = roads.from[r]!;
  roads.from[r] = roads.to[r]!;
  roads.to[r] = f;
  roads.verts[r] = roads.verts[r]!.slice().reverse();
}
