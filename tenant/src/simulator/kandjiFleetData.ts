// Believable, deterministic fleet data derived from the simulated devices (nothing stored per device: a
// 100,000-device tenant only pays for the rows a page asks for). Shapes follow Kandji's published examples.
import { hashString } from './ids';
import { iso, type SimDevice, type TenantState } from './state';

const APPS: readonly [string, string, string][] = [
  ['Google Chrome', 'com.google.Chrome', '131.0.6778.86'], ['Slack', 'com.tinyspeck.slackmacgap', '4.41.105'],
  ['Microsoft Word', 'com.microsoft.Word', '16.91'], ['zoom.us', 'us.zoom.xos', '6.2.11'], ['1Password 8', 'com.1password.1password', '8.10.48'],
  ['Visual Studio Code', 'com.microsoft.VSCode', '1.95.3'], ['Okta Verify', 'com.okta.mobile', '9.27.0'], ['Safari', 'com.apple.Safari', '18.1.1'],
];

/** Stable per-device number in [0, n). */
export const roll = (d: SimDevice, salt: string, n: number): number => hashString(`${salt}:${d.id}`) % n;

export function appsOf(d: SimDevice): { name: string; bundleId: string; version: string }[] {
  const count = d.platform === 'Mac' ? 5 + roll(d, 'apps', 4) : 2 + roll(d, 'apps', 3);
  const start = roll(d, 'app0', APPS.length);
  return Array.from({ length: count }, (_, i) => APPS[(start + i) % APPS.length]!).map(([name, bundleId, version]) => ({ name, bundleId, version }));
}

export function appJson(d: SimDevice): Record<string, unknown>[] {
  return appsOf(d).map((a, i) => ({
    app_id: `${d.id.slice(0, 24)}${String(i).padStart(12, '0')}`, app_name: a.name, bundle_id: a.bundleId, bundle_size: String(40_000_000 + i * 1_234_567),
    app_store_vendable: 'False', device_based_vpp: 'False', creation_date: iso(d.firstEnrollment), modification_date: iso(d.lastCheckIn),
    path: d.platform === 'Mac' ? `/Applications/${a.name}.app` : '', process: '', signature: '', source: d.platform === 'Mac' ? 'Kandji' : 'App Store', version: a.version,
  }));
}

/** Secrets: derived from the id, so a repeat read gives the same value. */
export function secretsOf(d: SimDevice): { key: string; pin: string; albc: string; recovery: string } {
  const h = (salt: string, len: number) => {
    let s = '';
    for (let i = 0; s.length < len; i++) s += hashString(`${salt}${i}:${d.id}`).toString(36).toUpperCase();
    return s.slice(0, len);
  };
  const group = (t: string, n: number) => t.match(new RegExp(`.{1,${n}}`, 'g'))!.join('-');
  return { key: group(h('fv', 24), 4), pin: String(100000 + (hashString(`pin:${d.id}`) % 900000)), albc: group(h('al', 25), 5), recovery: group(h('rl', 20), 5) };
}

export const hasFileVault = (d: SimDevice): boolean => d.platform === 'Mac' && hashString(d.id) % 10 !== 0;

/** Prism: one row per device (apps: one per app), the common device columns first. */
export const PRISM_ROWS_PER_DEVICE: Record<string, number> = { apps: 5, certificates: 2, launch_agents_and_daemons: 3, local_users: 2, installed_profiles: 2, transparency_database: 2 };
const MAC_ONLY = new Set(['application_firewall', 'filevault', 'gatekeeper_and_xprotect', 'kernel_extensions', 'launch_agents_and_daemons', 'startup_settings', 'system_extensions', 'transparency_database', 'desktop_and_screensaver', 'local_users']);
const MOBILE_ONLY = new Set(['cellular']);

export function prismDeviceFits(category: string, d: SimDevice): boolean {
  if (MAC_ONLY.has(category)) return d.platform === 'Mac';
  if (MOBILE_ONLY.has(category)) return d.platform === 'iPhone' || d.platform === 'iPad';
  if (category === 'kernel_extensions') return false;
  return true;
}

