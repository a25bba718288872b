// Every vendor operation the tenant client calls, one table per vendor: the request as we send it, the
// definition's operation it must satisfy, and what calls it. The contract tier fails on a call that is in no
// row (add the row) and on a row no test exercised. docs/api.md shows the same table; a test keeps them equal.
// To cover a new endpoint: add a row here, exercise it in the vendor's contract test, and add the docs row.
import type { ContractVendor } from './prism';

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path the client sends, with `{name}` for each variable segment. */
  path: string;
  /** File under ../shared/api/specs. */
  spec: string;
  operationId: string;
  /** TenantApi methods (and so the CLI commands and extension features over them) that send it. */
  usedBy: string;
}

const K = 'kandji/openapi.prism.json';
const V1 = 'jumpcloud/JumpCloud.SDK.V1.json';
const V2 = 'jumpcloud/jcapi2-openapi.yaml';

const kandjiActions = [
  ['blankpush', 'deviceActions_sendBlankpush'], ['updateinventory', 'deviceActions_updateInventory'], ['renewmdmprofile', 'deviceActions_renewMdmProfile'],
  ['setname', 'deviceActions_setName'], ['restart', 'deviceActions_restartDevice'], ['shutdown', 'deviceActions_shutdown'], ['lock', 'deviceActions_lockDevice'],
  ['erase', 'deviceActions_eraseDevice'], ['clearpasscode', 'deviceActions_clearPasscode'], ['reinstallagent', 'deviceActions_reinstallAgent'],
  ['unlockaccount', 'deviceActions_unlockAccount'], ['remotedesktop', 'deviceActions_remoteDesktop'], ['deleteuser', 'deviceActions_deleteUser'],
] as const;

const prismCategories = [
  ['apps','prism_applications'], ['activation_lock','prism_activationLock'], ['application_firewall','prism_applicationFirewall'], ['cellular','prism_cellular'], ['certificates','prism_certificates'], ['desktop_and_screensaver','prism_desktopAndScreensaver'], ['device_information','prism_deviceInformation'], ['filevault','prism_filevault'], ['gatekeeper_and_xprotect','prism_gatekeeperAndXprotect'], ['installed_profiles','prism_installedProfiles'], ['kernel_extensions','prism_kernelExtensions'], ['launch_agents_and_daemons','prism_launchAgentsAndDaemons'], ['local_users','prism_localUsers'], ['startup_settings','prism_startupSettings'], ['system_extensions','prism_systemExtensions'], ['transparency_database','prism_transparencyDatabase'],
] as const;

const ADE = '/api/v1/integrations/apple/ade';
const VULN = '/api/v1/vulnerability-management';

