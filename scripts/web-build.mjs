/**
 * The browser build (dist-web/ by default): making it, and telling whether one is current.
 * `npm run build:web` runs this file (always builds); `npm start` (scripts/start-web.mjs) builds
 * only when the folder's stamp does not match the present inputs.
 *
 * The stamp is a SHA-256 over the content of every file the build reads (src/, assets/, the
 * configs, the lock file and the build scripts) and over the London data folder it copies from:
 * that folder's path and each source file's size and modification time (the files are hundreds of
 * MB, too many to read on every start). It is removed before a build and written into the folder
 * after the build succeeds, so an interrupted or failed build is never taken as current.
 *
 * Usage: node scripts/web-build.mjs [--dir FOLDER]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { tsImport } from 'tsx/esm/api';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DIR = path.join(ROOT, 'dist-web');
/** The stamp's file name inside the build folder. */
export const STAMP_FILE = '.build-stamp';

/** Folders (every file under them) and files, relative to the checkout, that the build reads. */
const CODE_DIRS = ['src', 'assets'];
const CODE_FILES = [
  'package.json',
  'package-lock.json',
  'vite.web.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.web.json',
  'scripts/copy-web-data.ts',
  'scripts/web-prebuilt.ts',
  'scripts/web-segments.ts',
  'scripts/web-build.mjs',
];

function filesUnder(root, dir) {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/**
 * The inputs of a build as they are now: `stamp` (hex), and the London data folder (`dataDir`) or,
 * when it cannot be found, `dataProblem` (the resolver's message: what is missing and where it looked).
 */
export async function webInputs(root = ROOT) {
  const hash = createHash('sha256');
  const files = [...CODE_DIRS.flatMap((dir) => filesUnder(root, dir)), ...CODE_FILES.filter((f) => existsSync(path.join(root, f)))];
  for (const file of files.map((f) => f.split(path.sep).join('/')).sort()) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  }
  const { londonDataDir, LONDON_SOURCE_FILES, DataNotFoundError } = await tsImport(path.join(root, 'src', 'node', 'data', 'paths.ts'), import.meta.url);
  let dataDir = null;
  let dataProblem = null;
  try {
    dataDir = londonDataDir();
    hash.update(`data\0${dataDir}\0`);
    for (const file of LONDON_SOURCE_FILES) {
      const { size, mtimeMs } = statSync(path.join(dataDir, file));
      hash.update(`${file}\0${size}\0${mtimeMs}\0`);
    }
  } catch (error) {
    if (!(error instanceof DataNotFoundError)) throw error;
    dataProblem = error.message;
    hash.update('data\0none\0');
  }
  return { stamp: hash.digest('hex'), dataDir, dataProblem };
}

/** True when `dir` holds a complete build made from inputs with this stamp. */
export function isCurrent(dir, stamp) {
  try {
    return existsSync(path.join(dir, 'index.html')) && readFileSync(path.join(dir, STAMP_FILE), 'utf8').trim() === stamp;
  } catch {
    return false;
  }
}

/**
 * The build's environment: the site carries the London space file unless RESPONSE_SIM_WEB_SPACES=0
 * (scripts/copy-web-data.ts copies it, vite.web.config.ts tells the page). Since the first figures
 * are prebuilt and the page fetches the file once for all its workers (src/web/shared-fetch.ts,
 * after the graph; runs do not wait for it), its 20 MB no longer delay what the page shows first,
 * and a worker's first one-day run searches far less (Node, through the workers' loop, CPU: the
 * first run 2.9 -> 1.8 s, the second 1.1 -> 0.77 s, later ones 0.67 -> 0.57 s).
 */
function buildEnv() {
  return { ...process.env, RESPONSE_SIM_WEB_SPACES: process.env.RESPONSE_SIM_WEB_SPACES ?? '1' };
}

/** Runs one step; resolves with its exit code and, when `quiet`, what it printed. */
function step(args, quiet, signal) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: buildEnv(), stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', signal });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Lines that only announce a failure; the line after them says what it was. */
const ANNOUNCES = /^(error during build:?|build failed with \d+ errors?:?|\S? ?build failed in .*)$/i;

/**
 * The line of a step's output that says what went wrong: the first error line (or the first line
 * after one that only announces the failure), else the last line.
 */
export function problemLine(output) {
  const lines = stripVTControlCharacters(output) // colours
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at '));
  const first = lines.findIndex((l) => /\berror\b|^E[A-Z]+:|^\[[A-Z_]+\]/i.test(l));
  if (first < 0) return lines.at(-1) ?? 'no output';
  return lines.slice(first).find((l) => !ANNOUNCES.test(l)) ?? lines[first];
}

/**
 * Builds the site into `dir` (Vite, then the data copy) and writes the stamp. With `quiet` the
 * tools' output is kept back and only a failure's line is returned; `signal` (AbortSignal) stops it.
 * Resolves with null on success, else the line that says what failed.
 */
export async function buildWeb({ dir = DEFAULT_DIR, stamp, quiet = false, signal }) {
  try {
    rmSync(path.join(dir, STAMP_FILE), { force: true });
  } catch (error) {
    return `cannot write into ${dir} (${error.code ?? error.message})`;
  }
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const steps = [
    { name: 'vite build', args: [vite, 'build', '--config', path.join(ROOT, 'vite.web.config.ts'), '--outDir', dir, '--emptyOutDir', ...(quiet ? ['--logLevel', 'warn'] : [])] },
    { name: 'copying the data', args: [tsx, path.join(ROOT, 'scripts', 'copy-web-data.ts'), '--out', path.join(dir, 'data')] },
  ];
  for (const { name, args } of steps) {
    const { code, output } = await step(args, quiet, signal);
    if (signal?.aborted) return 'stopped';
    if (code !== 0) return quiet ? `${name} failed: ${problemLine(output)}` : `${name} failed (exit code ${code}; see above)`;
  }
  try {
    writeFileSync(path.join(dir, STAMP_FILE), `${stamp}\n`);
  } catch (error) {
    return `cannot write into ${dir} (${error.code ?? error.message})`;
  }
  return null;
}

async function main(argv) {
  const at = argv.indexOf('--dir');
  const dir = path.resolve(at >= 0 && argv[at + 1] ? argv[at + 1] : DEFAULT_DIR);
  const { stamp } = await webInputs();
  const problem = await buildWeb({ dir, stamp });
  if (problem !== null) {
    console.error(`build:web: ${problem}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
