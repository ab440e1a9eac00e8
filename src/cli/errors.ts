/**
 * The command line's error kinds and exit codes (MODEL.md): 0 ok, 2 bad input (the message names
 * the file and the JSON path), 1 internal error.
 */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad input from the user: a wrong argument, a missing or malformed file. Exit code 2, no stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
