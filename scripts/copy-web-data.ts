/**
 * Part of `npm run build:web`: copies the built-in data files (src/node/data/builtin.ts, built from
 * the London source data on first use) into dist-web/data/, where the browser build's data provider
 * fetches them (src/web/data-provider.ts). Without the source data the site is still built, without
 * the built-in London sets, and one line says so.
 *
 * Usage: tsx scripts/copy-web-data.ts [--out dist-web/data]
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureBuiltinData } from '../src/node/data/builtin';
import { DataNotFoundError } from '../src/node/data/paths';

async function main(argv: readonly string[]): Promise<number> {
  const at = argv.indexOf('--out');
  const out = path.resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : path.join(__dirname, '..', 'dist-web', 'data'));
  let files: Record<string, string | undefined>;
  try {
    files = { ...(await ensureBuiltinData()) };
  } catch (error) {
    if (error instanceof DataNotFoundError) {
      console.log(`build:web: no built-in London data in the site (${error.message})`);
      return 0;
    }
    throw error;
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  const names: string[] = [];
  for (const file of Object.values(files)) {
    if (file === undefined) continue;
    const target = path.join(out, path.basename(file));
    copyFileSync(file, target);
    names.push(path.basename(file));
    bytes += statSync(target).size;
  }
  console.log(`build:web: ${names.length} data files (${(bytes / 1048576).toFixed(1)} MB) in ${path.relative(process.cwd(), out) || out}: ${names.sort().join(', ')}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`build:web: copying the built-in data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
