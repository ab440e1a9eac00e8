/**
 * Autosave: while the document has unsaved changes, its autosave (src/renderer/document/autosave.ts)
 * is written through the host `debounceMs` after the last change (default 2 s); once it is saved,
 * reverted or replaced by an unmodified document, the autosave is removed. At start the host is
 * asked for an autosave left behind (./document.ts `offerRecovery`); until the user answers that
 * offer nothing is written, so the autosave being offered is never overwritten.
 */
import type { DesktopApi } from '../../shared/protocol';
import { autosaveText } from '../document/autosave';
import type { AppStore } from '../store';
import { noticeShown } from '../store/host-slice';
import { update } from '../store';
import type { ScenarioState } from '../store/scenario-slice';
import { offerRecovery } from './document';

export interface AutosaveOptions {
  /** wait this long after the last change (default 2000 ms) */
  readonly debounceMs?: number;
  readonly now?: () => Date;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/** Starts autosaving `store`'s document; returns the function that stops it (a pending write is dropped). */
export function startAutosave(api: DesktopApi, store: AppStore, options: AutosaveOptions = {}): () => void {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const debounceMs = options.debounceMs ?? 2000;
  const now = options.now ?? (() => new Date());
  let timer: unknown = null;
  let stopped = false;
  let ready = false;
  let seen: ScenarioState | null = null;
  /** whether an autosave of ours may be on disk (so an unmodified document removes it once) */
  let written = false;
  let warned = false;

  const write = (text: string | null): void => {
    void api.writeAutosave(text).then(
      (outcome) => {
        if (outcome.ok || warned || stopped) return;
        warned = true; // once: a full disk should not nag at every edit
        update(store, 'host', noticeShown, `Unsaved changes could not be autosaved: ${outcome.message}`);
      },
      (error: unknown) => console.warn('writeAutosave failed', error),
    );
  };

  const check = (): void => {
    if (!ready || stopped || store.getState().host.recovery !== null) return;
    const scenario = store.getState().scenario;
    if (scenario === seen) return;
    const changed = seen === null || scenario.current !== seen.current || scenario.saved !== seen.saved || scenario.path !== seen.path;
    seen = scenario;
    if (!changed) return;
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (!scenario.modified) {
      if (written) write(null);
      written = false;
      return;
    }
    timer = setTimer(() => {
      timer = null;
      if (stopped) return;
      const state = store.getState().scenario;
      if (!state.modified) return;
      written = true;
      write(autosaveText(state, now()));
    }, debounceMs);
  };

  const unsubscribe = store.subscribe(check);
  void offerRecovery(api, store).finally(() => {
    ready = true;
    // An autosave not offered (none, or damaged) is replaced by the first edit; a modified document
    // (edited while the host answered) is written now.
    written = true;
    check();
  });

  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== null) clearTimer(timer);
  };
}
