/**
 * `validate <scenario.json>`: check a file (and its `extends` chain, and its references to areas
 * and data sets), list every error. Exit 0 when valid, 2 when not; --json prints
 * `{ "ok": boolean, "file": string, "errors": [{ "file", "path", "message" }], "warnings": [{ "code", "path", "message" }] }`;
 * warnings (legal but suspicious values) are listed on standard error and do not change the exit code.
 */
import path from 'node:path';
import { readScenario, ScenarioFileError } from '../../node/scenario';
import { WorldError, buildWorld } from '../../world';
import { displayPath, parseArgs } from '../args';
import { EXIT_BAD_INPUT, InputError } from '../errors';
import type { Command } from '../command';
import { nodeDataProvider } from '../../node/data/provider';
import { checkRunnable } from '../../sim';
import { isDataError } from '../prepare';
import { peakUnitsOnDuty, type ScenarioWarning } from '../../shared/scenario';
import { printable } from '../../shared/printable';
import { warningLines, warningsFor } from '../warnings';

const USAGE = 'validate <scenario.json | london> [--json]';

interface Problem {
  file: string;
  path: string;
  message: string;
}

export const command: Command = {
  usage: USAGE,
  summary: 'Check a scenario file and list every error (exit 2 when there are any).',
  async run(args) {
    const p = parseArgs(args, { flags: ['json'], values: [] }, USAGE);
    if (p.positional.length !== 1) throw new InputError(`validate: expected one scenario file (usage: ${USAGE})`);
    const json = p.flags.has('json');
    const arg = p.positional[0]!;
    let problems: Problem[] = [];
    let file = path.resolve(arg);
    let summary = '';
    let warnings: ScenarioWarning[] = [];
    try {
      const read = await readScenario(arg);
      file = read.file;
      const s = read.scenario;
      const world = await buildWorld(s, nodeDataProvider());
      problems = checkRunnable(s, world).map((i) => ({ file, path: i.path, message: i.message }));
      warnings = warningsFor(s, world);
      summary = `${s.name}: ${s.demand.streams.map((st) => `${st.callsPerDay} ${st.line} calls/day`).join(', ')}, ${s.stations.length} stations, up to ${peakUnitsOnDuty(s)} units on duty, ${s.days} days`;
    } catch (error) {
      if (error instanceof ScenarioFileError) problems = error.problems.map((x) => ({ file: x.file, path: x.issue.path, message: x.issue.message }));
      else if (error instanceof WorldError) problems = error.issues.map((i) => ({ file, path: i.path, message: i.message }));
      else if (isDataError(error)) problems = [{ file, path: '', message: (error as Error).message }];
      else throw error;
    }
    const rel = displayPath;
    if (json) {
      process.stdout.write(JSON.stringify({ ok: problems.length === 0, file: rel(file), errors: problems.map((x) => ({ ...x, file: rel(x.file) })), warnings }) + '\n');
    } else if (problems.length === 0) {
      process.stdout.write(printable(`${rel(file)}: valid. ${summary}\n`));
      if (warnings.length > 0) process.stderr.write(printable(warningLines(warnings, rel(file)).join('\n') + `\n${warnings.length} warning${warnings.length === 1 ? '' : 's'}\n`));
    } else {
      process.stderr.write(printable(problems.map((x) => `${rel(x.file)}: ${x.path || '(file)'}: ${x.message}`).join('\n') + `\n${problems.length} error${problems.length === 1 ? '' : 's'}\n`));
    }
    return problems.length === 0 ? 0 : EXIT_BAD_INPUT;
  },
};
