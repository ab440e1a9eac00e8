/**
 * The scenario in hand as a document: its name, its file and whether it has unsaved changes (also
 * in the window title), and the document commands: New scenario (from a template), Open scenario,
 * the recent files (desktop), Save scenario (Ctrl+S), Save scenario as (Ctrl+Shift+S), Undo
 * (Ctrl+Z), Redo (Ctrl+Shift+Z, Ctrl+Y) and Revert to saved (itself undoable). A file that could not
 * be used is reported below with every problem and its JSON path; the current scenario stays. An
 * autosave left by a session that did not end cleanly is offered for recovery.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api-context';
import { TEMPLATES } from '../document/templates';
import { discardAutosave, newScenario, openRecent, openScenario, recoverAutosave, saveScenario } from '../sim-client/document';
import { update, useAppStore, useAppStoreApi } from '../store';
import { noticeShown } from '../store/host-slice';
import { openErrorDismissed, redoLabel, redone, revertedToSaved, undoLabel, undone } from '../store/scenario-slice';

const APP_TITLE = 'Response Simulator';

/** The window title: "* london-variant.json – Response Simulator" (the star: unsaved changes). */
export function windowTitle(label: string, modified: boolean): string {
  return `${modified ? '* ' : ''}${label} – ${APP_TITLE}`;
}

/** Keeps the window title and the unsaved-changes guard (beforeunload) in step with the document. */
function useDocumentChrome(label: string, modified: boolean): void {
  useEffect(() => {
    document.title = windowTitle(label, modified);
  }, [label, modified]);
  useEffect(() => {
    if (!modified) return;
    // The browser asks before the tab closes or reloads; the desktop's main process asks on close (will-prevent-unload).
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [modified]);
}

const NO_FILES: readonly string[] = [];
const fileBase = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function ScenarioBar() {
  const api = useApi();
  const store = useAppStoreApi();
  const name = useAppStore((s) => s.scenario.name);
  const fileName = useAppStore((s) => s.scenario.fileName);
  const origin = useAppStore((s) => s.scenario.origin);
  const modified = useAppStore((s) => s.scenario.modified);
  const canRevert = useAppStore((s) => s.scenario.current !== s.scenario.saved);
  const undoWhat = useAppStore((s) => undoLabel(s.scenario));
  const redoWhat = useAppStore((s) => redoLabel(s.scenario));
  const recent = useAppStore((s) => s.host.settings?.recentFiles ?? NO_FILES);
  const [choosing, setChoosing] = useState(false);
  const label = fileName ?? name;
  useDocumentChrome(label, modified);

  return (
    <div className="scenario-bar" role="toolbar" aria-label="Scenario">
      <span className="scenario-name" data-testid="scenario-name">
        {name}
      </span>
      <span className="scenario-origin" data-testid="scenario-file">
        {fileName ?? (origin !== name ? origin : 'not saved')}
      </span>
      {modified && (
        <span className="badge" data-testid="modified" title="Changed since it was last saved">
          modified
        </span>
      )}
      <span className="scenario-commands">
        <button type="button" aria-expanded={choosing} aria-controls="new-scenario-choices" onClick={() => setChoosing((c) => !c)}>
          New scenario
        </button>
        <button type="button" onClick={() => void openScenario(api, store)} title="Open a scenario file (Ctrl+O)">
          Open scenario
        </button>
        {recent.length > 0 && (
          <select
            aria-label="Open a recent scenario"
            value=""
            onChange={(e) => {
              const file = e.target.value;
              if (file) void openRecent(api, store, file);
            }}
          >
            <option value="">Recent…</option>
            {recent.map((file) => (
              <option key={file} value={file} title={file}>
                {fileBase(file)}
              </option>
            ))}
          </select>
        )}
        <button type="button" onClick={() => void saveScenario(api, store)} title="Save to its file (Ctrl+S)">
          Save scenario
        </button>
        <button type="button" className="secondary" onClick={() => void saveScenario(api, store, { saveAs: true })} title="Save to a new file (Ctrl+Shift+S)">
          Save scenario as
        </button>
        <button type="button" className="secondary history" disabled={undoWhat === null} onClick={() => update(store, 'scenario', undone, undefined)} title={undoWhat ? `Undo: ${undoWhat} (Ctrl+Z)` : 'Nothing to undo'}>
          {undoWhat ? `Undo: ${undoWhat}` : 'Undo'}
        </button>
        <button type="button" className="secondary history" disabled={redoWhat === null} onClick={() => update(store, 'scenario', redone, undefined)} title={redoWhat ? `Redo: ${redoWhat} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
          {redoWhat ? `Redo: ${redoWhat}` : 'Redo'}
        </button>
        <button type="button" className="secondary" disabled={!canRevert} onClick={() => update(store, 'scenario', revertedToSaved, undefined)} title="Back to the scenario as last saved (Undo brings the changes back)">
          Revert to saved
        </button>
      </span>
      {choosing && (
        <div id="new-scenario-choices" className="new-scenario-choices" role="group" aria-label="New scenario from">
          {TEMPLATES.map((t) => (
            <button
              type="button"
              key={t.id}
              className="secondary"
              title={t.description}
              onClick={() => {
                if (newScenario(store, t.id)) setChoosing(false);
              }}
            >
              {t.label}
            </button>
          ))}
          <button type="button" className="link" onClick={() => setChoosing(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

/** The offer to recover an autosaved document, problems of the last file that could not be opened, and host notices. */
export function ScenarioMessages() {
  const api = useApi();
  const store = useAppStoreApi();
  const openError = useAppStore((s) => s.scenario.openError);
  const name = useAppStore((s) => s.scenario.name);
  const notice = useAppStore((s) => s.host.notice);
  const recovery = useAppStore((s) => s.host.recovery);
  return (
    <>
      {recovery && (
        <div role="alertdialog" aria-labelledby="recovery-title" aria-describedby="recovery-detail" className="notice recovery" data-testid="recovery">
          <p id="recovery-title">
            <strong>Unsaved changes were found</strong> from a session that did not end cleanly.
          </p>
          <p id="recovery-detail">
            {recovery.name}
            {recovery.fileName ? ` (${recovery.fileName})` : ''}, autosaved {new Date(recovery.savedAt).toLocaleString('en-GB')}.
          </p>
          <button type="button" onClick={() => recoverAutosave(store)}>
            Recover unsaved scenario
          </button>{' '}
          <button type="button" className="secondary" onClick={() => void discardAutosave(api, store)}>
            Discard
          </button>
        </div>
      )}
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
