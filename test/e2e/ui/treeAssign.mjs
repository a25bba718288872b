// The tenant tree: blueprints, library items and devices expand; a library item gets assigned to a blueprint.
import { pushedItem } from './pushProfile.mjs';
import { eventually } from './workbench.mjs';

export const title = 'tree: expand blueprints, library items, devices; assign to a blueprint';

export async function run({ wb, page, sim }) {
  await wb.showProfileStudio();
  for (const folder of ['Blueprints', 'Library Items', 'Devices']) await wb.expand(folder);
  const blueprint = [...sim.state.blueprints.values()].find((b) => b.type === 'classic');
  await wb.treeRow(blueprint.name).waitFor({ timeout: 30_000 });
  const device = sim.state.devices[0];
  await wb.treeRow(device.name).waitFor({ timeout: 30_000 });

  const item = pushedItem(sim) ?? [...sim.state.items.values()].find((i) => i.kind === 'profile');
  const before = blueprintsHolding(sim, item.id);
  const target = [...sim.state.blueprints.values()].find((b) => b.type === 'classic' && !before.includes(b.id));
  await wb.contextMenu(wb.treeRow(item.name), 'Assign to Blueprint');
  await wb.pick(target.name);
  await eventually(() => blueprintsHolding(sim, item.id).includes(target.id), `"${item.name}" assigned to "${target.name}"`);
  await page.keyboard.press('Escape');
}

const blueprintsHolding = (sim, itemId) => sim.state.blueprintsWith(itemId);
