/**
 * `npm run sim -- <command> ...`: the command line (MODEL.md "The command line").
 * Each command is a module in ./commands exporting a `Command` (./command.ts); this file only
 * dispatches, and the commands do not import it back.
 */
import { printable } from '../shared/printable';
import type { Command } from './command';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, InputError } from './errors';
import { reportCrash } from './crash';

export type { Command } from './command';


/** Command name -> module. Modules load lazily so that `validate` does not pay for routing. */
const commands: Record<string, () => Promise<{ command: Command }>> = {
  data: () => import('./commands/data'),
  'import-osm': () => import('./commands/import-osm'),
  run: () => import('./commands/run'),
  validate: () => import('./commands/validate'),
  compare: () => import('./commands/compare'),
  report: () => import('./commands/report'),
};

async function usage(): Promise<string> {
  const names = Object.keys(commands).sort();
  const lines = await Promise.all(
    names.map(async (name) => {
      const { command } = await commands[name]!();
      return `  ${command.usage}\n      ${command.summary}`;
    }),
  );
  return [
    'usage: response-sim <command> [options]',
    '',
    ...lines,
    '',
    'Run `response-sim <command> --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await usage()) + '\n');
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`response-sim: unknown command '${printable(name)}'\n\n${await usage()}\n`);
    return EXIT_BAD_INPUT;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: response-sim ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  return command.run(rest);
}

/** Runs the command line and sets the exit code; bad input is one line on stderr, never a stack trace. */
export function cli(argv: readonly string[]): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof InputError) {
        process.stderr.write(`response-sim: ${printable(error.message)}\n`);
        process.exitCode = EXIT_BAD_INPUT;
      } else {
        // No stack trace for the user: what was being done, and where the details went.
        process.stderr.write(`response-sim: ${printable(reportCrash(argv, error))}\n`);
        process.exitCode = EXIT_INTERNAL;
      }
    },
  );
}

if (require.main === module) void cli(process.argv.slice(2));
