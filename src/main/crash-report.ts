/**
 * Crash reports: one text file per incident in `<userData>/crash-reports/`, written by the main
 * process when something failed that the user should be able to send in (STYLE.md 11).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../node/files/atomic-write';

export interface CrashContext {
  readonly appVersion: string;
  /** e.g. `process.versions` (electron, chrome, node) */
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
}

/** Writes a report and returns its path. `when` is injected so tests are repeatable. */
export function writeCrashReport(dir: string, title: string, details: string, context: CrashContext, when: Date = new Date()): string {
  mkdirSync(dir, { recursive: true });
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'crash';
  const base = path.join(dir, `${stamp}-${slug}`);
  const versions = Object.entries(context.versions)
    .filter(([name]) => ['electron', 'chrome', 'node', 'v8'].includes(name))
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const text = [
    `Response Simulator crash report: ${title}`,
    `time: ${when.toISOString()}`,
    `app: ${context.appVersion} (${context.platform}; ${versions})`,
    '',
    details,
    '',
  ].join('\n');
  // Never overwrite an earlier report: two in the same millisecond get -2, -3, ... (one main
  // process writes them, so nothing slips in between the check and the write).
  for (let n = 1; ; n++) {
    const file = n === 1 ? `${base}.txt` : `${base}-${n}.txt`;
    if (existsSync(file)) continue;
    writeFileAtomicSync(file, text);
    return file;
  }
}

/** The text of an error for a report: its stack when it has one. */
export function errorDetails(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
