/**
 * A short London run (four simulated hours after a one-hour warm-up) of the baseline scenario on
 * the built-in data: results name all 33 areas with their BCU, the City of London gets no Met
 * demand, and the response times are those of attended incidents.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDataProvider } from '../../../src/node/data/provider';
import { baselineScenarioPath } from '../../../src/node/london/baseline';
import { BCU_OF_AREA, CITY_OF_LONDON } from '../../../src/node/london/bcus';
import { isAttendedGrade, type Results } from '../../../src/shared/results';
import { describeIssues, parseScenario } from '../../../src/shared/scenario';
import { runScenario } from '../../../src/sim';
import { buildWorld } from '../../../src/world';

let results: Results;

beforeAll(async () => {
  const raw = JSON.parse(readFileSync(baselineScenarioPath(), 'utf8')) as Record<string, unknown>;
  const parsed = parseScenario({ ...raw, days: 4 / 24, warmupHours: 1 });
  if (!parsed.ok) throw new Error(describeIssues(parsed.errors, baselineScenarioPath()));
  const world = await buildWorld(parsed.scenario, nodeDataProvider());
  results = runScenario(parsed.scenario, world, { incidentLog: false }).results;
});

describe('a short run of the London baseline', () => {
  it('lists all 33 areas with their names and BCUs', () => {
    expect(results.areas).toHaveLength(33);
    for (const area of results.areas) {
      expect(area.name, area.id).not.toBe('');
      expect(area.bcu, `${area.name} BCU`).toBe(BCU_OF_AREA.get(area.id) ?? null);
    }
    expect(results.areas.find((a) => a.id === 'E09000033')!.name).toBe('Westminster');
  });

  it('gives the City of London no Met incidents (the City of London Police answers there)', () => {
    const city = results.areas.find((a) => a.id === CITY_OF_LONDON)!;
    expect(city.name).toBe('City of London');
    expect(city.bcu).toBeNull();
    for (const grade of ['I', 'S', 'E', 'R'] as const) expect(city[grade]?.incidents ?? 0, `City ${grade} incidents`).toBe(0);
    expect(city.note, 'the City says why it has no Met figures').toMatch(/City of London Police/);
    expect(results.areas.filter((a) => a.note !== undefined), 'only the City carries a note').toHaveLength(1);
  });

  it('spreads I incidents over the Met boroughs and attends them', () => {
    const withI = results.areas.filter((a) => (a.I?.incidents ?? 0) > 0);
    expect(withI.length, 'boroughs with I incidents in four hours').toBeGreaterThan(25);
    const I = results.grades.I;
    if (!isAttendedGrade(I)) throw new Error('grade I is not attended');
    // About 1,629 I incidents a day; four hours of an early Monday morning still bring well over 50.
    expect(I.incidents, 'I incidents').toBeGreaterThan(50);
    expect(I.attended, 'I attended').toBeGreaterThan(0.9 * I.incidents);
    expect(I.meanResponseS!, 'mean I response exceeds turnout + handling').toBeGreaterThan(60 + 60);
    expect(I.meanResponseS!, 'mean I response under an hour').toBeLessThan(3600);
    expect(I.withinTargetPct!).toBeGreaterThanOrEqual(0);
    expect(I.withinTargetPct!).toBeLessThanOrEqual(100);
    expect(results.calls.byLine['999']!.offered, '999 calls offered').toBeGreaterThan(200);
  });
});
