/** What every command module in ./commands exports as `command` (dispatched by ./main.ts). */
export interface Command {
  /** One line for the usage text, e.g. `run <scenario.json | london> [--days N] ...`. */
  readonly usage: string;
  readonly summary: string;
  /** Resolves to the exit code. Throws InputError for bad input. */
  run(args: readonly string[]): Promise<number>;
}
