/**
 * Building a contraction hierarchy: nodes are contracted one by one, least important first
 * (priority: shortcuts added per arc removed, original edges they stand for, and the node's
 * depth in the hierarchy so far, with lazy updates); contracting v adds a shortcut u -> x for
 * each pair of neighbours whose shortest path runs through v, found by a bounded "witness"
 * search that looks for another way at most as long. Integer weights keep every comparison
 * exact, so queries on the result equal plain Dijkstra to the millisecond.
 */
import { MinHeap } from '../heap';
import type { Hierarchy } from '../hierarchy';

export interface ContractOptions {
  /** Called now and then with the number of nodes contracted so far. */
  readonly onProgress?: (contracted: number, total: number) => void;
  /**
   * Contract in this order (rank of each node, e.g. a hierarchy's `rank` built for another
   * metric of the same graph) instead of choosing one: no priorities to keep, so it is faster,
   * and the result is still exact (shortcuts come from witness searches on this metric).
   */
  readonly rank?: Uint32Array;
}

/** Nodes a witness search may settle before it gives up (and a shortcut is added to be safe). */
const WITNESS_SETTLE_LIMIT = 400;
/** The same limit while only estimating a node's priority. */
const SIMULATE_SETTLE_LIMIT = 60;

/** A directed graph with integer weights: out-edges of v are firstOut[v]..firstOut[v+1]-1. */
export interface WeightedGraph {
  readonly firstOut: Uint32Array;
  readonly edgeHead: Uint32Array;
  readonly weightMs: Uint32Array;
}

export function contract(graph: WeightedGraph, options: ContractOptions = {}): Hierarchy {
  return new Contractor(graph).run(options);
}

class Contractor {
  private readonly n: number;
  // The remaining (uncontracted) graph: per node, parallel lists of neighbour, weight, arc id.
  private readonly outN: number[][];
  private readonly outW: number[][];
  private readonly outA: number[][];
  private readonly inN: number[][];
  private readonly inW: number[][];
  private readonly inA: number[][];
  // Every arc ever made, original or shortcut.
  private arcEdge: number[] = [];
  private arcLeft: number[] = [];
  private arcRight: number[] = [];
  private arcHops: number[] = [];
  private readonly contracted: Uint8Array;
  private readonly level: Uint32Array;
  // Witness search state, reused (a stamp marks the entries of the current search).
  private readonly dist: Float64Array;
  private readonly stamp: Uint32Array;
  private currentStamp = 0;
  private readonly heap = new MinHeap(256);

  constructor(private readonly graph: WeightedGraph) {
    const n = graph.firstOut.length - 1;
    this.n = n;
    const lists = (): number[][] => Array.from({ length: n }, () => []);
    this.outN = lists();
    this.outW = lists();
    this.outA = lists();
    this.inN = lists();
    this.inW = lists();
    this.inA = lists();
    this.contracted = new Uint8Array(n);
    this.level = new Uint32Array(n);
    this.dist = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    for (let u = 0; u < n; u++) {
      for (let e = graph.firstOut[u]!; e < graph.firstOut[u + 1]!; e++) {
        const v = graph.edgeHead[e]!;
        if (v === u) continue;
        const w = graph.weightMs[e]!;
        const arc = this.newArc(e, -1, -1, 1);
        this.addOrImprove(u, v, w, arc);
      }
    }
  }

  run(options: ContractOptions): Hierarchy {
    if (options.rank) return this.runInOrder(options.rank, options);
    const n = this.n;
    const rank = new Uint32Array(n);
    const priority = new Float64Array(n);
    const queue = new MinHeap(n);
    for (let v = 0; v < n; v++) {
      priority[v] = this.simulate(v);
      queue.push(priority[v]!, v);
    }
    // The final arcs of each node: its remaining arcs at the moment it is contracted.
    const finalOut: { n: number[]; w: number[]; a: number[] }[] = new Array(n);
    const finalIn: { n: number[]; w: number[]; a: number[] }[] = new Array(n);
    let next = 0;
    while (queue.size > 0) {
      const key = queue.peekKey();
      const v = queue.pop();
      if (this.contracted[v] || key !== priority[v]) continue;
      const fresh = this.simulate(v);
      if (queue.size > 0 && fresh > queue.peekKey()) {
        priority[v] = fresh;
        queue.push(fresh, v);
        continue;
      }
      rank[v] = next++;
      finalOut[v] = { n: this.outN[v]!, w: this.outW[v]!, a: this.outA[v]! };
      finalIn[v] = { n: this.inN[v]!, w: this.inW[v]!, a: this.inA[v]! };
      const neighbours = this.contractNode(v);
      for (const x of neighbours) {
        if (this.level[x]! < this.level[v]! + 1) this.level[x] = this.level[v]! + 1;
        priority[x] = this.simulate(x);
        queue.push(priority[x]!, x);
      }
      if (options.onProgress && next % 4096 === 0) options.onProgress(next, n);
    }
    options.onProgress?.(n, n);
    return this.assemble(rank, finalOut, finalIn);
  }

