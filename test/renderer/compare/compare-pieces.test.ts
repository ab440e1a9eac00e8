/** The Compare panel's pure pieces: how figures are written, the time left, the map's colours, the candidates. */
import { describe, expect, it } from 'vitest';
import { BETTER, divergingFill, largestDifference, NOT_MEASURED, SAME, WORSE } from '../../../src/renderer/compare/colours';
import { differenceText, meanText, timeLeftText, verdictText } from '../../../src/renderer/compare/format';
import { builtInCandidates, defaultHorizon, fileCandidate, openCandidate } from '../../../src/renderer/compare/sources';
import { LONDON_BASELINE } from '../../../src/renderer/scenarios';
import { initialScenarioState, scenarioEdited } from '../../../src/renderer/store/scenario-slice';
import type { PairedDifference } from '../../../src/shared/comparison';

const diff = (mean: number | null, half: number | null, verdict: PairedDifference['verdict'], n = 5): PairedDifference => ({ n, mean, half, higherIsBetter: true, verdict });

describe('Compare panel pieces', () => {
  it('writes times in minutes and shares in points, differences signed', () => {
    expect(meanText({ n: 4, mean: 600, half: 30 }, 's')).toBe('10.0 ± 0.5');
    expect(meanText({ n: 1, mean: 81.25, half: null }, '%')).toBe('81.3');
    expect(meanText({ n: 0, mean: null, half: null }, '%')).toBe('–');
    expect(differenceText({ n: 4, mean: 1.2, half: 0.8 }, '%')).toBe('+1.2 ± 0.8');
    expect(differenceText({ n: 4, mean: -90, half: 12 }, 's')).toBe('−1.5 ± 0.2');
    expect(differenceText({ n: 4, mean: 0, half: 0 }, '%')).toBe('0.0 ± 0.0');
    expect(verdictText(diff(null, null, 'too few replications', 0))).toBe('not measured');
    expect(verdictText(diff(1, 0.5, 'better'))).toBe('better');
  });

  it('time left: elapsed x (1 - f) / f, nothing before anything is done', () => {
    expect(timeLeftText(10_000, 0)).toBeNull();
    expect(timeLeftText(10_000, 0.5)).toBe('about 10 s');
    expect(timeLeftText(60_000, 0.25)).toBe('about 3 min');
    expect(timeLeftText(10_000, 1)).toBe('less than a second');
  });

  it('diverging fill: blue better, red worse, by thirds of the largest difference; grey and white otherwise', () => {
    const ds = [diff(3, 1, 'better'), diff(-1.5, 0.5, 'worse'), diff(-10, 30, 'no detectable difference'), diff(null, null, 'too few replications', 0)];
    const largest = largestDifference(ds);
    expect(largest, 'differences without a verdict do not count').toBe(3);
    expect(ds.map((d) => divergingFill(d, largest))).toEqual([BETTER[2], WORSE[1], SAME, NOT_MEASURED]);
  });

  it('candidates: the document as opened first once edited, else the London baseline; files validated', () => {
    const start = initialScenarioState(LONDON_BASELINE.scenario, 'built in');
    expect(builtInCandidates(start).map((c) => c.id)).toEqual(['london']);
    const edited = scenarioEdited(start, (raw) => ({ ...raw, days: 2 }));
    expect(builtInCandidates(edited).map((c) => c.id)).toEqual(['original', 'london']);
    expect(openCandidate(edited).label).toBe('London baseline (with your changes)');
    expect(fileCandidate({ path: '/x/a.json', name: 'a.json', raw: [] })).toEqual({ ok: false, message: 'a.json: expected a scenario object (the file holds other JSON)' });
    const bad = fileCandidate({ path: '/x/b.json', name: 'b.json', raw: { ...LONDON_BASELINE.scenario, days: -1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^b\.json: days: /);
    const good = fileCandidate({ path: '/x/c.json', name: 'c.json', raw: LONDON_BASELINE.scenario });
    expect(good.ok && good.candidate.id).toBe('file:/x/c.json');
    expect([defaultHorizon(7), defaultHorizon(0.5), defaultHorizon(365)]).toEqual([7, 1, 28]);
  });
});
