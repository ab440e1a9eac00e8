/**
 * A control room with no attendance (issue 15's "control room only" template): a scenario without
 * stations and units is valid when no grade with work is attended, and the simulator answers its
 * calls without inventing a station.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim';
import { parseScenario, type ScenarioInput } from '../../src/shared/scenario';
import { smallInput } from './fixtures/small';
import { prepare } from './helpers';

function controlRoomOnly(): ScenarioInput {
  const { stations: _stations, fleet: _fleet, custodyTime: _custody, ...rest } = smallInput();
  return { ...rest, grades: { I: { attend: false }, S: { attend: false }, E: { attend: false }, R: { attend: false } } };
}

describe('a scenario with no stations and no units', () => {
  it('is valid left out or empty when no grade is attended', () => {
    for (const input of [controlRoomOnly(), { ...controlRoomOnly(), stations: [], fleet: [] }]) {
      const parsed = parseScenario(input);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    }
  });

  it('is refused, naming each attended grade, when some grade still needs attendance', () => {
    const input = { ...controlRoomOnly(), grades: { I: { attend: false }, R: { attend: false } } };
    const parsed = parseScenario(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.map((e) => e.path)).toEqual(['grades.S', 'grades.E']);
      expect(parsed.errors[0]!.message).toMatch(/needs attendance but the fleet has no units/);
    }
  });

  it('runs: every call is offered and answered by the call takers, no unit exists', async () => {
    const { scenario, world } = await prepare(controlRoomOnly());
    const { results } = runScenario(scenario, world);
    expect(results.calls.offered).toBeGreaterThan(300);
    expect(results.units.byUnit).toEqual([]);
    expect(results.calls.byLine['999']?.offered ?? 0).toBeGreaterThan(0);
  });
});
