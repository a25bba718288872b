// Small verbs over the VS Code web workbench (selectors verified on code-server 4.139.1 / VS Code 1.139.1).
// Every wait has a deadline; nothing sleeps for a fixed time.

const WAIT_MS = 60_000;

export class Workbench {
  constructor(page) {
    this.page = page;
    page.setDefaultTimeout(WAIT_MS);
  }

  /** The workbench is up, the folder is listed and the extension's contributions have reached the UI. */
  async ready() {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: WAIT_MS });
    await this.page.locator('.activitybar [aria-label^="Profile Studio"]').first().waitFor({ timeout: WAIT_MS });
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
    await step(`pick "${text}"`, async () => {
      await row.waitFor({ timeout: WAIT_MS });
      await row.click();
    });
  }

  /** What the open quick input asks (placeholder, prompt, title), or undefined when none is open. */
  async quickInputPrompt() {
    const widget = this.page.locator('.quick-input-widget');
    if (!(await widget.isVisible())) return undefined;
    return widget.evaluate((w) => [w.querySelector('input')?.getAttribute('placeholder'), w.querySelector('.quick-input-message')?.textContent,
      w.querySelector('.quick-input-title')?.textContent].filter(Boolean).join(' | '));
  }

  /**
   * Answers a command's prompts: `answers` maps a pattern of the prompt to an action; runs until `done()`.
   * An unknown prompt fails the step instead of guessing.
   */
  async answerPrompts(answers, done, what) {
    let last;
    await eventually(async () => {
      if (await done()) return true;
      const prompt = await this.quickInputPrompt();
      if (!prompt || prompt === last) return false;
      const answer = answers.find(([re]) => re.test(prompt));
      if (!answer) throw new Error(`unexpected prompt: ${prompt}`);
      last = prompt;
      await answer[1]();
      return false;
    }, what, 2 * WAIT_MS);
  }

  /** Accepts the quick pick once its items are listed (Enter before that would cancel it). */
  async acceptPick() {
    await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ timeout: WAIT_MS });
    await this.page.keyboard.press('Enter');
  }

  async quickInputVisible() {
    return this.page.locator('.quick-input-widget').isVisible();
  }

  /** Types into the open quick input, accepts, and waits until it has closed (so keys go to the editor again). */
  async acceptInput(value) {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: WAIT_MS });
    if (value !== undefined) await input.fill(value);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  /** Moves the cursor to the end of a line (1-based) with Go to Line. */
  async goToLineEnd(line) {
    await this.page.keyboard.press('Control+g');
    await this.acceptInput(`:${line}`);
    await this.page.locator('.monaco-editor.focused').waitFor({ timeout: WAIT_MS });
    await this.page.keyboard.press('End');
  }

  /** Opens the Profile Studio activity-bar container (its one view, Tenants). */
  async showProfileStudio() {
    const tree = this.page.locator('[id="workbench.view.extension.profileStudio"] .monaco-list');
    if (await tree.isVisible()) return;
    await this.page.locator('.activitybar [aria-label^="Profile Studio"]').first().click();
    await tree.waitFor({ timeout: WAIT_MS });
  }

  /** A row of the Profile Studio tree by its label (the tree is virtual: only rows in view exist). */
  treeRow(label) {
    return this.page.locator('[id="workbench.view.extension.profileStudio"] .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) }).first();
  }

  async setExpanded(label, expanded) {
    const row = this.treeRow(label);
    await row.waitFor({ timeout: WAIT_MS });
    const want = String(expanded);
    if ((await row.getAttribute('aria-expanded')) !== want) await row.locator('.monaco-tl-twistie').click();
    await eventually(async () => (await row.getAttribute('aria-expanded')) === want, `"${label}" ${expanded ? 'expanded' : 'collapsed'}`);
  }

  expand(label) {
    return this.setExpanded(label, true);
  }

  /** The view's Collapse All button; then expands `path` one level at a time (rows of a long list may be out of view). */
  async collapseAllThenExpand(...path) {
    await step('Collapse All', () => this.page.locator('[id="workbench.parts.sidebar"] .title-actions .action-label[aria-label^="Collapse All"]').click());
    for (const label of path) await this.expand(label);
  }

  /** Labels of the rows directly under an expanded row, waiting until at least one has loaded. */
  async childrenOf(label) {
    return eventually(async () => {
      const rows = await this.page.locator('[id="workbench.view.extension.profileStudio"] .monaco-list-row').evaluateAll((els) =>
        els.map((e) => ({ level: Number(e.getAttribute('aria-level')), label: e.querySelector('.label-name')?.textContent ?? '' })));
      const at = rows.findIndex((r) => r.label === label);
      if (at < 0) return undefined;
      const children = [];
      for (const r of rows.slice(at + 1)) {
        if (r.level <= rows[at].level) break;
        if (r.level === rows[at].level + 1) children.push(r.label);
      }
      return children.length > 0 && !children.some((c) => /^Loading/.test(c)) ? children : undefined;
    }, `children of "${label}"`);
  }

  /** Opens a row's context menu and clicks `item`; reopens it while menu contributions are still arriving. */
  async contextMenu(row, item) {
    const entry = this.page.locator('.context-view .action-item', { hasText: item }).first();
    await eventually(async () => {
      await step('right-click', () => row.click({ button: 'right' }));
      if (await entry.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return true;
      await this.page.keyboard.press('Escape');
      return false;
    }, `context menu entry "${item}"`);
    await step(`context menu entry "${item}"`, () => entry.click());
    // A click that lands while the menu is still laying out can be lost (seen under load): the hovered entry is
    // then the focused one, and Enter runs it.
    const menu = this.page.locator('.context-view .monaco-menu');
    if (!(await menu.waitFor({ state: 'detached', timeout: 5_000 }).then(() => true, () => false))) {
      await entry.hover();
      await this.page.keyboard.press('Enter');
      await step(`context menu closing after "${item}"`, () => menu.waitFor({ state: 'detached', timeout: WAIT_MS }));
    }
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

  /** Clicks an action button on the toast that matches `pattern`. */
  async clickToastAction(pattern, button) {
    const toast = this.page.locator('.notifications-toasts .notification-list-item', { hasText: pattern }).first();
    await toast.locator('.monaco-button', { hasText: button }).first().click();
  }

  async waitForToast(pattern) {
    const toast = this.page.locator('.notifications-toasts .notification-list-item', { hasText: pattern }).first();
    await toast.waitFor({ timeout: WAIT_MS });
    return (await toast.textContent()) ?? '';
  }
}

/** Names the step in the error, so a failed scenario says what it was doing. */
async function step(what, fn) {
  try {
    return await fn();
  } catch (e) {
    throw new Error(`${what}: ${e.message.split('\n')[0]}`, { cause: e });
  }
}

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

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
