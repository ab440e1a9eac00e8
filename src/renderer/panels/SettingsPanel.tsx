/**
 * Settings: the online tile layer (off by default). The desktop rebuilds its content policy from
 * the settings on every page load, so turning tiles on or off takes effect after a reload, which
 * is offered at once. The browser build's policy is fixed when the site is built and allows no
 * tile host, so there the choice is shown but cannot be turned on.
 */
import { useState } from 'react';
import { useApi } from '../api-context';
import { update, useAppStore, useAppStoreApi } from '../store';
import { noticeShown, settingsReceived } from '../store/host-slice';

export function SettingsPanel() {
  const api = useApi();
  const store = useAppStoreApi();
  const settings = useAppStore((s) => s.host.settings);
  const host = useAppStore((s) => s.host.version?.host ?? null);
  const [reloadNeeded, setReloadNeeded] = useState(false);
  if (!settings) return null;
  const browser = host === 'browser';
  const change = async (onlineTiles: boolean) => {
    try {
      update(store, 'host', settingsReceived, await api.updateSettings({ onlineTiles }));
      setReloadNeeded(true);
    } catch (error) {
      update(store, 'host', noticeShown, `Settings not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <details className="settings">
      <summary>Settings</summary>
      <div className="settings-body">
        <label className="check">
          <input type="checkbox" checked={settings.onlineTiles && !browser} disabled={browser} onChange={(e) => void change(e.target.checked)} />
          Online map tiles from <code>{settings.tileUrl.replace(/^https:\/\//, '').split('/')[0]}</code>
        </label>
        <p className="hint">
          {browser
            ? 'Not available in the browser build: its content policy allows no tile server. The map works offline from the built-in outlines.'
            : 'Off by default: nothing is fetched from outside until you turn this on. Takes effect when the window reloads.'}
        </p>
        {reloadNeeded && !browser && (
          <button type="button" onClick={() => window.location.reload()}>
            Reload now
          </button>
        )}
      </div>
    </details>
  );
}
