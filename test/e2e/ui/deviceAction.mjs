// A device action from a device node: the modal confirmation names the device, then the simulator records it.
import { eventually } from './workbench.mjs';

export const title = 'device action: restart with its confirmation';

export async function run({ wb, sim }) {
  await wb.showProfileStudio();
  await wb.expand('Devices');
  const device = sim.state.devices.find((d) => d.platform === 'Mac') ?? sim.state.devices[0];
  const restarts = () => sim.state.commands.filter((c) => c.deviceId === device.id && /restart/i.test(c.type)).length;
  const before = restarts();
  await wb.contextMenu(wb.treeRow(device.name), 'Device Action');
  await wb.pick('Restart');
  await wb.confirmDialog('Restart', device.name);
  await eventually(() => restarts() > before, `a restart command for "${device.name}" in the simulator`);
}
