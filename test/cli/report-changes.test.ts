/** The report of a variant (a file that `extends` another) says what changed against its origin. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, cli } from './run-cli';

describe('response-sim report of a variant', () => {
  it('carries "What changed" against the scenario it extends; a plain file has no such section', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-report-'));
    copyFileSync(path.join(CHECKS, 'mmc-dispatch.json'), path.join(dir, 'base.json'));
    const variant = path.join(dir, 'variant.json');
    writeFileSync(variant, JSON.stringify({ extends: 'base.json', name: 'variant', dispatch: { policy: 'home-station-first' }, stations: [{ id: 'X', name: 'Exbury', lon: -0.1, lat: 51.5, closed: false }] }));
    const out = path.join(dir, 'variant.html');
    const r = cli(['report', variant, '--out', out, '--days', '1', '--replications', '1']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h2>What changed</h2>');
    expect(html).toContain('<li>Dispatch policy: home station first (was nearest by travel time)</li>');

    const plain = path.join(dir, 'base.html');
    expect(cli(['report', path.join(dir, 'base.json'), '--out', plain, '--days', '1', '--replications', '1']).code).toBe(0);
    expect(readFileSync(plain, 'utf8')).not.toContain('What changed');
  });
});
