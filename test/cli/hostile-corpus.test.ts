/**
 * The corpus of hostile scenario files (test/fixtures/hostile, expected outcomes in its
 * expected.json), plus the cases that cannot be files in a repository (arrays nested 100,000
 * deep, a named pipe, devices), each through `validate` and `run --days 1` by the command line's
 * own entry (test/cli/cli-batch.ts, many commands per process):
 * refused with exit 2 and the JSON path (or line and column) in the message, or run with exit 0
 * and the expected warning. Never a stack trace, never a hang.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli';

const FIXTURES = path.join(ROOT, 'test/fixtures/hostile');
type Expected = { exit: 0; warning?: string; path?: string } | { exit: 2; path: string; text?: string };
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command lines in `batches` processes of test/cli/cli-batch.ts (the `cli` entry, one
 * process per batch so the machine's cores share them); each batch has ten minutes.
 */
async function cliMany(commands: string[][], batches = 2): Promise<Outcome[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-hostile-batch-'));
  const parts = Array.from({ length: batches }, (_, b) => commands.filter((_, i) => i % batches === b));
  const answers = await Promise.all(
    parts.map(
      (part, b) =>
        new Promise<Outcome[]>((resolve, reject) => {
          const file = path.join(dir, `batch-${b}.json`);
          writeFileSync(file, JSON.stringify(part));
          const child = spawn(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', path.join(ROOT, 'test/cli/cli-batch.ts'), file], {
            cwd: ROOT,
            env: { ...process.env, NODE_OPTIONS: '' },
            timeout: 600_000,
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (code) => {
            try {
              resolve(JSON.parse(stdout) as Outcome[]);
            } catch {
              reject(new Error(`batch ${b} ended with ${code}: ${stderr.slice(0, 2000)}`));
            }
          });
        }),
    ),
  );
  return commands.map((_, i) => answers[i % batches]![Math.floor(i / batches)]!);
}

function cliAsync(args: string[]): Promise<Outcome> {
  return cliMany([args], 1).then((r) => r[0]!);
}

/** The generated cases: name -> file, with what must happen. */
function generated(): Record<string, { file: string; expect: Expected }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-hostile-'));
  const base = readFileSync(path.join(FIXTURES, 'base.json'), 'utf8');
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const o = JSON.parse(base) as Record<string, unknown>;
  const areas = (coords: string) =>
    JSON.stringify({ ...o, areas: { source: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Polygon', coordinates: 'X' } }] } } }).replace('"X"', coords);
  const fifo = path.join(dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  return {
    'name nested 100,000 deep': { file: write('deep-name.json', JSON.stringify(o).replace(/"name":"[^"]*"/, `"name":${deep}`)), expect: { exit: 2, path: '', text: 'nested more than 64 deep (inside name' } },
    'GeoJSON coordinates nested 100,000 deep': { file: write('deep-geo.json', areas(deep)), expect: { exit: 2, path: '', text: 'inside areas.source.features[0].geometry.coordinates' } },
    'an unknown member nested 100,000 deep': { file: write('deep-extra.json', JSON.stringify(o).slice(0, -1) + `,"x":{"y":${deep}}}`), expect: { exit: 2, path: '', text: 'nested more than 64 deep (inside x.y' } },
    'a named pipe': { file: fifo, expect: { exit: 2, path: '', text: 'is a named pipe, not a file' } },
    '/dev/zero': { file: '/dev/zero', expect: { exit: 2, path: '', text: 'is a device, not a file' } },
    '/dev/urandom': { file: '/dev/urandom', expect: { exit: 2, path: '', text: 'is a device, not a file' } },
    'a folder': { file: dir, expect: { exit: 2, path: '', text: 'is a folder' } },
  };
}

const cases: { name: string; file: string; expect: Expected }[] = [
  ...Object.entries(expected).map(([name, e]) => ({ name, file: path.join(FIXTURES, name), expect: e })),
  ...Object.entries(generated()).map(([name, c]) => ({ name, ...c })),
];

describe('hostile input through the command line', () => {
  it(
    'every case: exit 2 naming the file and the path (or line and column), or exit 0 with its warning; no stack trace',
    async () => {
      const jobs = cases.flatMap((c) => [
        { c, cmd: 'validate', argv: ['validate', c.file, ...(c.expect.exit === 0 ? ['--json'] : [])] },
        { c, cmd: 'run', argv: ['run', c.file, '--days', '1', ...(c.expect.exit === 0 ? ['--json'] : [])] },
      ]);
      const outcomes = await cliMany(jobs.map((j) => j.argv));
      const runs = jobs.map((j, i) => ({ ...j, r: outcomes[i]! }));
      const failures: string[] = [];
      for (const { c, cmd, r } of runs) {
        const what = `${cmd} ${c.name}: exit ${r.code}, stderr ${JSON.stringify(r.stderr.slice(0, 300))}`;
        if (r.code !== c.expect.exit) failures.push(`${what} (expected exit ${c.expect.exit})`);
        if (/\n\s+at /.test(r.stderr) || /internal error/.test(r.stderr)) failures.push(`${what}: a stack trace or internal error`);
        if (c.expect.exit === 2) {
          if (!r.stderr.includes(path.basename(c.file))) failures.push(`${what}: the file is not named`);
          if (c.expect.path !== '' && !r.stderr.includes(`: ${c.expect.path}: `)) failures.push(`${what}: no path ${c.expect.path}`);
          if (c.expect.text && !r.stderr.includes(c.expect.text)) failures.push(`${what}: no "${c.expect.text}"`);
          if (c.expect.path === '' && !c.expect.text) failures.push(`${c.name}: a refusal without a path needs a text`);
        } else if (c.expect.warning) {
          const want = c.expect;
          const out = JSON.parse(r.stdout) as { warnings?: { code: string; path: string }[] };
          if (!out.warnings?.some((w) => w.code === want.warning && w.path === want.path)) failures.push(`${what}: no warning ${want.warning} at ${want.path} in ${r.stdout.slice(0, 200)}`);
        }
        if ((r.stdout + r.stderr).includes('\u001b')) failures.push(`${what}: a raw escape character reached the terminal`);
      }
      expect(failures).toEqual([]);
    },
    600_000,
  );

  it('/etc/passwd named by extends is not echoed', async () => {
    const r = await cliAsync(['validate', path.join(FIXTURES, 'extends-etc-passwd.json')]);
    expect(r.stderr).toContain('extends-etc-passwd.json: extends: /etc/passwd: not valid JSON: line 1, column 1');
    expect(r.stderr).not.toMatch(/root:/);
  });

  it('lists the warnings in results.json and report.html written by --out', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sim-hostile-out-'));
    const r = await cliAsync(['run', path.join(FIXTURES, 'station-new-york.json'), '--days', '1', '--out', out]);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { warnings?: { code: string }[] };
    expect(results.warnings?.map((w) => w.code)).toEqual(['place-far-outside']);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Warnings about the scenario</h2>');
    expect(html).toContain('<td>stations[0]</td><td>place-far-outside</td>');
  });

  it('escapes control characters in the readable summary', async () => {
    const r = await cliAsync(['run', path.join(FIXTURES, 'terminal-escapes.json'), '--days', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('evil \\x1b[2J\\x1b[31mred');
    expect(r.stdout).toMatch(/warnings? about the scenario:\n\s+name \(control-characters\)/);
  });
});
