// Ctrl+Space inside a payload dict offers the payload's keys; accepting one inserts it.
import { eventually } from './workbench.mjs';

export const title = 'completion: Ctrl+Space offers payload keys and inserts one';

export async function run({ wb, page }) {
  await wb.openFile('restrictions.mobileconfig');
  const editor = page.locator('.monaco-editor .view-lines').first();
  // Put the cursor on a fresh line right after `<dict>` of the restrictions payload (line 7).
  await page.keyboard.press('Control+g');
  await wb.acceptInput('7');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('<key>allowBlue');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.editor-widget.suggest-widget .monaco-list-row');
  await eventually(() => suggest.count(), 'the completion list');
  const focused = page.locator('.editor-widget.suggest-widget .monaco-list-row.focused .label-name').first();
  const label = ((await focused.textContent()) ?? '').trim();
  if (!label) throw new Error('no focused completion item');
  await page.keyboard.press('Enter');
  const key = label.replace(/^<key>/, '').replace(/<\/key>$/, '');
  await eventually(async () => ((await editor.textContent()) ?? '').includes(key), `"${key}" inserted in the editor`);
}