export const KANDJI_OPERATIONS: Operation[] = [
  { method: 'GET', path: '/api/v1/library/custom-profiles', spec: K, operationId: 'customProfiles_listCustomProfiles', usedBy: 'listProfiles, blueprintItems (join), createProfile (re-read by name)' },
  { method: 'POST', path: '/api/v1/library/custom-profiles', spec: K, operationId: 'customProfiles_createCustomProfile', usedBy: 'createProfile' },
  { method: 'GET', path: '/api/v1/library/custom-profiles/{id}', spec: K, operationId: 'customProfiles_getCustomProfile', usedBy: 'getProfile, updateProfile (conflict guard)' },
  { method: 'PATCH', path: '/api/v1/library/custom-profiles/{id}', spec: K, operationId: 'customProfiles_updateCustomProfile', usedBy: 'updateProfile, setActive' },
  { method: 'DELETE', path: '/api/v1/library/custom-profiles/{id}', spec: K, operationId: 'customProfiles_deleteCustomProfile', usedBy: 'deleteProfile' },
  { method: 'GET', path: '/api/v1/library/library-items/{id}/status', spec: K, operationId: 'libraryItems_getLibraryItemStatuses', usedBy: 'profileStatus' },
  { method: 'GET', path: '/api/v1/library/library-items/{id}/activity', spec: K, operationId: 'libraryItems_getLibraryItemActivity', usedBy: 'profileActivity' },
  { method: 'GET', path: '/api/v1/blueprints', spec: K, operationId: 'blueprints_listBlueprints', usedBy: 'verify, listBlueprints' },
  { method: 'GET', path: '/api/v1/blueprints/{id}', spec: K, operationId: 'blueprints_getBlueprint', usedBy: 'assignmentNodes (the blueprint exists)' },
  { method: 'GET', path: '/api/v1/blueprints/{id}/list-library-items', spec: K, operationId: 'blueprints_listLibraryItems', usedBy: 'blueprintItems' },
  { method: 'POST', path: '/api/v1/blueprints/{id}/assign-library-item', spec: K, operationId: 'blueprints_removeLibraryItem', usedBy: 'assign' },
  { method: 'POST', path: '/api/v1/blueprints/{id}/remove-library-item', spec: K, operationId: 'blueprints_removeLibraryItem', usedBy: 'unassign' },
  { method: 'GET', path: '/api/v1/devices', spec: K, operationId: 'deviceInformation_listDevices', usedBy: 'listDevices (platform, blueprint, name search)' },
  { method: 'GET', path: '/api/v1/devices/{id}', spec: K, operationId: 'deviceInformation_getDevice', usedBy: 'getDevice, runDeviceAction' },
  { method: 'GET', path: '/api/v1/devices/{id}/details', spec: K, operationId: 'deviceInformation_getDeviceDetails', usedBy: 'getDevice (facts)' },
  { method: 'GET', path: '/api/v1/devices/{id}/library-items', spec: K, operationId: 'deviceInformation_getDeviceLibraryItems', usedBy: 'deviceProfiles' },
  ...kandjiActions.map(([action, operationId]): Operation => ({ method: 'POST', path: `/api/v1/devices/{id}/action/${action}`, spec: K, operationId, usedBy: `runDeviceAction ${action}` })),
  { method: 'GET', path: '/api/v1/devices/{id}/apps', spec: K, operationId: 'deviceInformation_getDeviceApps', usedBy: 'deviceApps' },
  { method: 'GET', path: '/api/v1/devices/{id}/activity', spec: K, operationId: 'deviceInformation_getDeviceActivity', usedBy: 'deviceActivity' },
  { method: 'GET', path: '/api/v1/devices/{id}/commands', spec: K, operationId: 'deviceActions_getDeviceCommands', usedBy: 'deviceCommands' },
  { method: 'GET', path: '/api/v1/devices/{id}/details/lostmode', spec: K, operationId: 'deviceInformation_getDeviceLostModeDetails', usedBy: 'lostMode' },
  { method: 'DELETE', path: '/api/v1/devices/{id}/details/lostmode', spec: K, operationId: 'deviceInformation_cancelLostMode', usedBy: 'cancelLostMode' },
  { method: 'DELETE', path: '/api/v1/devices/{id}', spec: K, operationId: 'deviceActions_deleteDevice', usedBy: 'deleteDevice' },
  { method: 'GET', path: '/api/v1/devices/{id}/secrets/filevaultkey', spec: K, operationId: 'deviceSecrets_getFilevaultRecoveryKey', usedBy: 'deviceSecret filevault' },
  { method: 'GET', path: '/api/v1/devices/{id}/secrets/unlockpin', spec: K, operationId: 'deviceSecrets_getUnlockPin', usedBy: 'deviceSecret unlock-pin' },
  { method: 'GET', path: '/api/v1/devices/{id}/secrets/bypasscode', spec: K, operationId: 'deviceSecrets_getActivationLockBypassCode', usedBy: 'deviceSecret bypass-code' },
  { method: 'GET', path: '/api/v1/devices/{id}/secrets/recoverypassword', spec: K, operationId: 'deviceSecrets_getRecoveryLockPassword', usedBy: 'deviceSecret recovery-password' },
  ...prismCategories.map(([category, operationId]): Operation => ({ method: 'GET', path: `/api/v1/prism/${category}`, spec: K, operationId, usedBy: `reportPage ${category}` })),
  { method: 'GET', path: '/api/v1/prism/count', spec: K, operationId: 'prism_count', usedBy: 'reportCount' },
  { method: 'POST', path: '/api/v1/prism/export', spec: K, operationId: 'prism_requestCategoryExport', usedBy: 'requestReportExport' },
  { method: 'GET', path: '/api/v1/prism/export/{id}', spec: K, operationId: 'prism_getCategoryExport', usedBy: 'reportExportState' },
  { method: 'GET', path: ADE, spec: K, operationId: 'automatedDeviceEnrollmentIntegrations_listAdeIntegrations', usedBy: 'adeIntegrations' },
  { method: 'GET', path: `${ADE}/devices`, spec: K, operationId: 'automatedDeviceEnrollmentIntegrations_listAdeDevices', usedBy: 'adeDevices' },
  { method: 'GET', path: `${ADE}/devices/{id}`, spec: K, operationId: 'automatedDeviceEnrollmentIntegrations_getAdeDevice', usedBy: 'adeDevice' },
  { method: 'GET', path: `${ADE}/{id}/devices`, spec: K, operationId: 'automatedDeviceEnrollmentIntegrations_listDevicesAssociatedToAdeToken', usedBy: 'adeDevices (one integration)' },
  { method: 'GET', path: `${ADE}/public_key/`, spec: K, operationId: 'automatedDeviceEnrollmentIntegrations_downloadAdePublicKey', usedBy: 'adePublicKey' },
  { method: 'POST', path: `${ADE}/{id}/renew`, spec: K, operationId: 'automatedDeviceEnrollmentIntegrations_renewAdeIntegration', usedBy: 'renewAdeIntegration' },
  { method: 'GET', path: '/api/v1/tags', spec: K, operationId: 'tags_getTags', usedBy: 'listTags' },
  { method: 'POST', path: '/api/v1/tags', spec: K, operationId: 'tags_createTag', usedBy: 'createTag' },
  { method: 'PATCH', path: '/api/v1/tags/{id}', spec: K, operationId: 'tags_updateTag', usedBy: 'renameTag' },
  { method: 'DELETE', path: '/api/v1/tags/{id}', spec: K, operationId: 'tags_deleteTag', usedBy: 'deleteTag' },
  { method: 'GET', path: '/api/v1/users', spec: K, operationId: 'users_listUsers', usedBy: 'listUsers' },
  { method: 'GET', path: '/api/v1/users/{id}', spec: K, operationId: 'users_getUser', usedBy: 'getUser' },
  { method: 'DELETE', path: '/api/v1/users/{id}', spec: K, operationId: 'users_deleteUser', usedBy: 'deleteUser' },
  { method: 'GET', path: '/api/v1/threat-details', spec: K, operationId: 'threats_getThreatDetails', usedBy: 'threats' },
  { method: 'GET', path: '/api/v1/behavioral-detections', spec: K, operationId: 'threats_getBehavioralDetections', usedBy: 'behavioralDetections' },
  { method: 'GET', path: `${VULN}/vulnerabilities`, spec: K, operationId: 'vulnerabilities_listVulnerabilities', usedBy: 'vulnerabilities' },
  { method: 'GET', path: `${VULN}/vulnerabilities/{id}`, spec: K, operationId: 'vulnerabilities_getVulnerabilityDescription', usedBy: 'vulnerability' },
  { method: 'GET', path: `${VULN}/vulnerabilities/{id}/devices`, spec: K, operationId: 'vulnerabilities_listAffectedDevices', usedBy: 'vulnerabilityDevices' },
  { method: 'GET', path: `${VULN}/vulnerabilities/{id}/applications`, spec: K, operationId: 'vulnerabilities_listAffectedApps', usedBy: 'vulnerabilityApps' },
  { method: 'GET', path: `${VULN}/detections`, spec: K, operationId: 'vulnerabilities_listDetections', usedBy: 'vulnerabilityDetections' },
  { method: 'GET', path: '/api/v1/settings/licensing', spec: K, operationId: 'settings_licensing', usedBy: 'licensing' },
  { method: 'POST', path: '/api/v1/blueprints', spec: K, operationId: 'blueprints_createBlueprint', usedBy: 'createBlueprint (form-urlencoded)' },
  { method: 'PATCH', path: '/api/v1/blueprints/{id}', spec: K, operationId: 'blueprints_updateBlueprint', usedBy: 'renameBlueprint (form-urlencoded)' },
  { method: 'DELETE', path: '/api/v1/blueprints/{id}', spec: K, operationId: 'blueprints_deleteBlueprint', usedBy: 'deleteBlueprint' },
  { method: 'GET', path: '/api/v1/blueprints/templates/', spec: K, operationId: 'blueprints_getBlueprintTemplates', usedBy: 'blueprintTemplates' },
  { method: 'GET', path: '/api/v1/blueprints/{id}/ota-enrollment-profile', spec: K, operationId: 'blueprints_getManualEnrollmentProfile', usedBy: 'enrollmentProfile (not JSON)' },
];

