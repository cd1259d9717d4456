import { expect, type Locator } from '@playwright/test';
import { PanelPage } from './panel-page.js';

export type RowAction = 'Start' | 'Stop' | 'Restart' | 'Force restart';

/** Every distinct value a row showed, in order, while it was being recorded. */
export interface RowHistory {
  states: string[];
  restarts: string[];
}

type RecordedRow = HTMLElement & { recordedHistory?: RowHistory };

export class WorkersPage extends PanelPage {
  async open(): Promise<void> {
    await this.goto('#/workers');
    await expect(this.table).toBeVisible();
  }

  get table(): Locator {
    return this.page.locator('table[aria-label="Workers"]');
  }

  row(id: string): Locator {
    return this.table.locator(`tr[data-worker-id="${id}"]`);
  }

  stateCell(id: string): Locator {
    return this.row(id).locator('td[data-state]');
  }

  cell(id: string, column: 'pid' | 'uptime' | 'restarts' | 'cpu' | 'memory'): Locator {
    return this.row(id).locator(`td[data-column="${column}"]`);
  }

  health(id: string): Locator {
    return this.row(id).locator('[data-health]');
  }

  button(id: string, action: RowAction): Locator {
    return this.row(id).getByRole('button', { name: `${action} ${id}`, exact: true });
  }

  async expectState(id: string, state: string, timeout?: number): Promise<void> {
    await expect(this.stateCell(id)).toHaveAttribute('data-state', state, { timeout });
  }

  /** The pid shown in the row, or null when the cell shows none. */
  async pid(id: string): Promise<number | null> {
    const text = (await this.cell(id, 'pid').textContent())?.trim() ?? '';
    return /^\d+$/.test(text) ? Number(text) : null;
  }

  /** Waits until the row shows a pid other than `previous`, and returns it. */
  async waitForNewPid(id: string, previous: number | null, timeout = 15_000): Promise<number> {
    const seen: { pid: number | null } = { pid: null };
    await expect
      .poll(
        async () => {
          seen.pid = await this.pid(id);
          return seen.pid !== null && seen.pid !== previous;
        },
        { message: `a new pid for ${id} (was ${previous})`, timeout },
      )
      .toBe(true);
    return seen.pid ?? -1;
  }

  /**
   * Starts noting each state and restart count the row shows, as the page renders them, so a
   * spec can check a sequence without having to poll fast enough to catch each step.
   */
  async recordRow(id: string): Promise<() => Promise<RowHistory>> {
    await this.row(id).evaluate((row: RecordedRow) => {
      const history: RowHistory = { states: [], restarts: [] };
      const note = (): void => {
        const state = row.querySelector('td[data-state]')?.getAttribute('data-state') ?? '';
        const restarts = row.querySelector('td[data-column="restarts"]')?.textContent ?? '';
        if (history.states.at(-1) !== state) history.states.push(state);
        if (history.restarts.at(-1) !== restarts) history.restarts.push(restarts);
      };
      note();
      new MutationObserver(note).observe(row, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      row.recordedHistory = history;
    });
    return () =>
      this.row(id).evaluate(
        (row: RecordedRow) => row.recordedHistory ?? { states: [], restarts: [] },
      );
  }

  async restarts(id: string): Promise<number> {
    return Number((await this.cell(id, 'restarts').textContent())?.trim());
  }
}