  private runInOrder(given: Uint32Array, options: ContractOptions): Hierarchy {
    const n = this.n;
    if (given.length !== n) throw new Error(`contract: rank has ${given.length} entries for ${n} nodes`);
    const nodeOfRank = new Int32Array(n).fill(-1);
    for (let v = 0; v < n; v++) {
      const r = given[v]!;
      if (!(r < n) || nodeOfRank[r] !== -1) throw new Error(`contract: rank is not a permutation (rank ${r} at node ${v})`);
      nodeOfRank[r] = v;
    }
    const finalOut: { n: number[]; w: number[]; a: number[] }[] = new Array(n);
    const finalIn: { n: number[]; w: number[]; a: number[] }[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const v = nodeOfRank[r]!;
      finalOut[v] = { n: this.outN[v]!, w: this.outW[v]!, a: this.outA[v]! };
      finalIn[v] = { n: this.inN[v]!, w: this.inW[v]!, a: this.inA[v]! };
      this.contractNode(v);
      if (options.onProgress && (r + 1) % 4096 === 0) options.onProgress(r + 1, n);
    }
    options.onProgress?.(n, n);
    return this.assemble(Uint32Array.from(given), finalOut, finalIn);
  }

  private newArc(edge: number, left: number, right: number, hops: number): number {
    this.arcEdge.push(edge);
    this.arcLeft.push(left);
    this.arcRight.push(right);
    this.arcHops.push(hops);
    return this.arcEdge.length - 1;
  }

  /** Adds arc u -> v, or lowers the weight of an existing u -> v arc; keeps the lighter. */
  private addOrImprove(u: number, v: number, w: number, arc: number): void {
    const outs = this.outN[u]!;
    const i = outs.indexOf(v);
    if (i >= 0) {
      if (this.outW[u]![i]! <= w) return;
      this.outW[u]![i] = w;
      this.outA[u]![i] = arc;
      const j = this.inN[v]!.indexOf(u);
      this.inW[v]![j] = w;
      this.inA[v]![j] = arc;
      return;
    }
    outs.push(v);
    this.outW[u]!.push(w);
    this.outA[u]!.push(arc);
    this.inN[v]!.push(u);
    this.inW[v]!.push(w);
    this.inA[v]!.push(arc);
  }

  /**
   * Dijkstra from `source` over the remaining graph without `skip`, up to distance `limit` or
   * `settleLimit` settled nodes. Afterwards `distanceTo(x)` is an upper bound on the distance.
   */
  private witnessSearch(source: number, skip: number, limit: number, settleLimit: number): void {
    const stampValue = ++this.currentStamp;
    const { dist, stamp, heap } = this;
    heap.clear();
    dist[source] = 0;
    stamp[source] = stampValue;
    heap.push(0, source);
    let settled = 0;
    while (heap.size > 0) {
      const d = heap.peekKey();
      const u = heap.pop();
      if (d > dist[u]!) continue;
      if (d > limit || ++settled > settleLimit) break;
      const ns = this.outN[u]!;
      const ws = this.outW[u]!;
      for (let i = 0; i < ns.length; i++) {
        const x = ns[i]!;
        if (x === skip) continue;
        const nd = d + ws[i]!;
        if (stamp[x] !== stampValue || nd < dist[x]!) {
          dist[x] = nd;
          stamp[x] = stampValue;
          heap.push(nd, x);
        }
      }
    }
  }

  private distanceTo(x: number): number {
    return this.stamp[x] === this.currentStamp ? this.dist[x]! : Infinity;
  }

