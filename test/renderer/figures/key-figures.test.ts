import { describe, expect, it } from 'vitest';
import { KEY_FIGURES, figureChange, formatChange } from '../../../src/renderer/figures/key-figures';
import { CHOROPLETH_COLOURS, NO_DATA_COLOUR, bcuFigures, choroplethDef, choroplethScale } from '../../../src/renderer/figures/areas';
import type { SimResults } from '../../../src/shared/protocol';
import { fakeResults } from '../../host/fakes';

const def = (id: string) => KEY_FIGURES.find((d) => d.id === id)!;

describe('key figures', () => {
  it('lists the figures of issue 6 for I and S, 999 and 101, and units, each with a MODEL.md definition', () => {
    expect(KEY_FIGURES.map((d) => d.id)).toEqual([
      'I-mean', 'I-median', 'I-p90', 'I-within', 'S-mean', 'S-median', 'S-p90', 'S-within',
      '999-answered', '999-abandoned', '101-answered', '101-abandoned', 'utilisation',
    ]);
    for (const d of KEY_FIGURES) expect(d.definition.length, `${d.id} has a definition`).toBeGreaterThan(40);
  });

  it('reads each figure from the results, null where there is nothing to measure', () => {
    const r = fakeResults(100, 1);
    expect(def('I-mean').read(r)).toBe(600);
    expect(def('I-p90').read(r)).toBe(900);
    expect(def('S-mean').read(r), 'no S results').toBeNull();
    expect(def('999-answered').read(r), 'no per-line results').toBeNull();
    expect(def('utilisation').read(r)).toBe(40);
    const withLines: SimResults = { ...r, calls: { ...r.calls, byLine: { '999': { ...r.calls, answeredWithinTargetPct: 88.7, abandonedPct: 1.2 } } } };
    expect([def('999-answered').read(withLines), def('999-abandoned').read(withLines)]).toEqual([88.7, 1.2]);
  });

  it('says which way a figure moved and whether that is better or worse', () => {
    expect(figureChange(def('I-mean'), 700, 600)).toEqual({ delta: 100, direction: 'up', verdict: 'worse' });
    expect(figureChange(def('I-within'), 85, 80)).toEqual({ delta: 5, direction: 'up', verdict: 'better' });
    expect(figureChange(def('999-abandoned'), 1, 2)).toEqual({ delta: -1, direction: 'down', verdict: 'better' });
    expect(figureChange(def('utilisation'), 90, 80)?.verdict, 'neither better nor worse').toBe('neutral');
    expect(figureChange(def('I-mean'), 600.2, 600)?.direction, 'below what is shown').toBe('same');
    expect(figureChange(def('I-mean'), null, 600)).toBeNull();
  });

  it('formats changes as signed durations and percentage points', () => {
    expect(formatChange(def('I-mean'), figureChange(def('I-mean'), 665, 600)!)).toBe('+1:05');
    expect(formatChange(def('I-mean'), figureChange(def('I-mean'), 570, 600)!)).toBe('−0:30');
    expect(formatChange(def('I-within'), figureChange(def('I-within'), 77.7, 80)!)).toBe('−2.3 pts');
    // Over an hour, a change reads as its value does (h:mm:ss), not as 62:00.
    expect(formatChange(def('S-mean'), figureChange(def('S-mean'), 7320, 3600)!)).toBe('+1:02:00');
    expect(formatChange(def('S-mean'), figureChange(def('S-mean'), 3600, 7325)!)).toBe('−1:02:05');
    expect(formatChange(def('I-within'), figureChange(def('I-within'), 80, 80)!)).toBe('no change');
  });
});

describe('figures by area', () => {
  const area = (id: string, bcu: string | null, n: number, mean: number | null, within: number | null) => ({ id, name: id, bcu, I: { incidents: n, meanResponseS: mean, withinTargetPct: within } });

  it('colours five equal classes with the bad end darkest, and no data grey', () => {
    const mean = choroplethScale(choroplethDef('I-mean'), [100, 200, null, 600]);
    expect(mean.breaks).toEqual([100, 200, 300, 400, 500, 600]);
    expect(mean.colourOf(100)).toBe(CHOROPLETH_COLOURS[0]);
    expect(mean.colourOf(600), 'the slowest is darkest').toBe(CHOROPLETH_COLOURS[4]);
    expect(mean.colourOf(null)).toBe(NO_DATA_COLOUR);
    const within = choroplethScale(choroplethDef('I-within'), [50, 100]);
    expect(within.colourOf(50), 'the lowest share in time is darkest').toBe(CHOROPLETH_COLOURS[4]);
    expect(choroplethScale(choroplethDef('I-mean'), []).colourOf(5)).toBe(NO_DATA_COLOUR);
    expect(() => choroplethDef('X' as never)).toThrow(/unknown choropleth figure/);
  });

  it('sums incidents by BCU and weights its figures by incidents, leaving out areas with no BCU', () => {
    const r: SimResults = { ...fakeResults(1, 1), areas: [area('a', 'B', 10, 600, 90), area('b', 'B', 30, 1000, 50), area('c', null, 5, 100, 100), area('d', 'C', 0, null, null)] };
    expect(bcuFigures(r)).toEqual([
      { id: 'B', incidentsI: 40, meanI: 900, withinI: 60, incidentsS: 0, meanS: null, withinS: null },
      { id: 'C', incidentsI: 0, meanI: null, withinI: null, incidentsS: 0, meanS: null, withinS: null },
    ]);
  });
});
