/**
 * The scenario in hand: its name, whether it was changed since it was opened, and the ways to
 * open another or undo the changes. A file that could not be used is reported here with every
 * problem and its JSON path; the current scenario stays.
 */
import { useApi } from '../api-context';
import { openScenario } from '../sim-client/open';
import { update, useAppStore, useAppStoreApi } from '../store';
import { noticeShown } from '../store/host-slice';
import { editsReset, openErrorDismissed } from '../store/scenario-slice';

export function ScenarioBar() {
  const api = useApi();
  const store = useAppStoreApi();
  const name = useAppStore((s) => s.scenario.name);
  const origin = useAppStore((s) => s.scenario.origin);
  const modified = useAppStore((s) => s.scenario.modified);
  return (
    <div className="scenario-bar">
      <span className="scenario-name" data-testid="scenario-name">
        {name}
      </span>
      {origin !== name && <span className="scenario-origin">{origin}</span>}
      {modified && (
        <span className="badge" data-testid="modified">
          modified
        </span>
      )}
      <button type="button" onClick={() => void openScenario(api, store)} title="Open a scenario file (Ctrl+O)">
        Open scenario…
      </button>
      <button type="button" className="secondary" disabled={!modified} onClick={() => update(store, 'scenario', editsReset, undefined)}>
        Undo changes
      </button>
    </div>
  );
}

/** Problems of the last file that could not be opened, and host notices. */
export function ScenarioMessages() {
  const store = useAppStoreApi();
  const openError = useAppStore((s) => s.scenario.openError);
  const name = useAppStore((s) => s.scenario.name);
  const notice = useAppStore((s) => s.host.notice);
  return (
    <>
      {openError && (
        <div role="alert" className="failure open-error" data-testid="open-error">
          <p>
            <strong>{openError.file}</strong> was not opened: it has {openError.issues.length === 1 ? 'a problem' : `${openError.issues.length} problems`}.
            Still showing {name}.
          </p>
          <ul>
            {openError.issues.map((e, i) => (
              <li key={i}>
                <code>{e.path || '(file)'}</code>: {e.message}
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => update(store, 'scenario', openErrorDismissed, undefined)}>
            Dismiss
          </button>
        </div>
      )}
      {notice && (
        <div role="alert" className="notice">
          {notice}{' '}
          <button type="button" className="secondary" onClick={() => update(store, 'host', noticeShown, null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
