// The tray icon: how many workers run and how many failed, with quick actions.
import type { Logger } from 'pino';
import type { Router } from '../api/router.js';
import type { ElectronSurface, TraySurface } from './electron-surface.js';
import { describeCounts, type WorkerTally } from './worker-tally.js';

export interface PanelTrayOptions {
  electron: Pick<ElectronSurface, 'Tray' | 'Menu'>;
  iconPath: string;
  router: Router;
  tally: WorkerTally;
  showWindow: () => void;
  quit: () => void;
  logger: Logger;
}

export class PanelTray {
  private readonly tray: TraySurface;
  private lastText = '';

  constructor(private readonly options: PanelTrayOptions) {
    this.tray = new options.electron.Tray(options.iconPath);
    this.tray.on('click', options.showWindow);
    this.refresh();
  }

  /** Rebuilds the tooltip and menu when the counts changed. */
  refresh(): void {
    const text = describeCounts(this.options.tally.counts());
    if (text === this.lastText) return;
    this.lastText = text;
    const { Menu } = this.options.electron;
    this.tray.setToolTip(`HSU Master: ${text}`);
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: `Workers: ${text}`, enabled: false },
        { type: 'separator' },
        { label: 'Show panel', click: this.options.showWindow },
        { label: 'Start all workers', click: () => void this.startAll() },
        { label: 'Stop all workers', click: () => void this.stopAll() },
        { type: 'separator' },
        { label: 'Quit', click: this.options.quit },
      ]),
    );
  }

  destroy(): void {
    this.tray.destroy();
  }

  async startAll(): Promise<void> {
    const idle = this.options.tally.summaries().filter((w) => !isBusy(w.state));
    await this.each(
      'workers.start',
      idle.map((w) => w.id),
    );
  }

  async stopAll(): Promise<void> {
    const busy = this.options.tally.summaries().filter((w) => isBusy(w.state));
    await this.each(
      'workers.stop',
      busy.map((w) => w.id),
    );
  }

  private async each(method: 'workers.start' | 'workers.stop', ids: string[]): Promise<void> {
    const results = await Promise.all(ids.map((id) => this.options.router.call(method, { id })));
    results.forEach((result, i) => {
      if (!result.ok) {
        this.options.logger.warn({ worker: ids[i], error: result.error }, `tray: ${method} failed`);
      }
    });
  }
}

function isBusy(state: string): boolean {
  return state === 'running' || state === 'starting' || state === 'backoff';
}
