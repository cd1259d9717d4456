// Security settings every window and web contents gets: a locked-down renderer, a strict CSP,
// no navigation, no new windows, no permissions.
import type {
  ElectronSurface,
  SessionSurface,
  WebContentsSurface,
  WebPreferencesSurface,
} from './electron-surface.js';

/** The desktop panel talks over IPC only, so it needs no network access at all. */
export const DESKTOP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

export function secureWebPreferences(preload: string): WebPreferencesSurface {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function hardenSession(session: SessionSurface): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] },
    });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The panel is a single page: any navigation or new window is an attack or a mistake. */
export function guardContents(contents: WebContentsSurface): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function guardEveryContents(app: ElectronSurface['app']): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}
