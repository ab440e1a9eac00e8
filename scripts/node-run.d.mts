/** Types of scripts/node-run.mjs, for its tests. */
export function nodeCommand(entry: string, args: readonly string[], root?: string): string[];
