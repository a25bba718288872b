// Reveal Secret: from a Mac's context menu, the FileVault recovery key; a modal names device and secret,
// then a second modal shows the value once (left open for the screenshot: this scenario runs last).
import { eventually } from './workbench.mjs';

export const title = 'secrets: Reveal Secret asks first, then shows the FileVault key once';

export async function run({ wb, page, sim }) {
  await page.keyboard.press('Control+k');
  await page.keyboard.press('w'); // close the report of the previous scenario
  await wb.showProfileStudio();
  await wb.collapseAllThenExpand('Demo (Kandji)', 'Devices');
  const byName = new Map(sim.state.devices.map((d) => [d.name, d]));
  const shown = await wb.childrenOf('Devices');
  const name = shown.find((n) => byName.get(n)?.platform === 'Mac') ?? shown[0];
  await wb.contextMenu(wb.treeRow(name), 'Reveal Secret');
  await wb.pick('FileVault recovery key');
  // The value dialog follows the confirmation at once, so the dialog box may never detach in between.
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 60_000 });
  const text = (await dialog.textContent()) ?? '';
  if (!text.includes(name) || !/FileVault recovery key/.test(text)) throw new Error(`the confirmation does not name device and secret: ${text}`);
  await dialog.locator('.monaco-button', { hasText: 'Reveal' }).first().click();
  await eventually(async () => /FileVault recovery key of/.test((await dialog.textContent().catch(() => '')) ?? ''), 'the dialog showing the key');
  const value = await dialog.locator('.dialog-message-detail').textContent();
  if (!value || value.length < 8) throw new Error(`no key in the dialog: ${value}`);
}
