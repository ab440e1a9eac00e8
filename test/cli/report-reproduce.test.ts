/**
 * Issue 16 item 4: a report states the command that reproduces it; running that command gives the
 * same figures. The report is written with --out DIR (the document, the CSV bundle and the scenario
 * file), its printed command is parsed out of the HTML and run as a user would (through a shell,
 * from the project folder) into another folder, and the two bundles' figures are compared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli';

const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
const small = path.join(ROOT, 'assets/scenarios/small.json');

describe('response-sim report: reproducible from the command it prints', () => {
  // Two runs through the command line: minutes on a busy machine (nothing about time is asserted).
  it('--out DIR, then the printed command into another folder: the same figures, the same document', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-report-repro-'));
    const first = path.join(dir, 'first');
    const r = cli(['report', small, '--out', first, '--days', '0.25', '--replications', '3', '--seed', '7']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(first).sort()).toEqual(['areas.csv', 'hourly.csv', 'incidents.csv', 'key-figures.csv', 'report.html', 'scenarios']);
    expect(readdirSync(path.join(first, 'scenarios'))).toEqual(['scenario.json']);
    const html = readFileSync(path.join(first, 'report.html'), 'utf8');
    expect(html, 'the random-number scheme and the warm-up are stated').toMatch(/sfc32 stream[\s\S]*warm-up: simulated, so queues and units are busy/);
    const command = unescape(/<p><code>([^<]+)<\/code><\/p>/.exec(html)![1]!);
    expect(command).toBe(`npm run sim -- report ${small} --seed 7 --days 0.25 --replications 3 --out ${first}`);

    const second = path.join(dir, 'second');
    const again = spawnSync('sh', ['-c', command.replace(first, second)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 120_000 });
    expect(again.status, again.stderr).toBe(0);
    for (const f of ['key-figures.csv', 'areas.csv', 'hourly.csv', 'incidents.csv', 'scenarios/scenario.json']) {
      expect(readFileSync(path.join(second, f), 'utf8'), f).toBe(readFileSync(path.join(first, f), 'utf8'));
    }
    // The documents differ only in when they were made and where they were written.
    const strip = (s: string, out: string) => s.replace(/<td>generated at<\/td><td>[^<]*<\/td>/, '').split(out).join('OUT');
    expect(strip(readFileSync(path.join(second, 'report.html'), 'utf8'), second)).toBe(strip(html, first));
    const keyFigures = readFileSync(path.join(first, 'key-figures.csv'), 'utf8');
    expect(keyFigures).toMatch(/^I\.meanResponseS,s,baseline,\d/m);
  });
});
