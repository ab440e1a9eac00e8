/** Types of scripts/node-run.mjs, for its tests. */
export function nodeCommand(entry: string, args: readonly string[], root?: string): string[];
export const HUGE_PAGES_TUNABLE: string;
export function childEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
