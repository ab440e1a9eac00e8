/**
 * Strongly connected components of a directed graph in CSR form (Tarjan's algorithm, iterative so
 * that a city-sized graph cannot overflow the call stack). A vehicle can drive from every node of
 * a component to every other, so routing keeps only the largest one.
 */

export interface Components {
  /** Component number of each node, 0..count-1. */
  readonly component: Int32Array;
  readonly count: number;
  /** Number of nodes in each component. */
  readonly size: Int32Array;
}

/**
 * `firstOut` has nodeCount + 1 entries; the heads of node v's out-edges are
 * `head[firstOut[v] .. firstOut[v + 1] - 1]`.
 */
export function stronglyConnectedComponents(firstOut: ArrayLike<number>, head: ArrayLike<number>): Components {
  const n = firstOut.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  // The explicit DFS stack: node and the position of the next out-edge to look at.
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const sizes: number[] = [];
  let nextIndex = 0;
  let sp = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = firstOut[root]!;
    index[root] = low[root] = nextIndex++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < firstOut[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = head[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = nextIndex++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = firstOut[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      // All edges of v done: v closes a component when it is its own root.
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          component[w] = count;
          size++;
        } while (w !== v);
        sizes.push(size);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { component, count, size: Int32Array.from(sizes) };
}

/** The number of the largest component (the lowest number among equals), or -1 for no nodes. */
export function largestComponent(components: Components): number {
  let best = -1;
  for (let c = 0; c < components.count; c++) {
    if (best < 0 || components.size[c]! > components.size[best]!) best = c;
  }
  return best;
}
