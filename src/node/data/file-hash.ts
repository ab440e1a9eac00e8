/**
 * sha256 of input files, remembered in the cache by what the file system says of each file (device,
 * inode, size, and the modification and change times to the nanosecond): every process that
 * builds a London world checks the road and data-step inputs (~8 MB, ~45 ms to read and hash),
 * though they change almost never. A file written since (any write moves its change time, which no
 * program can set back) or replaced (another inode) is hashed again.
 *
 * The memo is one small JSON file, `<cache>/file-hashes.json`, written atomically when it gains an
 * entry (concurrent writers: the last one wins; a lost entry is hashed again next time). A memo
 * that is missing, unreadable or malformed counts as empty.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../files/atomic-write';
import { cacheDir } from './paths';

/** The memo's file name in the cache folder. */
export const FILE_HASHES = 'file-hashes.json';
/** Files remembered at most (the most recently hashed are kept). */
const KEPT = 64;
/** Bumped when an entry's meaning changes (an older memo is then ignored). */
const VERSION = 1;

interface Entry {
  /** What the file system said when the file was hashed: dev, ino, size, mtimeNs, ctimeNs. */
  readonly stat: string;
  readonly sha256: string;
}

/** Memo file -> its entries by absolute path, as read (or written) by this process. */
const memos = new Map<string, Map<string, Entry>>();

/** Forgets the memos this process read (the next lookup reads the memo file again, as another process would). */
export function forgetRememberedHashes(): void {
  memos.clear();
}

function statKey(file: string): string {
  const s = statSync(file, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

function readMemo(memoFile: string): Map<string, Entry> {
  let memo = memos.get(memoFile);
  if (memo) return memo;
  memo = new Map();
  try {
    const raw = JSON.parse(readFileSync(memoFile, 'utf8')) as { version?: unknown; files?: unknown };
    if (raw.version === VERSION && Array.isArray(raw.files)) {
      for (const item of raw.files as unknown[]) {
        const [file, stat, sha256] = Array.isArray(item) ? (item as unknown[]) : [];
        if (typeof file === 'string' && typeof stat === 'string' && typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)) memo.set(file, { stat, sha256 });
      }
    }
  } catch {
    // No memo yet, or not one we can read: every file is hashed (and the memo written anew).
  }
  memos.set(memoFile, memo);
  return memo;
}

/**
 * sha256 (hex) of `file`'s content: from the memo in `memoDir` (default: the cache folder) when
 * the file is as it was when hashed, else hashed now and remembered. A memo that cannot be
 * written (a read-only cache) only means hashing again next time.
 */
export function rememberedSha256(file: string, memoDir: string = cacheDir()): string {
  const abs = path.resolve(file);
  const memoFile = path.join(memoDir, FILE_HASHES);
  const memo = readMemo(memoFile);
  const before = statKey(abs);
  const known = memo.get(abs);
  if (known && known.stat === before) return known.sha256;
  const sha256 = createHash('sha256').update(readFileSync(abs)).digest('hex');
  // Remembered only when the file did not change while it was read.
  if (statKey(abs) !== before) return sha256;
  memo.delete(abs);
  memo.set(abs, { stat: before, sha256 });
  // Files gone since (a test's temporary inputs) are forgotten, then the oldest beyond KEPT.
  for (const name of memo.keys()) if (!existsSync(name)) memo.delete(name);
  while (memo.size > KEPT) memo.delete(memo.keys().next().value!);
  try {
    const files = [...memo].map(([name, e]) => [name, e.stat, e.sha256]);
    mkdirSync(memoDir, { recursive: true });
    writeFileAtomicSync(memoFile, `${JSON.stringify({ version: VERSION, files })}\n`);
  } catch {
    // A cache we cannot write: the hash is still right, only not remembered.
  }
  return sha256;
}
