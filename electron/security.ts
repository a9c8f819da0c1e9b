/**
 * The renderer's security settings, shared by Electron's main process, the
 * browser-mode HTTP server and the renderer build (which writes the policy
 * into index.html). No electron import: tests and plain Node load this file.
 */

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Mantine 9 renders <style> elements (CSS variables, color scheme, InlineStyles)
  // and style attributes; a static file:// page has no per-load nonce to give them.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy sent as a header (browser mode, and Electron's webRequest where it applies). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/**
 * The same policy for a <meta http-equiv> tag, which is what actually applies
 * to a file:// page. frame-ancestors is left out: browsers ignore it in a meta
 * tag and log an error about it.
 */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

export interface SecureWebPreferences {
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
  readonly preload: string;
}

/** The only webPreferences a Counter window is created with. */
export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    preload: preloadPath,
  };
}

/**
 * A window may only ever show the app itself: for a file:// app exactly its
 * index.html (any query or #route), for an http app its own origin. Anything
 * that does not parse is refused.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const target = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return target.protocol === app.protocol && target.origin === app.origin;
  }
  return false;
}

/**
 * An IPC message is served only when the frame that sent it shows the app's
 * own page. A frame that is gone (null) or anything else is refused.
 */
export function isTrustedSender(senderUrl: string | null | undefined, appUrl: string): boolean {
  if (typeof senderUrl !== 'string' || senderUrl === '') return false;
  return isAllowedNavigation(senderUrl, appUrl);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
