import { describe, expect, it } from 'vitest';
import { registerApi, type MainHandlers } from '../../src/main/ipc';
import { API_CHANNELS, STREAM_CHANNEL, type RunOutcome } from '../../src/shared/protocol';
import { FakeIpc } from './fake-electron';

const outcome: RunOutcome = { ok: false, error: { kind: 'cancelled' } };

function handlers(overrides: Partial<MainHandlers> = {}): MainHandlers {
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    version: async () => ({ app: '1', sim: 's', host: 'electron', workers: 1 }),
    runScenario: async ([request], emit) => {
      emit({ jobId: request.jobId, fraction: 0.5, replicationsDone: 0, replications: 1 });
      return outcome;
    },
    cancel: async ([jobId]) => jobId === 'known',
    mapLayers: unused,
    liveStart: unused,
    liveControl: unused,
    liveTrainer: unused,
    openScenarioFile: unused,
    openRecentFile: unused,
    getSettings: unused,
    updateSettings: unused,
    saveScenarioFile: unused,
    writeAutosave: unused,
    readAutosave: unused,
    suggestResourcing: unused,
    snapToRoads: unused,
    compareScenarios: unused,
    exportReport: unused,
    ...overrides,
  };
}

const trusted = { isTrustedUrl: (url: string) => url.startsWith('app://renderer/') };

describe('IPC registration', () => {
  it('registers one handler per API call', () => {
    const ipc = new FakeIpc();
    registerApi(ipc.main, handlers(), trusted);
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(API_CHANNELS).sort());
  });

  it('passes checked arguments to the handler and returns its result', async () => {
    const ipc = new FakeIpc();
    registerApi(ipc.main, handlers(), trusted);
    expect(await ipc.renderer.invoke(API_CHANNELS.cancel, 'known')).toBe(true);
  });

  it('refuses a call from a page that is not the app', async () => {
    const ipc = new FakeIpc('https://evil.example/');
    registerApi(ipc.main, handlers(), trusted);
    await expect(ipc.renderer.invoke(API_CHANNELS.version)).rejects.toThrow(
      "api:version: refused a call from https://evil.example/, which is not the app's page",
    );
  });

  it('refuses bad arguments, naming the JSON path, before the handler runs', async () => {
    const ipc = new FakeIpc();
    let ran = false;
    registerApi(ipc.main, handlers({ runScenario: async () => ((ran = true), outcome) }), trusted);
    await expect(ipc.invokeRaw(API_CHANNELS.runScenario, { jobId: 'j', scenario: {}, days: -1 })).rejects.toThrow(
      /api:runScenario: bad arguments: args\[0\]\.days: Too small/,
    );
    await expect(ipc.invokeRaw(API_CHANNELS.runScenario, { jobId: 'j', scenario: {}, evil: true })).rejects.toThrow(/args\[0\]: Unrecognized key: "evil"/);
    await expect(ipc.invokeRaw(API_CHANNELS.cancel)).rejects.toThrow(/api:cancel: bad arguments: args/);
    await expect(ipc.invokeRaw(API_CHANNELS.version, 'extra')).rejects.toThrow(/api:version: bad arguments/);
    expect(ran, 'the handler never saw bad input').toBe(false);
  });

  it('streams messages to the calling page, tagged with the call and job id', async () => {
    const ipc = new FakeIpc();
    registerApi(ipc.main, handlers(), trusted);
    await ipc.renderer.invoke(API_CHANNELS.runScenario, { jobId: 'job-7', scenario: {} });
    expect(ipc.sentToPage).toEqual([
      { channel: STREAM_CHANNEL, args: [{ call: 'runScenario', jobId: 'job-7', message: { jobId: 'job-7', fraction: 0.5, replicationsDone: 0, replications: 1 } }] },
    ]);
  });

  it('does not send to a page that has gone', async () => {
    const ipc = new FakeIpc();
    ipc.destroyed = true;
    registerApi(ipc.main, handlers(), trusted);
    expect(await ipc.renderer.invoke(API_CHANNELS.runScenario, { jobId: 'j', scenario: {} })).toEqual(outcome);
    expect(ipc.sentToPage).toEqual([]);
  });

  it('returns a function that removes every handler', () => {
    const ipc = new FakeIpc();
    const unregister = registerApi(ipc.main, handlers(), trusted);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
