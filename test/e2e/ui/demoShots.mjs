// Screenshots of the main views for `npm run demo -- --screenshot DIR` and the README.
import { join } from 'node:path';
import { Workbench, eventually } from './workbench.mjs';

export async function takeDemoScreenshots({ page, dir, screenshot, log }) {
  const wb = new Workbench(page);
  const saved = [];
  const shot = async (name) => {
    const path = await screenshot(page, join(dir, `${name}.png`));
    if (path) { saved.push(path); log(`saved ${path}`); }
  };
  await wb.ready();

  // 1. A broken profile: squiggles, the Problems panel and the status bar counts.
  await wb.openFile('broken-wifi.mobileconfig');
  await wb.waitForErrors(2);
  await page.keyboard.press('Control+Shift+M');
  await eventually(() => page.locator('.markers-panel .monaco-list-row').count(), 'the Problems panel');
  await shot('diagnostics');

  // 2. Hover over a key of a valid profile.
  await page.keyboard.press('Control+j'); // hide the panel again
  await wb.openFile('office-wifi.mobileconfig');
  const key = page.locator('.monaco-editor .view-lines span', { hasText: 'EncryptionType' }).first();
  await key.hover();
  await eventually(() => page.locator('.monaco-hover .hover-contents, .monaco-hover .rendered-markdown').first().isVisible(), 'the hover');
  await shot('hover');

  // 3. Completion inside a payload dict.
  await page.mouse.move(0, 0);
  await wb.openFile('restrictions.mobileconfig');
  await wb.goToLineEnd(7);
  await page.keyboard.press('Enter');
  await page.keyboard.type('<key>allow</key><true/>');
  for (let i = 0; i < '</key><true/>'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Space');
  await eventually(() => page.locator('.editor-widget.suggest-widget .monaco-list-row').count(), 'the completion list');
  await shot('completion');
  await page.keyboard.press('Escape');
  await wb.runCommand('File: Revert File');
  await wb.openFile('office-wifi.mobileconfig');

  // 4. The tenant tree with blueprints, library items and devices expanded.
  await wb.showProfileStudio();
  await wb.collapseAllThenExpand('Demo (Kandji)', 'Blueprints', 'Default Blueprint', 'Devices');
  await wb.childrenOf('Default Blueprint');
  await wb.childrenOf('Devices');
  await shot('tenant-tree');
  return saved;
}
