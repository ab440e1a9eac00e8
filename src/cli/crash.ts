/**
 * Internal errors of the command line: the details (stack, command, versions) go to a crash report
 * in `<cache>/crash-reports/` (the system's temporary folder if that cannot be written), and the
 * user reads one line saying what was being done and where that report is.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorDetails, writeCrashReport } from '../main/crash-report';
import { cacheDir } from '../node/data/paths';
import { SIM_VERSION } from '../sim/version';

/** Writes the report of `error` raised by `response-sim <argv>`; returns the line to print. */
export function reportCrash(argv: readonly string[], error: unknown): string {
  const doing = `response-sim ${argv.map((a) => (/^[\w./:=-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`;
  const what = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const details = `command: ${doing}\ncwd: ${process.cwd()}\n\n${errorDetails(error)}`;
  const context = { appVersion: SIM_VERSION, versions: process.versions, platform: `${process.platform} ${process.arch}` };
  let where: string;
  try {
    where = writeCrashReport(path.join(cacheDir(), 'crash-reports'), 'command line', details, context);
  } catch {
    try {
      where = writeCrashReport(path.join(tmpdir(), 'response-sim-crash-reports'), 'command line', details, context);
    } catch {
      return `internal error while running \`${doing}\`: ${what} (no crash report could be written)`;
    }
  }
  return `internal error while running \`${doing}\`: ${what}\nThis is a bug, not a problem with your input. A crash report is in ${where}; please send it with the scenario.`;
}
