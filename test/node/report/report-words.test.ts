import { describe, expect, it } from 'vitest';
import { assumptionRows, dispatchWords, distributionWords, duration } from '../../../src/report/assumptions';
import { attributionsFor, attributionsForAll, EAST_ROADS } from '../../../src/report/attribution';
import { changedRows, comparisonHtml } from '../../../src/report/comparison';
import { cumulativeShares } from '../../../src/report/overlay-chart';
import { readScenario } from '../../../src/node/scenario';
import { parsed, smallInput } from '../../sim/fixtures/small';

describe('assumptions in words', () => {
  it('dispatch rules as sentences, never JSON', () => {
    const d = parsed({ ...smallInput(), dispatch: { policy: 'nearest-eta', border: 'any', divert: { to: ['I'], from: ['S', 'E'] }, reserve: { S: 8 }, decisionTime: { dist: 'fixed', value: 30 } } } as never).dispatch;
    const words = dispatchWords(d);
    expect(words).toBe(
      "The free unit that would arrive first (by driving time) is sent; units cross borough and BCU borders freely. " +
        'A unit on its way to, or at, a grade S and E incident may be diverted to a grade I incident. ' +
        "8 units per BCU held back from grade S work, so that more urgent calls find a free unit. The dispatcher's decision time is always 30 s.",
    );
    expect(words).not.toMatch(/[{}"]/);
  });

  it('durations and distributions', () => {
    expect(duration(45)).toBe('45 s');
    expect(duration(600)).toBe('10 min');
    expect(duration(9000)).toBe('2 h 30 min');
    expect(distributionWords({ dist: 'lognormal', mean: 240, cv: 0.6 })).toBe('on average 4 min, varying by about 60% (log-normal)');
    expect(distributionWords({ dist: 'uniform', min: 60, max: 180 })).toBe('anywhere from 60 s to 3 min');
  });

  it('surges in words, with the parts a surge may leave out', () => {
    const s = parsed({ ...smallInput(), demand: { ...(smallInput() as { demand: object }).demand, surges: [{ label: 'Carnival', circle: { lon: -0.2, lat: 51.515, radiusM: 1500 }, multiplier: 3, fromS: 3600, toS: 7200 }, { multiplier: 1.5, line: '101' }] } } as never);
    const row = assumptionRows(s).find((r) => r[0] === 'surges')![1];
    expect(row).toBe('Carnival: within 1,500 m of 51.515° N, 0.2° W, 3 times the usual calls from 60 min after the start to 2 h after the start; 101 calls everywhere, 1.5 times the usual calls from the first call to the last.');
  });

  it('what changed: the rows whose sentence differs', () => {
    const base = parsed(smallInput());
    const variant = parsed({ ...smallInput(), dispatch: { reserve: { S: 1 } } } as never);
    const changed = changedRows(base, variant);
    expect(changed.map((r) => r[0])).toEqual(['dispatch']);
    expect(changed[0]![2]).toContain('1 unit per BCU held back from grade S work');
    expect(changedRows(base, base)).toEqual([]);
    expect(assumptionRows(base).map((r) => r[0])).toContain('simulated period');
  });
});

describe('the strain mechanisms in words (issue 16: the report must state what drives its S figures)', () => {
  it("the London baseline's report names S carry-over, crime reports and meal breaks, and custody", async () => {
    const { scenario } = await readScenario('london');
    const rows = new Map(assumptionRows(scenario));
    expect(rows.get('dispatch')).toContain('A grade S incident still waiting for a unit 30 min after it joined the queue is carried over: it goes behind every fresher grade S incident (still ahead of lower grades)');
    expect(rows.get('at the scene')).toContain('Grade I: 1 unit on blue lights, on scene on average 45 min, varying by about 90% (log-normal); 6% end in an arrest; in 30% the first unit to finish then writes a crime report at the scene, on average 45 min, varying by about 50% (log-normal), and stays busy while it does.');
    expect(rows.get('at the scene')).toContain('Grade R: no unit attends');
    expect(rows.get('meal breaks')).toBe(
      'Every unit on a shift takes one break a shift at its base, always 45 min, due between 3 h and 6 h into its shift (staggered across the units of its shift and BCU). It takes the break when it is next free at its base, is off the books while on it, and misses it if the shift ends first. Round-the-clock units take no breaks.',
    );
    expect(rows.get('arrests and custody')).toBe('After an arrest the first unit to finish at the scene drives (off blue lights) to the nearest of the 32 custody suites by driving time and spends time there on average 4 h, varying by about 50% (log-normal), then is free and returns to base.');
    for (const [, v] of rows) expect(v).not.toMatch(/[{}"]\s*[A-Za-z]+"?:/);
  });

  it('a scenario without them says so, and a variant that adds them shows in what changed', () => {
    const base = parsed(smallInput());
    const rows = new Map(assumptionRows(base));
    expect(rows.get('meal breaks')).toBe('Not modelled: units take no breaks.');
    expect(rows.get('dispatch')).not.toContain('carried over');
    expect(rows.get('at the scene')).not.toContain('crime report');
    const variant = parsed({
      ...smallInput(),
      dispatch: { policy: 'nearest-eta', decisionTime: { dist: 'fixed', value: 30 }, carryOver: { S: 2700 } },
      grades: { I: { arrestProbability: 0.2 }, S: { crimeReport: { probability: 0.25, time: { dist: 'fixed', value: 1800 } } } },
      refreshment: { earliestS: 7200, latestS: 14400, duration: { dist: 'fixed', value: 1800 } },
    } as never);
    const changed = new Map(changedRows(base, variant).map(([k, , now]) => [k, now]));
    expect([...changed.keys()].sort()).toEqual(['at the scene', 'dispatch', 'meal breaks']);
    expect(changed.get('dispatch')).toContain('A grade S incident still waiting for a unit 45 min after it joined the queue is carried over');
    expect(changed.get('at the scene')).toContain('in 25% the first unit to finish then writes a crime report at the scene, always 30 min');
    expect(changed.get('meal breaks')).toContain('always 30 min, due between 2 h and 4 h into its shift');
  });
});

describe('attribution', () => {
  it('the London baseline on roads carries the OSM, ONS/OS and east London roads (DfT MRN, OS) statements', async () => {
    const { scenario } = await readScenario('london');
    const a = attributionsFor(scenario);
    expect(a.join('\n')).toContain('© OpenStreetMap contributors');
    expect(a.join('\n')).toContain('Contains Ordnance Survey data © Crown copyright');
    if (scenario.travel.mode === 'road') {
      expect(a).toContain(EAST_ROADS);
      expect(EAST_ROADS).toContain('DfT Major Road Network');
      expect(EAST_ROADS).toContain('contains OS data © Crown copyright and database right');
    }
    expect(attributionsForAll([scenario, scenario])).toEqual(a);
  });

  it('none for a scenario of inline data', () => {
    expect(attributionsFor(parsed(smallInput()))).toEqual([]);
  });
});

describe('comparison document', () => {
  it('needs a baseline and a variant', () => {
    expect(() => comparisonHtml({ scenarios: [], command: '', dataHashes: [] })).toThrow(/at least one variant/);
  });
  it('cumulative shares of a histogram', () => {
    expect(cumulativeShares({ binS: 60, counts: [1, 2, 1], targetS: 120 })).toEqual([0.25, 0.75, 1]);
    expect(cumulativeShares({ binS: 60, counts: [0, 0], targetS: 120 })).toEqual([]);
  });
});
