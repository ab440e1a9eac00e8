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
import { isSweepFile, readSweep, sweepSummary } from '../../node/sweep/load';
import { exerciseSummary, isExerciseFile, readExercise } from '../../node/exercise/load';

const USAGE = 'validate <scenario.json | sweep.json | exercise.json | london> [--json]';

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
    const out: Checked = { file: path.resolve(arg), problems: [], warnings: [], summary: '' };
    try {
      if (isExerciseFile(arg)) {
        // An exercise script (docs/MODEL-ADDITIONS.md "Exercise scripts"), checked with the scenario it names.
        const x = await readExercise(arg);
        out.file = x.file;
        out.summary = exerciseSummary(x);
      } else await checkScenarioOrSweep(arg, out);
    } catch (error) {
      const file = out.file;
      if (error instanceof ScenarioFileError) out.problems = error.problems.map((x) => ({ file: x.file, path: x.issue.path, message: x.issue.message }));
      else if (error instanceof WorldError) out.problems = error.issues.map((i) => ({ file, path: i.path, message: i.message }));
      else if (isDataError(error)) out.problems = [{ file, path: '', message: (error as Error).message }];
      else throw error;
    }
    const { file, problems, warnings, summary } = out;
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

interface Checked {
  file: string;
  problems: Problem[];
  warnings: ScenarioWarning[];
  summary: string;
}

/** `validate` of a scenario or a sweep file (a sweep is checked with its base scenario); fills `out` as it goes (a throw keeps the file reached). */
async function checkScenarioOrSweep(arg: string, out: Checked): Promise<void> {
  // A sweep file (docs/MODEL-ADDITIONS.md "Sweeps") is checked with its base scenario.
  const sweep = isSweepFile(arg) ? await readSweep(arg) : null;
  const read = sweep ? { file: sweep.file, scenario: sweep.baseScenario } : await readScenario(arg);
  out.file = read.file;
  const s = read.scenario;
  const world = await buildWorld(s, nodeDataProvider());
  out.problems = checkRunnable(s, world).map((i) => ({ file: sweep?.baseFile ?? read.file, path: i.path, message: i.message }));
  out.warnings = warningsFor(s, world);
  out.summary = `${s.name}: ${s.demand.streams.map((st) => `${st.callsPerDay} ${st.line} calls/day`).join(', ')}, ${s.stations.length} stations, up to ${peakUnitsOnDuty(s)} units on duty, ${s.days} days`;
  if (sweep) out.summary = `${sweepSummary(sweep)} (base: ${out.summary})`;
}
