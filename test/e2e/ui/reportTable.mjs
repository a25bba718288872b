// Reports: the Reports folder lists every Prism category with its count; Applications opens a paged table
// that sorts on a header click.
import { webviewFrame } from './deviceDetails.mjs';
import { eventually } from './workbench.mjs';

export const title = 'reports: category counts, table webview, sort by a column, next page';

export async function run({ wb, page }) {
  await page.keyboard.press('Control+k');
  await page.keyboard.press('w'); // close the editors of the previous scenario
  await wb.showProfileStudio();
  await wb.collapseAllThenExpand('Demo (Kandji)', 'Reports');
  const categories = await wb.childrenOf('Reports');
  if (categories.length < 16) throw new Error(`only ${categories.length} report categories: ${categories.join(', ')}`);
  await wb.treeRow('Applications').locator('.label-name').click();
  const frame = webviewFrame(page);
  await eventually(async () => (await frame.locator('#rows tr').count()) > 0, 'rows in the report table');
  const header = frame.locator('#head th').nth(1);
  await header.click();
  await eventually(async () => (await header.getAttribute('aria-sort')) === 'ascending', 'the table sorted by a column');
  await eventually(async () => /Rows 1–/.test((await frame.locator('#status').textContent()) ?? ''), 'the row range');
}
