// The fleet half of the vendor-neutral tenant interface: device detail, secrets, reports, ADE, tags, users,
// threats, vulnerabilities, licensing, blueprint management. Nothing here knows a vendor's wire shapes,
// except VendorRecord, which carries a vendor's own row (a Prism row, a threat) under the vendor's field names.
import type { Blueprint, Page, Result, VendorKind } from './tenantApi';

/** A vendor's own record, field names as the vendor sends them (shown as-is in tables and `--json`). */
export type VendorRecord = Record<string, unknown>;

/** What a caller can ask for; a vendor without one answers `not-offered` and the UI shows no node. */
export type FleetCapability =
  | 'device-details' | 'device-apps' | 'device-library-items' | 'device-activity' | 'device-commands'
  | 'lost-mode' | 'delete-device' | 'secrets' | 'prism' | 'ade' | 'tags' | 'users' | 'delete-user'
  | 'threats' | 'vulnerabilities' | 'licensing' | 'blueprint-manage' | 'blueprint-templates' | 'enrollment-profile';

export const FLEET_CAPABILITIES: readonly FleetCapability[] = [
  'device-details', 'device-apps', 'device-library-items', 'device-activity', 'device-commands', 'lost-mode',
  'delete-device', 'secrets', 'prism', 'ade', 'tags', 'users', 'delete-user', 'threats', 'vulnerabilities',
  'licensing', 'blueprint-manage', 'blueprint-templates', 'enrollment-profile',
];

export type SecretKind = 'filevault' | 'unlock-pin' | 'bypass-code' | 'recovery-password';
export const SECRET_KINDS: readonly SecretKind[] = ['filevault', 'unlock-pin', 'bypass-code', 'recovery-password'];

/** Human names, for modals and messages (never the value). */
export const SECRET_LABELS: Record<SecretKind, string> = {
  filevault: 'FileVault recovery key',
  'unlock-pin': 'unlock PIN',
  'bypass-code': 'Activation Lock bypass code',
  'recovery-password': 'Recovery Lock password',
};

export interface FleetCapabilities {
  vendor: VendorKind;
  /** The vendor's display name for "not offered by …". */
  vendorName: string;
  offered: ReadonlySet<FleetCapability>;
  /** Which secret kinds exist at this vendor (empty when `secrets` is not offered). */
  secrets: readonly SecretKind[];
}

export function offers(capabilities: FleetCapabilities, capability: FleetCapability): boolean {
  return capabilities.offered.has(capability);
}

// ---- Device detail ----

/** One section of a device's details: ordered label → value pairs, values already rendered as text. */
export interface DetailSection {
  id: 'general' | 'hardware' | 'mdm' | 'filevault' | 'activation-lock' | 'network' | 'lost-mode' | 'users';
  title: string;
  fields: { label: string; value: string }[];
}

export interface DeviceFullDetails {
  deviceId: string;
  name: string;
  sections: DetailSection[];
  /** The device is in lost mode (or a lost-mode command is pending). */
  lostModeEnabled?: boolean;
}

export interface DeviceApp {
  name: string;
  bundleId?: string;
  version?: string;
  source?: string;
  path?: string;
}

export interface DeviceLibraryItemState {
  itemId: string;
  name: string;
  /** Vendor item type (Kandji `type`: profile, custom-app, threat-security-policy …). */
  type: string;
  status: 'success' | 'pending' | 'failed' | 'excluded' | 'unknown';
  /** The vendor's status word, as it said it. */
  rawStatus: string;
  reportedAt?: string;
  /** The last run's log (may be long; never a secret). */
  log?: string;
}

export interface DeviceActivity {
  at: string;
  action: string;
  details: string;
  actor?: string;
}

export interface DeviceCommand {
  id: string;
  type: string;
  status: 'completed' | 'pending' | 'failed' | 'other';
  requestedAt?: string;
  completedAt?: string;
  error?: string;
}

export interface LostModeState {
  enabled: boolean;
  /** Pending / enabled / disabled as the vendor says it. */
  status: string;
  message?: string;
  phone?: string;
  footnote?: string;
  location?: { latitude: number; longitude: number; at?: string };
}

