// Small verbs over the VS Code web workbench (selectors verified on code-server 4.139.1 / VS Code 1.139.1).
// Every wait has a deadline; nothing sleeps for a fixed time.

const WAIT_MS = 30_000;

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async ready() {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: WAIT_MS });
  }

  explorerRow(name) {
    return this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  }

  async openFile(name) {
    await this.showExplorer();
    await this.explorerRow(name).click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: WAIT_MS });
    await this.page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: WAIT_MS });
  }

  async showExplorer() {
    if (await this.page.locator('.explorer-folders-view').isVisible()) return;
    await this.page.keyboard.press('Control+Shift+E');
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: WAIT_MS });
  }

  /** Error and warning counts from the status bar's problems item. */
  async problemCounts() {
    const text = (await this.page.locator('[id="status.problems"]').textContent()) ?? '';
    const [errors = 0, warnings = 0] = text.trim().split(/\s+/).map(Number);
    return { errors, warnings };
  }

  async waitForErrors(min = 1) {
    await this.page.waitForFunction((n) => {
      const text = document.querySelector('[id="status.problems"]')?.textContent ?? '';
      return Number(text.trim().split(/\s+/)[0] || 0) >= n;
    }, min, { timeout: WAIT_MS });
  }

  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: WAIT_MS });
    await this.page.keyboard.press('Enter');
  }

  /** Picks an entry in an open quick pick (or types free text into an input box and accepts it). */
  async pick(text) {
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
    await row.waitFor({ timeout: WAIT_MS });
    await row.click();
  }

  async quickInputVisible() {
    return this.page.locator('.quick-input-widget').isVisible();
  }

  async acceptInput(value) {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: WAIT_MS });
    if (value !== undefined) await input.fill(value);
    await this.page.keyboard.press('Enter');
  }

  /** Opens the Profile Studio activity-bar container. */
  async showProfileStudio() {
    const view = this.page.locator('.pane-header', { hasText: /tenants/i }).first();
    if (await view.isVisible()) return;
    await this.page.locator('.activitybar [aria-label^="Profile Studio"]').first().click();
    await view.waitFor({ timeout: WAIT_MS });
  }

  treeRow(label) {
    return this.page.locator('.sidebar .monaco-list-row', { hasText: label }).first();
  }

  /** Expands a collapsed tree row (clicking the twistie would toggle an expanded one closed). */
  async expand(label) {
    const row = this.treeRow(label);
    await row.waitFor({ timeout: WAIT_MS });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await this.page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: WAIT_MS });
  }

  async contextMenu(row, item) {
    await row.click({ button: 'right' });
    const entry = this.page.locator('.context-view .action-item', { hasText: item }).first();
    await entry.waitFor({ timeout: WAIT_MS });
    await entry.click();
  }

  /** Clicks a button in a modal dialog (VS Code's HTML dialog in the web UI). */
  async confirmDialog(button, expectText) {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: WAIT_MS });
    const text = (await dialog.textContent()) ?? '';
    if (expectText && !text.includes(expectText)) throw new Error(`dialog does not mention "${expectText}": ${text}`);
    await dialog.locator('.monaco-button', { hasText: button }).first().click();
    await dialog.waitFor({ state: 'detached', timeout: WAIT_MS });
    return text;
  }

  /** Text of notification toasts currently shown (empty when the smoke-test driver hides them). */
  async toasts() {
    return this.page.locator('.notifications-toasts .notification-list-item').allTextContents();
  }

  async waitForToast(pattern) {
    const toast = this.page.locator('.notifications-toasts .notification-list-item', { hasText: pattern }).first();
    await toast.waitFor({ timeout: WAIT_MS });
    return (await toast.textContent()) ?? '';
  }
}

/** Polls `fn` until it returns a truthy value or the deadline passes. */
export async function eventually(fn, what, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
