/**
 * Keyboard shortcuts of the whole window: Space plays or pauses the live simulation, "." steps;
 * Ctrl+S saves the scenario, Ctrl+Shift+S saves it as; Ctrl+Z undoes the last edit, Ctrl+Shift+Z
 * and Ctrl+Y redo it (Cmd on a Mac). They stay out of the way of controls that use those keys
 * themselves: Space and "." on buttons, fields and lists, undo and redo in a text field (where the
 * browser's own undo of the typing applies).
 */
import { useEffect } from 'react';
import { useApi } from './api-context';
import { togglePlay } from './panels/LiveControls';
import { saveScenario } from './sim-client/document';
import { controlLive } from './sim-client/live';
import { update, useAppStoreApi } from './store';
import { redone, undone } from './store/scenario-slice';

/** Whether `target` is a text field (or editable text), with an undo of its own. */
export function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('textarea, [contenteditable="true"]')) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(target.type);
}

/** The document command of a Ctrl/Cmd key press, or null. */
export function documentCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'save' | 'save-as' | 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 's') return event.shiftKey ? 'save-as' : 'save';
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** Whether a key press on `target` belongs to the control itself. */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, button, summary, a[href], [contenteditable="true"]')) return true;
  return false;
}

export function useShortcuts(): void {
  const api = useApi();
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = documentCommand(event);
      if (command === 'save' || command === 'save-as') {
        event.preventDefault(); // not the browser's "save page"
        void saveScenario(api, store, { saveAs: command === 'save-as' });
        return;
      }
      if (command === 'undo' || command === 'redo') {
        if (editsText(event.target)) return; // the field's own undo of the typing
        event.preventDefault();
        update(store, 'scenario', command === 'undo' ? undone : redone, undefined);
        return;
      }
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target)) return;
      if (event.key === ' ') {
        event.preventDefault(); // not a page scroll
        togglePlay(api, store);
      } else if (event.key === '.') {
        event.preventDefault();
        void controlLive(api, store, { kind: 'step' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, store]);
}
