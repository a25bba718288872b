// Ctrl+Space inside a payload dict offers the payload's keys; accepting one inserts it.
import { eventually } from './workbench.mjs';

export const title = 'completion: Ctrl+Space offers payload keys and inserts one';

export async function run({ wb, page }) {
  await wb.openFile('restrictions.mobileconfig');
  const editor = page.locator('.monaco-editor .view-lines').first();
  // The explorer row carries the file's problem count (other files' problems come and go with their tabs).
  const hasProblems = async () => /\d\s*$/.test((await wb.explorerRow('restrictions.mobileconfig').textContent()) ?? '');
  // Put the cursor on a fresh line right after `<dict>` of the restrictions payload (line 7).
  await wb.goToLineEnd(7);
  await page.keyboard.press('Enter');
  // A complete entry with the key half typed; the cursor goes back to the end of the partial key.
  await page.keyboard.type('<key>allowBlue</key><true/>');
  for (let i = 0; i < '</key><true/>'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.editor-widget.suggest-widget .monaco-list-row');
  await eventually(() => suggest.count(), 'the completion list');
  const focused = page.locator('.editor-widget.suggest-widget .monaco-list-row.focused .label-name').first();
  const label = ((await focused.textContent()) ?? '').trim();
  if (!label) throw new Error('no focused completion item');
  await page.keyboard.press('Enter');
  const key = label.replace(/^<key>/, '').replace(/<\/key>$/, '');
  await eventually(async () => ((await editor.textContent()) ?? '').includes(`<key>${key}</key>`), `"<key>${key}</key>" in the editor`);
  // The server has parsed the edit (its outline, shown in the breadcrumbs, has the key), and the key is known to
  // the schema: the file has no problems.
  await eventually(async () => ((await page.locator('.breadcrumbs-control').first().textContent()) ?? '').includes(key), `"${key}" in the breadcrumbs`);
  await eventually(async () => !(await hasProblems()), 'no problems in the file after completing the key');
}
