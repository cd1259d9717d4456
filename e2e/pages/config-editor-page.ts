// The workers.yaml editor as an operator sees it: the worker list, each worker's form, the
// preview, Save and Apply, and the banner about the file on disk.
import { expect, type Locator, type Page } from '@playwright/test';

export type PlanPart = 'start' | 'stop' | 'restart' | 'unchanged' | 'keptStopped';

export class ConfigEditorPage {
  /** `url` is the address serve printed, token included. */
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.url}#/config`);
    await expect(this.page.getByRole('heading', { name: 'Configuration', level: 1 })).toBeVisible();
    await expect(this.page.locator('[data-config-worker]').first()).toBeVisible();
  }

  /** The form of the worker with this id (shown once the worker is selected). */
  worker(id: string): Locator {
    return this.page.locator(`[data-config-worker="${id}"]`);
  }

  /** The form of the worker at this place in the file, whatever its id is at the moment. */
  workerAt(index: number): Locator {
    return this.page.locator(`[data-config-index="${index}"]`);
  }

  async selectWorker(id: string): Promise<Locator> {
    await this.page.locator(`[data-worker-item="${id}"]`).click();
    await expect(this.worker(id)).toBeVisible();
    return this.worker(id);
  }

  /** An input of a worker's form by its name in workers.yaml, e.g. `health_check.tcp.port`. */
  field(id: string, name: string): Locator {
    return this.worker(id).getByLabel(name, { exact: true });
  }

  /** The inputs of a list field such as `args`, in order. */
  listItems(id: string, name: string): Locator {
    return this.worker(id).getByRole('group', { name, exact: true }).getByRole('textbox');
  }

  async addListItem(id: string, name: string, value: string): Promise<void> {
    const items = this.listItems(id, name);
    const count = await items.count();
    await this.worker(id)
      .getByRole('button', { name: `Add to ${name}`, exact: true })
      .click();
    await items.nth(count).fill(value);
  }

  /** The problem shown beside the field at this dotted path from the top of the file. */
  fieldError(path: string): Locator {
    return this.page.locator(`[data-field-error="${path}"]`);
  }

  get problemSummary(): Locator {
    return this.page.locator('.problem-summary');
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save', exact: true });
  }

  async save(): Promise<void> {
    await expect(this.saveButton).toBeEnabled();
    await this.saveButton.click();
    await expect(this.page.locator('[data-save-state="clean"]')).toBeVisible();
  }

  async addWorker(kind: 'process' | 'module'): Promise<void> {
    await this.page.getByLabel('Type of the new worker').selectOption(kind);
    await this.page.getByRole('button', { name: 'Add worker', exact: true }).click();
  }

  /** The text a save writes, as the YAML tab shows it. */
  async previewText(): Promise<string> {
    await this.page.getByRole('tab', { name: 'YAML' }).click();
    const text = (await this.page.locator('[data-yaml-preview]').textContent()) ?? '';
    await this.page.getByRole('tab', { name: /^Changes/ }).click();
    return text;
  }

  diffLines(kind: 'added' | 'removed'): Locator {
    return this.page.locator(`[data-diff="${kind}"]`);
  }

  /** Apply: returns the plan shown for review, before confirming. */
  async openApplyPlan(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click();
    const plan = this.page.getByRole('region', { name: 'Apply plan' });
    await expect(plan).toBeVisible();
    return plan;
  }

  async planIds(scope: Locator, part: PlanPart): Promise<string[]> {
    return scope.locator(`[data-plan="${part}"] [data-plan-id]`).allTextContents();
  }

  async confirmApply(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Confirm apply', exact: true }).click();
    const outcome = this.page.locator('[data-apply-outcome]');
    await expect(outcome).toBeVisible();
    return outcome;
  }

  get diskBanner(): Locator {
    return this.page.locator('[data-disk-changed]');
  }

  /** The problems of the file on disk, each as `FILE:LINE:COL message`. */
  get fileErrors(): Locator {
    return this.page.locator('[data-file-error]');
  }
}
