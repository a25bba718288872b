// A device action from a device node: Restart asks its options, then a modal naming the device;
// after confirming, the simulator has a restart command for that device.
import { eventually } from './workbench.mjs';

export const title = 'device action: restart a device with its confirmation';

export async function run({ wb, page, sim }) {
  await wb.showProfileStudio();
  await wb.collapseAllThenExpand('Demo (Kandji)', 'Devices');
  const byName = new Map(sim.state.devices.map((d) => [d.name, d]));
  const shown = await wb.childrenOf('Devices');
  const device = shown.map((n) => byName.get(n)).find((d) => d?.platform === 'Mac') ?? byName.get(shown[0]);
  if (!device) throw new Error(`no device rows: ${shown.join(', ')}`);
  // Demo names repeat (two "Liam's MacBook Pro"), so count restarts for every device of that name.
  const ids = new Set(sim.state.devices.filter((d) => d.name === device.name).map((d) => d.id));
  const restarts = () => sim.state.commands.filter((c) => ids.has(c.deviceId) && /restart/i.test(c.type)).length;
  const before = restarts();

  await wb.contextMenu(wb.treeRow(device.name), 'Device Action');
  await wb.pick('Restart');
  // Restart's options (rebuild kernel cache, let the user choose when): keep the defaults, whether they come as one
  // multi-select or as yes/no questions; then the modal confirmation shows.
  await wb.answerPrompts([
    [/Options/, () => wb.acceptPick()],
    [/\?$/, () => wb.pick('No')],
  ], () => page.locator('.monaco-dialog-box').isVisible(), 'the restart confirmation');
  const text = await wb.confirmDialog('Restart', device.name);
  if (!text.includes(device.name)) throw new Error(`confirmation does not name the device: ${text}`);
  await eventually(() => restarts() > before, `a restart command for "${device.name}" in the simulator`);
  await wb.waitForToast(`sent to ${device.name}`);
  await page.keyboard.press('Escape');
}
