/**
 * Keyboard shortcuts of the whole window: Space plays or pauses the live simulation, "." steps.
 * They stay out of the way of controls that use those keys themselves (buttons, fields, lists, the
 * map's own keyboard navigation does not use them).
 */
import { useEffect } from 'react';
import { useApi } from './api-context';
import { togglePlay } from './panels/LiveControls';
import { controlLive } from './sim-client/live';
import { useAppStoreApi } from './store';

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
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target)) return;
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
