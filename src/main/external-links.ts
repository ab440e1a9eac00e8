/**
 * The only web pages the app opens in the user's browser (`shell.openExternal`): the attribution
 * and licence pages of the data it shows (src/renderer/map/attribution.ts, the data README's
 * "Attribution to show"). A page that asks to open anything else is ignored: a compromised or
 * confused page cannot send the user to a site of its choosing.
 */

/** Exact addresses (as `new URL(x).href` prints them). */
export const EXTERNAL_LINKS: readonly string[] = [
  // OpenStreetMap data (police bases, roads), linked from the map's credits
  'https://www.openstreetmap.org/copyright',
  // ODbL 1.0, the licence of OpenStreetMap-derived data
  'https://opendatacommons.org/licenses/odbl/1-0/',
  // Open Government Licence v3.0 (boundaries, ONS statistics, DfT Major Road Network) and v2.0 (recorded crime)
  'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/',
];

/**
 * Whether `url` is one of EXTERNAL_LINKS (a `#fragment` may be added; nothing else may differ:
 * no other scheme, host, path, query, user name or port).
 */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  parsed.hash = '';
  return EXTERNAL_LINKS.includes(parsed.href);
}
