import { describe, expect, it } from 'vitest';
import { fileOpened, initialHostState, noticeShown, versionFailed, versionReceived } from '../../../src/renderer/store/host-slice';

const version = { app: '1', sim: '2', host: 'browser', workers: 1 } as const;

describe('host slice updaters', () => {
  it('a version clears an earlier failure, a failure clears the version', () => {
    const failed = versionFailed(initialHostState, 'no worker');
    expect(failed).toMatchObject({ version: null, versionError: 'no worker' });
    expect(versionReceived(failed, version)).toMatchObject({ version, versionError: null });
    expect(versionFailed(versionReceived(initialHostState, version), 'gone')).toMatchObject({ version: null, versionError: 'gone' });
  });

  it('opening a file clears the last notice', () => {
    const noticed = noticeShown(initialHostState, 'bad file');
    expect(fileOpened(noticed, { path: '/a.json', name: 'a.json', raw: {} })).toMatchObject({ notice: null, openedFile: { name: 'a.json' } });
  });

  it('leaves the state it was given untouched', () => {
    const before = JSON.stringify(initialHostState);
    versionReceived(initialHostState, version);
    noticeShown(initialHostState, 'x');
    expect(JSON.stringify(initialHostState)).toBe(before);
  });
});
