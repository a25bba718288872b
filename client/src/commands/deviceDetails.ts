// Device details (a webview of sections), Reveal Secret…, Cancel Lost Mode, Delete Device… (typed name).
import type { DeviceFullDetails, SecretKind } from '../../../tenant/src/api/fleetApi';
import type { Result, TenantApi } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import { revealDeviceSecret, type RevealOutcome } from './secrets';
import { confirm, deviceRefOf } from './targets';
import { typedConfirm } from './typedConfirm';

/** Device name for prompts: the node's, else the API's. */
async function deviceName(ctx: Ctx, tenantId: string, deviceId: string, known?: string): Promise<string | undefined> {
  if (known) return known;
  const got = await ctx.access(tenantId).call((api) => api.getDevice(deviceId));
  if (!got.ok) return void ctx.say.apiError('Loading the device', got.error, ctx.tenant(tenantId));
  return got.value.name;
}

export const openDevice =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<DeviceFullDetails | undefined> => {
    const ref = deviceRefOf(arg);
    if (!ref) return void ctx.say.info('Open a device from the Profile Studio view.');
    const tenant = ctx.tenant(ref.tenantId);
    const result = await ctx.progress(`Loading ${ref.device?.name ?? 'the device'}`, () => ctx.access(ref.tenantId).call((api) => fullOrBasic(api, ref.deviceId)));
    if (!result.ok) return void ctx.say.apiError(`Loading the details of ${ref.device?.name ?? 'the device'}`, result.error, tenant);
    const d = result.value;
    const device = ref.device;
    ctx.details.show(`${ref.tenantId}/device/${ref.deviceId}`, {
      title: d.name,
      subtitle: [device?.platform, device?.model, device?.osVersion, tenant?.label].filter(Boolean).join(' · '),
      badges: d.lostModeEnabled ? ['Lost mode'] : [],
      sections: d.sections,
    });
    return d;
  };

export const revealSecret =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { kind?: SecretKind } = {}): Promise<RevealOutcome | undefined> => {
    const ref = deviceRefOf(arg);
    if (!ref) return void ctx.say.info('Reveal a secret from a device in the Profile Studio view.');
    const name = await deviceName(ctx, ref.tenantId, ref.deviceId, ref.device?.name);
    if (!name) return { status: 'failed' };
    return revealDeviceSecret(ctx, { tenantId: ref.tenantId, deviceId: ref.deviceId, deviceName: name }, opts.kind);
  };

export const cancelLostMode =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { confirm?: boolean } = {}): Promise<boolean | undefined> => {
    const ref = deviceRefOf(arg);
    if (!ref) return void ctx.say.info('Cancel lost mode from a device in the Profile Studio view.');
    const tenant = ctx.tenant(ref.tenantId);
    const name = await deviceName(ctx, ref.tenantId, ref.deviceId, ref.device?.name);
    if (!name) return false;
    const access = ctx.access(ref.tenantId);
    const state = await access.call((api) => api.lostMode(ref.deviceId));
    if (!state.ok) return void ctx.say.apiError(`Reading the lost mode of ${name}`, state.error, tenant);
    if (!state.value.enabled) {
      ctx.say.info(`${name} is not in lost mode (${state.value.status}).`);
      return false;
    }
    if (!(await confirm(`Cancel lost mode on "${name}"?`, 'Cancel Lost Mode', 'The device leaves lost mode at its next check-in.', opts.confirm))) return false;
    const done = await ctx.progress(`Cancelling lost mode: ${name}`, () => access.call((api) => api.cancelLostMode(ref.deviceId)));
    if (!done.ok) return void ctx.say.apiError(`Cancelling lost mode on ${name}`, done.error, tenant);
    ctx.say.info(`Lost mode cancelled on ${name}.`);
    if (ctx.details.shown.has(`${ref.tenantId}/device/${ref.deviceId}`)) await openDevice(ctx)(ref);
    return true;
  };

export const deleteDevice =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { confirm?: boolean } = {}): Promise<boolean | undefined> => {
    const ref = deviceRefOf(arg);
    if (!ref) return void ctx.say.info('Delete a device from the Profile Studio view.');
    const tenant = ctx.tenant(ref.tenantId);
    const name = await deviceName(ctx, ref.tenantId, ref.deviceId, ref.device?.name);
    if (!name) return false;
    const detail = `The device is removed from ${tenant?.label ?? 'the tenant'} and stops being managed.`;
    if (!(await typedConfirm('device', name, detail, opts.confirm))) return false;
    const done = await ctx.progress(`Deleting ${name}`, () => ctx.access(ref.tenantId).call((api) => api.deleteDevice(ref.deviceId)));
    if (!done.ok) return void ctx.say.apiError(`Deleting ${name}`, done.error, tenant);
    ctx.say.info(`Deleted ${name} from ${tenant?.label ?? 'the tenant'}.`);
    ctx.tree.tenantNode(ref.tenantId)?.devices.refresh();
    return true;
  };

/** The vendor's full details; where it offers none, the device record and its facts as one section. */
async function fullOrBasic(api: TenantApi, deviceId: string): Promise<Result<DeviceFullDetails>> {
  if (api.capabilities().offered.has('device-details')) return api.deviceFullDetails(deviceId);
  const got = await api.getDevice(deviceId);
  if (!got.ok) return got;
  const d = got.value;
  const general = [
    { label: 'Name', value: d.name },
    { label: 'Platform', value: d.platform },
    { label: 'Model', value: d.model ?? '' },
    { label: 'OS version', value: d.osVersion ?? '' },
    { label: 'Serial number', value: d.serial ?? '' },
    { label: 'Blueprint', value: d.blueprintName ?? d.blueprintId ?? '' },
    { label: 'User', value: d.user ?? '' },
    { label: 'Last check-in', value: d.lastCheckIn ?? '' },
    { label: 'Device ID', value: d.id },
  ].filter((f) => f.value);
  const facts = Object.entries(d.facts).map(([label, value]) => ({ label, value }));
  return {
    ok: true,
    value: {
      deviceId: d.id,
      name: d.name,
      sections: [{ id: 'general', title: 'General', fields: general }, ...(facts.length ? [{ id: 'hardware' as const, title: 'Facts', fields: facts }] : [])],
    },
  };
}
