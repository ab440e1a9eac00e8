/** Response-time histograms (part of the message contract of ./protocol.ts, which re-exports them). */

/**
 * Attended counted incidents of one grade by response time (seconds from the call to the first
 * unit on scene, MODEL.md "Response time"): bin k counts [k * binS, (k + 1) * binS); the last bin
 * counts everything from (counts.length - 1) * binS up. Over replications the counts are summed.
 */
export interface ResponseHistogram {
  readonly binS: number;
  readonly counts: readonly number[];
  /** the grade's target, seconds */
  readonly targetS: number;
}

/** Response-time histograms of the attended grades with a target (I and S). */
export type ResponseHistograms = Partial<Record<'I' | 'S', ResponseHistogram>>;
