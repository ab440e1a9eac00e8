/**
 * The browser build's main chunk: the script index.html loads first, in kB (1 kB = 1000 bytes, as
 * Vite prints them), minified, before compression (issue 14, aim 6: under 300 kB). Code fetched
 * later (the charts, the simulator's Web Worker) is not in it. The site is built afresh into a
 * temporary folder, without the data, so the figure is of the code as it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from './run';
import { repoRoot } from '../src/node/data/paths';

// The checkout, from source (bench/) and from the bundle (out/node/bench/) alike.
const root = repoRoot();

export default async function bundle(report: Report): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'rs-bundle-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/([^"]+\.js)"/.exec(html)?.[1];
    if (!entry) throw new Error(`bench bundle: no module script in ${path.join(out, 'index.html')}`);
    const kB = (bytes: number) => Math.round(bytes / 100) / 10;
    report('web main chunk (aim: under 300)', kB(statSync(path.join(out, entry)).size), 'kB');
    // What the page runs before its first paint: the entry and the chunks it imports statically
    // (not those it fetches with import(): the map, the charts, the host side, the scenario schema).
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(path.join(out, 'assets', file), 'utf8');
      for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(match[1]!);
    };
    visit(path.basename(entry));
    report('web script before the first paint (entry and its static imports)', kB([...seen].reduce((sum, f) => sum + statSync(path.join(out, 'assets', f)).size, 0)), 'kB');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
