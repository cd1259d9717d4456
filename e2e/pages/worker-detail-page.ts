import { expect, type Locator } from '@playwright/test';
import { PanelPage } from './panel-page.js';

export type ChartName = 'health' | 'CPU' | 'Memory';

export class WorkerDetailPage extends PanelPage {
  private id = '';

  async open(id: string): Promise<void> {
    this.id = id;
    await this.goto(`#/workers/${encodeURIComponent(id)}`);
    await expect(this.root).toBeVisible();
  }

  get root(): Locator {
    return this.page.locator(`[data-worker-detail="${this.id}"]`);
  }

  /** The state badge beside the heading. */
  get state(): Locator {
    return this.root.locator('.detail-header [data-state]');
  }

  /** A diagnostics field's value, e.g. field('processId'). */
  field(name: string): Locator {
    return this.root.locator(`[data-field="${name}"] dd`);
  }

  chart(name: ChartName): Locator {
    return this.root.locator(`[data-chart="${name}"]`);
  }

  get failedHealthDots(): Locator {
    return this.chart('health').locator('[data-failed]');
  }

  get log(): Locator {
    return this.page.locator(`[role="log"][data-log-worker="${this.id}"]`);
  }

  get logLines(): Locator {
    return this.log.locator('.log-line[data-stream][data-seq]');
  }

  /** The text part of the log lines (without time and stream marker). */
  logText(stream?: 'stdout' | 'stderr' | 'system'): Locator {
    const lines = stream ? this.log.locator(`.log-line[data-stream="${stream}"]`) : this.logLines;
    return lines.locator('.log-text');
  }

  /** Timeline entries, newest first; `to` narrows to transitions into that state. */
  transitions(to?: string): Locator {
    return this.root.locator(to ? `li[data-transition-to="${to}"]` : 'li[data-transition-to]');
  }
}
