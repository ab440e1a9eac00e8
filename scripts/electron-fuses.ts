/**
 * Electron fuses for a packaged build (issue 13; Electron's security checklist, "Electron fuses"):
 * features that are switched off in the binary itself, so no environment variable or command-line
 * argument can turn them back on.
 *
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE` cannot turn the app into a plain Node.
 * - EnableNodeOptionsEnvironmentVariable off: `NODE_OPTIONS` (e.g. `--require evil.js`) is ignored.
 * - EnableNodeCliInspectArguments off: `--inspect` and friends cannot attach a debugger.
 * - EnableCookieEncryption on: the cookie store on disk is encrypted with the OS's key store.
 *
 * Only these four are set; the others keep Electron's defaults (the app is not packaged as an asar
 * with integrity hashes yet, so OnlyLoadAppFromAsar and asar integrity stay as they are).
 *
 * Use: as electron-builder's `afterPack` hook (`afterPack(context)`), or on a packaged binary:
 *   npx tsx scripts/electron-fuses.ts path/to/packaged/electron-binary
 * It flips the fuses, reads them back and fails when any is not as set. It cannot run in this
 * checkout's CI (no Electron binary is downloaded); test/scripts/electron-fuses.test.ts checks the
 * configuration and the calls against a mock of @electron/fuses.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The parts of @electron/fuses used here (injected in tests). */
export interface FusesApi {
  readonly FuseVersion: { readonly V1: string };
  readonly FuseV1Options: {
    readonly RunAsNode: number;
    readonly EnableCookieEncryption: number;
    readonly EnableNodeOptionsEnvironmentVariable: number;
    readonly EnableNodeCliInspectArguments: number;
  };
  /** byte values of a fuse's state in the wire ('0' off, '1' on) */
  readonly FuseState: { readonly DISABLE: number; readonly ENABLE: number };
  flipFuses(pathToElectron: string, config: Record<string, unknown>): Promise<number>;
  getCurrentFuseWire(pathToElectron: string): Promise<Record<string, unknown>>;
}

/** The fuses this app sets, by option name: true = on, false = off. */
export const APP_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
} as const;

/**
 * The `flipFuses` configuration: the four fuses above by their wire index. On macOS the ad-hoc
 * signature is reset (an arm64 binary with a broken signature does not start; a real signing step
 * signs it again afterwards).
 */
export function fuseConfig(api: Pick<FusesApi, 'FuseVersion' | 'FuseV1Options'>, platform: NodeJS.Platform): Record<string, unknown> {
  const config: Record<string, unknown> = { version: api.FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, on] of Object.entries(APP_FUSES)) config[api.FuseV1Options[name as keyof typeof APP_FUSES]] = on;
  return config;
}

/** Flips the fuses of the Electron binary at `binary`, then reads them back; throws naming any fuse not as set. */
export async function applyFuses(binary: string, platform: NodeJS.Platform, api: FusesApi): Promise<void> {
  await api.flipFuses(binary, fuseConfig(api, platform));
  const wire = await api.getCurrentFuseWire(binary);
  const wrong = Object.entries(APP_FUSES)
    .filter(([name, on]) => wire[api.FuseV1Options[name as keyof typeof APP_FUSES]] !== (on ? api.FuseState.ENABLE : api.FuseState.DISABLE))
    .map(([name, on]) => `${name} should be ${on ? 'on' : 'off'}`);
  if (wrong.length > 0) throw new Error(`${binary}: fuses not set: ${wrong.join('; ')}`);
}

/** What electron-builder passes to `afterPack` (the parts used). */
export interface AfterPackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: { readonly appInfo: { readonly productFilename: string } };
}

/** The Electron executable inside a packed app folder. */
export function packagedBinary(context: AfterPackContext): string {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, name);
  }
}

const loadFuses = async (): Promise<FusesApi> => (await import('@electron/fuses')) as unknown as FusesApi;

/** electron-builder's `afterPack` hook. */
export async function afterPack(context: AfterPackContext, api?: FusesApi): Promise<void> {
  const platform = (context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName) as NodeJS.Platform;
  await applyFuses(packagedBinary(context), platform, api ?? (await loadFuses()));
}

export default afterPack;

// Run on a packaged binary: `tsx scripts/electron-fuses.ts BINARY`.
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === pathToFileURL(path.resolve(__filename)).href) {
  const binary = process.argv[2];
  if (!binary) {
    process.stderr.write('usage: tsx scripts/electron-fuses.ts PATH-TO-PACKAGED-ELECTRON-BINARY\n');
    process.exit(2);
  }
  loadFuses()
    .then((api) => applyFuses(binary, process.platform, api))
    .then(() => process.stdout.write(`${binary}: fuses set (${Object.entries(APP_FUSES).map(([n, on]) => `${n} ${on ? 'on' : 'off'}`).join(', ')})\n`))
    .catch((error: unknown) => {
      process.stderr.write(`electron-fuses: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
