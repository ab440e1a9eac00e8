/**
 * The fuses script (scripts/electron-fuses.ts) against a mock of @electron/fuses: there is no
 * Electron binary here to flip, so this checks the configuration it passes and that it reads the
 * fuses back, with the real package's enums so a renumbering would show.
 */
import * as fuses from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { afterPack, applyFuses, fuseConfig, packagedBinary, type FusesApi } from '../../scripts/electron-fuses';

/** A mock of flipFuses/getCurrentFuseWire over an in-memory wire of all-default fuses. */
function mockFuses(options: { ignoreFlips?: number[] } = {}) {
  const wire: Record<string, unknown> = {};
  for (const v of Object.values(fuses.FuseV1Options)) if (typeof v === 'number') wire[v] = fuses.FuseState.INHERIT;
  const flips: { binary: string; config: Record<string, unknown> }[] = [];
  const api: FusesApi = {
    FuseVersion: fuses.FuseVersion,
    FuseV1Options: fuses.FuseV1Options,
    FuseState: fuses.FuseState,
    async flipFuses(binary, config) {
      flips.push({ binary, config });
      let n = 0;
      for (const [key, value] of Object.entries(config)) {
        if (!/^\d+$/.test(key) || options.ignoreFlips?.includes(Number(key))) continue;
        wire[key] = value ? fuses.FuseState.ENABLE : fuses.FuseState.DISABLE;
        n++;
      }
      return n;
    },
    async getCurrentFuseWire() {
      return { version: fuses.FuseVersion.V1, ...wire };
    },
  };
  return { api, flips, wire };
}

describe('Electron fuses for a packaged build', () => {
  it('sets exactly RunAsNode, NODE_OPTIONS and inspect arguments off and cookie encryption on', () => {
    const { FuseV1Options: F } = fuses;
    expect(fuseConfig(fuses, 'linux')).toEqual({
      version: fuses.FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [F.RunAsNode]: false,
      [F.EnableNodeOptionsEnvironmentVariable]: false,
      [F.EnableNodeCliInspectArguments]: false,
      [F.EnableCookieEncryption]: true,
    });
    expect(fuseConfig(fuses, 'darwin').resetAdHocDarwinSignature, 'macOS re-signs ad hoc').toBe(true);
  });

  it('flips those fuses on the binary and leaves every other fuse as Electron has it', async () => {
    const { api, flips, wire } = mockFuses();
    await applyFuses('/dist/linux-unpacked/response-simulator', 'linux', api);
    expect(flips).toHaveLength(1);
    expect(flips[0]!.binary).toBe('/dist/linux-unpacked/response-simulator');
    const { FuseV1Options: F, FuseState: S } = fuses;
    expect(wire[F.RunAsNode]).toBe(S.DISABLE);
    expect(wire[F.EnableNodeOptionsEnvironmentVariable]).toBe(S.DISABLE);
    expect(wire[F.EnableNodeCliInspectArguments]).toBe(S.DISABLE);
    expect(wire[F.EnableCookieEncryption]).toBe(S.ENABLE);
    for (const other of [F.EnableEmbeddedAsarIntegrityValidation, F.OnlyLoadAppFromAsar, F.LoadBrowserProcessSpecificV8Snapshot, F.GrantFileProtocolExtraPrivileges, F.WasmTrapHandlers]) {
      expect(wire[other], F[other]).toBe(S.INHERIT);
    }
  });

  it('fails, naming the fuse, when reading back shows one not set', async () => {
    const { api } = mockFuses({ ignoreFlips: [fuses.FuseV1Options.RunAsNode] });
    await expect(applyFuses('/app/bin', 'linux', api)).rejects.toThrow('/app/bin: fuses not set: RunAsNode should be off');
  });

  it('finds the binary in electron-builder\'s output for each platform, as an afterPack hook', async () => {
    const context = (platform: string) => ({ appOutDir: '/out', electronPlatformName: platform, packager: { appInfo: { productFilename: 'Response Simulator' } } });
    expect(packagedBinary(context('linux'))).toBe('/out/Response Simulator');
    expect(packagedBinary(context('win32'))).toBe('/out/Response Simulator.exe');
    expect(packagedBinary(context('darwin'))).toBe('/out/Response Simulator.app/Contents/MacOS/Response Simulator');
    const { api, flips } = mockFuses();
    await afterPack(context('darwin'), api);
    expect(flips[0]).toMatchObject({ binary: '/out/Response Simulator.app/Contents/MacOS/Response Simulator', config: { resetAdHocDarwinSignature: true } });
  });
});
