/**
 * `sweep` end to end on the small built-in scenario: every combination with common random numbers,
 * results streamed to results.jsonl, a sweep killed midway resumes without rerunning what finished
 * and gives the same summary.csv as one run straight through; bad sweep files name file and path.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'sweep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sweepFile(name: string, body: Record<string, unknown>): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ schemaVersion: 1, base: path.join(ROOT, 'assets/scenarios/small.json'), ...body }));
  return file;
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');

describe('sweep', () => {
  const twelve = sweepFile('twelve.json', {
    name: 'twelve',
    replications: 2,
    days: 1,
    variables: [
      { vary: 'base-units', base: 'CX', range: { from: 3, to: 8, step: 1 } },
      { vary: 'demand', values: [1, 1.3] },
    ],
  });

  it('runs every combination with the same seeds, writes results.jsonl, summary.csv and report.html', () => {
    const out = path.join(dir, 'straight');
    const r = cli(['sweep', twelve, '--out', out, '--workers', '2']);
    expect(r.stderr).toContain('12 combinations (12 run now)');
    expect(r.code).toBe(0);
    const [header, ...rows] = lines(path.join(out, 'results.jsonl')).map((l) => JSON.parse(l));
    expect(header.combinations).toBe(12);
    expect(rows).toHaveLength(12);
    // Common random numbers: every combination ran replications with the same seeds.
    const seeds = new Set(rows.map((x) => JSON.stringify(x.results.meta.seeds)));
    expect(seeds.size).toBe(1);
    expect(rows.every((x) => x.results.meta.replications === 2)).toBe(true);
    const csv = readFileSync(path.join(out, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(13);
    expect(csv[0]).toMatch(/^combination,CX units,demand multiplier,status,error,unit-hours per day,I within target %,I within target % ci95,I within target % low95/);
    // CX has 3..8 cars and BS 4, round the clock: (3 + 4) * 24 = 168 unit-hours a day for the first.
    expect(csv[1]).toMatch(/^1,3,1,ok,,168,/);
    expect(csv[12]).toMatch(/^12,8,1.3,ok,,288,/);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('resumes a sweep killed midway: finished combinations are not rerun, the CSV equals the straight run', async () => {
    const out = path.join(dir, 'killed');
    const results = path.join(out, 'results.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'sweep', twelve, '--out', out, '--workers', '1'], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Wait until some (not all) combinations are written, then kill without warning.
    for (let i = 0; i < 1200 && !(existsSync(results) && lines(results).length >= 4); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exited;
    const before = lines(results);
    expect(before.length, 'combinations written before the kill (header included)').toBeGreaterThanOrEqual(4);
    expect(before.length, 'the kill came before the end').toBeLessThan(13);
    const r = cli(['sweep', twelve, '--out', out, '--workers', '2']);
    expect(r.code).toBe(0);
    const earlier = before.length - 1;
    expect(r.stderr).toContain(`12 combinations (${12 - earlier} run now, ${earlier} from the earlier run)`);
    // The lines written before the kill are kept as they were, and each combination appears once.
    const after = lines(results);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(13);
    expect(readFileSync(path.join(out, 'summary.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'straight', 'summary.csv'), 'utf8'));
  });

  it('drops a partial last line left by a kill while writing, and refuses the results of another sweep', () => {
    const out = path.join(dir, 'straight');
    const results = path.join(out, 'results.jsonl');
    const whole = readFileSync(results, 'utf8');
    const all = whole.split('\n').filter((l) => l !== '');
    writeFileSync(results, all.slice(0, 11).join('\n') + '\n' + all[11]!.slice(0, 50));
    const r = cli(['sweep', twelve, '--out', out, '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('12 combinations (2 run now, 10 from the earlier run)');
    // The 11 whole lines are kept as they were; the partial one is dropped and its combination run
    // again, with any the earlier run had not written (in key order, so compare as sets).
    const keys = (ls: readonly string[]) => ls.map((l) => JSON.stringify(JSON.parse(l).key));
    expect(lines(results).slice(0, 11)).toEqual(all.slice(0, 11));
    expect(keys(lines(results)).sort()).toEqual(keys(all).sort());

    const other = sweepFile('other.json', { replications: 2, variables: [{ vary: 'demand', values: [1, 2] }] });
    const refused = cli(['sweep', other, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/results\.jsonl holds results of another sweep \(twelve\)/);
  });

  it('records a combination whose run fails, with its error, and goes on', () => {
    // Valid as a file (validate passes), but the second value names an area set that does not exist: the run fails.
    const bad = sweepFile('refused.json', { replications: 2, days: 0.25, variables: [{ vary: 'field', path: 'areas', values: [{ source: 'london-boroughs' }, { source: 'no-such-areas' }] }] });
    expect(cli(['validate', bad]).code).toBe(0);
    const out = path.join(dir, 'refused');
    const r = cli(['sweep', bad, '--out', out, '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 combinations (2 run now, 1 failed)');
    const csv = readFileSync(path.join(out, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv[1]).toMatch(/^1,.*london-boroughs.*,ok,,240,/);
    expect(csv[2]).toMatch(/^2,.*no-such-areas.*,failed,.*no built-in area set ""no-such-areas""/);
  });

  it('names the file and the JSON path of every problem of a bad sweep file', () => {
    const bad = sweepFile('bad.json', {
      replications: 0,
      variables: [{ vary: 'base-units', base: 'CX', values: [-1] }, { vary: 'warp' }],
    });
    const r = cli(['validate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: replications: expected a whole number >= 1, got 0`);
    expect(r.stderr).toContain(`${bad}: variables[0].values[0]: expected a whole number >= 0, got -1`);
    expect(r.stderr).toContain(`${bad}: variables[1].vary: expected a variable`);
    const misfit = sweepFile('misfit.json', { variables: [{ vary: 'bcu-units', bcu: 'XX', values: [1] }, { vary: 'base-units', base: 'CX', shift: 'late', values: [2] }] });
    const m = cli(['sweep', misfit, '--out', path.join(dir, 'never')]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('variables[0].bcu: the base scenario has no BCU "XX"');
    expect(m.stderr).toContain('variables[1].shift: unknown shift "late"');
    expect(m.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
  });
});
