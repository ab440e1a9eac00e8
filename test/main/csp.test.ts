import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, tileOriginOf } from '../../src/shared/csp';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('Content-Security-Policy', () => {
  it('allows only the app itself by default', () => {
    const csp = contentSecurityPolicy();
    expect(directive(csp, 'default-src')).toBe("default-src 'none'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'style-src')).toBe("style-src 'self'");
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob:");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp, 'never unsafe-eval or unsafe-inline').not.toMatch(/unsafe/);
  });

  it('adds a tile origin to img-src only', () => {
    const csp = contentSecurityPolicy({ tileOrigins: ['https://tile.openstreetmap.org'] });
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
  });

  it('refuses a tile origin that would widen the policy', () => {
    for (const bad of ['*', 'http://tile.example.org', "https://x.org 'unsafe-inline'", 'https://x.org/path', 'https:']) {
      expect(() => contentSecurityPolicy({ tileOrigins: [bad] }), bad).toThrow('is not an https origin');
    }
  });

  it('leaves frame-ancestors out of a meta tag, where browsers ignore it', () => {
    expect(contentSecurityPolicy({ meta: true })).not.toContain('frame-ancestors');
  });

  it('relaxes styles and websockets for the dev server only', () => {
    const csp = contentSecurityPolicy({ dev: true });
    expect(directive(csp, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' ws:");
  });

  it('derives the origin of a tile URL template', () => {
    expect(tileOriginOf('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileOriginOf('https://{s}.tile.example.org:8443/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org:8443');
    expect(() => tileOriginOf('http://tile.example.org/{z}/{x}/{y}.png')).toThrow('must start with https://');
    expect(() => tileOriginOf('https://bad host/{z}')).toThrow('unusable host');
  });
});
