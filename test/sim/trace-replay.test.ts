/**
 * Trace-driven replay (issue 17 item 6): replaying a run's own incident log, written as the CSV that
 * `run --out` writes and read back, with the same scenario and seed, gives the same incidents: the
 * same count per grade and the same call times (to the CSV's millisecond).
 */
import { describe, expect, it } from 'vitest';
import { GRADES } from '../../src/shared/scenario';
import { runScenario, type IncidentLog } from '../../src/sim';
import { INCIDENT_COLUMNS, incidentRow } from '../../src/node/report';
import { parseTraceCsv, TraceFileError } from '../../src/node/replay/trace-csv';
import { smallInput } from './fixtures/small';
import { prepare, stable } from './helpers';

function csvOf(log: IncidentLog): string {
  return [INCIDENT_COLUMNS.join(','), ...[...log.records()].map(incidentRow)].join('\n') + '\n';
}

function gradeCounts(log: IncidentLog): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(GRADES.map((g) => [g, 0]));
  for (const r of log.records()) out[r.grade]!++;
  return out;
}

describe('trace replay', () => {
  it("replaying a run's own log with the same seed reproduces its incidents exactly", async () => {
    const { scenario, world } = await prepare(smallInput());
    const first = runScenario(scenario, world);
    const trace = parseTraceCsv(csvOf(first.incidents!), 'incidents.csv');
    expect(trace.length, 'the run had calls').toBeGreaterThan(100);
    const again = runScenario(scenario, world, { trace });
    const a = first.incidents!;
    const b = again.incidents!;
    expect(b.length).toBe(a.length);
    expect(gradeCounts(b)).toEqual(gradeCounts(a));
    const times = (log: IncidentLog) => [...log.records()].map((r) => `${r.line} ${r.grade} ${Math.round(r.callS * 1000)}`);
    expect(times(b)).toEqual(times(a));
    // Every other draw comes from the same streams, so the figures match to the CSV's precision.
    expect(again.results.calls.offered).toEqual(first.results.calls.offered);
  });

  it('a run without a trace is untouched (same bytes as before)', async () => {
    const { scenario, world } = await prepare(smallInput());
    expect(stable(runScenario(scenario, world).results)).toBe(stable(runScenario(scenario, world, {}).results));
  });

  it('drives demand from the minimal CSV (time, longitude, latitude, grade)', async () => {
    const { scenario, world } = await prepare(smallInput());
    const trace = parseTraceCsv('time,longitude,latitude,grade\n60,-0.14,51.5,I\n120,-0.13,51.51,S\n3600,-0.12,51.5,E\n', 'mini.csv');
    const run = runScenario(scenario, world, { trace });
    const rows = [...run.incidents!.records()];
    expect(rows.map((r) => [r.callS, r.grade, r.line])).toEqual([
      [60, 'I', '999'],
      [120, 'S', '999'],
      [3600, 'E', '999'],
    ]);
  });

  it('names the file, line and column of bad input', () => {
    const bad = (text: string) => {
      try {
        parseTraceCsv(text, 'trace.csv');
      } catch (error) {
        expect(error).toBeInstanceOf(TraceFileError);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(bad('')).toMatch(/^trace\.csv: line 1: empty file/);
    expect(bad('time,longitude,grade\n1,2,I\n')).toBe('trace.csv: line 1: the header lacks column latitude (it has time, longitude, grade)');
    expect(bad('time,longitude,latitude,grade\n1,2,3,I\n4,abc,5,S\n')).toBe('trace.csv: line 3, column 2 (longitude): expected a number from -180 to 180, got "abc"');
    expect(bad('time,longitude,latitude,grade\n1,2,3,X\n')).toBe('trace.csv: line 2, column 4 (grade): expected a grade I, S, E, R, got "X"');
    expect(bad('time,longitude,latitude,grade\n1,2,3\n')).toBe('trace.csv: line 2: 3 fields, the header has 4');
    expect(bad('time,longitude,latitude,grade,line\n1,2,3,I,112\n')).toBe('trace.csv: line 2, column 5 (line): expected a line 999 or 101, got "112"');
  });
});
