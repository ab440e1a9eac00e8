import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sim-compare-'));
const small = path.join(ROOT, 'assets/scenarios/small.json');

function variantFile(dir: string): string {
  const file = path.join(dir, 'fewer.json');
  writeFileSync(file, JSON.stringify({ extends: small, name: 'Six cars', fleet: [{ station: 'CX', type: 'IRV', count: 4 }, { station: 'BS', type: 'IRV', count: 2 }], dispatch: { reserve: { S: 1 } } }));
  return file;
}

const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

describe('response-sim compare: the comparison document', () => {
  it('--out DIR: the document, the CSV bundle and the scenario files; the printed command gives the same figures', () => {
    const dir = tmp();
    const variant = variantFile(dir);
    const out = path.join(dir, 'cmp');
    const r = cli(['compare', small, variant, '--replications', '3', '--out', out, '--workers', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['areas.csv', 'comparison.html', 'comparison.json', 'hourly.csv', 'incidents.csv', 'key-figures.csv', 'scenarios']);
    expect(readdirSync(path.join(out, 'scenarios')).sort()).toEqual(['baseline.json', 'variant-1.json']);
    const html = readFileSync(path.join(out, 'comparison.html'), 'utf8');
    for (const h of ['Verdicts on the key figures', 'Response-time distributions', 'By BCU', 'By borough', 'The scenarios', 'How this was made', 'Data sources']) expect(html).toContain(`<h2>${h}</h2>`);
    expect(html, 'dispatch rules in words, never raw JSON').toContain('1 unit per BCU held back from grade S work');
    expect(html).not.toMatch(/\{&quot;|\{"/);
    expect(html, 'what changed').toMatch(/<th>what changed<\/th>/);
    expect(html, 'a verdict per figure').toMatch(/<td class="(better|worse|same)">/);
    expect(html, 'warm-up and random numbers stated').toMatch(/warm-up/);
    expect(html).toContain('sfc32');
    expect(html, 'distributions drawn inline').toMatch(/<svg[^>]*aria-label="Grade I: share of incidents reached within the time"/);
    // Self-contained: nothing the page would load from elsewhere (plain text links aside).
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain("default-src 'none'");

    const csv = readFileSync(path.join(out, 'key-figures.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('figure,unit,scenario,mean,ci95_half,difference,difference_ci95_half,verdict');
    const incidents = readFileSync(path.join(out, 'incidents.csv'), 'utf8');
    expect(incidents).toMatch(/\nbaseline,0,/);
    expect(incidents).toMatch(/\nvariant 1,0,/);

    // Reproducible: run the command the document prints and compare every key figure.
    const command = unescape(/<p><code>([^<]+)<\/code><\/p>/.exec(html)![1]!);
    expect(command).toMatch(/^npm run sim -- compare \S+small\.json \S+fewer\.json --seed 1 --days 0\.25 --replications 3$/);
    const again = spawnSync('sh', ['-c', `${command} --json --workers 2`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 120_000 });
    expect(again.status, again.stderr).toBe(0);
    const json = JSON.parse(again.stdout.slice(again.stdout.indexOf('{')));
    const rows = csv.slice(1).map((l) => l.split(','));
    for (const f of json.figures) {
      f.scenarios.forEach((m: { mean: number | null }, i: number) => {
        const row = rows.find((x) => x[0] === f.figure.id && x[2] === (i === 0 ? 'baseline' : `variant ${i}`))!;
        expect(row[3] === '' ? null : Number(row[3]), `${f.figure.id} ${i}`).toBe(m.mean);
      });
    }
  });

  it('a variant identical to the baseline: no detectable difference on every figure', () => {
    const r = cli(['compare', small, small, '--replications', '3', '--json', '--workers', '0']);
    expect(r.code, r.stderr).toBe(0);
    const { figures } = JSON.parse(r.stdout);
    for (const f of figures) if (f.differences[0].n > 0) expect(f.differences[0].verdict, f.figure.id).toBe('no detectable difference');
  });

  it('--until-width: replicates in batches until the interval is narrow enough or the cap', () => {
    const dir = tmp();
    const variant = variantFile(dir);
    // An identical variant: every difference is 0, so the interval is narrow at once.
    const wide = cli(['compare', small, small, '--until-width', '1', '--max-replications', '9', '--json', '--workers', '0']);
    expect(wide.code, wide.stderr).toBe(0);
    const a = JSON.parse(wide.stdout);
    expect(a.stopping.reason).toBe('narrow enough');
    expect(a.base.meta.replications, 'stops at the minimum of 3 when already narrow').toBe(3);
    const tight = cli(['compare', small, variant, '--until-width', '0.5', '--max-replications', '5', '--json', '--workers', '0']);
    const b = JSON.parse(tight.stdout);
    expect(b.stopping.reason).toBe('cap reached');
    expect(b.base.meta.replications).toBe(5);
    expect(b.base.meta.seeds).toEqual(b.variant.meta.seeds);
  });

  it('refuses bad arguments before running anything (exit 2)', () => {
    expect(cli(['compare', small]).stderr).toContain('expected a baseline and at least one variant');
    const both = cli(['compare', small, small, '--replications', '3', '--until-width', '2']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --replications or --until-width, not both');
    expect(cli(['compare', small, small, '--max-replications', '4']).stderr).toContain('--max-replications goes with --until-width N');
    expect(cli(['compare', small, small, small, small, small, small]).stderr).toContain('at most 4 variants beside the baseline, got 5');
    const missing = cli(['compare', small, '/no/such.json']);
    expect(missing.code).toBe(2);
    expect(existsSync('/no/such.json')).toBe(false);
  });
});

describe('response-sim compare --out FILE.pdf', () => {
  it('without Chromium: one clear line and exit 1, before the simulation runs', () => {
    const out = path.join(tmp(), 'c.pdf');
    const r = cli(['compare', small, small, '--out', out], undefined, { CHROMIUM_PATH: '/no/such/chromium' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('response-sim: compare: CHROMIUM_PATH=/no/such/chromium: no such file');
    expect(existsSync(out)).toBe(false);
  });

  it.runIf(existsSync('/usr/bin/chromium') || process.env['CHROMIUM_PATH'])('prints the comparison document through headless Chromium', () => {
    const dir = tmp();
    const out = path.join(dir, 'c.pdf');
    const r = cli(['compare', small, variantFile(dir), '--replications', '2', '--out', out, '--workers', '0']);
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length, 'a real document, not an empty page').toBeGreaterThan(20_000);
  });
});
