/**
 * The report's static map: the scenario's areas as inline SVG (no tiles, no scripts), each filled by
 * a figure, with a legend that says what the colours mean. A single scenario's report shades grade
 * I within target (sequential blues, darker is better); a comparison shades each variant's paired
 * difference from the baseline (diverging: blue better, orange worse, grey no detectable difference).
 * Outlines come from GeoJSON (the built-in set's display outlines, or a scenario's inline areas),
 * projected equirectangularly at London's latitude and thinned to what a 760-pixel map shows.
 */
import type { Verdict } from '../sim';
import { escapeHtml, fmt } from './html';

/** One area's outline: rings of [lon, lat]. */
export interface AreaOutline {
  readonly id: string;
  readonly name: string;
  readonly rings: readonly (readonly (readonly [number, number])[])[];
}

interface FeatureLike {
  readonly properties?: Readonly<Record<string, unknown>> | null;
  readonly geometry?: unknown;
}

function ringsOf(geometry: unknown): [number, number][][] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') return [];
  const ring = (r: unknown): [number, number][] => (Array.isArray(r) ? r.filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number').map((p) => [p[0], p[1]]) : []);
  if (g.type === 'Polygon' && Array.isArray(g.coordinates)) return g.coordinates.map(ring);
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) return g.coordinates.flatMap((poly: unknown) => (Array.isArray(poly) ? poly.map(ring) : []));
  return [];
}

/** Outlines from a GeoJSON FeatureCollection's features; features without an id or polygon are left out. */
export function outlinesFromFeatures(features: readonly FeatureLike[], idProperty = 'id', nameProperty = 'name'): AreaOutline[] {
  return features.flatMap((f) => {
    const id = f.properties?.[idProperty];
    const rings = ringsOf(f.geometry).filter((r) => r.length >= 4);
    if ((typeof id !== 'string' && typeof id !== 'number') || rings.length === 0) return [];
    const name = f.properties?.[nameProperty];
    return [{ id: String(id), name: typeof name === 'string' ? name : String(id), rings }];
  });
}

/** A fill for one area and the words for it in the area's tooltip. */
export interface Shade {
  readonly fill: string;
  readonly text: string;
}

const W = 760;
const PAD = 8;

/** The SVG path data of the outlines, fitted into a W-wide box; its height. */
function projected(outlines: readonly AreaOutline[]): { paths: Map<string, string>; height: number } {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const o of outlines) for (const r of o.rings) for (const [lon, lat] of r) [w, s, e, n] = [Math.min(w, lon), Math.min(s, lat), Math.max(e, lon), Math.max(n, lat)];
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const scale = (W - 2 * PAD) / Math.max(1e-9, (e - w) * kx);
  const height = Math.ceil((n - s) * scale + 2 * PAD);
  const paths = new Map<string, string>();
  for (const o of outlines) {
    const d = o.rings
      .map((r) => {
        const pts: string[] = [];
        let last: [number, number] | null = null;
        for (const [lon, lat] of r) {
          const p: [number, number] = [PAD + (lon - w) * kx * scale, PAD + (n - lat) * scale];
          // Thinned: a point within 0.7 px of the last one kept adds nothing a reader can see.
          if (last && Math.abs(p[0] - last[0]) < 0.7 && Math.abs(p[1] - last[1]) < 0.7) continue;
          pts.push(`${p[0].toFixed(1)},${p[1].toFixed(1)}`);
          last = p;
        }
        return pts.length >= 3 ? `M${pts.join('L')}Z` : '';
      })
      .join('');
    paths.set(o.id, d);
  }
  return { paths, height };
}