// ---- Reports (Prism) ----

export type PrismCategory =
  | 'apps' | 'activation_lock' | 'application_firewall' | 'cellular' | 'certificates' | 'desktop_and_screensaver'
  | 'device_information' | 'filevault' | 'gatekeeper_and_xprotect' | 'installed_profiles' | 'kernel_extensions'
  | 'launch_agents_and_daemons' | 'local_users' | 'startup_settings' | 'system_extensions' | 'transparency_database';

export const PRISM_CATEGORIES: readonly PrismCategory[] = [
  'apps', 'activation_lock', 'application_firewall', 'cellular', 'certificates', 'desktop_and_screensaver',
  'device_information', 'filevault', 'gatekeeper_and_xprotect', 'installed_profiles', 'kernel_extensions',
  'launch_agents_and_daemons', 'local_users', 'startup_settings', 'system_extensions', 'transparency_database',
];

export const PRISM_TITLES: Record<PrismCategory, string> = {
  apps: 'Applications', activation_lock: 'Activation lock', application_firewall: 'Application firewall',
  cellular: 'Cellular', certificates: 'Certificates', desktop_and_screensaver: 'Desktop and screensaver',
  device_information: 'Device information', filevault: 'FileVault', gatekeeper_and_xprotect: 'Gatekeeper and XProtect',
  installed_profiles: 'Installed profiles', kernel_extensions: 'Kernel extensions',
  launch_agents_and_daemons: 'Launch agents and daemons', local_users: 'Local users', startup_settings: 'Startup settings',
  system_extensions: 'System extensions', transparency_database: 'Transparency database',
};

export interface ReportQuery {
  blueprintId?: string;
  deviceId?: string;
  /** Page size, clamped to the vendor maximum. */
  pageSize?: number;
  /** Vendor field to sort by; a leading `-` sorts descending. */
  sortBy?: string;
}

export type ExportState =
  | { state: 'pending'; exportId: string }
  | { state: 'ready'; exportId: string; downloadUrl: string }
  | { state: 'failed'; exportId: string; message: string };

// ---- ADE, tags, users, threats, vulnerabilities, licensing, blueprints ----

export interface AdeIntegration {
  id: string;
  name: string;
  serverName?: string;
  email?: string;
  phone?: string;
  expiresAt?: string;
  lastSync?: string;
  deviceCount?: number;
  defaultBlueprintName?: string;
}

export interface AdeDevice {
  id: string;
  serial: string;
  model?: string;
  description?: string;
  family?: string;
  os?: string;
  color?: string;
  assignedBy?: string;
  assignedAt?: string;
  blueprintName?: string;
  /** The enrolled device's id in the tenant, when it has enrolled. */
  deviceId?: string;
  user?: string;
  integrationId?: string;
}

export interface AdeIntegrationRenewal {
  /** Upload: the MDM server token (.p7m) from Apple Business Manager. */
  file: Uint8Array;
  fileName: string;
  blueprintId: string;
  email: string;
  phone: string;
}

export interface Tag {
  id: string;
  name: string;
}

export interface TenantUser {
  id: string;
  name: string;
  email?: string;
  username?: string;
  active?: boolean;
  archived?: boolean;
  deviceCount?: number;
  department?: string;
  jobTitle?: string;
  createdAt?: string;
}

export interface License {
  /** Counts by what the vendor licenses (computers, iOS, tvOS …), label → used / total. */
  counts: { label: string; used: number; total?: number }[];
  tier?: string;
  expiresAt?: string;
  /** The vendor's record as sent. */
  raw: VendorRecord;
}

export interface BlueprintTemplate {
  id: string;
  name: string;
  description?: string;
}

export interface BlueprintDraft {
  name: string;
  description?: string;
  /** Kandji: start from a template id (or a blank classic blueprint). */
  sourceTemplateId?: string;
}

