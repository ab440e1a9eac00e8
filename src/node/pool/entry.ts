/**
 * Which file a worker thread starts for a pool's entry. The command line and the benchmarks run
 * as a bundle (scripts/node-bundle.mjs: out/node, made with `RESPONSE_SIM_BUNDLE` defined true);
 * from there a TypeScript entry such as src/node/sim-worker.ts starts its bundled twin
 * (out/node/src/node/sim-worker.js) under plain Node. From source (vitest, tsx) a `.ts` entry is
 * loaded through tsx's CommonJS hook, and a built `.js` entry (Electron's out/main/sim-worker.js)
 * is started as it is.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../data/paths';

/** Defined `true` by the Node bundle; undeclared (so `typeof` is 'undefined') anywhere else. */
declare const RESPONSE_SIM_BUNDLE: boolean | undefined;

/** Whether this code runs from the Node bundle (out/node). */
export const RUNNING_BUNDLED: boolean = typeof RESPONSE_SIM_BUNDLE !== 'undefined' && RESPONSE_SIM_BUNDLE === true;

/** The bundle's folder, relative to the checkout (scripts/node-bundle.mjs `BUNDLE_DIR`). */
export const BUNDLE_DIR = path.join('out', 'node');

export interface WorkerEntry {
  /** the file the worker thread starts */
  readonly file: string;
  /** true: a TypeScript source, started through tsx */
  readonly tsx: boolean;
}

export interface EntryContext {
  readonly bundled: boolean;
  /** the checkout (the folder holding out/node) */
  readonly root: string;
  readonly exists: (file: string) => boolean;
}

/**
 * The worker file for `entry`: when bundled, a `.ts` entry inside the checkout becomes its bundled
 * twin if that exists (a `.ts` entry the bundle lacks, e.g. a test's, still goes through tsx).
 */
export function workerEntry(entry: string, context: EntryContext = { bundled: RUNNING_BUNDLED, root: RUNNING_BUNDLED ? repoRoot() : '', exists: existsSync }): WorkerEntry {
  if (!entry.endsWith('.ts')) return { file: entry, tsx: false };
  if (context.bundled) {
    const relative = path.relative(context.root, path.resolve(entry));
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
      const twin = path.join(context.root, BUNDLE_DIR, relative.replace(/\.ts$/, '.js'));
      if (context.exists(twin)) return { file: twin, tsx: false };
    }
  }
  return { file: entry, tsx: true };
}