/** The map as a figure: areas filled by `shade` (null: no figure, drawn pale), a legend and a caption. */
export function staticMap(title: string, outlines: readonly AreaOutline[], shade: (id: string) => Shade | null, legend: readonly { fill: string; text: string }[], caption: string): string {
  if (outlines.length === 0) return '';
  const { paths, height } = projected(outlines);
  const shapes = outlines
    .map((o) => {
      const sh = shade(o.id);
      return `<path d="${paths.get(o.id)}" fill="${sh?.fill ?? NO_FIGURE}" stroke="#fff" stroke-width="0.8"><title>${escapeHtml(`${o.name}: ${sh?.text ?? 'no figure'}`)}</title></path>`;
    })
    .join('');
  const keys = legend.map((l, i) => `<rect x="${PAD}" y="${height + 8 + i * 18}" width="14" height="12" fill="${l.fill}" stroke="#999" stroke-width="0.5"/><text x="${PAD + 20}" y="${height + 18 + i * 18}" font-size="12">${escapeHtml(l.text)}</text>`).join('');
  const total = height + 14 + legend.length * 18;
  return `<figure class="map"><svg viewBox="0 0 ${W} ${total}" width="100%" role="img" aria-label="${escapeHtml(title)}">${shapes}${keys}</svg><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** Sequential blues for a share in percent (0..100) between `lo` and `hi`. */
export const BLUES = ['#deebf7', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Areas without a figure: a grey no blue is mistaken for. */
export const NO_FIGURE = '#d0d0d0';

export function sequentialShade(value: number | null, lo: number, hi: number): string {
  if (value === null) return NO_FIGURE;
  const t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
  return BLUES[Math.max(0, Math.min(BLUES.length - 1, Math.floor(t * BLUES.length)))]!;
}

/** A shaded map of one figure per area, with a five-step legend from `lo` to `hi`. */
export function sequentialMap(title: string, outlines: readonly AreaOutline[], values: ReadonlyMap<string, number | null>, unit: string, caption: string): string {
  const known = [...values.values()].filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const step = (hi - lo) / BLUES.length;
  const legend = [...BLUES.map((fill, i) => ({ fill, text: `${fmt(lo + i * step, 1)} to ${fmt(lo + (i + 1) * step, 1)} ${unit}${i === BLUES.length - 1 ? ' (darkest: best)' : ''}` })), { fill: NO_FIGURE, text: 'no figure' }];
  return staticMap(title, outlines, (id) => {
    const v = values.get(id);
    return v === undefined || v === null ? null : { fill: sequentialShade(v, lo, hi), text: `${fmt(v, 1)} ${unit}` };
  }, legend, caption);
}

/** Diverging colours: better (blues), no detectable difference (grey), worse (oranges). */
export const DIVERGING = { better: ['#c6dbef', '#4292c6', '#08519c'], same: '#e0e0e0', worse: ['#fdd0a2', '#f16913', '#a63603'] } as const;

/** One area's paired difference for the diverging map (display units), or null when not measured. */
export interface AreaDifference {
  readonly mean: number | null;
  readonly half: number | null;
  readonly verdict: Verdict;
}

/** A variant's differences from the baseline per area on a diverging scale, the legend saying which colour is better. */
export function divergingMap(title: string, outlines: readonly AreaOutline[], diffs: ReadonlyMap<string, AreaDifference>, unit: string, betterMeans: string, caption: string): string {
  const sizes = [...diffs.values()].flatMap((d) => (d.mean === null ? [] : [Math.abs(d.mean)]));
  if (sizes.length === 0) return '';
  const big = Math.max(...sizes, 1e-9);
  const step = (x: number) => Math.min(2, Math.floor((Math.abs(x) / big) * 3));
  const legend = [
    { fill: DIVERGING.better[2], text: `better: ${betterMeans} (darker: a bigger difference, up to ${fmt(big, 1)} ${unit})` },
    { fill: DIVERGING.same, text: 'no detectable difference (the 95% interval of the difference includes zero)' },
    { fill: DIVERGING.worse[2], text: 'worse (darker: a bigger difference)' },
    { fill: NO_FIGURE, text: 'no figure' },
  ];
  return staticMap(title, outlines, (id) => {
    const d = diffs.get(id);
    if (!d || d.mean === null) return null;
    const text = `${d.mean > 0 ? '+' : d.mean < 0 ? '−' : ''}${fmt(Math.abs(d.mean), 1)}${d.half === null ? '' : ` ± ${fmt(d.half, 1)}`} ${unit}, ${d.verdict}`;
    const fill = d.verdict === 'better' ? DIVERGING.better[step(d.mean)]! : d.verdict === 'worse' ? DIVERGING.worse[step(d.mean)]! : DIVERGING.same;
    return { fill, text };
  }, legend, caption);
}
