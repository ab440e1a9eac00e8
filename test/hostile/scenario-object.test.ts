/**
 * Property-based campaign on the scenario as an object (what the app and IPC hand over): a valid
 * scenario with one to three hostile values put anywhere is either refused with issues that each
 * have a path and a message, or accepted and then builds its world and runs a short while; never
 * a crash (an exception that is not a refusal), never NaN in the results. Bounded: fast-check's
 * numRuns below, and each accepted run is cut to minutes of simulated time.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseScenario, scenarioWarnings, type Scenario } from '../../src/shared/scenario';
import { ScenarioError, checkRunnable, runScenario } from '../../src/sim';
import { WorldError, buildWorld, noBuiltInData, worldBounds } from '../../src/world';
import { applyMutations, mutation, nested } from './arbitraries';

const ROOT = path.resolve(__dirname, '../..');
const small = JSON.parse(readFileSync(path.join(ROOT, 'assets/scenarios/small.json'), 'utf8')) as Record<string, unknown>;

/** small.json with inline areas, shifts, per-shift staffing, a surge and custom grades: more paths to break. */
const rich: Record<string, unknown> = {
  ...small,
  start: '2025-01-06T00:00:00',
  areas: {
    source: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'W', name: 'West' }, geometry: { type: 'Polygon', coordinates: [[[-0.2, 51.45], [-0.11, 51.45], [-0.11, 51.55], [-0.2, 51.55], [-0.2, 51.45]]] } },
        { type: 'Feature', properties: { id: 'E', name: 'East' }, geometry: { type: 'MultiPolygon', coordinates: [[[[-0.11, 51.45], [-0.05, 51.45], [-0.05, 51.55], [-0.11, 51.55], [-0.11, 51.45]]]] } },
      ],
    },
    groups: { C: ['W', 'E'] },
  },
  shifts: [
    { id: 'day', start: '07:00', hours: 10 },
    { id: 'night', start: '17:00', hours: 14 },
  ],
  callHandling: { ...(small['callHandling'] as object), pools: [{ id: 'metcc', lines: ['999', '101'], staff: { day: 4, night: 3 } }] },
  fleet: [
    { station: 'CX', type: 'IRV', perShift: { day: 4, night: 3 } },
    { station: 'BS', type: 'IRV', count: 2 },
  ],
  demand: { ...(small['demand'] as object), surges: [{ area: 'W', fromS: 0, toS: 3600, multiplier: 3 }], areaWeights: { W: 2, E: 1 } },
  grades: { I: { targetS: 900, onScene: { dist: 'gamma', mean: 1800, cv: 0.8 } }, R: { attend: false } },
  dispatch: { policy: 'nearest-eta', border: 'bcu', decisionTime: { dist: 'uniform', min: 0, max: 30 } },
};

/** Minutes of simulated time at a modest load, whatever the scenario asks, so every run is short. */
function tiny(s: Scenario): Scenario {
  return {
    ...s,
    warmupHours: Math.min(s.warmupHours, 0.25),
    demand: { ...s.demand, streams: s.demand.streams.map((st) => ({ ...st, callsPerDay: Math.min(st.callsPerDay, 2000) })) },
  };
}

type Outcome = 'refused' | 'ran';

/** Parse, build, check and run `raw`; throws only for what the campaign must never see. */
async function attempt(raw: unknown): Promise<Outcome> {
  const parsed = parseScenario(raw);
  if (!parsed.ok) {
    expect(parsed.errors.length).toBeGreaterThan(0);
    for (const e of parsed.errors) {
      expect(typeof e.path).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
    }
    return 'refused';
  }
  const s = parsed.scenario;
  canonicalJson(s);
  let world;
  try {
    world = await buildWorld(s, noBuiltInData);
  } catch (error) {
    if (error instanceof WorldError) {
      expect(error.issues.every((i) => i.path.length > 0 && i.message.length > 0)).toBe(true);
      return 'refused';
    }
    throw error;
  }
  scenarioWarnings(s, worldBounds(world));
  const problems = checkRunnable(s, world);
  if (problems.length > 0) return 'refused';
  try {
    const { results } = runScenario(tiny(s), world, { days: 0.01, incidentLog: false });
    expect(JSON.stringify(results)).not.toMatch(/NaN|Infinity/);
  } catch (error) {
    // A refusal found when the run starts names its field.
    if (error instanceof ScenarioError && error.path.length > 0) return 'refused';
    throw error;
  }
  return 'ran';
}

describe('hostile scenario objects (fast-check)', () => {
  it('the bases themselves run', async () => {
    expect(await attempt(small)).toBe('ran');
    expect(await attempt(rich)).toBe('ran');
  });

  it('one to three hostile values anywhere: refused with paths, or accepted and runs', async () => {
    const seen = { refused: 0, ran: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(small, rich), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (base, mutations) => {
        seen[await attempt(applyMutations(base, mutations))]++;
      }),
      { numRuns: 300, seed: 13, endOnFailure: true },
    );
    // Both outcomes occur: the generator reaches fields that accept and fields that refuse.
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.ran).toBeGreaterThan(0);
  }, 120_000);

  it('deep nesting and __proto__ anywhere are refused with the path, before anything recursive runs', () => {
    const deep = { ...small, description: nested(100_000) };
    expect(parseScenario(deep)).toEqual({ ok: false, errors: [{ path: 'description[0][0][0][0][0]', message: expect.stringContaining('nested more than 64 deep') }] });
    const proto = JSON.parse('{"travel": {"__proto__": {"mode": "road"}}}') as object;
    expect(parseScenario({ ...small, ...proto })).toEqual({ ok: false, errors: [{ path: 'travel.__proto__', message: 'a key named __proto__ is not allowed' }] });
  });
});
