// The tenant tree: the pushed item (revealed by the previous scenario) is assigned to a blueprint from its
// context menu; blueprints, their items and devices expand and match the tenant's state.
import { pushedItem } from './pushProfile.mjs';
import { eventually } from './workbench.mjs';

export const title = 'tree: assign to a blueprint; expand blueprints, library items, devices';

export async function run({ wb, sim }) {
  await wb.showProfileStudio();
  const item = pushedItem(sim);
  if (!item) throw new Error('no pushed profile in the simulator (push scenario failed)');
  const target = [...sim.state.blueprints.values()].find((b) => b.type === 'classic' && !sim.state.blueprintsWith(item.id).includes(b.id));

  await wb.contextMenu(wb.treeRow(item.name), 'Assign to Blueprint');
  await wb.pick(target.name);
  await eventually(() => sim.state.blueprintsWith(item.id).includes(target.id), `"${item.name}" assigned to "${target.name}" in the simulator`);

  // Library Items list the tenant's profiles (the list is virtual: compare the rows that are rendered).
  const libraryNames = new Set([...sim.state.items.values()].map((i) => i.name));
  const shown = await wb.childrenOf('Library Items');
  if (!shown.some((n) => libraryNames.has(n))) throw new Error(`Library Items rows do not match the tenant: ${shown.join(', ')}`);

  // Blueprints list every blueprint; the target now lists the item.
  const tenant = 'Demo (Kandji)';
  await wb.collapseAllThenExpand(tenant, 'Blueprints');
  const blueprints = await wb.childrenOf('Blueprints');
  const missing = [...sim.state.blueprints.values()].map((b) => b.name).filter((n) => !blueprints.includes(n));
  if (missing.length) throw new Error(`blueprints missing from the tree: ${missing.join(', ')}`);
  await wb.expand(target.name);
  await eventually(async () => (await wb.childrenOf(target.name)).includes(item.name), `"${item.name}" under "${target.name}" in the tree`);

  // Devices: the first page shows the tenant's devices.
  await wb.collapseAllThenExpand(tenant, 'Devices');
  const deviceNames = new Set(sim.state.devices.map((d) => d.name));
  const devices = await wb.childrenOf('Devices');
  if (!devices.some((n) => deviceNames.has(n))) throw new Error(`Devices rows do not match the tenant: ${devices.slice(0, 5).join(', ')}`);
}
