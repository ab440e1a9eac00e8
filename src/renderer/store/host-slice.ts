/**
 * The host slice: who answers (versions), the scenario file the user opened, one line of news
 * for the user (a file that could not be opened), and an autosaved document found at start that
 * the user may recover. Pure updaters.
 */
import type { OpenedFile, Settings, VersionInfo } from '../../shared/protocol';
import type { AutosavedDocument } from '../document/autosave';

export interface HostState {
  readonly version: VersionInfo | null;
  /** the user's settings as the host keeps them (null until read) */
  readonly settings: Settings | null;
  /** why the version could not be had, or null */
  readonly versionError: string | null;
  readonly openedFile: OpenedFile | null;
  readonly notice: string | null;
  /** an unsaved document left by a session that did not end cleanly, offered for recovery (null: none, or answered) */
  readonly recovery: AutosavedDocument | null;
}

export const initialHostState: HostState = { version: null, settings: null, versionError: null, openedFile: null, notice: null, recovery: null };

/** An autosave was found at start (null: the offer was answered). */
export function recoveryOffered(state: HostState, recovery: AutosavedDocument | null): HostState {
  return state.recovery === recovery ? state : { ...state, recovery };
}

export function settingsReceived(state: HostState, settings: Settings): HostState {
  return { ...state, settings };
}

export function versionReceived(state: HostState, version: VersionInfo): HostState {
  return { ...state, version, versionError: null };
}

export function versionFailed(state: HostState, message: string): HostState {
  return { ...state, version: null, versionError: message };
}

export function fileOpened(state: HostState, file: OpenedFile): HostState {
  return { ...state, openedFile: file, notice: null };
}

export function noticeShown(state: HostState, notice: string | null): HostState {
  return { ...state, notice };
}
