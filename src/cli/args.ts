/** A small argument reader for the commands: positionals, `--flag` and `--name value`. */
import path from 'node:path';
import { InputError } from './errors';

export interface ArgSpec {
  /** Options that take no value. */
  readonly flags: readonly string[];
  /** Options that take one value. */
  readonly values: readonly string[];
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string>;
}

export function parseArgs(args: readonly string[], spec: ArgSpec, usage: string): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw new InputError(`--${name} takes no value (usage: ${usage})`);
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new InputError(`--${name} needs a value (usage: ${usage})`);
      out.values.set(name, value);
    } else throw new InputError(`unknown option '${arg}' (usage: ${usage})`);
  }
  return out;
}

/** A whole number option from min to max, or undefined when absent. */
export function wholeOption(p: ParsedArgs, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const text = p.values.get(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`--${name}: expected a whole number ${range}, got ${JSON.stringify(text)}`);
  return n;
}

/** A number option > 0 and at most max, or undefined when absent. */
export function positiveOption(p: ParsedArgs, name: string, max = Infinity): number | undefined {
  const text = p.values.get(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  const range = max === Infinity ? '> 0' : `> 0 and at most ${max}`;
  if (!(n > 0) || !Number.isFinite(n) || n > max) throw new InputError(`--${name}: expected a number ${range}, got ${JSON.stringify(text)}`);
  return n;
}

/** A path as shown to the user: relative to the working folder when inside it, else absolute. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
