import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, isAllowedNavigation, isTrustedSender, secureWebPreferences } from './security.js';

const APP = 'file:///opt/Counter/resources/app.asar/dist/renderer/index.html';

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')] as const;
  }));
}

describe('the content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself, never inline or eval', () => {
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('allows inline styles, which Mantine injects, but nothing else inline', () => {
    expect(policy.get('style-src')).toBe("'self' 'unsafe-inline'");
  });

  it('lets the page talk only to its own origin and refuses plugins, base, forms and framing', () => {
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('img-src')).toBe("'self' data: blob:");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
  });

  it('is the same policy in the meta tag, without frame-ancestors which a meta tag cannot carry', () => {
    const meta = directives(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    for (const [name, value] of policy) if (name !== 'frame-ancestors') expect(meta.get(name)).toBe(value);
  });
});

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(secureWebPreferences('/app/dist/electron/preload.cjs')).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });
});

describe('isAllowedNavigation for a file:// app', () => {
  it('allows the app index itself, with a query or a #route', () => {
    expect(isAllowedNavigation(APP, APP)).toBe(true);
    expect(isAllowedNavigation(`${APP}#/payments`, APP)).toBe(true);
    expect(isAllowedNavigation(`${APP}?screen=till`, APP)).toBe(true);
  });

  it.each([
    ['another local file', 'file:///etc/passwd'],
    ['another page next to the index', 'file:///opt/Counter/resources/app.asar/dist/renderer/other.html'],
    ['a path that climbs out and back', 'file:///opt/Counter/resources/app.asar/dist/renderer/../../../../../etc/passwd'],
    ['an encoded name', 'file:///opt/Counter/resources/app.asar/dist/renderer/index%2Ehtml%2F..%2F..%2Fsecret'],
    ['the same path on a network share', 'file://evil-host/opt/Counter/resources/app.asar/dist/renderer/index.html'],
    ['a web page', 'https://example.com/'],
    ['a javascript: url', 'javascript:alert(1)'],
    ['a data: url', 'data:text/html,<script>alert(1)</script>'],
    ['a blob: url', 'blob:file:///0d7c5e34-2c1a-4d0e-8d2a-000000000000'],
    ['a custom scheme', 'counter-evil://index.html'],
    ['something that is not a url', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedNavigation(url, APP)).toBe(false);
  });
});

describe('isAllowedNavigation for an http app', () => {
  const HTTP_APP = 'http://127.0.0.1:4310/';

  it('allows any path on its own origin', () => {
    expect(isAllowedNavigation('http://127.0.0.1:4310/payments?x=1#y', HTTP_APP)).toBe(true);
  });

  it.each([
    ['another port', 'http://127.0.0.1:4311/'],
    ['localhost by name', 'http://localhost:4310/'],
    ['https on the same host', 'https://127.0.0.1:4310/'],
    ['a look-alike host', 'http://127.0.0.1.evil.example:4310/'],
    ['a local file', 'file:///etc/passwd'],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedNavigation(url, HTTP_APP)).toBe(false);
  });

  it('refuses everything when the app url itself is unusable', () => {
    expect(isAllowedNavigation(APP, 'nonsense')).toBe(false);
    expect(isAllowedNavigation('about:blank', 'about:blank')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only a frame that shows the app page', () => {
    expect(isTrustedSender(`${APP}#/login`, APP)).toBe(true);
    expect(isTrustedSender('https://example.com/', APP)).toBe(false);
    expect(isTrustedSender('about:blank', APP)).toBe(false);
  });

  it('refuses a frame that is gone or has no url', () => {
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender(undefined, APP)).toBe(false);
    expect(isTrustedSender('', APP)).toBe(false);
  });
});