const jumpcloudCommands = [
  ['lock', 'applemdms_deviceslock'], ['erase', 'applemdms_deviceserase'], ['restart', 'applemdms_devicesrestart'], ['shutdown', 'applemdms_devicesshutdown'],
  ['clearActivationLock', 'applemdms_devicesClearActivationLock'], ['refreshActivationLockInformation', 'applemdms_devicesRefreshActivationLockInformation'],
  ['scheduleOSUpdate', 'applemdms_devicesScheduleOSUpdate'], ['osUpdateStatus', 'applemdms_devicesOSUpdateStatus'],
] as const;

export const JUMPCLOUD_OPERATIONS: Operation[] = [
  { method: 'GET', path: '/api/v2/systemgroups', spec: V2, operationId: 'groups_system_list', usedBy: 'verify, listBlueprints' },
  { method: 'GET', path: '/api/v2/policytemplates', spec: V2, operationId: 'policytemplates_list', usedBy: 'createProfile, getProfile, updateProfile (template by name)' },
  { method: 'GET', path: '/api/v2/policytemplates/{id}', spec: V2, operationId: 'policytemplates_get', usedBy: 'the same (configFields: payload and redispatchPolicy ids)' },
  { method: 'GET', path: '/api/v2/policies', spec: V2, operationId: 'policies_list', usedBy: 'listProfiles, blueprintItems, deviceProfiles, createProfile (re-read by name)' },
  { method: 'POST', path: '/api/v2/policies', spec: V2, operationId: 'policies_post', usedBy: 'createProfile' },
  { method: 'GET', path: '/api/v2/policies/{id}', spec: V2, operationId: 'policies_get', usedBy: 'getProfile, updateProfile, setActive, profileActivity, unassign' },
  { method: 'PUT', path: '/api/v2/policies/{id}', spec: V2, operationId: 'policies_put', usedBy: 'updateProfile' },
  { method: 'DELETE', path: '/api/v2/policies/{id}', spec: V2, operationId: 'policies_delete', usedBy: 'deleteProfile' },
  { method: 'GET', path: '/api/v2/policies/{id}/associations', spec: V2, operationId: 'graph_policyAssociationsList', usedBy: 'listProfiles/getProfile (bound = active), setActive' },
  { method: 'POST', path: '/api/v2/policies/{id}/associations', spec: V2, operationId: 'graph_policyAssociationsPost', usedBy: 'assign, unassign, setActive(false)' },
  { method: 'GET', path: '/api/v2/policies/{id}/policystatuses', spec: V2, operationId: 'policystatuses_policiesList', usedBy: 'profileStatus' },
  { method: 'GET', path: '/api/v2/policies/{id}/policyresults', spec: V2, operationId: 'policyresults_list', usedBy: 'profileActivity' },
  { method: 'GET', path: '/api/v2/systemgroups/{id}/associations', spec: V2, operationId: 'graph_systemGroupAssociationsList', usedBy: 'blueprintItems' },
  { method: 'GET', path: '/api/v2/systemgroups/{id}/members', spec: V2, operationId: 'graph_systemGroupMembersList', usedBy: 'listDevices (group)' },
  { method: 'GET', path: '/api/v2/systems/{id}/policystatuses', spec: V2, operationId: 'policystatuses_systemsList', usedBy: 'deviceProfiles' },
  { method: 'GET', path: '/api/v2/applemdms', spec: V2, operationId: 'applemdms_list', usedBy: 'runDeviceAction' },
  { method: 'GET', path: '/api/v2/applemdms/{id}/devices', spec: V2, operationId: 'applemdms_deviceslist', usedBy: 'runDeviceAction (MDM device by serial)' },
  ...jumpcloudCommands.map(([command, operationId]): Operation => ({ method: 'POST', path: `/api/v2/applemdms/{id}/devices/{id}/${command}`, spec: V2, operationId, usedBy: `runDeviceAction ${command}` })),
  { method: 'GET', path: '/api/systems', spec: V1, operationId: 'System_List', usedBy: 'listDevices (all, platform)' },
  { method: 'POST', path: '/api/search/systems', spec: V1, operationId: 'System_Search', usedBy: 'listDevices (search, search + platform)' },
  { method: 'GET', path: '/api/systems/{id}', spec: V1, operationId: 'System_Get', usedBy: 'getDevice, listDevices (group), runDeviceAction' },
  { method: 'DELETE', path: '/api/systems/{id}', spec: V1, operationId: 'System_Delete', usedBy: 'deleteDevice' },
  { method: 'GET', path: '/api/v2/systeminsights/apps', spec: V2, operationId: 'systeminsights_list_apps', usedBy: 'deviceApps' },
  { method: 'GET', path: '/api/systemusers', spec: V1, operationId: 'User_List', usedBy: 'listUsers' },
  { method: 'GET', path: '/api/systemusers/{id}', spec: V1, operationId: 'User_Get', usedBy: 'getUser' },
  { method: 'DELETE', path: '/api/systemusers/{id}', spec: V1, operationId: 'User_Delete', usedBy: 'deleteUser' },
  { method: 'POST', path: '/api/v2/systemgroups', spec: V2, operationId: 'groups_system_post', usedBy: 'createBlueprint' },
  { method: 'GET', path: '/api/v2/systemgroups/{id}', spec: V2, operationId: 'groups_system_get', usedBy: 'renameBlueprint (keeps the description)' },
  { method: 'PUT', path: '/api/v2/systemgroups/{id}', spec: V2, operationId: 'groups_system_put', usedBy: 'renameBlueprint' },
  { method: 'DELETE', path: '/api/v2/systemgroups/{id}', spec: V2, operationId: 'groups_system_delete', usedBy: 'deleteBlueprint' },
];

export const OPERATIONS: Record<ContractVendor, Operation[]> = { kandji: KANDJI_OPERATIONS, jumpcloud: JUMPCLOUD_OPERATIONS };

const matcher = (op: Operation): RegExp => new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}/?$`);

/** The row a sent request belongs to (the most specific path wins: literal segments beat variables). */
export function operationOf(vendor: ContractVendor, method: string, url: string): Operation | undefined {
  const path = url.split('?')[0]!;
  const hits = OPERATIONS[vendor].filter((op) => op.method === method && matcher(op).test(path));
  return hits.sort((a, b) => b.path.replace(/\{\w+\}/g, '').length - a.path.replace(/\{\w+\}/g, '').length)[0];
}
