// Explorer → right-click a profile → Push Profile: the tenant (the simulator) then holds it.
import { eventually } from './workbench.mjs';

export const title = 'push: right-click a profile in the explorer, the simulator holds it';

const IDENTIFIER = 'com.example.studio.wifi';

export const pushedItem = (sim) => [...sim.state.items.values()].find((i) => i.kind === 'profile' && i.profile?.includes(`<string>${IDENTIFIER}</string>`));

export async function run({ wb, page, sim }) {
  if (pushedItem(sim)) throw new Error('the simulator already holds the profile before the push');
  await wb.showExplorer();
  await wb.contextMenu(wb.explorerRow('office-wifi.mobileconfig'), 'Push Profile');
  // Accept the proposed answers (tenant, name, platforms, active) until the push lands.
  await eventually(async () => {
    if (pushedItem(sim)) return true;
    if (await page.locator('.monaco-dialog-box').isVisible()) throw new Error('unexpected dialog during push');
    if (await wb.quickInputVisible()) await page.keyboard.press('Enter');
    return false;
  }, 'the pushed profile in the simulator', 45_000);
  const item = pushedItem(sim);
  if (!item.name) throw new Error('pushed profile has no name');
}
