// Device details: clicking a Mac in the tree opens its details webview (sections as tables); expanding the
// device lists its library items, apps, activity and commands.
import { eventually } from './workbench.mjs';

export const title = 'device details: webview with sections, history folders under the device';

/** The content frame of the active webview (VS Code nests it in two iframes). */
export const webviewFrame = (page) => page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');

export async function run({ wb, page, sim }) {
  if (await page.locator('[id="workbench.parts.panel"]').isVisible()) await page.keyboard.press('Control+j');
  await wb.showProfileStudio();
  await wb.collapseAllThenExpand('Demo (Kandji)', 'Devices');
  const byName = new Map(sim.state.devices.map((d) => [d.name, d]));
  const shown = await wb.childrenOf('Devices');
  const name = shown.find((n) => byName.get(n)?.platform === 'Mac') ?? shown[0];
  await wb.treeRow(name).locator('.label-name').click();
  const frame = webviewFrame(page);
  await frame.locator('h1', { hasText: name }).waitFor({ timeout: 60_000 });
  const sections = await eventually(async () => {
    const titles = await frame.locator('h2').allTextContents();
    return titles.length >= 4 ? titles : undefined;
  }, 'the detail sections');
  for (const want of ['General', 'Hardware', 'FileVault']) {
    if (!sections.some((s) => s.includes(want))) throw new Error(`no "${want}" section among ${sections.join(', ')}`);
  }
  await wb.expand(name);
  const kids = await wb.childrenOf(name);
  for (const want of ['Library Items', 'Apps', 'Activity', 'Commands']) {
    if (!kids.includes(want)) throw new Error(`no "${want}" under the device: ${kids.join(', ')}`);
  }
  // Leave the tenant's own Library Items folder collapsed, so the device and its folders stay in view.
  await wb.setExpanded('Library Items', false).catch(() => undefined);
}
