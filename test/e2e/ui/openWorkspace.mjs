// The sample workspace opens with its profiles in the explorer and the extension's activity-bar container.
import { eventually } from './workbench.mjs';

export const title = 'opens the sample workspace';

export async function run({ wb, page }) {
  await wb.ready();
  for (const name of ['broken-wifi.mobileconfig', 'office-wifi.mobileconfig', 'restrictions.mobileconfig', 'zoom-privacy.mobileconfig']) {
    await wb.explorerRow(name).waitFor({ timeout: 30_000 });
  }
  await eventually(() => page.locator('.activitybar [aria-label^="Profile Studio"]').count(), 'the Profile Studio activity-bar entry');
}
