/**
 * Scenario problems as the user reads them: a JSON path and what was expected
 * (`fleet[3].perShift.late: expected a whole number >= 0, got -2`).
 */
import type { z } from 'zod';
import { show } from './primitives';

/** One problem of a scenario. `path` is '' for the whole file. */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

/** `['fleet', 3, 'perShift', 'late']` -> `fleet[3].perShift.late`; odd keys in brackets (`["999"]`). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** `a.b` + `c` -> `a.b.c`, with the same rules as formatPath. */
export function joinPath(base: string, ...rest: readonly PropertyKey[]): string {
  const tail = formatPath(rest);
  if (base === '') return tail;
  if (tail === '' ) return base;
  return tail.startsWith('[') ? base + tail : `${base}.${tail}`;
}

/** zod's issues in our words; one ScenarioIssue per unknown field. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({ path: joinPath(path, key), message: 'unknown field (check the spelling; unknown fields are not allowed)' });
        }
        break;
      case 'invalid_type':
        out.push({ path, message: typeMessage(issue.message, issue.expected, issue.input) });
        break;
      case 'invalid_union':
        if ('options' in issue && Array.isArray(issue.options) && issue.message.startsWith('Invalid')) {
          out.push({ path, message: `expected one of ${(issue.options as unknown[]).map((o) => JSON.stringify(o)).join(', ')}` });
        } else {
          out.push({ path, message: issue.message });
        }
        break;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}

function typeMessage(message: string, expected: string, input: unknown): string {
  const ours = !message.startsWith('Invalid input');
  if (input === undefined) return `required: ${ours ? message.replace(/, got nothing$/, '') : `expected ${expected}`}`;
  return ours ? message : `expected ${expected}, got ${show(input)}`;
}