export interface EnrollmentProfile {
  /** The signed or plain .mobileconfig bytes as the vendor served them. */
  bytes: Uint8Array;
  /** A file name suggested by the vendor or built from the blueprint's name. */
  fileName: string;
}

/** The fleet operations. A vendor without a capability answers `not-offered` without a request. */
export interface FleetApi {
  capabilities(): FleetCapabilities;

  deviceFullDetails(deviceId: string): Promise<Result<DeviceFullDetails>>;
  deviceApps(deviceId: string): Promise<Result<DeviceApp[]>>;
  deviceLibraryItems(deviceId: string): Promise<Result<DeviceLibraryItemState[]>>;
  /** Pages of history, newest first. */
  deviceActivity(deviceId: string, cursor?: string): Promise<Result<Page<DeviceActivity>>>;
  deviceCommands(deviceId: string, cursor?: string): Promise<Result<Page<DeviceCommand>>>;
  lostMode(deviceId: string): Promise<Result<LostModeState>>;
  cancelLostMode(deviceId: string): Promise<Result<void>>;
  /** Not retried; the caller asks for a typed confirmation first. */
  deleteDevice(deviceId: string): Promise<Result<void>>;
  /** The value is for display only: never log it, never put it in an error. The request log says "secret read". */
  deviceSecret(deviceId: string, kind: SecretKind): Promise<Result<{ value: string }>>;

  /** Every category with its row count, or the count of one category. */
  reportCount(category: PrismCategory, query?: ReportQuery): Promise<Result<number>>;
  reportPage(category: PrismCategory, query?: ReportQuery, cursor?: string): Promise<Result<Page<VendorRecord>>>;
  requestReportExport(category: PrismCategory, query?: ReportQuery): Promise<Result<ExportState>>;
  reportExportState(exportId: string): Promise<Result<ExportState>>;
  /** Fetches the export's download URL (another host) without the tenant's credentials. */
  downloadReportExport(downloadUrl: string): Promise<Result<Uint8Array>>;

  adeIntegrations(): Promise<Result<AdeIntegration[]>>;
  /** All ADE devices, or those of one integration. */
  adeDevices(integrationId?: string, cursor?: string): Promise<Result<Page<AdeDevice>>>;
  adeDevice(adeDeviceId: string): Promise<Result<AdeDevice>>;
  adePublicKey(): Promise<Result<string>>;
  renewAdeIntegration(integrationId: string, renewal: AdeIntegrationRenewal): Promise<Result<AdeIntegration>>;

  listTags(search?: string): Promise<Result<Tag[]>>;
  createTag(name: string): Promise<Result<Tag>>;
  renameTag(id: string, name: string): Promise<Result<Tag>>;
  deleteTag(id: string): Promise<Result<void>>;

  listUsers(cursor?: string): Promise<Result<Page<TenantUser>>>;
  getUser(id: string): Promise<Result<TenantUser>>;
  deleteUser(id: string): Promise<Result<void>>;

  threats(cursor?: string): Promise<Result<Page<VendorRecord>>>;
  behavioralDetections(cursor?: string): Promise<Result<Page<VendorRecord>>>;

  vulnerabilities(cursor?: string): Promise<Result<Page<VendorRecord>>>;
  vulnerability(cveId: string): Promise<Result<VendorRecord>>;
  vulnerabilityDevices(cveId: string, cursor?: string): Promise<Result<Page<VendorRecord>>>;
  vulnerabilityApps(cveId: string, cursor?: string): Promise<Result<Page<VendorRecord>>>;
  vulnerabilityDetections(cursor?: string): Promise<Result<Page<VendorRecord>>>;

  licensing(): Promise<Result<License>>;

  createBlueprint(draft: BlueprintDraft): Promise<Result<Blueprint>>;
  renameBlueprint(id: string, name: string): Promise<Result<Blueprint>>;
  /** Not retried; the caller asks for a typed confirmation first. */
  deleteBlueprint(id: string): Promise<Result<void>>;
  blueprintTemplates(): Promise<Result<BlueprintTemplate[]>>;
  enrollmentProfile(blueprintId: string): Promise<Result<EnrollmentProfile>>;
}
