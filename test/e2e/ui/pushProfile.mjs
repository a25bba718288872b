// Explorer → right-click a profile → Push Profile: the tenant (the simulator) then holds it.

export const title = 'push: right-click a profile in the explorer, the simulator holds it';

// Kandji rewrites the top-level identifier on upload, so the pushed profile is recognised by its SSID.
const SSID = '<string>Studio-Office</string>';

export const pushedItem = (sim) => [...sim.state.items.values()].find((i) => i.kind === 'profile' && i.profile?.includes(SSID));

export async function run({ wb, page, sim }) {
  if (pushedItem(sim)) throw new Error('the simulator already holds the profile before the push');
  await wb.showExplorer();
  await wb.contextMenu(wb.explorerRow('office-wifi.mobileconfig'), 'Push Profile');
  // Keep the proposed name and platforms, start it active; the push then lands in the simulator.
  await wb.answerPrompts([
    [/Library item name/, () => page.keyboard.press('Enter')],
    [/platforms/, () => wb.acceptPick()],
    [/active or inactive/, () => wb.pick('Active')],
  ], async () => {
    if (await page.locator('.monaco-dialog-box').isVisible()) throw new Error('unexpected dialog during push');
    return Boolean(pushedItem(sim));
  }, 'the pushed profile in the simulator');
  const item = pushedItem(sim);
  if (item.name !== 'Office Wi-Fi') throw new Error(`pushed profile is named "${item.name}", expected its display name`);
  // The success toast names the tenant and offers the follow-ups.
  const toast = await wb.waitForToast('Office Wi-Fi');
  for (const word of ['Demo (Kandji)', 'Assign to Blueprint', 'Reveal in Tree']) {
    if (!toast.includes(word)) throw new Error(`push toast lacks "${word}": ${toast}`);
  }
  // Follow-up: reveal the new item in the tenant tree (the next scenario starts from it).
  await wb.clickToastAction('Office Wi-Fi', 'Reveal in Tree');
  await wb.treeRow('Office Wi-Fi').waitFor({ timeout: 30_000 });
}
