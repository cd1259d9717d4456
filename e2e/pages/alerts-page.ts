import { expect, type Locator } from '@playwright/test';
import { PanelPage } from './panel-page.js';

export interface AlertFilter {
  kind?: string;
  severity?: 'info' | 'warning' | 'critical';
  acknowledged?: boolean;
}

export class AlertsPage extends PanelPage {
  async open(): Promise<void> {
    await this.goto('#/alerts');
    await expect(this.page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  }

  items(filter: AlertFilter = {}): Locator {
    const parts = ['li[data-alert-id]'];
    if (filter.kind) parts.push(`[data-kind="${filter.kind}"]`);
    if (filter.severity) parts.push(`[data-severity="${filter.severity}"]`);
    if (filter.acknowledged !== undefined)
      parts.push(`[data-acknowledged="${filter.acknowledged}"]`);
    return this.page.locator('main').locator(parts.join(''));
  }

  item(id: string): Locator {
    return this.page.locator(`main li[data-alert-id="${id}"]`);
  }

  async message(item: Locator): Promise<string> {
    return (await item.locator('.alert-message').textContent()) ?? '';
  }

  acknowledgeButton(message: string): Locator {
    return this.page.getByRole('button', { name: `Acknowledge: ${message}`, exact: true });
  }

  get acknowledgeAllButton(): Locator {
    return this.page.getByRole('button', { name: 'Acknowledge all', exact: true });
  }

  /** The badge's count: 0 when the badge is not shown. */
  async unacknowledgedCount(): Promise<number> {
    if ((await this.alertBadge.count()) === 0) return 0;
    return Number(await this.alertBadge.getAttribute('data-unacknowledged'));
  }
}
