// Device Action: the actions the vendor supports for this device's platform; destructive ones need a
// modal confirmation naming the device; a returned PIN (Mac lock) is shown and can be copied.
import * as vscode from 'vscode';
import type { Device, DeviceActionResult, DeviceActionSpec } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import { confirm, deviceRefOf } from './targets';

export interface DeviceActionArgs {
  action?: string;
  params?: Record<string, string>;
  confirm?: boolean;
}

export const deviceAction =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: DeviceActionArgs = {}): Promise<DeviceActionResult | undefined> => {
    const ref = deviceRefOf(arg);
    if (!ref) return void ctx.say.info('Run device actions from a device in the Profile Studio view.');
    const tenant = ctx.tenant(ref.tenantId);
    const access = ctx.access(ref.tenantId);
    let device: Device | undefined = ref.device;
    if (!device) {
      const got = await access.call((api) => api.getDevice(ref.deviceId));
      if (!got.ok) return void ctx.say.apiError('Loading the device', got.error, tenant);
      device = got.value;
    }
    const api = await ctx.api(ref.tenantId);
    if (!api.ok) return void ctx.say.apiError('Device action', api.error, tenant);
    const specs = api.value.deviceActions(device);
    const spec = opts.action ? specs.find((s) => s.id === opts.action) : await pickAction(specs, device);
    if (!spec) {
      if (opts.action) ctx.say.error(`"${opts.action}" is not available for ${device.name} (${device.platform}).`);
      return undefined;
    }
    const params = opts.params ?? (await askParams(spec, device));
    if (!params) return undefined;
    if (spec.destructive) {
      const ok = await confirm(
        `${spec.label} "${device.name}"?`,
        spec.label,
        `${device.platform}${device.serial ? ` · serial ${device.serial}` : ''}${tenant ? ` · ${tenant.label}` : ''}`,
        opts.confirm,
      );
      if (!ok) return undefined;
    }
    const dev = device;
    const result = await ctx.progress(`${spec.label}: ${dev.name}`, () => access.call((a) => a.runDeviceAction(dev.id, spec.id, params)));
    if (!result.ok) return void ctx.say.apiError(spec.label, result.error, tenant);
    if (result.value.pin) {
      const pin = result.value.pin;
      // Modal, so the PIN is not missed; the command returns at once and the log never sees the PIN.
      void vscode.window
        .showInformationMessage(`${spec.label} sent to ${dev.name}.`, { modal: true, detail: `Unlock PIN: ${pin}` }, 'Copy PIN')
        .then(
          (c) => (c === 'Copy PIN' ? vscode.env.clipboard.writeText(pin) : undefined),
          () => undefined,
        );
    } else {
      void ctx.say.info(`${spec.label} sent to ${dev.name}${result.value.message ? `: ${result.value.message}` : '.'}`);
    }
    return result.value;
  };

async function pickAction(specs: DeviceActionSpec[], device: Device): Promise<DeviceActionSpec | undefined> {
  if (!specs.length) return undefined;
  const picked = await vscode.window.showQuickPick(
    specs.map((s) => ({ label: s.destructive ? `$(warning) ${s.label}` : s.label, description: s.destructive ? 'asks for confirmation' : undefined, s })),
    { placeHolder: `Action for ${device.name} (${device.platform})` },
  );
  return picked?.s;
}

async function askParams(spec: DeviceActionSpec, device: Device): Promise<Record<string, string> | undefined> {
  const out: Record<string, string> = {};
  const params = spec.params ?? [];
  // Optional switches in one multi-select (none ticked = the vendor's defaults); everything else one by one.
  const switches = params.filter((p) => p.kind === 'boolean' && !p.required);
  if (switches.length) {
    const picked = await vscode.window.showQuickPick(
      switches.map((p) => ({ label: p.label, name: p.name })),
      { canPickMany: true, title: `${spec.label} ${device.name}`, placeHolder: 'Options (leave all unticked for the defaults)' },
    );
    if (!picked) return undefined;
    for (const p of switches) out[p.name] = picked.some((x) => x.name === p.name) ? 'true' : 'false';
  }
  for (const p of params.filter((x) => !switches.includes(x))) {
    if (p.kind === 'boolean') {
      const v = await vscode.window.showQuickPick(['No', 'Yes'], { placeHolder: `${spec.label} ${device.name}: ${p.label}?` });
      if (v === undefined) return undefined;
      out[p.name] = v === 'Yes' ? 'true' : 'false';
      continue;
    }
    const v = await vscode.window.showInputBox({
      prompt: `${spec.label} ${device.name}: ${p.label}${p.required ? '' : ' (optional)'}`,
      validateInput: (x) =>
        p.required && !x.trim() ? 'Required' : p.kind === 'pin' && x && !/^\d{6}$/.test(x) ? 'A PIN is six digits' : undefined,
    });
    if (v === undefined) return undefined;
    if (v.trim()) out[p.name] = v.trim();
  }
  return out;
}
