// Opening a broken profile shows its errors in the status bar and the Problems panel.
import { eventually } from './workbench.mjs';

export const title = 'broken profile: errors in the status bar and the Problems panel';

export async function run({ wb, page }) {
  await wb.openFile('broken-wifi.mobileconfig');
  await eventually(async () => /mobileconfig/i.test((await page.locator('[id="status.editor.mode"]').textContent()) ?? ''), 'language mode mobileconfig');
  await wb.waitForErrors(2);
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await eventually(async () => (await rows.count()) >= 3, 'problems listed in the Problems panel');
  const text = (await rows.allTextContents()).join('\n');
  // The misspelt key and the unknown encryption type are reported by name.
  for (const word of ['AutoJion', 'WPA4']) {
    if (!text.includes(word)) throw new Error(`Problems panel does not mention ${word}:\n${text}`);
  }
}
