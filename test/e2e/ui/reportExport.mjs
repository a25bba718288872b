// Report filter and export: in the Applications table, Pick… opens the device QuickPick; the clicked device's id
// fills the Device field with its name beside it and the table shows its rows only; Export CSV… then saves just
// those rows (the toast and the file name say which device). The screenshot shows the panel and the toast.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webviewFrame } from './deviceDetails.mjs';
import { hidePanel } from './reportTable.mjs';
import { eventually } from './workbench.mjs';

export const title = 'reports: Pick… fills the device filter; Export CSV… saves only the filtered rows';

export async function run({ wb, page, ws }) {
  await page.keyboard.press('Control+k');
  await page.keyboard.press('w');
  await hidePanel(page);
  await wb.showProfileStudio();
  await wb.collapseAllThenExpand('Demo (Kandji)', 'Reports');
  await wb.treeRow('Applications').locator('.label-name').click();
  const frame = webviewFrame(page);
  const status = async () => (await frame.locator('#status').textContent()) ?? '';
  await eventually(async () => /^Rows 1–/.test(await status()), 'the first page of the report');

  await frame.locator('#pick').click();
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // The widget is shared: until the device list arrives it can still hold an earlier QuickPick's rows (seen once:
  // a device action's). Device rows carry "serial · model" and this picker asks "which device?".
  const devicesShown = async () => /which device/.test((await input.getAttribute('placeholder')) ?? '') && (await rows.count()) > 1 && ((await rows.first().textContent()) ?? '').includes(' · ');
  await eventually(devicesShown, 'devices in the QuickPick');
  const firstRow = (await rows.first().textContent()) ?? '';
  // A click, not Enter: the key can still go to the webview's frame, which had the focus when Pick… was clicked
  // (seen once under load: the QuickPick stayed open).
  await rows.first().click();

  const deviceId = await eventually(async () => {
    const id = await frame.locator('#device').inputValue();
    return /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
  }, 'the device id in the Device field');
  const name = await eventually(async () => ((await frame.locator('#deviceName').textContent()) ?? '').trim(), 'the device name beside the field');
  if (!firstRow.includes(name)) throw new Error(`the field shows "${name}", the chosen row was "${firstRow}"`);
  await eventually(async () => /^Rows 1–\d+ of \d+$/.test(await status()) && Number((await status()).split(' of ')[1]) <= 10, 'the device\'s rows only');

  await frame.locator('#export').click();
  const toast = await wb.waitForToast('export to');
  if (!toast.includes(`(device ${name})`) || !/reports\/apps-device-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv/.test(toast)) throw new Error(`the toast does not name the filtered file: ${toast}`);

  const file = readdirSync(join(ws, 'reports')).find((f) => f.startsWith('apps-device-'));
  if (!file) throw new Error('no apps-device-*.csv in reports/');
  const [head, ...lines] = readFileSync(join(ws, 'reports', file), 'utf8').trim().split('\n');
  const at = head.split(',').indexOf('device_id');
  if (at < 0 || lines.length === 0) throw new Error(`the export has no device_id column or no rows (${lines.length})`);
  // device_id comes before any cell that could hold a quoted comma, so a plain split finds it.
  const others = lines.filter((l) => l.split(',')[at] !== deviceId);
  if (others.length) throw new Error(`${others.length} of ${lines.length} exported rows belong to another device`);
}
