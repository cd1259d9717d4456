// The part of Electron the main process touches, spelled out so that the real module and the
// test stand-in are checked against the same shape (index.ts passes the real one).

export interface PreventableEvent {
  preventDefault(): void;
}

export interface FrameSurface {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

export interface WebContentsSurface {
  readonly id: number;
  readonly mainFrame: FrameSurface;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface WebPreferencesSurface {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
}

export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  webPreferences: WebPreferencesSurface;
}

export interface WindowSurface {
  readonly webContents: WebContentsSurface;
  loadFile(path: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  setTitle(title: string): void;
  setProgressBar(progress: number): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export interface InvokeEventSurface {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameSurface | null;
}

export type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
) => void;

export interface SessionSurface {
  webRequest: { onHeadersReceived(listener: HeadersListener | null): void };
  setPermissionRequestHandler(
    handler:
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | null,
  ): void;
  setPermissionCheckHandler(handler: (() => boolean) | null): void;
}

export interface MenuItemSurface {
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
}

/** Opaque to the main process: only handed from one Electron call to another. */
export type MenuSurface = object;

export interface TraySurface {
  setToolTip(text: string): void;
  setContextMenu(menu: MenuSurface | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface NotificationOptions {
  title: string;
  body: string;
  urgency?: 'normal' | 'critical' | 'low';
}

export interface AppSurface {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'second-instance' | 'window-all-closed', listener: () => void): unknown;
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: WebContentsSurface) => void,
  ): unknown;
  quit(): void;
  exit(code?: number): void;
}

export interface ElectronSurface {
  app: AppSurface;
  BrowserWindow: new (options: WindowOptions) => WindowSurface;
  ipcMain: {
    handle(
      channel: string,
      listener: (event: InvokeEventSurface, ...args: unknown[]) => unknown,
    ): void;
    removeHandler(channel: string): void;
  };
  session: { defaultSession: SessionSurface };
  Menu: { buildFromTemplate(template: MenuItemSurface[]): MenuSurface };
  /** Takes the icon's file path; a missing file gives an empty icon rather than an error. */
  Tray: new (iconPath: string) => TraySurface;
  Notification: {
    new (options: NotificationOptions): { show(): void };
    isSupported(): boolean;
  };
}
