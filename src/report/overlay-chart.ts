/**
 * Response-time distributions of several scenarios overlaid, as inline SVG (no scripts): for each
 * scenario the share of incidents reached within t, t from 0 to the 99th percentile of the
 * slowest scenario, with the grade's target as a dashed line.
 */
import type { ResponseHistogram } from '../shared/protocol';
import { escapeHtml } from './html';

/** Colours told apart by people with the common colour-vision deficiencies (Okabe-Ito). */
export const SCENARIO_COLOURS = ['#000000', '#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const;

/** Cumulative share (0..1) reached by the end of each bin; empty for a histogram with no counts. */
export function cumulativeShares(h: ResponseHistogram): number[] {
  const total = h.counts.reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  let run = 0;
  return h.counts.map((c) => (run += c) / total);
}

export function overlayChart(title: string, series: readonly { name: string; histogram: ResponseHistogram | undefined }[]): string {
  const W = 900;
  const H = 260;
  const pad = 48;
  const drawn = series.map((s, i) => ({ ...s, colour: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]!, cum: s.histogram ? cumulativeShares(s.histogram) : [] })).filter((s) => s.cum.length > 0);
  if (drawn.length === 0) return `<p class="note">${escapeHtml(title)}: no responses to draw.</p>`;
  const binS = drawn[0]!.histogram!.binS;
  const targetS = drawn[0]!.histogram!.targetS;
  // Up to the bin where the slowest scenario has reached 99%, and at least past the target.
  const lastBin = Math.max(...drawn.map((s) => s.cum.findIndex((c) => c >= 0.99)).map((i) => (i < 0 ? drawn[0]!.cum.length - 1 : i)), Math.ceil(targetS / binS));
  const maxS = (lastBin + 1) * binS;
  const x = (t: number) => pad + (t / maxS) * (W - 2 * pad);
  const y = (share: number) => H - pad - share * (H - 2 * pad);
  const lines = drawn
    .map((s) => {
      const pts = [`${x(0).toFixed(1)},${y(0).toFixed(1)}`, ...s.cum.slice(0, lastBin + 1).map((c, i) => `${x((i + 1) * binS).toFixed(1)},${y(c).toFixed(1)}`)].join(' ');
      return `<polyline fill="none" stroke="${s.colour}" stroke-width="1.8" points="${pts}"/>`;
    })
    .join('');
  // Ticks every 1, 2, 5, 10, 15, 30 or 60 minutes: the first step giving at most 8 of them.
  const stepMin = [1, 2, 5, 10, 15, 30, 60].find((m) => maxS / (m * 60) <= 8) ?? 120;
  const ticks = Array.from({ length: Math.floor(maxS / (stepMin * 60)) + 1 }, (_, k) => k * stepMin * 60)
    .map((t) => `<text x="${x(t).toFixed(1)}" y="${H - pad + 16}" font-size="11" text-anchor="middle">${t / 60} min</text>`)
    .join('');
  const shares = [0, 0.5, 1].map((v) => `<text x="${pad - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end">${v * 100}%</text>`).join('');
  const target = `<line x1="${x(targetS).toFixed(1)}" y1="${pad}" x2="${x(targetS).toFixed(1)}" y2="${H - pad}" stroke="#777" stroke-dasharray="4 3"/><text x="${(x(targetS) + 4).toFixed(1)}" y="${pad + 10}" font-size="11" fill="#555">target ${Math.round(targetS / 60)} min</text>`;
  const legend = drawn.map((s, i) => `<rect x="${pad + 10}" y="${pad + 24 + i * 16}" width="14" height="3" fill="${s.colour}"/><text x="${pad + 30}" y="${pad + 28 + i * 16}" font-size="11">${escapeHtml(s.name)}</text>`).join('');
  const axes = `<line x1="${pad}" y1="${H - pad}" x2="${W - pad}" y2="${H - pad}" stroke="#888"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${H - pad}" stroke="#888"/>`;
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(title)}"><text x="${pad}" y="18" font-size="12">${escapeHtml(title)}</text>${axes}${ticks}${shares}${target}${lines}${legend}</svg>`;
}
