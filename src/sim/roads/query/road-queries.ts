/**
 * Road milliseconds between road positions (ends.ts), exact, on a contraction hierarchy, and the
 * caches that make them fast; the travel model (src/sim/travel/road.ts) adds access legs, the direct journey,
 * congestion and blue lights on top.
 *
 * - A pair's time is the best meeting of the upward search spaces of the origin's ways out and
 *   the destination's ways in (search-space.ts); spaces are cached per node, so the bases, demand
 *   points and the roads units move along are searched once. One end of a query (the
 *   destination of a ranking) is spread into a table by rank (meet-table.ts), so each other
 *   place costs one pass over its own spaces.
 * - Origins needed again and again (units waiting at a base) get a one-to-all tree (trees.ts),
 *   a table lookup; the trees' origins also serve as landmarks for lower bounds (landmarks.ts).
 * - Many origins at once are served by one all-to-one sweep.
 * - A route (the way itself) is read back from the meeting spaces and kept compact (route.ts).
 *
 * Every method gives the same integer milliseconds for the same pair (the shortest way, or the
 * way along a shared road when that is no longer), so the caches never change a result.
 */
import type { Hierarchy } from '../hierarchy';
import { MeetTable, meetingKey, mergedMeeting, readMeeting, type Meeting } from './meet-table';
import { HierarchyQuery, UNREACHABLE } from './hierarchy-query';
import { spaceArcs, SpaceSearch, type NodeBounds, type SearchSpace } from './search-space';
import { SpaceCache, spaceFor, spacesFor } from './space-cache';
import { along, entries, entriesInto, exits, exitsInto, positionKey, sameRoad, samePositions, scratchEnd, type RoadEnd, type RoadPos } from './ends';
import type { RoadGraph } from '../graph';
import { LandmarkBounds } from './landmarks';
import { CompactRoute, type EdgePiece, type PackedArcs } from './route';
import type { TreeCache, TreeRef } from './trees';
import { keptArcs, keptTrees } from './kept-parts';
import { TargetBuckets } from './target-buckets';
import { RecentTimes } from './recent-times';
import { EndSpaces, endMeeting } from './end-spaces';

/**
 * Search-space entries per cache generation and direction (21 bytes each; two generations, so at
 * most about 340 MB in all). A London week touches about 2M entries each way: at 1M per generation
 * spaces still needed were dropped and searched again (a third of all searches).
 */
const SPACE_CACHE_ENTRIES = 4_000_000;

/** The search spaces of one hierarchy: the searcher and the caches of forward and backward spaces. */
export interface Spaces {
  readonly search: SpaceSearch;
  readonly out: SpaceCache;
  readonly in: SpaceCache;
}

/**
 * The search spaces of the hierarchy last used in this process: a space depends on nothing but
 * the hierarchy and its node, so a new world on the same graph and metric (another scenario of a
 * comparison or a sweep in the same worker, a variant with a base moved) starts with the spaces
 * the ones before it made instead of searching them again. Only the last hierarchy's are kept, so
 * a process going through many metrics holds one set beyond its live worlds'. The trees and the
 * packed arcs are kept per hierarchy likewise (kept-parts.ts).
 */
let lastSpaces: { readonly hierarchy: Hierarchy; readonly spaces: Spaces } | null = null;

export function spacesOf(hierarchy: Hierarchy, nodeCount: number): Spaces {
  if (lastSpaces?.hierarchy !== hierarchy) {
    const spaces = { search: new SpaceSearch(hierarchy), out: new SpaceCache(SPACE_CACHE_ENTRIES, nodeCount), in: new SpaceCache(SPACE_CACHE_ENTRIES, nodeCount) };
    lastSpaces = { hierarchy, spaces };
  }
  return lastSpaces.spaces;
}

export interface RoadQueryOptions {
  /** One-to-all trees kept for repeated origins (4 bytes per node each; default 16: they serve as landmarks; places met again and again answer by their kept search spaces). */
  readonly maxTrees?: number;
  /** Exact evaluations of an origin before it gets a tree (default 16). */
  readonly treeAfter?: number;
}

