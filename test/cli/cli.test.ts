import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, cli } from './run-cli';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sim-cli-'));
const mmc = path.join(CHECKS, 'mmc-dispatch.json');

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

describe('response-sim run', () => {
  it('--json prints only the results object on standard output', () => {
    const r = cli(['run', mmc, '--days', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(r.stdout.trim().split('\n'), 'one line').toHaveLength(1);
    expect(results.meta).toMatchObject({ scenario: 'M/M/c dispatch check, 5 units at 70% load', days: 2, replications: 1 });
    expect(r.stderr, 'no progress bar when not on a terminal').toBe('');
  });

  it('--replications gives means with ci95; --seed changes the numbers', () => {
    const a = JSON.parse(cli(['run', mmc, '--days', '2', '--replications', '3', '--json']).stdout);
    expect(a.meta.replications).toBe(3);
    expect(a.meta.seeds).toHaveLength(3);
    expect(a.grades.I.ci95.meanResponseS).toBeGreaterThan(0);
    // Like with like: three replications from base seed 9 against three from the scenario's seed.
    const b = JSON.parse(cli(['run', mmc, '--days', '2', '--seed', '9', '--replications', '3', '--json']).stdout);
    expect(b.meta.seed).toBe(9);
    expect(b.grades.I.meanResponseS).not.toBe(a.grades.I.meanResponseS);
  });

  it('prints a readable summary without --json', () => {
    const r = cli(['run', mmc, '--days', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('M/M/c dispatch check');
    expect(r.stdout).toMatch(/grade\s+incidents\s+mean response min/);
    expect(r.stdout, 'one run: its own run time').toMatch(/events in [\d.]+ s, straight-line travel/);
  });

  it('says that the run time of several replications is their sum, not the time waited', () => {
    // Replications run side by side on the worker pool; meta.wallMs adds their run times (MODEL-ADDITIONS).
    const r = cli(['run', mmc, '--days', '1', '--replications', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/events in [\d.]+ s of run time \(summed over replications\), straight-line travel/);
  });

  it('--out writes results.json, incidents.csv (with why dispatch did what it did) and report.html', () => {
    const dir = tmp();
    const r = cli(['run', mmc, '--days', '2', '--out', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
    expect(results).toEqual(JSON.parse(r.stdout));
    const csv = readFileSync(path.join(dir, 'incidents.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'id,line,grade,counted,injected,callS,lon,lat,area,answeredS,abandonedS,handledS,pendingS,firstDispatchS,firstArriveS,clearS,responseS,firstUnit,unitsSent,turnoutS,travelS,reason',
    );
    // The reason (docs/MODEL-ADDITIONS.md "Dispatch explained") holds no commas: a plain split finds it last.
    const dispatched = csv.slice(1).map((row) => row.split(',')).filter((f) => f[13] !== '');
    expect(dispatched.length, 'units were dispatched').toBeGreaterThan(0);
    for (const f of dispatched) expect(f[21], `incident ${f[0]}: the unit sent and the rule`).toMatch(/sent \(ETA [\d.]+ min\) by nearest-eta/);
    expect(dispatched.every((f) => f.length === 22), 'no field is quoted').toBe(true);
    const counted = csv.slice(1).filter((row) => row.split(',')[3] === '1').length;
    expect(counted, 'one row per counted incident, plus the warm-up ones').toBe(results.calls.offered);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<h1>M/M/c dispatch check, 5 units at 70% load</h1>');
    expect(html).toContain(results.meta.scenarioHash);
  });

  it('bad input: exit 2, the message names the file and the JSON path, no stack trace', () => {
    const dir = tmp();
    const scenario = JSON.parse(readFileSync(mmc, 'utf8'));
    scenario.fleet.push({ station: 'X', count: 1 }, { station: 'X', count: 1 }, { station: 'X', count: -2 });
    const file = writeJson(dir, 'bad.json', scenario);
    const r = cli(['run', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}: fleet[3].count: expected a whole number >= 0, got -2`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the line and column of a JSON syntax error', () => {
    const file = writeJson(tmp(), 'broken.json', '{\n  "schemaVersion": 1,\n  "name": "x",\n}\n');
    const r = cli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not valid JSON: line 4, column 1`);
  });

  it('huge inputs: exit 2 at once with the field named, instead of running out of memory', () => {
    const dir = tmp();
    const scenario = JSON.parse(readFileSync(mmc, 'utf8'));
    scenario.fleet[0].count = 100_000_000;
    const file = writeJson(dir, 'huge-fleet.json', scenario);
    const r = cli(['run', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: fleet[0].count: expected at most 50,000 units, got 100,000,000`);
    expect(r.stderr).not.toMatch(/\n\s+at /);

    const days = cli(['run', mmc, '--days', '100000']);
    expect(days.code).toBe(2);
    expect(days.stderr).toContain('--days: expected a number > 0 and at most 3660, got "100000"');
    const replications = cli(['run', mmc, '--replications', '1000000000']);
    expect(replications.code).toBe(2);
    expect(replications.stderr).toContain('--replications: expected a whole number from 1 to 1000, got "1000000000"');

    // A file over the size limit is refused before it is read (a sparse file: no disk used).
    const big = path.join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 70 * 1048576);
    const bigRun = cli(['validate', big]);
    expect(bigRun.code).toBe(2);
    expect(bigRun.stderr).toContain(`${big} is 70 MB; scenario files over 64 MB are refused`);
  });

  it('refuses unknown options and missing files with exit 2', () => {
    expect(cli(['run', mmc, '--dayz', '2']).code).toBe(2);
    const r = cli(['run', '/no/such/file.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/no/such/file.json: cannot read /no/such/file.json: no such file');
  });
});

describe('scenarios that only fail on their world', () => {
  it('area weights all 0: validate and run both say so with the path, exit 2', () => {
    const dir = tmp();
    const scenario = JSON.parse(readFileSync(mmc, 'utf8'));
    delete scenario.demand.points;
    scenario.areas = { source: { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { id: 'A', name: 'a' }, geometry: { type: 'Polygon', coordinates: [[[-0.2, 51.4], [0, 51.4], [0, 51.6], [-0.2, 51.4]]] } },
    ] } };
    scenario.demand.areaWeights = { A: 0 };
    const file = writeJson(dir, 'zero.json', scenario);
    const v = cli(['validate', file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`${file}: demand.areaWeights: every place has weight 0`);
    const r = cli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: demand.areaWeights: every place has weight 0`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('response-sim validate', () => {
  it('says valid (exit 0) or lists every error (exit 2)', () => {
    const ok = cli(['validate', mmc]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('valid');
    const dir = tmp();
    const scenario = JSON.parse(readFileSync(mmc, 'utf8'));
    scenario.demand.streams[0].gradeMix = { I: 0.5, S: 0.2 };
    scenario.stations.push({ id: 'X', lon: 0, lat: 51 });
    const file = writeJson(dir, 's.json', scenario);
    const bad = cli(['validate', file, '--json']);
    expect(bad.code).toBe(2);
    const out = JSON.parse(bad.stdout);
    expect(out.ok).toBe(false);
    expect(out.errors.map((e: { path: string }) => e.path).sort()).toEqual(['demand.streams[0].gradeMix', 'stations']);
  });
});

describe('response-sim compare', () => {
  it('runs both with the same seeds and gives paired deltas with intervals', () => {
    const dir = tmp();
    const variant = writeJson(dir, 'variant.json', { extends: mmc, name: 'six units', fleet: [{ station: 'X', count: 6 }] });
    const r = cli(['compare', mmc, variant, '--replications', '3', '--days', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.base.meta.seeds).toEqual(out.variant.meta.seeds);
    expect(out.deltas.grades.I.meanResponseS.delta, 'a sixth unit cuts the wait').toBeLessThan(0);
    expect(out.deltas.grades.I.meanResponseS.ci95).toBeGreaterThan(0);
    expect(out.deltas.units.meanUtilisationPct.delta).toBeLessThan(0);
  });
});
