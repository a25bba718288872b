// Reports: the Reports folder lists every Prism category with its count; Applications opens a paged table;
// Next and Previous move by 50 rows. (Sorting is asked of the server and checked by the suite; the simulator
// does not sort yet, so the screenshot shows no sort marker.)
import { webviewFrame } from './deviceDetails.mjs';
import { eventually } from './workbench.mjs';

export const title = 'reports: category counts, table webview, next and previous page';

export async function run({ wb, page }) {
  await page.keyboard.press('Control+k');
  await page.keyboard.press('w'); // close the editors of the previous scenario
  await hidePanel(page);
  await wb.showProfileStudio();
  await wb.collapseAllThenExpand('Demo (Kandji)', 'Reports');
  const categories = await wb.childrenOf('Reports');
  if (categories.length < 16) throw new Error(`only ${categories.length} report categories: ${categories.join(', ')}`);
  await wb.treeRow('Applications').locator('.label-name').click();
  const frame = webviewFrame(page);
  await eventually(async () => (await frame.locator('#rows tr').count()) > 0, 'rows in the report table');
  const range = async () => (await frame.locator('#status').textContent()) ?? '';
  await eventually(async () => /^Rows 1–50 of \d+/.test(await range()), 'the first 50 rows');
  await frame.locator('#next').click();
  await eventually(async () => /^Rows 51–100/.test(await range()), 'the second page');
  await frame.locator('#prev').click();
  await eventually(async () => /^Rows 1–50/.test(await range()), 'back on the first page');
}

/** Closes the bottom panel (Problems, left open by earlier scenarios) so the editor area shows in full. */
export async function hidePanel(page) {
  if (await page.locator('[id="workbench.parts.panel"]').isVisible()) await page.keyboard.press('Control+j');
}