export function prismRow(category: string, d: SimDevice, n: number, state: TenantState): Record<string, unknown> {
  const bp = state.blueprints.get(d.groupIds[0] ?? '');
  const common: Record<string, unknown> = {
    asset_tag: d.assetTag, blueprint_id: d.groupIds[0] ?? null, blueprint_name: bp?.name ?? '', count: null, created_at: iso(d.firstEnrollment),
    device__family: d.platform, device__name: d.name, device__user_email: d.user?.email ?? '', device__user_id: d.user?.id ?? '',
    device__user_name: d.user?.name ?? '', device_id: d.id, serial_number: d.serial, updated_at: iso(d.lastCheckIn),
  };
  const app = appsOf(d)[n % Math.max(1, appsOf(d).length)];
  switch (category) {
    case 'apps': return { ...common, bundle_id: app?.bundleId, bundle_name: app?.name, bundle_version: app?.version, name: app?.name, path: `/Applications/${app?.name}.app`, source: 'Kandji', signature: 'Developer ID Application' };
    case 'activation_lock': return { ...common, activation_lock_supported: true, device_activation_lock_enabled: roll(d, 'al', 5) === 0, user_activation_lock_enabled: false, bypass_code_available: true };
    case 'application_firewall': return { ...common, status: roll(d, 'fw', 4) ? 'On' : 'Off', block_all_incoming: false, allow_signed_applications: true, stealth_mode: roll(d, 'st', 3) === 0 };
    case 'cellular': return { ...common, cellular_technology: 'GSM and CDMA', data_roaming: false, voice_roaming: false, current_carrier_network_slot_1: roll(d, 'c', 2) ? 'Verizon' : 'AT&T' };
    case 'certificates': return { ...common, common_name: n === 0 ? 'com.apple.kerberos.kdc' : `Acme Root CA`, identity: n === 0, issuer: n === 0 ? 'com.apple.kerberos.kdc' : 'Acme Root CA', expires_at: iso(d.firstEnrollment + 3 * 365 * 86_400_000) };
    case 'desktop_and_screensaver': return { ...common, screensaver_idle_time: 300 + roll(d, 'ss', 3) * 300, ask_for_password: true };
    case 'device_information': return { ...common, model: d.model, os_version: d.osVersion, agent_version: d.agentVersion, last_check_in: iso(d.lastCheckIn), supervised: true };
    case 'filevault': return { ...common, status: hasFileVault(d) ? 'On' : 'Off', key_type: 'Personal', key_escrowed: hasFileVault(d) };
    case 'gatekeeper_and_xprotect': return { ...common, gatekeeper_status: 'App Store and identified developers', xprotect_version: '5286' };
    case 'installed_profiles': return { ...common, profile_name: n === 0 ? 'Kandji MDM Profile' : 'Wi-Fi (Acme)', profile_identifier: n === 0 ? 'com.kandji.profile.mdmprofile' : 'com.acme.wifi', verified: true };
    case 'launch_agents_and_daemons': return { ...common, label: ['com.kandji.agent', 'com.google.keystone.agent', 'us.zoom.ZoomDaemon'][n] ?? 'com.example', type: n === 1 ? 'Agent' : 'Daemon', run_at_load: true };
    case 'local_users': return { ...common, username: n === 0 ? (d.user?.email.split('@')[0] ?? 'admin') : 'kandji_admin', is_admin: n === 1, uid: String(501 + n) };
    case 'startup_settings': return { ...common, secure_boot_level: 'full', bootstrap_token_escrowed: true, bootstrap_token_auth: false };
    case 'system_extensions': return { ...common, identifier: 'io.kandji.KandjiAgent.ESF-Extension', state: 'activated_enabled', team_id: 'P3FGV63VK7', bundle_version: '779' };
    case 'transparency_database': return { ...common, application: n === 0 ? 'us.zoom.xos' : 'com.tinyspeck.slackmacgap', service: n === 0 ? 'kTCCServiceScreenCapture' : 'kTCCServiceMicrophone', allowed: true, client_type: 'Bundle Identifier' };
    default: return common;
  }
}

export const CVES: readonly { id: string; score: number; severity: string; software: string; description: string }[] = [
  { id: 'CVE-2024-44308', score: 8.8, severity: 'High', software: 'Safari', description: 'Processing crafted web content may lead to arbitrary code execution (WebKit JavaScriptCore).' },
  { id: 'CVE-2024-54479', score: 5.5, severity: 'Medium', software: 'macOS 15 Sequoia', description: 'An app may be able to access sensitive user data through a logic issue.' },
  { id: 'CVE-2024-11395', score: 8.8, severity: 'High', software: 'Google Chrome', description: 'Type confusion in V8 allows heap corruption via a crafted HTML page.' },
  { id: 'CVE-2024-45490', score: 9.8, severity: 'Critical', software: 'zoom.us', description: 'A bundled XML parser mishandles a negative length, leading to memory corruption.' },
  { id: 'CVE-2023-4863', score: 8.8, severity: 'High', software: 'Slack', description: 'Heap buffer overflow in an image decoding library via a crafted image.' },
];

/** Which devices a CVE hits: every twelfth-ish device, stable per (cve, device). */
export const hits = (cve: string, d: SimDevice): boolean => hashString(`${cve}:${d.id}`) % 12 === 0;

export function threatRow(i: number, d: SimDevice, state: TenantState): Record<string, unknown> {
  const names = ['EICAR-Test-File', 'Adload', 'Pirrit', 'Genieo', 'Shlayer'];
  const name = names[i % names.length]!;
  const bp = state.blueprints.get(d.groupIds[0] ?? '');
  const at = iso(d.lastCheckIn - (i % 7) * 86_400_000);
  return {
    blueprint_id: d.groupIds[0] ?? '', blueprint_name: bp?.name ?? '', bundle_path: '', classification: i % 5 === 3 ? 'PUP' : 'MALWARE',
    date_of_quarantine: at, date_of_release: '', detection_date: at, device_id: d.id, device_name: d.name, device_serial_number: d.serial,
    file_hash: hashString(`${name}:${d.id}`).toString(16).padStart(8, '0').repeat(8), file_path: `/Users/${d.user?.email.split('@')[0] ?? 'shared'}/Downloads/${name.toLowerCase()}.dmg`,
    status: i % 4 === 0 ? 'RESOLVED' : 'QUARANTINED', threat_name: name,
  };
}

export function behavioralRow(i: number, d: SimDevice): Record<string, unknown> {
  const at = iso(d.lastCheckIn - (i % 5) * 3_600_000);
  return {
    id: `bd-${hashString(`bd:${d.id}`).toString(16)}`, classification: i % 3 === 0 ? 'malicious' : 'suspicious', description: 'A process launched a shell from an unsigned binary in a temporary folder.',
    detection_date: at, device_id: d.id, device_name: d.name, malware_family: i % 2 ? 'Atomic Stealer' : 'Unknown', parent_process_name: 'bash',
    target_process_name: 'osascript', status: 'DETECTED', threat_id: `TP${2400 + (i % 50)}`,
  };
}
