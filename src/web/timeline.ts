/**
 * Performance marks of the browser build's first figures (issue 14 aim 4): where the first seconds
 * go. Each is a `performance.mark` named `rs:...` in the page or in a sim worker; the app timer
 * (scripts/measure-app.mjs) reads them from the page and from each worker and prints them against
 * the page's navigation. Nothing else reads them; a browser without the User Timing API skips them.
 */
export function mark(name: string): void {
  try {
    performance.mark(`rs:${name}`);
  } catch {
    // no User Timing here: the marks are only for measuring
  }
}

/** Runs `fn`, marking `name:start` and `name:end` around it (`:end` also when it throws). */
export function marked<T>(name: string, fn: () => T): T {
  mark(`${name}:start`);
  try {
    return fn();
  } finally {
    mark(`${name}:end`);
  }
}

/** As `marked`, for a promise: `name:end` once it settles. */
export async function markedAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  mark(`${name}:start`);
  try {
    return await fn();
  } finally {
    mark(`${name}:end`);
  }
}
