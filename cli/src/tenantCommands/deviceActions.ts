// Device-action parameters: listed in `devices action --help` for the configured vendor, and checked before
// anything is sent (an unknown name is a usage error with the close match: DeviceName -> deviceName).
import type { DeviceActionSpec } from '../../../tenant/src/api/tenantApi';
import { DEVICE_PLATFORMS } from '../../../tenant/src/api/tenantApi';
import { jumpcloudActions } from '../../../tenant/src/api/jumpcloud/mapping';
import { KANDJI_ACTIONS } from '../../../tenant/src/api/kandji/mapping';
import { didYouMean } from '../failure';

function catalog(vendor: string): DeviceActionSpec[] {
  if (vendor !== 'jumpcloud') return [...KANDJI_ACTIONS];
  const byId = new Map<string, DeviceActionSpec>();
  for (const platform of DEVICE_PLATFORMS) {
    for (const a of jumpcloudActions(platform)) {
      const seen = byId.get(a.id);
      // The PIN is required on macOS only; the catalog shows it as such.
      byId.set(a.id, seen ? { ...seen, platforms: [...new Set([...seen.platforms, ...a.platforms])] } : a);
    }
  }
  return [...byId.values()];
}

/** `--help` lines: each action, its platforms, and its parameters with whether they are required. */
export function actionHelp(env: Record<string, string | undefined>): string[] {
  const vendor = (env.PROFILE_STUDIO_VENDOR ?? 'kandji').trim().toLowerCase() === 'jumpcloud' ? 'jumpcloud' : 'kandji';
  const lines = [`Actions (${vendor === 'kandji' ? 'Kandji' : 'JumpCloud'}; set PROFILE_STUDIO_VENDOR for the other's):`];
  for (const a of catalog(vendor)) {
    lines.push(`  ${a.id}${a.destructive ? ' (destructive: needs --yes)' : ''} on ${a.platforms.join(', ')}`);
    for (const p of a.params ?? []) {
      const value = p.kind === 'boolean' ? 'true|false' : p.kind === 'pin' ? '123456' : 'VALUE';
      const required = p.name === 'pin' && vendor === 'jumpcloud' ? 'required on Mac' : p.required ? 'required' : 'optional';
      lines.push(`      --param ${p.name}=${value}  ${p.label} (${required})`);
    }
  }
  return lines;
}

/** Parameters given that the action does not take, or a usage message; undefined when all are known. */
export function unknownParam(spec: DeviceActionSpec, params: Record<string, string>): string | undefined {
  const names = (spec.params ?? []).map((p) => p.name);
  for (const given of Object.keys(params)) {
    if (names.includes(given)) continue;
    if (names.length === 0) return `${spec.id} takes no parameters; drop --param ${given}=...`;
    return `${spec.id} has no parameter "${given}"${didYouMean(given, names)} (it takes ${names.join(', ')}; names are case-sensitive)`;
  }
  return undefined;
}
