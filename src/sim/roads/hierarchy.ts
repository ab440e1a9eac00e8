/**
 * A contraction hierarchy (Geisberger et al. 2008) over the road graph for one metric (integer
 * milliseconds per edge). Nodes are ranked, and the hierarchy numbers them by rank (all arrays
 * below are indexed by rank and name ranks, so that a sweep from the top down reads memory in
 * order); `rank[node]` converts a road-graph node. Every arc, original or shortcut, is stored at
 * its lower-ranked end, so a search only ever climbs:
 * - `upOut*`: arcs r -> x with x > r, stored at r (forward searches climb these);
 * - `upIn*`: arcs x -> r with x > r, stored at r (backward searches climb these).
 * A shortcut stands for two arcs through a lower-ranked node; `arcLeft`/`arcRight` name them, and
 * an original arc names its road-graph edge in `arcEdge`, so any path unpacks to road edges.
 */
export interface Hierarchy {
  /** Rank of each road-graph node (0 = contracted first). */
  readonly rank: Uint32Array;
  readonly upOutFirst: Uint32Array;
  readonly upOutHead: Uint32Array;
  /** Milliseconds. */
  readonly upOutWeight: Uint32Array;
  readonly upOutArc: Uint32Array;
  readonly upInFirst: Uint32Array;
  readonly upInTail: Uint32Array;
  readonly upInWeight: Uint32Array;
  readonly upInArc: Uint32Array;
  /** Road-graph edge of an original arc, -1 for a shortcut. */
  readonly arcEdge: Int32Array;
  /** The two arcs a shortcut stands for (-1 for an original arc). */
  readonly arcLeft: Int32Array;
  readonly arcRight: Int32Array;
  /** The metric the hierarchy was built for: milliseconds per road-graph edge. */
  readonly edgeWeightMs: Uint32Array;
}
