/**
 * The key figures of a run (the "Key figures" region), each read from the results object and
 * traceable to its definition in MODEL.md, and how each changed from the previous run.
 */
import type { SimResults } from '../../shared/protocol';
import type { GradeResults } from '../../shared/results';
import { isAttendedGrade } from '../../shared/results';
import { formatDuration } from '../format';

export type FigureKind = 'duration' | 'pct';
/** Which way is good: a longer response is worse, a higher share within target better. */
export type Better = 'lower' | 'higher' | 'neither';

export interface FigureDef {
  readonly id: string;
  /** what the row says, e.g. "Mean response" */
  readonly label: string;
  readonly group: 'I' | 'S' | '999' | '101' | 'units';
  readonly kind: FigureKind;
  readonly better: Better;
  /** MODEL.md's definition, shown as the figure's description */
  readonly definition: string;
  read(results: SimResults): number | null;
}

const RESPONSE =
  'Response time = arrival of the first unit at scene − arrival of the call (answer wait, handling, queueing for a unit, turnout and travel), over attended incidents (MODEL.md).';

function grade(results: SimResults, g: 'I' | 'S'): GradeResults | null {
  const r = results.grades[g];
  return isAttendedGrade(r) ? r : null;
}

function gradeFigures(g: 'I' | 'S'): FigureDef[] {
  const name = g === 'I' ? 'Immediate' : 'Significant';
  return [
    { id: `${g}-mean`, label: 'Mean response', group: g, kind: 'duration', better: 'lower', definition: `${name} (${g}): mean response time. ${RESPONSE}`, read: (r) => grade(r, g)?.meanResponseS ?? null },
    { id: `${g}-median`, label: 'Median response', group: g, kind: 'duration', better: 'lower', definition: `${name} (${g}): median response time. ${RESPONSE}`, read: (r) => grade(r, g)?.medianResponseS ?? null },
    { id: `${g}-p90`, label: '90th percentile', group: g, kind: 'duration', better: 'lower', definition: `${name} (${g}): 90th-percentile response time. ${RESPONSE}`, read: (r) => grade(r, g)?.p90ResponseS ?? null },
    {
      id: `${g}-within`,
      label: 'Within target',
      group: g,
      kind: 'pct',
      better: 'higher',
      definition: `${name} (${g}): share of incidents reached within the grade's target (response time ≤ targetS; unattended incidents count as late), MODEL.md "Within target".`,
      read: (r) => grade(r, g)?.withinTargetPct ?? null,
    },
  ];
}

function lineFigures(line: '999' | '101'): FigureDef[] {
  return [
    {
      id: `${line}-answered`,
      label: 'Answered within target',
      group: line,
      kind: 'pct',
      better: 'higher',
      definition: `${line} calls answered within the line's answer target (answerTargetS), as a share of calls offered (results calls.byLine["${line}"].answeredWithinTargetPct).`,
      read: (r) => r.calls.byLine[line]?.answeredWithinTargetPct ?? null,
    },
    {
      id: `${line}-abandoned`,
      label: 'Abandoned',
      group: line,
      kind: 'pct',
      better: 'lower',
      definition: `${line} callers whose patience ran out before a call taker answered, as a share of calls offered (MODEL.md "Call handling").`,
      read: (r) => r.calls.byLine[line]?.abandonedPct ?? null,
    },
  ];
}

export const KEY_FIGURES: readonly FigureDef[] = [
  ...gradeFigures('I'),
  ...gradeFigures('S'),
  ...lineFigures('999'),
  ...lineFigures('101'),
  {
    id: 'utilisation',
    label: 'Unit utilisation',
    group: 'units',
    kind: 'pct',
    better: 'neither',
    definition:
      'Mean over units of the share of on-duty time spent travelling to, at, or returning from work they were sent to (MODEL.md "Utilisation").',
    read: (r) => r.units.meanUtilisationPct,
  },
];

export const FIGURE_GROUPS: readonly { readonly id: FigureDef['group']; readonly title: string }[] = [
  { id: 'I', title: 'I — Immediate' },
  { id: 'S', title: 'S — Significant' },
  { id: '999', title: '999 calls' },
  { id: '101', title: '101 calls' },
  { id: 'units', title: 'Units' },
];

export interface FigureChange {
  /** current − previous, in the figure's unit (seconds or percentage points) */
  readonly delta: number;
  readonly direction: 'up' | 'down' | 'same';
  readonly verdict: 'better' | 'worse' | 'neutral';
}

/** Smallest change shown as a change: half a second, or 0.05 percentage points (what the display rounds away). */
const SAME = { duration: 0.5, pct: 0.05 } as const;

/** How a figure moved from `previous` to `current`; null when either is missing. */
export function figureChange(def: FigureDef, current: number | null, previous: number | null): FigureChange | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const delta = current - previous;
  if (Math.abs(delta) < SAME[def.kind]) return { delta, direction: 'same', verdict: 'neutral' };
  const direction = delta > 0 ? 'up' : 'down';
  const verdict = def.better === 'neither' ? 'neutral' : (def.better === 'lower') === (delta < 0) ? 'better' : 'worse';
  return { delta, direction, verdict };
}

/** "+1:05", "−0:30", "+2.3 pts", "no change". */
export function formatChange(def: FigureDef, change: FigureChange): string {
  if (change.direction === 'same') return 'no change';
  const sign = change.delta > 0 ? '+' : '−';
  const size = Math.abs(change.delta);
  if (def.kind === 'pct') return `${sign}${size.toFixed(1)} pts`;
  // The same form as the value beside it: m:ss, or h:mm:ss from an hour (a change of 62 minutes is +1:02:00, not +62:00).
  return `${sign}${formatDuration(size)}`;
}
