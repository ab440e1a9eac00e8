/**
 * How the Compare panel writes its figures (docs/MODEL-ADDITIONS.md "Compare in the app"): times
 * in minutes and shares in % with one decimal, "mean ± 95% half-width", differences signed
 * (variant − baseline), and the time left as "about 2 min".
 */
import type { FigureUnit, MeanInterval, PairedDifference } from '../../shared/comparison';

const shown = (x: number, unit: FigureUnit): number => (unit === 's' ? x / 60 : x);

/** The unit as written after a figure's name: "min" or "%". */
export const unitWord = (unit: FigureUnit): string => (unit === 's' ? 'min' : '%');

/** "12.3 ± 0.4", "12.3" without an interval, "–" when not measured. */
export function meanText(m: MeanInterval, unit: FigureUnit): string {
  if (m.mean === null) return '–';
  const v = shown(m.mean, unit).toFixed(1);
  return m.half === null ? v : `${v} ± ${shown(m.half, unit).toFixed(1)}`;
}

/** "+1.2 ± 0.8", "−0.4 ± 0.9", "0.0 ± 0.0". */
export function differenceText(d: MeanInterval, unit: FigureUnit): string {
  if (d.mean === null) return '–';
  const v = shown(d.mean, unit);
  const rounded = Math.abs(v) < 0.05 ? 0 : v;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  const body = `${sign}${Math.abs(rounded).toFixed(1)}`;
  return d.half === null ? body : `${body} ± ${shown(d.half, unit).toFixed(1)}`;
}

/** The verdict in words; "not measured" when neither side measured the figure. */
export function verdictText(d: PairedDifference): string {
  return d.n === 0 ? 'not measured' : d.verdict;
}

/** A CSS class for a verdict cell. */
export function verdictClass(d: PairedDifference): string {
  return d.n === 0 ? 'verdict-none' : d.verdict === 'better' ? 'verdict-better' : d.verdict === 'worse' ? 'verdict-worse' : 'verdict-same';
}

/**
 * Time left of a run: elapsed x (1 − f) / f for the share f done (docs/MODEL-ADDITIONS.md), in
 * words; null until something is done. With a stopping rule f is a share of the cap, so this is
 * the most it can take.
 */
export function timeLeftText(elapsedMs: number, fraction: number): string | null {
  if (!(fraction > 0.01) || !(elapsedMs > 0)) return null;
  const s = (elapsedMs * (1 - Math.min(1, fraction))) / fraction / 1000;
  if (s < 1) return 'less than a second';
  if (s < 90) return `about ${Math.round(s)} s`;
  if (s < 5400) return `about ${Math.round(s / 60)} min`;
  return `about ${(s / 3600).toFixed(1)} h`;
}
