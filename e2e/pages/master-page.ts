import { expect, type Locator } from '@playwright/test';
import { PanelPage } from './panel-page.js';

export class MasterPage extends PanelPage {
  async open(): Promise<void> {
    await this.goto('#/master');
    await expect(this.page.getByRole('heading', { name: 'Master', level: 1 })).toBeVisible();
  }

  /** A master figure's value, e.g. field('pid'). */
  field(name: string): Locator {
    return this.page.locator(`main [data-field="${name}"] dd`);
  }

  chart(title: 'Resident memory' | 'Heap used'): Locator {
    return this.page.locator(`main [data-chart="${title}"]`);
  }
}
