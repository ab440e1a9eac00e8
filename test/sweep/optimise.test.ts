/**
 * The optimiser on systems whose answer is known exactly: no travel, one station, so dispatch is an
 * M/M/c queue (assets/scenarios/checks/mmc-dispatch.json) and call handling an M/M/c queue without
 * abandonment (erlang-c-rho70.json). The answer must be the smallest c whose Erlang C share within
 * target meets the target, starting from too few servers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { erlangC, erlangCWithin, smallestServers } from '../../src/sweep/erlang';
import { CHECKS, cli } from '../cli/run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'optimise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits a scenario's JSON freely
function variant(check: string, edit: (s: Record<string, any>) => void): string {
  const s = JSON.parse(readFileSync(path.join(CHECKS, check), 'utf8'));
  edit(s);
  const file = path.join(dir, `${path.basename(check, '.json')}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('Erlang C', () => {
  it('matches the check scenarios\' theory', () => {
    expect(erlangC(5, 3.5)).toBeCloseTo(0.3778, 4);
    expect(erlangC(10, 7)).toBeCloseTo(0.2217, 4);
    expect(erlangCWithin(5, 3.5, 0.5)).toBeCloseTo(0.8215, 4);
    expect(erlangC(3, 3)).toBe(1);
    expect(smallestServers(3.5, 0.5, 0.6)).toBe(5);
    expect(smallestServers(3.5, 0.5, 0.85)).toBe(6);
    expect(smallestServers(0, 1, 0.9)).toBe(0);
  });
});

describe('optimise', () => {
  // M/M/c dispatch, 3.5 Erlangs, target 900 s = 0.5 mean services; started with 2 units (overloaded).
  const mmc = variant('mmc-dispatch.json', (s) => {
    s.days = 10;
    s.fleet[0].count = 2;
  });

  it.each([
    [60, 5],
    [85, 6],
  ])('finds the smallest M/M/c meeting I:%i (Erlang C says %i units)', (pct, units) => {
    expect(smallestServers(3.5, 0.5, pct / 100)).toBe(units);
    const r = cli(['optimise', mmc, '--target', `I:${pct}`, '--replications', '4', '--workers', '2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scenario.fleet).toEqual([{ station: 'X', count: units }]);
    expect(out.met).toBe(true);
    expect(out.targets[0].lower).toBeGreaterThanOrEqual(pct);
    expect(out.changes).toEqual([{ kind: 'units', group: null, shift: '(all day)', from: 2, to: units }]);
    // The answer is a scenario `validate` accepts.
    const file = path.join(dir, `suggested-${pct}.json`);
    writeFileSync(file, JSON.stringify(out.scenario));
    expect(cli(['validate', file]).code).toBe(0);
  });

  it('finds the smallest number of call takers for a 999 answer target (M/M/c, Erlang C)', () => {
    // 7 Erlangs, answer target 20 s = 1/12 of the 240 s mean handling; started with 6 call takers.
    const rho70 = variant('erlang-c-rho70.json', (s) => {
      s.days = 2;
      s.callHandling.pools[0].staff = 6;
    });
    const want = smallestServers(7, 20 / 240, 0.55);
    expect(want).toBe(9);
    const r = cli(['optimise', rho70, '--target', '999:55', '--replications', '4', '--workers', '2', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scenario.callHandling.pools[0].staff).toBe(want);
    expect(out.changes).toEqual([{ kind: 'call-takers', group: 'pool', shift: '(all day)', from: 6, to: want }]);
  });

  it('spreads a fixed number of unit-hours (one station: as many units as the budget buys)', () => {
    const r = cli(['optimise', mmc, '--target', 'I:80', '--unit-hours', '130', '--replications', '2', '--workers', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bases in no BCU, round the clock: 2 -> 5 units');
  });

  it('refuses a malformed target, naming it', () => {
    const r = cli(['optimise', mmc, '--target', 'Q:90']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target: expected GRADE_OR_LINE:PERCENT');
    expect(cli(['optimise', mmc]).stderr).toContain('at least one --target is required');
  });
});