export class RoadQueries {
  readonly query: HierarchyQuery;
  /** One-to-all trees of repeated origins; their origins are the landmarks. */
  readonly trees: TreeCache;
  readonly landmarks: LandmarkBounds;
  private readonly spaces: SpaceSearch;
  private readonly outSpaces: SpaceCache;
  private readonly inSpaces: SpaceCache;
  /** The last all-to-one sweep, by rank. */
  private readonly sweep: Uint32Array;
  /** One end of the query in hand (a destination, or an origin for timesFrom), by rank. */
  private readonly table: MeetTable;
  /** The hierarchy's arcs packed for walking down shortcuts (route.ts). */
  private readonly arcs: PackedArcs;
  /** Destinations asked for together before (`toTargets`): their positions, and their buckets once asked for again. */
  private targets: readonly RoadPos[] = [];
  private buckets: TargetBuckets | null = null;
  /** The ways out of the origin in hand of `rankQuery`; into a ranking's destination (`rankEntries`); of `ms` and `route`'s ends. */
  private readonly rankExits = scratchEnd();
  private readonly rankInto = scratchEnd();
  private readonly msOut = scratchEnd();
  private readonly msInto = scratchEnd();
  private readonly searchForward = (node: number): SearchSpace => this.spaces.forward({ nodes: [node], costs: [0] });
  private readonly searchBackward = (node: number): SearchSpace => this.spaces.backward({ nodes: [node], costs: [0] });
  /** Exact ms to the destination of the ranking in hand (`noteTo`, `noteExact`), for `ms`. */
  private readonly recent = new RecentTimes();
  /** Where the last `ms` met the spaces (`lastMeeting`), the meeting `route` works with, end spaces of destinations met again. */
  private met = NaN;
  private readonly meeting: Meeting = { i: -1, j: -1, f: -1, b: -1 };
  private readonly ends = new EndSpaces();

  constructor(
    readonly graph: RoadGraph,
    /** Base-speed milliseconds per edge. */
    readonly weights: Uint32Array,
    readonly hierarchy: Hierarchy,
    options: RoadQueryOptions = {},
  ) {
    this.query = new HierarchyQuery(hierarchy);
    const spaces = spacesOf(hierarchy, graph.nodeCount);
    this.spaces = spaces.search;
    this.outSpaces = spaces.out;
    this.inSpaces = spaces.in;
    this.trees = keptTrees(graph, weights, hierarchy, this.query, { capacity: options.maxTrees ?? 16, buildAfter: options.treeAfter ?? 16 });
    this.sweep = new Uint32Array(graph.nodeCount);
    this.table = new MeetTable(hierarchy.rank.length);
    this.landmarks = new LandmarkBounds(graph, weights, hierarchy);
    this.arcs = keptArcs(graph, weights, hierarchy);
  }

  /** The ways out of a road position. */
  exits(from: RoadPos): RoadEnd {
    return exits(this.graph, this.weights, from);
  }

  /** The ways into a road position. */
  entries(to: RoadPos): RoadEnd {
    return entries(this.graph, this.weights, to);
  }

  /** The ways into a ranking's destination, in a record the next ranking refills (one ranking at a time). */
  rankEntries(to: RoadPos): RoadEnd {
    return entriesInto(this.graph, this.weights, to, this.rankInto);
  }

  /** The kept tree of the origin at `from`, if any. */
  tree(from: RoadPos): TreeRef | undefined {
    return this.trees.get(positionKey(from), from);
  }

  /** The tree of the origin at `from`: kept, or built now (trees.ts `build`). */
  buildTree(from: RoadPos): TreeRef {
    return this.trees.build(positionKey(from), this.exits(from), from);
  }

  /**
   * Counts an exact evaluation from `from`; the origin's tree when it has one or has now earned
   * one (trees.ts), else undefined.
   */
  noteUse(from: RoadPos): TreeRef | undefined {
    const key = positionKey(from);
    // No room for more trees: nothing is counted, so no closure made for the seeds.
    if (!this.trees.counting) return this.trees.get(key, from);
    return this.trees.noteUse(key, () => this.exits(from), from);
  }

