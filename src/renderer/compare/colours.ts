/**
 * The diverging colours of the comparison map (docs/MODEL-ADDITIONS.md "Compare in the app"): an
 * area is blue where the variant is better than the baseline, red where it is worse (the verdict
 * of its paired difference), deeper the larger the difference against the largest on the map;
 * grey where there is no detectable difference, white where the figure was not measured.
 * Blue against red reads in the common colour-vision deficiencies (ColorBrewer RdBu).
 */
import type { PairedDifference } from '../../shared/comparison';

export const BETTER = ['#d1e5f0', '#67a9cf', '#2166ac'] as const;
export const WORSE = ['#fddbc7', '#ef8a62', '#b2182b'] as const;
export const SAME = '#d9d9d9';
export const NOT_MEASURED = '#ffffff';

/** The fill of one area, given its difference and the largest |difference| among areas with a verdict. */
export function divergingFill(d: PairedDifference, largest: number): string {
  if (d.n === 0 || d.mean === null) return NOT_MEASURED;
  if (d.verdict !== 'better' && d.verdict !== 'worse') return SAME;
  const share = largest > 0 ? Math.abs(d.mean) / largest : 1;
  const step = share > 2 / 3 ? 2 : share > 1 / 3 ? 1 : 0;
  return (d.verdict === 'better' ? BETTER : WORSE)[step]!;
}

/** The largest |difference| among those with a verdict of better or worse (0 when none). */
export function largestDifference(ds: readonly PairedDifference[]): number {
  return ds.reduce((m, d) => (d.mean !== null && (d.verdict === 'better' || d.verdict === 'worse') ? Math.max(m, Math.abs(d.mean)) : m), 0);
}