  /** The priority contracting v would have now (lower = contract sooner). */
  private simulate(v: number): number {
    const ins = this.inN[v]!;
    const outs = this.outN[v]!;
    let added = 0;
    let addedHops = 0;
    let removedHops = 0;
    for (let i = 0; i < ins.length; i++) removedHops += this.arcHops[this.inA[v]![i]!]!;
    for (let j = 0; j < outs.length; j++) removedHops += this.arcHops[this.outA[v]![j]!]!;
    for (let i = 0; i < ins.length; i++) {
      const u = ins[i]!;
      const wu = this.inW[v]![i]!;
      let maxW = -1;
      for (let j = 0; j < outs.length; j++) if (outs[j] !== u) maxW = Math.max(maxW, wu + this.outW[v]![j]!);
      if (maxW < 0) continue;
      this.witnessSearch(u, v, maxW, SIMULATE_SETTLE_LIMIT);
      for (let j = 0; j < outs.length; j++) {
        const x = outs[j]!;
        if (x === u) continue;
        if (this.distanceTo(x) <= wu + this.outW[v]![j]!) continue;
        added++;
        addedHops += this.arcHops[this.inA[v]![i]!]! + this.arcHops[this.outA[v]![j]!]!;
      }
    }
    const removed = ins.length + outs.length;
    return this.level[v]! + (2 * added) / Math.max(1, removed) + addedHops / Math.max(1, removedHops);
  }

  /** Contracts v: adds the shortcuts it needs, removes it from its neighbours; returns them. */
  private contractNode(v: number): number[] {
    this.contracted[v] = 1;
    const ins = this.inN[v]!;
    const outs = this.outN[v]!;
    for (let i = 0; i < ins.length; i++) {
      const u = ins[i]!;
      const wu = this.inW[v]![i]!;
      let maxW = -1;
      for (let j = 0; j < outs.length; j++) if (outs[j] !== u) maxW = Math.max(maxW, wu + this.outW[v]![j]!);
      if (maxW < 0) continue;
      this.witnessSearch(u, v, maxW, WITNESS_SETTLE_LIMIT);
      for (let j = 0; j < outs.length; j++) {
        const x = outs[j]!;
        if (x === u) continue;
        const w = wu + this.outW[v]![j]!;
        if (this.distanceTo(x) <= w) continue;
        const left = this.inA[v]![i]!;
        const right = this.outA[v]![j]!;
        const arc = this.newArc(-1, left, right, this.arcHops[left]! + this.arcHops[right]!);
        this.addOrImprove(u, x, w, arc);
      }
    }
    const neighbours = new Set<number>();
    for (const u of ins) {
      removeAt(this.outN[u]!, this.outW[u]!, this.outA[u]!, v);
      neighbours.add(u);
    }
    for (const x of outs) {
      removeAt(this.inN[x]!, this.inW[x]!, this.inA[x]!, v);
      neighbours.add(x);
    }
    return [...neighbours];
  }

  private assemble(
    rank: Uint32Array,
    finalOut: { n: number[]; w: number[]; a: number[] }[],
    finalIn: { n: number[]; w: number[]; a: number[] }[],
  ): Hierarchy {
    const n = this.n;
    const nodeOfRank = new Uint32Array(n);
    for (let v = 0; v < n; v++) nodeOfRank[rank[v]!] = v;
    // Lay the arcs out by rank, naming ranks, so that top-down sweeps read memory in order.
    const pack = (lists: { n: number[]; w: number[]; a: number[] }[]) => {
      const first = new Uint32Array(n + 1);
      for (let r = 0; r < n; r++) first[r + 1] = first[r]! + lists[nodeOfRank[r]!]!.n.length;
      const other = new Uint32Array(first[n]!);
      const weight = new Uint32Array(first[n]!);
      const arc = new Uint32Array(first[n]!);
      for (let r = 0; r < n; r++) {
        const list = lists[nodeOfRank[r]!]!;
        let k = first[r]!;
        for (let i = 0; i < list.n.length; i++, k++) {
          other[k] = rank[list.n[i]!]!;
          weight[k] = list.w[i]!;
          arc[k] = list.a[i]!;
        }
      }
      return { first, other, weight, arc };
    };
    const up = pack(finalOut);
    const down = pack(finalIn);
    return {
      rank,
      upOutFirst: up.first,
      upOutHead: up.other,
      upOutWeight: up.weight,
      upOutArc: up.arc,
      upInFirst: down.first,
      upInTail: down.other,
      upInWeight: down.weight,
      upInArc: down.arc,
      arcEdge: Int32Array.from(this.arcEdge),
      arcLeft: Int32Array.from(this.arcLeft),
      arcRight: Int32Array.from(this.arcRight),
      edgeWeightMs: this.graph.weightMs,
    };
  }
}

/** Removes the entry for `node` from parallel lists (order does not matter: swap with the last). */
function removeAt(ns: number[], ws: number[], as: number[], node: number): void {
  const i = ns.indexOf(node);
  if (i < 0) return;
  const last = ns.length - 1;
  ns[i] = ns[last]!;
  ws[i] = ws[last]!;
  as[i] = as[last]!;
  ns.pop();
  ws.pop();
  as.pop();
}
