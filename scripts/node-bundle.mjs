/**
 * The Node bundle: the command line, the sim worker and the benchmarks bundled by esbuild into
 * out/node (one CommonJS file per entry, same relative path, `.js`, with a source map), so that
 * `npm run sim`, `npm run bench` and their worker threads run the code as the app ships it. Under
 * tsx every module is transformed on load to CommonJS whose imported bindings are read through
 * getters (a property load and a call per use of an imported function or constant); the bundle
 * has plain bindings, as the electron-vite and web builds do (about 10-15 % less CPU on the
 * London week, issue 14).
 *
 * Cached: out/node/manifest.json records every source file the bundle was made from (esbuild's
 * metafile) with its size, modification time and SHA-1; the bundle is rebuilt only when an entry
 * was added or removed, an output is missing, or a source's content changed (a file touched but
 * unchanged is not a change). Packages stay external (loaded from node_modules as before).
 *
 *   node scripts/node-bundle.mjs          builds if stale and says what it did
 *   node scripts/node-bundle.mjs --force  builds anyway
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bundle goes, relative to the checkout (src/node/pool/entry.ts maps worker entries into it). */
export const BUNDLE_DIR = path.join('out', 'node');
/** Bumped when the way the bundle is made changes, so that an older bundle counts as stale. */
const FORMAT = 1;

/** The entries, relative to `root`: the command line, the Node sim worker, the bench runner, each bench and the benches' child processes (`bench/*-run.ts`). */
export function nodeEntries(root = ROOT) {
  const bench = existsSync(path.join(root, 'bench'))
    ? readdirSync(path.join(root, 'bench'))
        .filter((f) => f.endsWith('.bench.ts') || f.endsWith('-run.ts') || f === 'run.ts' || f === 'sim-baseline-mem.ts')
        .sort()
        .map((f) => `bench/${f}`)
    : [];
  return ['src/cli/main.ts', 'src/node/sim-worker.ts', ...bench].filter((f) => existsSync(path.join(root, f)));
}

/** The bundled file of a source entry (`src/cli/main.ts` -> `<root>/out/node/src/cli/main.js`). */
export function bundledFile(entry, root = ROOT, outDir = path.join(root, BUNDLE_DIR)) {
  return path.join(outDir, entry.replace(/\.[cm]?tsx?$/, '.js'));
}

function sha1(file) {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

function manifestPath(outDir) {
  return path.join(outDir, 'manifest.json');
}

function readManifest(outDir) {
  try {
    return JSON.parse(readFileSync(manifestPath(outDir), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Why the bundle in `outDir` is stale for `entries`, or null when it is fresh. Sources whose size
 * and modification time are as recorded are not read; others are compared by content.
 */
export function staleReason({ root = ROOT, outDir = path.join(root, BUNDLE_DIR), entries = nodeEntries(root) } = {}) {
  const manifest = readManifest(outDir);
  if (!manifest) return 'no bundle yet';
  if (manifest.format !== FORMAT) return 'made by an older bundling step';
  if (JSON.stringify(manifest.entries) !== JSON.stringify(entries)) return 'the list of entries changed';
  for (const entry of entries) if (!existsSync(bundledFile(entry, root, outDir))) return `${entry}: its bundled file is missing`;
  for (const [file, seen] of Object.entries(manifest.inputs)) {
    const abs = path.join(root, file);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      return `${file} is gone`;
    }
    if (stat.size === seen.size && stat.mtimeMs === seen.mtimeMs) continue;
    if (stat.size !== seen.size || sha1(abs) !== seen.sha1) return `${file} changed`;
  }
  return null;
}

/** Writes `text` to `file` through a temporary file and a rename, so a reader never sees half a file. */
function writeAtomically(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Builds the bundle of `entries` into `outDir` and records its sources; returns the build's seconds. */
export async function buildBundle({ root = ROOT, outDir = path.join(root, BUNDLE_DIR), entries = nodeEntries(root) } = {}) {
  const started = performance.now();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries.map((e) => path.join(root, e)),
    outbase: root,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    // Source paths in the maps relative to the map: stack traces name src/... files and lines.
    sourcesContent: false,
    // src/node/pool/entry.ts: worker threads started from the bundle start the bundled worker entry.
    define: { RESPONSE_SIM_BUNDLE: 'true' },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  const inputs = {};
  // Besides the sources: what decides how they are bundled.
  const extra = ['package.json', 'tsconfig.json', 'tsconfig.base.json', path.relative(root, fileURLToPath(import.meta.url))];
  for (const file of [...Object.keys(result.metafile.inputs), ...extra]) {
    const abs = path.resolve(root, file);
    if (!existsSync(abs)) continue;
    const rel = path.relative(root, abs);
    if (rel.startsWith('..') || rel.split(path.sep).includes('node_modules')) continue;
    const stat = statSync(abs);
    inputs[rel] = { size: stat.size, mtimeMs: stat.mtimeMs, sha1: sha1(abs) };
  }
  writeAtomically(manifestPath(outDir), JSON.stringify({ format: FORMAT, esbuild: esbuild.version, entries, inputs }, null, 1) + '\n');
  return (performance.now() - started) / 1000;
}

/** Builds the bundle when it is stale; returns why it was rebuilt (null: it was fresh). */
export async function ensureBundle(options = {}) {
  const reason = staleReason(options);
  if (reason !== null) await buildBundle(options);
  return reason;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  const reason = force ? 'asked to (--force)' : staleReason();
  if (reason === null) {
    console.log(`${BUNDLE_DIR}: up to date`);
  } else {
    const seconds = await buildBundle();
    console.log(`${BUNDLE_DIR}: built in ${seconds.toFixed(2)} s (${reason})`);
  }
}
