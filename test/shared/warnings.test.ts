/** Scenario warnings (docs/MODEL-ADDITIONS.md "Warnings"): when each fires, and when not. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioWarnings, type Scenario } from '../../src/shared/scenario';
import { printable } from '../../src/shared/printable';

const small = JSON.parse(readFileSync(path.resolve(__dirname, '../../assets/scenarios/small.json'), 'utf8')) as Record<string, unknown>;
function scenario(patch: Record<string, unknown>): Scenario {
  const parsed = parseScenario({ ...small, ...patch });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}
const codes = (s: Scenario) => scenarioWarnings(s).map((w) => `${w.code} ${w.path}`);

describe('scenario warnings', () => {
  it('none for the small built-in scenario', () => {
    expect(codes(scenario({}))).toEqual([]);
  });

  it('cover gaps name the hours, also across midnight; full cover gives none', () => {
    const shifts = [
      { id: 'a', start: '22:00', hours: 8 },
      { id: 'b', start: '06:00', hours: 12 },
    ];
    const s = scenario({ shifts, fleet: [{ station: 'CX', perShift: { a: 2, b: 2 } }] });
    expect(scenarioWarnings(s)).toEqual([{ code: 'unit-cover-gap', path: 'fleet', message: expect.stringContaining('18:00-22:00') }]);
    const full = scenario({ shifts: [...shifts, { id: 'c', start: '18:00', hours: 4 }], fleet: [{ station: 'CX', perShift: { a: 2, b: 2, c: 1 } }] });
    expect(codes(full)).toEqual([]);
    const night = scenario({ shifts: [{ id: 'n', start: '20:00', hours: 12 }], fleet: [{ station: 'CX', perShift: { n: 2 } }] });
    expect(scenarioWarnings(night)[0]!.message).toContain('08:00-20:00');
  });

  it('the clock change: spring (does not exist) and autumn (twice), not the hour after', () => {
    expect(scenarioWarnings(scenario({ start: '2025-03-30T01:15:00' }))[0]!.message).toContain('does not exist');
    expect(scenarioWarnings(scenario({ start: '2025-10-26T01:59:00' }))[0]!.message).toContain('happens twice');
    expect(codes(scenario({ start: '2025-10-26T02:00:00' }))).toEqual([]);
    expect(codes(scenario({ start: '2025-03-23T01:15:00' })), 'not the last Sunday').toEqual([]);
  });

  it('far-off places against given bounds; swapped coordinates told apart', () => {
    const london = [-0.5, 51.3, 0.3, 51.7] as const;
    const stations = [
      { id: 'A', lon: -0.12, lat: 51.5 },
      { id: 'NY', lon: -74, lat: 40.7 },
      { id: 'S', lon: 51.5, lat: -0.12 },
    ];
    const s = scenario({ stations, fleet: [{ station: 'A', count: 3 }] });
    expect(scenarioWarnings(s, london).map((w) => `${w.code} ${w.path}`)).toEqual(['place-far-outside stations[1]', 'lat-lon-swapped stations[2]']);
  });

  it('control characters anywhere, escaped when printed', () => {
    const s = scenario({ name: 'a\u001b[2Jb', stations: [{ id: 'X\u202e', lon: -0.12, lat: 51.5 }], fleet: [{ station: 'X\u202e', count: 1 }] });
    expect(codes(s)).toEqual(['control-characters name', 'control-characters stations[0].id', 'control-characters fleet[0].station']);
    expect(printable('a\u001b[2Jb\u202e\n')).toBe('a\\x1b[2Jb\\u202e\n');
  });
});