  /**
   * Exact ms from `from` to the destination of the meet table (`to`, ways in `into`, `tableTo`
   * made) for a ranking: counts the use, so the origin earns a tree (a landmark) when it comes
   * back often enough, and then answers by it (a tree built now leaves the table as it was).
   * Exact when at most `limitMs`; beyond it, perhaps Infinity (the ranking needs no more). An
   * exact answer (even beyond the limit) is noted for the destination of `noteTo` (`to`).
   */
  rankQuery(from: RoadPos, to: RoadPos, into: RoadEnd, limitMs = Infinity, toward: NodeBounds | null = null): number {
    const tree = this.noteUse(from);
    if (tree) return this.noteExact(from, this.viaTree(tree, from, to, into));
    // Read at once, never kept: the ways out go in a reused record.
    const out = exitsInto(this.graph, this.weights, from, this.rankExits);
    const kept = this.keptTableMeet(out);
    if (kept === kept) return this.noteExact(from, this.withSameRoad(kept, from, to));
    // No spaces kept for its ways out: a search that meets the table as it goes and stops at the
    // limit, keeping nothing, not climbing from nodes that `toward` (the landmarks, prepared for
    // this destination) rules out. Even a way out met before is searched so, not kept: keeping
    // it (a whole upward search) cost more than the bounded searches it saved (London week:
    // nodes settled 1.24M -> 0.91M, meet-table entries read 7.7M -> 6.6M).
    const met = this.spaces.forwardToTable(out, this.table.dist, limitMs, toward);
    // Met within the limit, or none at all: exact (else the shared road's time need not be).
    return met < Infinity || limitMs === Infinity ? this.noteExact(from, this.withSameRoad(met, from, to)) : this.withSameRoad(met, from, to);
  }

  /** Starts noting exact times to `to` (a ranking's destination), keeping those noted to it before (recent-times.ts). */
  noteTo(to: RoadPos): void {
    this.recent.begin(to);
  }

  /** Notes the exact ms from `from` to the destination of `noteTo`; gives it back. */
  noteExact(from: RoadPos, ms: number): number {
    this.recent.note(from, ms);
    return ms;
  }

  /** The exact ms from `from` to the destination of `noteTo` noted before (this ranking or one before to the same place), or NaN. */
  notedTime(from: RoadPos): number {
    return this.recent.noted(from);
  }

  /** Milliseconds from `from` to `to` (ways in `into`): exact, by a kept tree if there is one, else by meeting the spaces. */
  ms(from: RoadPos, to: RoadPos, into?: RoadEnd): number {
    this.met = NaN;
    // Every method gives the same ms for the same positions: one just found for a ranking serves.
    const noted = this.recent.find(from, to);
    if (noted === noted) return noted;
    into ??= entriesInto(this.graph, this.weights, to, this.msInto);
    const tree = this.tree(from);
    if (tree) return this.viaTree(tree, from, to, into);
    // One pair: the sorted spaces merged (meet-table.ts; a destination met before: its end space,
    // end-spaces.ts), not spread into a table; where they met is noted for the route (`lastMeeting`).
    const out = exitsInto(this.graph, this.weights, from, this.msOut);
    const end = this.ends.of(to, into, this.inSpaces, this.searchBackward);
    const forward = this.forwardSpaces(out);
    const ms = end ? endMeeting(out.costs, forward, end, this.meeting) : mergedMeeting(out.costs, forward, into.costs, this.backwardSpaces(into), this.meeting);
    this.met = meetingKey(this.meeting);
    return this.withSameRoad(ms, from, to);
  }

  /** Where the spaces of the last `ms` met (NaN: it merged none): `route` of the same pair then merges none. */
  get lastMeeting(): number {
    return this.met;
  }

