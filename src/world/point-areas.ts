/**
 * The area of each demand point (`AreaSet.locate`: a point-in-polygon test against detailed
 * boundaries, ~50 ms for London's 4,835 points in every world build), kept by a host that can
 * (`PointAreaStore`, e.g. beside the built-in data sets) and read back instead of located again.
 *
 * A file: 8 little-endian u32 words (magic, version, point count, area count, a hash of the points'
 * coordinates, a hash of the area set (its areas' sizes and bounds, which follow from every vertex
 * of its boundaries; sizes to the square metre), a sum of the indexes, zero), then one i32 area index per point. A file made
 * for other points or other areas, damaged or truncated, is not used: the points are located again
 * and the file is written again.
 * Pure (no I/O): the host reads and writes the bytes.
 */
import type { AreaSet } from '../sim/world';
import { sumInto } from '../sim/roads/query/space-file';

const MAGIC = 0x41505352; // "RSPA"
/** Changes when the layout or the meaning of the file changes. */
export const POINT_AREAS_VERSION = 2;
const HEADER_WORDS = 8;

/** Where a host keeps the file of one point set in one area set. */
export interface PointAreaStore {
  load(): Uint8Array | undefined;
  save?(bytes: ArrayBuffer): void;
}

function sumWords(words: Uint32Array | Int32Array, seed: number): number {
  // The space file's running sums from (seed, length); sumInto leaves the second xored with the length.
  const h = Int32Array.of(seed, words.length);
  sumInto(h, words, 0, words.length);
  return (h[0]! ^ Math.imul(h[1]! ^ words.length, 0x01000193)) >>> 0;
}

function pointsHash(lon: Float64Array, lat: Float64Array): number {
  const coords = new Float64Array(2 * lon.length);
  coords.set(lon, 0);
  coords.set(lat, lon.length);
  return sumWords(new Uint32Array(coords.buffer), 0x811c9dc5);
}

/**
 * The area set's sizes (to the square metre) and bounds. Not the sizes as computed: they come from
 * sines (turf's area), which V8 computes with other last bits in Chromium than in Node (its libm
 * sines), so a file made by Node did not match in the browser and every browser world build located
 * the points again (~70-270 ms a worker). A size rounded to 1 m2 is the same on both; bounds are
 * minima and maxima of the boundaries' coordinates, exact everywhere.
 */
function areasHash(areas: AreaSet): number {
  const numbers = Float64Array.from([...areas.areaKm2.map((km2) => Math.round(km2 * 1e6)), ...(areas.bounds ?? [])]);
  return sumWords(new Uint32Array(numbers.buffer), areas.ids.length);
}

/** The areas of the points from `store` when it holds a good file for them, else located now (and saved there). */
export function pointAreas(store: PointAreaStore | undefined, areas: AreaSet, lon: Float64Array, lat: Float64Array): Int32Array {
  const header = [MAGIC, POINT_AREAS_VERSION, lon.length, areas.ids.length, pointsHash(lon, lat), areasHash(areas)];
  let bytes: Uint8Array | undefined;
  try {
    bytes = store?.load();
  } catch {
    bytes = undefined;
  }
  if (bytes && bytes.byteLength === 4 * (HEADER_WORDS + lon.length)) {
    const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const words = new Uint32Array(data.buffer, data.byteOffset, HEADER_WORDS);
    const index = new Int32Array(data.buffer, data.byteOffset + 4 * HEADER_WORDS, lon.length);
    if (header.every((w, i) => words[i] === w) && words[6] === sumWords(index, 0) && index.every((a) => a >= -1 && a < areas.ids.length)) return index.slice();
  }
  const index = Int32Array.from(lon, (x, i) => areas.locate(x, lat[i]!));
  if (store?.save) {
    const out = new Uint32Array(HEADER_WORDS + lon.length);
    out.set(header, 0);
    out[6] = sumWords(index, 0);
    new Int32Array(out.buffer, 4 * HEADER_WORDS).set(index);
    try {
      store.save(out.buffer);
    } catch {
      // A store that cannot write: the next build locates the points again.
    }
  }
  return index;
}
