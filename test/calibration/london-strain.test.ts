/**
 * Holds the London calibration (issue 19) on short deterministic runs: the 2018 baseline's four
 * calibrated figures within 5 points (mean I within 1.5 min), its mean S response inside the
 * published 2018 monthly range (49-64 min), and the out-of-sample scenarios' direction: 2014, with
 * fewer 999 calls, reaches more I incidents within target; more strain (demand x 1.2) leaves
 * fewer S incidents within target and a longer mean S. A run is seed 1 over SHORT_DAYS days, so
 * its figures are those of one deterministic sample, not the full calibration: the full figures
 * come from `npm run sim -- run london --days 28 --replications 5 --json` and
 * `npx tsx scripts/sensitivity.ts` (docs/CALIBRATION.md).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDataProvider } from '../../src/node/data/provider';
import { loadScenarioFile } from '../../src/node/scenario/load';
import { isAttendedGrade, type Results } from '../../src/shared/results';
import { describeIssues, parseScenario } from '../../src/shared/scenario';
import { runScenario } from '../../src/sim';
import { buildWorld } from '../../src/world';

// Hook and test timeouts are generous: the machine is shared and timing is never asserted.
const SHORT_DAYS = 2;
const SCENARIOS = path.join(__dirname, '..', '..', 'assets', 'scenarios');

async function run(file: string, edit: (s: Record<string, unknown>) => Record<string, unknown> = (s) => s): Promise<Results> {
  const input = (await loadScenarioFile(path.join(SCENARIOS, file))) as Record<string, unknown>;
  const parsed = parseScenario(edit({ ...input, days: SHORT_DAYS }));
  if (!parsed.ok) throw new Error(describeIssues(parsed.errors, file));
  const world = await buildWorld(parsed.scenario, nodeDataProvider());
  return runScenario(parsed.scenario, world, { incidentLog: false }).results;
}

function grade(r: Results, g: 'I' | 'S'): { within: number; meanMin: number } {
  const x = r.grades[g];
  if (!isAttendedGrade(x)) throw new Error(`grade ${g} is not attended`);
  return { within: x.withinTargetPct!, meanMin: x.meanResponseS! / 60 };
}

const results: Record<string, Results> = {};

beforeAll(async () => {
  results.baseline = await run('london-baseline.json');
}, 900_000);

describe('the London baseline (year to September 2018), short run', () => {
  it('keeps the four calibrated figures within their bands', () => {
    const I = grade(results.baseline!, 'I');
    const S = grade(results.baseline!, 'S');
    expect(I.within, 'I within 15 min, published 86.9 %').toBeGreaterThan(86.9 - 5);
    expect(I.within).toBeLessThan(86.9 + 5);
    expect(S.within, 'S within 60 min, published 81.9 %').toBeGreaterThan(81.9 - 5);
    expect(S.within).toBeLessThan(81.9 + 5);
    expect(Math.abs(I.meanMin - (10 + 38 / 60)), 'mean I, published 10 min 38 s').toBeLessThan(1.5);
    const answered = results.baseline!.calls.byLine['999']!.answeredWithinTargetPct!;
    expect(Math.abs(answered - 85), '999 answered within 10 s, published 85 %').toBeLessThan(5);
  });

  it('has a mean S response inside the published 2018 monthly means (48 min 52 s to 64 min 11 s)', () => {
    const S = grade(results.baseline!, 'S');
    expect(S.meanMin).toBeGreaterThan(48 + 52 / 60);
    expect(S.meanMin).toBeLessThan(64 + 11 / 60);
  });
});

describe('out-of-sample direction, short runs', () => {
  it('2014, with 19 % fewer 999 calls, reaches more I incidents within target', async () => {
    const r2014 = await run('london-2014.json');
    expect(grade(r2014, 'I').within).toBeGreaterThan(grade(results.baseline!, 'I').within);
    expect(grade(r2014, 'I').meanMin).toBeLessThan(grade(results.baseline!, 'I').meanMin);
  }, 900_000);

  it('more strain (demand x 1.2) reaches fewer S incidents within target, later on average', async () => {
    const strained = await run('london-baseline.json', (s) => {
      const demand = s.demand as { streams: { callsPerDay: number }[] };
      return { ...s, demand: { ...demand, streams: demand.streams.map((x) => ({ ...x, callsPerDay: Math.round(x.callsPerDay * 1.2) })) } };
    });
    expect(grade(strained, 'S').within).toBeLessThan(grade(results.baseline!, 'S').within);
    expect(grade(strained, 'S').meanMin).toBeGreaterThan(grade(results.baseline!, 'S').meanMin);
  }, 900_000);
});
