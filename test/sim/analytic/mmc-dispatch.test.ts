import { describe, expect, it } from 'vitest';
import { isAttendedGrade } from '../../../src/shared/results';
import { mmc } from './theory';
import { replicate, tolerance } from './replicate';

const R = 20;

describe('dispatch with zero travel against M/M/c', () => {
  it('mmc-dispatch.json: mean response, share within 900 s and utilisation lie within the 99.9% interval', async () => {
    const res = await replicate('mmc-dispatch.json', R);
    const I = res.grades.I;
    if (!isAttendedGrade(I)) throw new Error('grade I should be attended');
    const theory = mmc(5, 3.5 / 1800, 1 / 1800);
    const tolMean = tolerance(I.ci95?.meanResponseS, R);
    const tolWithin = tolerance(I.ci95?.withinTargetPct, R) / 100;
    const tolUtil = tolerance(res.units.ci95?.meanUtilisationPct, R) / 100;
    expect(Math.abs(I.meanResponseS! - theory.meanWaitS), `mean response ${I.meanResponseS} vs ${theory.meanWaitS} (tolerance ${tolMean})`).toBeLessThanOrEqual(tolMean);
    expect(Math.abs(I.withinTargetPct! / 100 - theory.pWithin(900)), `within 900 s (tolerance ${tolWithin})`).toBeLessThanOrEqual(tolWithin);
    expect(Math.abs(res.units.meanUtilisationPct! / 100 - theory.utilisation), `utilisation (tolerance ${tolUtil})`).toBeLessThanOrEqual(tolUtil);
    expect(I.components.travelS, 'zero travel').toBe(0);
    expect(tolMean / theory.meanWaitS).toBeLessThan(0.25);
  });
});
