import { describe, expect, it } from 'vitest';
import { GrantedPaths } from '../../src/main/grants';

describe('granted files', () => {
  it('grants a picked scenario and the absolute data paths it names, nothing else', () => {
    const grants = new GrantedPaths();
    const heard: (readonly string[])[] = [];
    grants.subscribe((files) => heard.push(files));
    grants.grantScenario('/home/u/s.json', {
      areas: { source: '/home/u/areas.geojson' },
      demand: { pointsSource: '/home/u/points.json' },
      network: { source: 'relative.osm.pbf' },
      stations: [{ source: '/home/u/not-a-source-field.json' }],
    });
    expect(grants.current()).toEqual(['/home/u/s.json', '/home/u/areas.geojson', '/home/u/points.json']);
    expect(grants.has('/home/u/points.json')).toBe(true);
    expect(grants.has('/home/u/./points.json'), 'compared after resolving').toBe(true);
    expect(grants.has('/home/u/not-a-source-field.json')).toBe(false);
    expect(grants.has('/home/u'), 'a file grants not its folder').toBe(false);
    expect(grants.has('/etc/passwd')).toBe(false);
    expect(heard.at(-1), 'subscribers get the whole list').toEqual(grants.current());
  });

  it('counts the recent list, read on every check', () => {
    let recent: string[] = ['/r/a.json'];
    const grants = new GrantedPaths(() => recent);
    expect(grants.has('/r/a.json')).toBe(true);
    recent = [];
    expect(grants.has('/r/a.json'), 'cleared from the recent list').toBe(false);
  });

  it('stops telling a subscriber that unsubscribed', () => {
    const grants = new GrantedPaths();
    const heard: (readonly string[])[] = [];
    const stop = grants.subscribe((files) => heard.push(files));
    grants.grant('/a');
    stop();
    grants.grant('/b');
    expect(heard).toEqual([['/a']]);
  });
});
