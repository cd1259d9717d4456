// What every view of the control panel shares: opening a route, the navigation and the
// connection banner.
import type { Locator, Page } from '@playwright/test';

export type NavView = 'workers' | 'alerts' | 'master' | 'config';

export class PanelPage {
  /** `url` is the address serve printed, token included. */
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  /** Loads the panel at a hash route such as `#/alerts`. */
  async goto(hash: string): Promise<void> {
    await this.page.goto(`${this.url}${hash}`);
  }

  navLink(view: NavView): Locator {
    return this.page.locator(`a[data-nav="${view}"]`);
  }

  /** The unacknowledged-alerts badge in the navigation; absent when the count is zero. */
  get alertBadge(): Locator {
    return this.navLink('alerts').locator('[data-unacknowledged]');
  }

  get connection(): Locator {
    return this.page.locator('[role="status"][aria-label="Connection"]');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