  /**
   * The shortest way from `from` to `to`, which weighs `ms` (what `ms` gave; checked): along the
   * shared road when that is no longer, else out by the best way out, the hierarchy's arcs, and in
   * by the best way in. `met`: `lastMeeting` of the `ms` that timed this pair, if at hand.
   */
  route(from: RoadPos, to: RoadPos, ms: number, met = NaN): CompactRoute {
    const graph = this.graph;
    // Read here only: the records `ms` uses (a route is never found within `ms`).
    const out = exitsInto(graph, this.weights, from, this.msOut);
    const into = entriesInto(graph, this.weights, to, this.msInto);
    // The best way out (bi), way in (bj) and the meeting entries of their node spaces.
    const road = this.meetingOf(out, into, met);
    const { i: bi, j: bj } = this.meeting;
    const direct = sameRoad(graph, this.weights, from, to);
    let route: CompactRoute;
    if (direct !== null && direct.ms <= road) {
      route = this.compactRoute({ edge: direct.edge, fromM: along(graph, direct.edge, from.posM), toM: along(graph, direct.edge, to.posM), ms: direct.ms }, NO_ARCS, null);
    } else if (road < Infinity) {
      const exit = out.edges[bi]!;
      const entry = into.edges[bj]!;
      route = this.compactRoute(
        { edge: exit, fromM: along(graph, exit, from.posM), toM: graph.edgeLengthM[exit]!, ms: out.costs[bi]! },
        spaceArcs(this.forwardSpace(out.nodes[bi]!), this.meeting.f, this.backwardSpace(into.nodes[bj]!), this.meeting.b),
        { edge: entry, fromM: 0, toM: along(graph, entry, to.posM), ms: into.costs[bj]! },
      );
    } else {
      throw new Error(`road route: no way from road ${from.road} to road ${to.road}`);
    }
    if (route.totalMs !== ms) throw new Error(`road route: the way weighs ${route.totalMs} ms, the query said ${ms} ms`);
    return route;
  }

  /** The least ms through nodes from `out` to `into`, its meeting in `meeting`: read from `met` (`lastMeeting`, checked), else merged anew. */
  private meetingOf(out: RoadEnd, into: RoadEnd, met: number): number {
    const m = this.meeting;
    if (readMeeting(met, m) && m.i < out.nodes.length && m.j < into.nodes.length) {
      const forward = this.forwardSpace(out.nodes[m.i]!);
      const backward = this.backwardSpace(into.nodes[m.j]!);
      const { f, b } = m;
      if (f < forward.ranks.length && b < backward.ranks.length && forward.ranks[f] === backward.ranks[b]) return out.costs[m.i]! + (forward.dist[f]! + backward.dist[b]!) + into.costs[m.j]!;
    }
    return mergedMeeting(out.costs, this.forwardSpaces(out), into.costs, this.backwardSpaces(into), m);
  }

  /** Fills the meet table with the destination's backward spaces (for `toTable`). */
  tableTo(into: RoadEnd): void {
    this.table.set(this.backwardSpaces(into), into.costs);
  }

  /** Fills the meet table with the origin's forward spaces (for `fromTable`). */
  tableFrom(out: RoadEnd): void {
    this.table.set(this.forwardSpaces(out), out.costs);
  }

  /** Road milliseconds through nodes from the ways out `out` to the destination of `tableTo`. */
  toTable(out: RoadEnd): number {
    return this.tableMeet(out, this.forwardSpaces(out));
  }

  /** Road milliseconds through nodes from the ways out `out`, whose spaces are `spaces`, to the destination of `tableTo`. */
  private tableMeet(out: RoadEnd, spaces: readonly SearchSpace[]): number {
    let ms = Infinity;
    for (let i = 0; i < spaces.length; i++) {
      const total = out.costs[i]! + this.table.meet(spaces[i]!);
      if (total < ms) ms = total;
    }
    return ms;
  }

  /** Road milliseconds through nodes from the origin of `tableFrom` to the ways in `into`. */
  fromTable(into: RoadEnd): number {
    const spaces = this.backwardSpaces(into);
    let ms = Infinity;
    for (let i = 0; i < spaces.length; i++) {
      const total = this.table.meet(spaces[i]!) + into.costs[i]!;
      if (total < ms) ms = total;
    }
    return ms;
  }

