// A device QuickPick that stays fast on a tenant of any size: one vendor page at a time, the vendor's own search
// as the user types (debounced), "Load more" for the next page. Every device loaded stays listed, with serial and
// model beside the name, so typing also narrows by serial or model among them.
import * as vscode from 'vscode';
import type { Device } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import type { TenantRecord } from '../tenants/registry';

const PICK_PAGE = 100;
const SEARCH_DELAY_MS = 300;

export type DevicePickItem = vscode.QuickPickItem & { device?: Device; more?: true };

export async function pickDevice(ctx: Ctx, tenant: TenantRecord, placeHolder = 'Choose a device (type to search by name)'): Promise<Device | undefined> {
  const qp = vscode.window.createQuickPick<DevicePickItem>();
  qp.placeholder = placeHolder;
  qp.matchOnDescription = true;
  const access = ctx.access(tenant.id);
  const loaded = new Map<string, Device>();
  let next: string | undefined;
  let search = '';
  let generation = 0;
  let timer: NodeJS.Timeout | undefined;

  const render = () => {
    const rows: DevicePickItem[] = [...loaded.values()].map((d) => ({ label: d.name, description: [d.serial, d.model ?? d.platform, d.user].filter(Boolean).join(' · '), device: d }));
    if (next !== undefined) rows.push({ label: '$(ellipsis) Load more devices…', description: search ? `matching "${search}"` : undefined, alwaysShow: true, more: true });
    const active = qp.activeItems[0]?.device?.id;
    qp.items = rows;
    const keep = active ? rows.find((r) => r.device?.id === active) : undefined;
    if (keep) qp.activeItems = [keep];
  };
  const load = async (fresh: boolean) => {
    const mine = fresh ? ++generation : generation;
    qp.busy = true;
    const page = await access.call((api) => api.listDevices({ ...(search ? { search } : {}), pageSize: PICK_PAGE }, fresh ? undefined : next));
    if (mine !== generation) return; // a newer search took over
    qp.busy = false;
    if (!page.ok) {
      qp.hide();
      ctx.say.apiError('Loading devices', page.error, tenant);
      return;
    }
    for (const d of page.value.items) loaded.set(d.id, d);
    next = page.value.next;
    render();
  };

  try {
    return await new Promise<Device | undefined>((resolve) => {
      qp.onDidChangeValue((value) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          search = value.trim();
          void load(true);
        }, SEARCH_DELAY_MS);
      });
      qp.onDidAccept(() => {
        const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
        if (chosen?.more) return void load(false);
        if (chosen?.device) {
          resolve(chosen.device);
          qp.hide();
        }
      });
      qp.onDidHide(() => resolve(undefined));
      ctx.devicePicker = qp;
      qp.show();
      void load(true);
    });
  } finally {
    clearTimeout(timer);
    if (ctx.devicePicker === qp) ctx.devicePicker = undefined;
    qp.dispose();
  }
}
