/**
 * The routing metric: whole milliseconds per edge at the base (uncongested, not blue-light)
 * speed. Whole numbers make every sum exact, so the hierarchy, one-to-all sweeps and plain
 * Dijkstra agree to the millisecond whatever order they add in; congestion and blue lights scale
 * a whole journey afterwards (they do not change which route is fastest). Rounded up, so that
 * metres / fastest speed stays a true lower bound of any route's weight.
 */
import type { RoadGraph } from './graph';
import { edgeSpeedKph, type SpeedTable } from './speeds';

export function edgeWeightsMs(graph: RoadGraph, speeds: SpeedTable): Uint32Array {
  const weights = new Uint32Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const kph = edgeSpeedKph(graph.edgeClass[e]!, graph.edgeMaxspeedKph[e]!, speeds);
    weights[e] = Math.ceil((graph.edgeLengthM[e]! * 3600) / kph);
  }
  return weights;
}

/** The fastest speed of any edge, km/h: straight-line lower bounds on travel time divide by it. */
export function maxEdgeSpeedKph(graph: RoadGraph, speeds: SpeedTable): number {
  let max = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    max = Math.max(max, edgeSpeedKph(graph.edgeClass[e]!, graph.edgeMaxspeedKph[e]!, speeds));
  }
  return max;
}

/** Whether two metrics are identical (a stored hierarchy is valid only for its own metric). */
export function sameWeights(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A short key naming a metric (64-bit FNV-1a over the weights, hex): equal weights, equal key.
 * Stores use it to find a hierarchy; the weights themselves are compared before one is used.
 */
export function metricKey(weights: Uint32Array): string {
  // Two 32-bit FNV-1a hashes with different offsets, for a key wide enough to make collisions rare.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ weights.length;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    a = Math.imul(a ^ w, 0x01000193) >>> 0;
    b = Math.imul(b ^ (w + i), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