  /**
   * Road milliseconds through nodes from the ways out `out` to each destination at `to` (ways in
   * `into(t)`), or null: a set of destinations asked for again and again (the custody suites)
   * gets buckets (target-buckets.ts) the second time in a row, and answers by them; another set
   * answers null (the caller goes by `tableFrom`), remembered for next time.
   */
  toTargets(out: RoadEnd, to: readonly RoadPos[], into: (t: number) => RoadEnd): Float64Array | null {
    if (!this.buckets?.serves(to)) {
      if (!samePositions(this.targets, to)) {
        this.targets = to.slice();
        this.buckets = null;
        return null;
      }
      const ends = to.map((_, t) => into(t));
      this.buckets = new TargetBuckets(
        this.hierarchy.rank.length,
        to,
        ends.map((e) => this.backwardSpaces(e)),
        ends.map((e) => e.costs),
      );
    }
    return this.buckets.meet(out, this.forwardSpaces(out));
  }

  /** Sweeps all nodes towards the destination's ways in (for `viaSweep`). */
  sweepTo(into: RoadEnd): void {
    this.query.allToOne(into, this.sweep);
  }

  /** Milliseconds through nodes from the ways out `out` to the destination of `sweepTo`. */
  viaSweep(out: RoadEnd): number {
    const rank = this.hierarchy.rank;
    let ms = Infinity;
    for (let j = 0; j < out.nodes.length; j++) {
      const d = this.sweep[rank[out.nodes[j]!]!]!;
      if (d !== UNREACHABLE && d + out.costs[j]! < ms) ms = d + out.costs[j]!;
    }
    return ms;
  }

  /** Milliseconds by the one-to-all tree of `from` (rank-indexed) into `into`, or along the shared road. */
  viaTree(tree: TreeRef, from: RoadPos, to: RoadPos, into: RoadEnd): number {
    const { data, stride, lane } = tree;
    let ms = Infinity;
    for (let j = 0; j < into.nodes.length; j++) {
      const d = data[this.hierarchy.rank[into.nodes[j]!]! * stride + lane]!;
      if (d !== UNREACHABLE && d + into.costs[j]! < ms) ms = d + into.costs[j]!;
    }
    return this.withSameRoad(ms, from, to);
  }

  /** `ms`, or the way along the shared road of `from` and `to` when that is quicker. */
  withSameRoad(ms: number, from: RoadPos, to: RoadPos): number {
    if (from.road !== to.road) return ms;
    const direct = sameRoad(this.graph, this.weights, from, to);
    return direct && direct.ms < ms ? direct.ms : ms;
  }

  /**
   * `tableMeet` of the ways out `out` when every one's forward space is kept, else NaN (nothing
   * searched). Spaces are kept per node (a way out or in), not per place: every place on a road
   * shares its road's end nodes, so a unit moving along a route finds those ahead of it made.
   */
  private keptTableMeet(out: RoadEnd): number {
    let ms = Infinity;
    for (let i = 0; i < out.nodes.length; i++) {
      const space = this.outSpaces.get(out.nodes[i]!);
      if (!space) return NaN;
      const total = out.costs[i]! + this.table.meet(space);
      if (total < ms) ms = total;
    }
    return ms;
  }

  private forwardSpaces(out: RoadEnd): SearchSpace[] {
    return spacesFor(out.nodes, this.outSpaces, this.searchForward);
  }

  private backwardSpaces(into: RoadEnd): SearchSpace[] {
    return spacesFor(into.nodes, this.inSpaces, this.searchBackward);
  }

  private forwardSpace(node: number): SearchSpace {
    return spaceFor(node, this.outSpaces, this.searchForward);
  }

  private backwardSpace(node: number): SearchSpace {
    return spaceFor(node, this.inSpaces, this.searchBackward);
  }

  private compactRoute(first: EdgePiece, arcs: Int32Array, last: EdgePiece | null): CompactRoute {
    return new CompactRoute(this.arcs, this.weights, this.graph.edgeLengthM, first, arcs, last);
  }
}

const NO_ARCS = new Int32Array(0);
