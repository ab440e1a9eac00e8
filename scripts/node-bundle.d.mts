/** Types of scripts/node-bundle.mjs, for its tests. */
export const ROOT: string;
export const BUNDLE_DIR: string;
export interface BundleOptions {
  readonly root?: string;
  readonly outDir?: string;
  readonly entries?: readonly string[];
}
export function nodeEntries(root?: string): string[];
export function bundledFile(entry: string, root?: string, outDir?: string): string;
export function staleReason(options?: BundleOptions): string | null;
export function buildBundle(options?: BundleOptions): Promise<number>;
export function ensureBundle(options?: BundleOptions): Promise<string | null>;
