import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, PdfError } from '../../src/node/report/pdf';
import { CHECKS, cli } from './run-cli';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sim-report-'));
const mmc = path.join(CHECKS, 'mmc-dispatch.json');

function chromiumHere(): boolean {
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
}

describe('response-sim report', () => {
  it('writes a self-contained HTML report with 95% intervals from 5 replications by default', () => {
    const file = path.join(tmp(), 'sub', 'review.html');
    const r = cli(['report', mmc, '--out', file, '--days', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`review.html (5 replications of`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<h2>How this was made</h2>');
    expect(html).toContain('<h2>Assumptions</h2>');
    expect(html).toContain('<h2>Response against targets</h2>');
    expect(html).toMatch(/<td>replications<\/td><td>5<\/td>/);
    expect(html, 'means come with their half-width').toMatch(/\d ± \d/);
    expect(html).toMatch(/<td>generated at<\/td><td>\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/td>/);
    expect(html, 'no scripts, no outside requests').not.toMatch(/<script|https?:\/\//);
  });

  it('refuses a missing or wrong --out before running anything (exit 2)', () => {
    const none = cli(['report', mmc]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('report: --out FILE.html or --out FILE.pdf is required');
    const wrong = cli(['report', mmc, '--out', 'review.docx']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--out: expected a file ending .html or .pdf, or a folder, got "review.docx"');
  });

  it('a PDF without Chromium: one clear line and exit 1, before the simulation runs', () => {
    const out = path.join(tmp(), 'review.pdf');
    const r = cli(['report', mmc, '--out', out], undefined, { CHROMIUM_PATH: '/no/such/chromium' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('response-sim: report: CHROMIUM_PATH=/no/such/chromium: no such file');
    expect(existsSync(out)).toBe(false);
    expect(() => findChromium({ CHROMIUM_PATH: '/no/such/chromium' })).toThrow(PdfError);
  });

  it.runIf(chromiumHere())('prints the report to PDF through headless Chromium', () => {
    const out = path.join(tmp(), 'review.pdf');
    const r = cli(['report', mmc, '--out', out, '--days', '1', '--replications', '2']);
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(out).size, 'a real document, not an empty page').toBeGreaterThan(20_000);
  });
});
