// A stand-in for the `electron` module: the binary cannot run here, so tests hand this to
// runMain and read back what the main process asked of Electron.
import { pathToFileURL } from 'node:url';
import type { RendererIpc } from '../../preload/index.js';
import type {
  ElectronSurface,
  FrameSurface,
  HeadersListener,
  InvokeEventSurface,
  MenuItemSurface,
  NotificationOptions,
  PreventableEvent,
  WindowOptions,
} from '../electron-surface.js';

// Parameters typed `never` so any specific Electron listener fits; called with what is emitted.
type Listener = (...args: never[]) => unknown;
type Callable = (...args: unknown[]) => unknown;

class Listeners {
  private readonly map = new Map<string, Listener[]>();

  add(event: string, listener: Listener, once = false): void {
    const wrapped: Listener = once
      ? (...args: never[]) => {
          this.remove(event, wrapped);
          return listener(...args);
        }
      : listener;
    this.map.set(event, [...(this.map.get(event) ?? []), wrapped]);
  }

  remove(event: string, listener: Listener): void {
    this.map.set(
      event,
      (this.map.get(event) ?? []).filter((l) => l !== listener),
    );
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.map.get(event) ?? []) (listener as Callable)(...args);
  }

  count(event: string): number {
    return this.map.get(event)?.length ?? 0;
  }
}

export class StandInEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

export class StandInWebContents {
  readonly id = nextContentsId++;
  readonly mainFrame: { url: string; processId: number; routingId: number };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Listeners();
  /** ipcRenderer.on listeners of the page inside, reached by send(). */
  readonly rendererListeners = new Listeners();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  destroyed = false;

  constructor() {
    this.mainFrame = { url: 'about:blank', processId: 4, routingId: this.id };
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    this.rendererListeners.emit(channel, { senderId: 0 }, ...args);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  on(event: string, listener: Listener): this {
    this.listeners.add(event, listener);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** An IPC event as Electron would build it for a message from `frame` (default: main). */
  invokeEvent(frame: FrameSurface = this.mainFrame): InvokeEventSurface {
    return { sender: { id: this.id }, senderFrame: frame };
  }
}

export class StandInWindow {
  readonly webContents = new StandInWebContents();
  readonly listeners = new Listeners();
  loadedFile: string | null = null;
  visible = false;
  focused = false;
  destroyed = false;
  title: string;
  progress: number[] = [];

  constructor(readonly options: WindowOptions) {
    this.title = options.title;
  }

  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.mainFrame.url = pathToFileURL(path).href;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setProgressBar(progress: number): void {
    this.progress.push(progress);
  }
  once(event: string, listener: Listener): this {
    this.listeners.add(event, listener, true);
    return this;
  }
  on(event: string, listener: Listener): this {
    this.listeners.add(event, listener);
    return this;
  }

  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.listeners.emit('closed');
  }
}

export class StandInTray {
  tooltip = '';
  menu: MenuItemSurface[] = [];
  destroyed = false;
  readonly listeners = new Listeners();

  constructor(readonly iconPath: string) {}

  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: object | null): void {
    this.menu = (menu as { template?: MenuItemSurface[] } | null)?.template ?? [];
  }
  on(event: string, listener: Listener): this {
    this.listeners.add(event, listener);
    return this;
  }
  destroy(): void {
    this.destroyed = true;
  }

  item(label: RegExp): MenuItemSurface {
    const found = this.menu.find((entry) => entry.label !== undefined && label.test(entry.label));
    if (!found) throw new Error(`no tray menu item ${String(label)}`);
    return found;
  }
}

export interface StandInElectron extends ElectronSurface {
  /** Everything notable, in order: 'quit', 'exit 0', 'shutdown' (pushed by tests) ... */
  readonly calls: string[];
  readonly windows: StandInWindow[];
  readonly trays: StandInTray[];
  readonly notifications: NotificationOptions[];
  readonly ipcHandlers: Map<string, (event: InvokeEventSurface, ...args: unknown[]) => unknown>;
  readonly sessionState: {
    headersListener: HeadersListener | null;
    permissionRequest:
      ((contents: unknown, permission: string, cb: (ok: boolean) => void) => void) | null;
    permissionCheck: (() => boolean) | null;
  };
  /** The ipcRenderer of the page in `window`, wired to the handlers and to send(). */
  rendererIpc(window: StandInWindow): RendererIpc;
  /** Fires an app event; returns the event object so tests can see preventDefault. */
  emitApp(event: string, ...args: unknown[]): StandInEvent;
  appListenerCount(event: string): number;
  /** Set false to act as a second instance. */
  singleInstanceLock: boolean;
}

export function createElectronStandIn(): StandInElectron {
  const appListeners = new Listeners();
  const calls: string[] = [];
  const windows: StandInWindow[] = [];
  const trays: StandInTray[] = [];
  const notifications: NotificationOptions[] = [];
  const ipcHandlers: StandInElectron['ipcHandlers'] = new Map();
  const sessionState: StandInElectron['sessionState'] = {
    headersListener: null,
    permissionRequest: null,
    permissionCheck: null,
  };

  const emitApp = (event: string, ...args: unknown[]): StandInEvent => {
    const preventable = new StandInEvent();
    appListeners.emit(event, preventable, ...args);
    return preventable;
  };

  class BrowserWindow extends StandInWindow {
    constructor(options: WindowOptions) {
      super(options);
      windows.push(this);
      appListeners.emit('web-contents-created', new StandInEvent(), this.webContents);
    }
  }

  class Tray extends StandInTray {
    constructor(iconPath: string) {
      super(iconPath);
      trays.push(this);
    }
  }

  class Notification {
    static isSupported(): boolean {
      return true;
    }
    constructor(private readonly options: NotificationOptions) {}
    show(): void {
      notifications.push(this.options);
    }
  }

  const standIn: StandInElectron = {
    calls,
    windows,
    trays,
    notifications,
    ipcHandlers,
    sessionState,
    emitApp,
    rendererIpc: (window) => ({
      invoke(channel, ...args) {
        const handler = ipcHandlers.get(channel);
        if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
        return Promise.resolve(handler(window.webContents.invokeEvent(), ...args));
      },
      on(channel, listener) {
        window.webContents.rendererListeners.add(channel, listener);
      },
      removeListener(channel, listener) {
        window.webContents.rendererListeners.remove(channel, listener);
      },
    }),
    appListenerCount: (event) => appListeners.count(event),
    singleInstanceLock: true,
    app: {
      requestSingleInstanceLock: () => standIn.singleInstanceLock,
      whenReady: () => Promise.resolve(),
      on(event: string, listener: Listener) {
        appListeners.add(event, listener);
        return this;
      },
      quit() {
        calls.push('quit');
        // Electron asks before-quit listeners first; one of them may hold the quit back.
        emitApp('before-quit');
      },
      exit(code = 0) {
        calls.push(`exit ${code}`);
      },
    },
    BrowserWindow,
    ipcMain: {
      handle(channel, listener) {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, listener);
      },
      removeHandler(channel) {
        ipcHandlers.delete(channel);
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived(listener) {
            sessionState.headersListener = listener;
          },
        },
        setPermissionRequestHandler(handler) {
          sessionState.permissionRequest = handler;
        },
        setPermissionCheckHandler(handler) {
          sessionState.permissionCheck = handler;
        },
      },
    },
    Menu: { buildFromTemplate: (template) => ({ template }) },
    Tray,
    Notification,
  };
  return standIn;
}
