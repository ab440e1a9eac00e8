/**
 * The first panel: which simulator answers, and a run of the small built-in scenario (or of a file
 * the user opened) with its headline results. It proves the whole path renderer -> API -> sim
 * worker -> back in whichever host the renderer runs.
 */
import { useEffect } from 'react';
import { useApi } from '../api-context';
import { SMALL_SCENARIO } from '../scenarios';
import { cancelRun, startRun } from '../sim-client/run';
import { update, useAppStore, useAppStoreApi } from '../store';
import { fileOpened, noticeShown, versionFailed, versionReceived } from '../store/host-slice';
import { RunStatus } from './RunStatus';

export function SimPanel() {
  const api = useApi();
  const store = useAppStoreApi();
  const host = useAppStore((s) => s.host);
  const running = useAppStore((s) => s.run.status === 'running');

  useEffect(() => {
    let live = true;
    api.version().then(
      (version) => live && update(store, 'host', versionReceived, version),
      (error: unknown) => live && update(store, 'host', versionFailed, error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [api, store]);

  useEffect(
    () =>
      api.onAppEvent((event) => {
        if (event.type === 'scenario-opened') update(store, 'host', fileOpened, event.file);
        else if (event.type === 'open-failed') update(store, 'host', noticeShown, event.message);
      }),
    [api, store],
  );

  const openFile = async (): Promise<void> => {
    const outcome = await api.openScenarioFile();
    if (outcome.ok) update(store, 'host', fileOpened, outcome.file);
    else if (outcome.reason !== 'cancelled') update(store, 'host', noticeShown, outcome.message);
  };

  const opened = host.openedFile;
  const openedScenario = opened && typeof opened.raw === 'object' && opened.raw !== null && !Array.isArray(opened.raw) ? (opened.raw as Record<string, unknown>) : null;

  return (
    <section className="panel" aria-labelledby="sim-panel-title">
      <h2 id="sim-panel-title">Simulator</h2>
      <p data-testid="version">
        {host.version
          ? `Simulator ${host.version.sim} · app ${host.version.app} · ${host.version.host === 'electron' ? 'desktop' : 'browser'}, ${host.version.workers} worker${host.version.workers === 1 ? '' : 's'}`
          : host.versionError
            ? `The simulator did not answer: ${host.versionError}`
            : 'Asking the simulator…'}
      </p>
      <div className="actions">
        <button type="button" data-testid="run-small" disabled={running} onClick={() => void startRun(api, store, SMALL_SCENARIO)}>
          Run small scenario
        </button>
        <button type="button" disabled={running} onClick={() => void openFile()}>
          Open scenario…
        </button>
        {opened && (
          <button
            type="button"
            data-testid="run-opened"
            disabled={running || openedScenario === null}
            onClick={() => openedScenario && void startRun(api, store, { scenario: openedScenario, label: opened.name })}
          >
            Run {opened.name}
          </button>
        )}
      </div>
      {opened && openedScenario === null && <p role="alert">{opened.name} does not hold a JSON object, so it cannot be a scenario.</p>}
      {host.notice && (
        <p role="alert" className="notice">
          {host.notice}
        </p>
      )}
      <RunStatus onCancel={() => void cancelRun(api, store)} />
    </section>
  );
}
