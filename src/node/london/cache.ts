/**
 * A content-addressed folder of built files: `<root>/<key>/` where key = hash of the inputs and of
 * the builder's version. A build writes into a private staging folder and renames it into place
 * in one step, so a reader sees either nothing or the complete set (a failed or interrupted build
 * leaves only a staging folder, removed on the next build). Older keys are removed after a
 * successful build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../files/atomic-write';

/** sha256 hex of the builder version and of each input file (name and content; `sha256` hashes a file). */
export function inputsKey(
  version: number,
  files: readonly { name: string; path: string }[],
  sha256: (file: string) => string = (file) => createHash('sha256').update(readFileSync(file)).digest('hex'),
): { key: string; inputs: Record<string, string> } {
  const all = createHash('sha256');
  all.update(`version ${version}\n`);
  const inputs: Record<string, string> = {};
  for (const file of files) {
    const digest = sha256(file.path);
    inputs[file.name] = digest;
    all.update(`${file.name} ${digest}\n`);
  }
  return { key: `v${version}-${all.digest('hex').slice(0, 16)}`, inputs };
}

/** Name of the file written last into a built folder; its presence marks the folder complete. */
export const MANIFEST = 'manifest.json';

/** The folder for `key` when it holds a complete build, else null. */
export function cachedFolder(root: string, key: string): string | null {
  const dir = path.join(root, key);
  return existsSync(path.join(dir, MANIFEST)) ? dir : null;
}

/**
 * Writes `files` (name -> content) plus the manifest into `<root>/<key>/` atomically and removes
 * other builds and stale staging folders under `root`. When a complete folder for the key exists
 * already (another process published the same inputs first), it is kept, unless `replace` asks
 * for a fresh copy (a forced rebuild): then the old folder is moved aside before the new one is
 * renamed in, so the key never names a half-written folder.
 */
export function publishFolder(
  root: string,
  key: string,
  files: ReadonlyMap<string, string>,
  manifest: unknown,
  options: { replace?: boolean } = {},
): string {
  mkdirSync(root, { recursive: true });
  const staging = path.join(root, `.staging-${key}-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging);
  const target = path.join(root, key);
  try {
    // Each file flushed before the folder is published by rename (a power cut cannot publish an empty file).
    for (const [name, content] of files) writeFileAtomicSync(path.join(staging, name), content);
    writeFileAtomicSync(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    if (options.replace && existsSync(target)) renameSync(target, `${staging}-old`);
    try {
      renameSync(staging, target);
    } catch (error) {
      // A concurrent build of the same inputs won the race: its folder is complete and identical.
      if (!cachedFolder(root, key)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(`${staging}-old`, { recursive: true, force: true });
  }
  for (const entry of readdirSync(root)) {
    if (entry === key) continue;
    const stale = entry.startsWith('.staging-') ? !entry.includes(`-${process.pid}-`) && olderThanAMinute(path.join(root, entry)) : /^v\d+-[0-9a-f]{16}$/.test(entry);
    if (stale) rmSync(path.join(root, entry), { recursive: true, force: true });
  }
  return target;
}

function olderThanAMinute(file: string): boolean {
  // Another process may be staging right now; only folders left behind by a dead build are old.
  try {
    return Date.now() - statSync(file).mtimeMs > 60_000;
  } catch {
    return false;
  }
}
