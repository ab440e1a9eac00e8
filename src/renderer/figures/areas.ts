/**
 * Figures by borough and by BCU, from the `areas` of a run's results (MODEL.md "Results"): what the
 * choropleth colours, what a clicked borough shows, and the tables that carry the same
 * information for keyboard and screen-reader users.
 */
import type { SimResults } from '../../shared/protocol';
import type { AreaResults } from '../../shared/results';
import type { ChoroplethFigure } from '../store/map-slice';

export interface ChoroplethDef {
  readonly id: ChoroplethFigure;
  readonly label: string;
  readonly kind: 'duration' | 'pct' | 'count';
  /** which end is bad (drawn darkest) */
  readonly worse: 'high' | 'low';
  read(area: AreaResults): number | null;
}

export const CHOROPLETH_FIGURES: readonly ChoroplethDef[] = [
  { id: 'I-mean', label: 'I mean response', kind: 'duration', worse: 'high', read: (a) => a.I?.meanResponseS ?? null },
  { id: 'I-within', label: 'I within target', kind: 'pct', worse: 'low', read: (a) => a.I?.withinTargetPct ?? null },
  { id: 'S-mean', label: 'S mean response', kind: 'duration', worse: 'high', read: (a) => a.S?.meanResponseS ?? null },
  { id: 'S-within', label: 'S within target', kind: 'pct', worse: 'low', read: (a) => a.S?.withinTargetPct ?? null },
  { id: 'I-incidents', label: 'I incidents', kind: 'count', worse: 'high', read: (a) => a.I?.incidents ?? null },
];

export function choroplethDef(id: ChoroplethFigure): ChoroplethDef {
  const def = CHOROPLETH_FIGURES.find((d) => d.id === id);
  if (!def) throw new Error(`unknown choropleth figure "${id}"`);
  return def;
}

/** Light (good) to dark (bad). */
export const CHOROPLETH_COLOURS = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'] as const;
export const NO_DATA_COLOUR = '#e3e6ea';

export interface ChoroplethScale {
  /** class k holds values in [breaks[k], breaks[k + 1]] (the last class includes its top) */
  readonly breaks: readonly number[];
  /** colour of each class, in the order of `breaks` (ascending values) */
  readonly colours: readonly string[];
  colourOf(value: number | null): string;
}

/** Five equal-width classes over the values present; bad values darkest. */
export function choroplethScale(def: ChoroplethDef, values: readonly (number | null)[]): ChoroplethScale {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = CHOROPLETH_COLOURS.length;
  const colours = def.worse === 'high' ? [...CHOROPLETH_COLOURS] : [...CHOROPLETH_COLOURS].reverse();
  if (present.length === 0) return { breaks: [], colours, colourOf: () => NO_DATA_COLOUR };
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  const width = (hi - lo) / n;
  const breaks = Array.from({ length: n + 1 }, (_, k) => lo + k * width);
  return {
    breaks,
    colours,
    colourOf(value) {
      if (value === null || !Number.isFinite(value)) return NO_DATA_COLOUR;
      if (width === 0) return colours[Math.floor(n / 2)]!;
      const k = Math.min(n - 1, Math.max(0, Math.floor((value - lo) / width)));
      return colours[k]!;
    },
  };
}

export interface GroupFigures {
  readonly id: string;
  readonly incidentsI: number;
  readonly meanI: number | null;
  readonly withinI: number | null;
  readonly incidentsS: number;
  readonly meanS: number | null;
  readonly withinS: number | null;
}

/** Incident-weighted mean of a figure over areas (null when no area has incidents of the grade). */
function weighted(areas: readonly AreaResults[], grade: 'I' | 'S', field: 'meanResponseS' | 'withinTargetPct'): number | null {
  let sum = 0;
  let weight = 0;
  for (const a of areas) {
    const g = a[grade];
    const value = g?.[field];
    if (!g || value === null || value === undefined || g.incidents <= 0) continue;
    // Mean response is over attended incidents; weighting by incidents is close enough for areas of one run.
    sum += value * g.incidents;
    weight += g.incidents;
  }
  return weight > 0 ? sum / weight : null;
}

function figuresOf(id: string, areas: readonly AreaResults[]): GroupFigures {
  const count = (g: 'I' | 'S') => areas.reduce((n, a) => n + (a[g]?.incidents ?? 0), 0);
  return {
    id,
    incidentsI: count('I'),
    meanI: weighted(areas, 'I', 'meanResponseS'),
    withinI: weighted(areas, 'I', 'withinTargetPct'),
    incidentsS: count('S'),
    meanS: weighted(areas, 'S', 'meanResponseS'),
    withinS: weighted(areas, 'S', 'withinTargetPct'),
  };
}

/** Figures per BCU (areas grouped by their `bcu`), in the order BCUs first appear. */
export function bcuFigures(results: SimResults): GroupFigures[] {
  const groups = new Map<string, AreaResults[]>();
  for (const a of results.areas) {
    if (a.bcu === null) continue;
    let list = groups.get(a.bcu);
    if (!list) groups.set(a.bcu, (list = []));
    list.push(a);
  }
  return [...groups].map(([id, areas]) => figuresOf(id, areas));
}
