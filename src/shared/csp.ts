/**
 * The Content-Security-Policy of the app, built in one place for both hosts: the Electron main
 * process sends it as a response header for every page it serves (so it can follow the user's
 * settings), the browser build writes it into index.html as a meta tag at build time.
 *
 * Strict by default: scripts, styles, workers and fetches from the app's own origin only, nothing
 * remote. A map tile host is allowed only when the user turns online tiles on (`tileOrigins`).
 */

export interface CspOptions {
  /** Origins such as `https://tile.openstreetmap.org` (or `https://*.tile.example.org`) images may come from. */
  readonly tileOrigins?: readonly string[];
  /** Vite's dev server injects inline styles and talks over a websocket; never set in a build. */
  readonly dev?: boolean;
  /**
   * Whether the policy goes in a `<meta>` tag, where browsers ignore (and warn about)
   * `frame-ancestors`; headers carry it.
   */
  readonly meta?: boolean;
}

const ORIGIN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/i;

/** The policy string. Throws when a tile origin is not a plain https origin (it would widen the policy). */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const tiles = options.tileOrigins ?? [];
  for (const origin of tiles) {
    if (!ORIGIN.test(origin)) throw new Error(`CSP tile origin '${origin}' is not an https origin such as https://tile.example.org`);
  }
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    // Vite's dev server injects <style> elements; a build links CSS files only.
    ['style-src', "'self'", ...(options.dev ? ["'unsafe-inline'"] : [])],
    // data: and blob: for images made in the page (Leaflet's small icons are inlined by the bundler).
    ['img-src', "'self'", 'data:', 'blob:', ...tiles],
    ['font-src', "'self'"],
    // The browser build fetches its built data files from the site; dev adds the HMR websocket.
    ['connect-src', "'self'", ...(options.dev ? ['ws:'] : [])],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ...(options.meta ? [] : [['frame-ancestors', "'none'"] as [string, ...string[]]]),
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Longest tile URL template accepted (a real one is under 100 characters). */
export const TILE_URL_MAX = 500;

/**
 * Why `template` is not a tile URL template the app can use, or null when it is: an https URL
 * whose host gives a plain origin for the CSP (a leading `{s}.` becomes `*.`), with `{z}`, `{x}`
 * and `{y}` for the map, and no characters that would end a CSP source or an HTML attribute. The
 * one check behind both the settings schema (src/shared/ipc-schemas.ts) and `tileOriginOf`, so a
 * setting that was accepted can always be turned into a policy.
 */
export function tileUrlProblem(template: string): string | null {
  if (template.length > TILE_URL_MAX) return `tile URL is ${template.length} characters; at most ${TILE_URL_MAX}`;
  const match = /^https:\/\/([^/]+)\//i.exec(template);
  if (!match) return `tile URL '${template}' must start with https:// and a host`;
  const origin = `https://${match[1]!.replace(/^\{[a-z]\}\./i, '*.').toLowerCase()}`;
  if (!ORIGIN.test(origin)) return `tile URL '${template}' has an unusable host '${match[1]}'`;
  if (/[\s"'<>\\;,`]/.test(template)) return `tile URL '${template}' has a character a URL template cannot have (space, quote, <, >, \\, ;, comma or backquote)`;
  for (const part of ['{z}', '{x}', '{y}']) {
    if (!template.includes(part)) return `tile URL '${template}' has no ${part} (a template looks like https://tile.example.org/{z}/{x}/{y}.png)`;
  }
  return null;
}

/**
 * The origin a tile URL template loads from: `https://{s}.tile.example.org/{z}/{x}/{y}.png` gives
 * `https://*.tile.example.org`. Throws, saying why, for a template `tileUrlProblem` refuses.
 */
export function tileOriginOf(template: string): string {
  const problem = tileUrlProblem(template);
  if (problem !== null) throw new Error(problem);
  const host = /^https:\/\/([^/]+)\//i.exec(template)![1]!;
  return `https://${host.replace(/^\{[a-z]\}\./i, '*.').toLowerCase()}`;
}
