/** Types of scripts/app-probes.mjs, for bench/ui.bench.ts. */
export function serveWeb(dir: string, options?: { isolation?: boolean }): Promise<{ url: string; stop: () => void }>;
export const FIGURES_CURRENT: string;
export const ANY_FIGURES: string;
export function CHANGE_TO_FIGURES(id: string, value: number | string): string;
export function CHANGE_DURING_RUN(id: string, first: number | string, second: number | string): string;
