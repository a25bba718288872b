// Key facts of ../shared/api/kandji.md and jumpcloud.md as data, each with the section it comes from.
// The contract test asserts every row against a running simulator, so the simulator cannot drift silently.

/** One request and what the notes say comes back. Path placeholders are filled from the tenant: {profile},
 * {blueprint}, {classic} + {free} (a profile not on it), {device}, {mac}, {iphone}, {policy}, {group}, {system}, {mdm}, {macMdm}, {phoneMdm}. */
export interface Fact {
  section: string;
  what: string;
  method: string;
  path: string;
  /** JSON body, or 'multipart-profile' for a valid custom-profile upload. */
  body?: unknown;
  auth?: false;
  status: number;
  contentType?: RegExp;
  /** Top-level keys the JSON body must have (for arrays: keys of the first element). */
  keys?: string[];
  /** Exact JSON body. */
  equals?: unknown;
  /** Body must be a JSON array / an empty body. */
  array?: true;
  empty?: true;
  maxItems?: number;
  headers?: Record<string, RegExp>;
}

export const KANDJI_FACTS: Fact[] = [
  // §1.2 Authentication: Bearer token on every request.
  { section: '1.2', what: 'no token is 401', method: 'GET', path: '/api/v1/blueprints', auth: false, status: 401, keys: ['detail'] },
  // §1.1 Trailing slashes: the server tolerates both forms.
  { section: '1.1', what: 'trailing slash accepted', method: 'GET', path: '/api/v1/devices/?limit=1', status: 200, array: true },
  // §2 style A envelope for custom profiles, blueprints, list-library-items, status.
  { section: '2', what: 'custom profiles envelope', method: 'GET', path: '/api/v1/library/custom-profiles', status: 200, keys: ['count', 'next', 'previous', 'results'] },
  { section: '2', what: 'blueprints envelope', method: 'GET', path: '/api/v1/blueprints', status: 200, keys: ['count', 'next', 'previous', 'results'] },
  { section: '7.2', what: 'list-library-items envelope', method: 'GET', path: '/api/v1/blueprints/{blueprint}/list-library-items', status: 200, keys: ['count', 'next', 'previous', 'results'] },
  { section: '6.1', what: 'library item status envelope', method: 'GET', path: '/api/v1/library/library-items/{profile}/status', status: 200, keys: ['count', 'next', 'previous', 'results'] },
  { section: '6.3', what: 'library item activity envelope', method: 'GET', path: '/api/v1/library/library-items/{profile}/activity', status: 200, keys: ['count', 'next', 'previous', 'results'] },
  // §2 style B: devices are a bare array, at most 300 per request (limit > 300 clamped: unverified, tolerant).
  { section: '2', what: 'devices bare array, 300 max', method: 'GET', path: '/api/v1/devices?limit=300', status: 200, array: true, maxItems: 300 },
  { section: '2', what: 'devices limit above 300 clamped', method: 'GET', path: '/api/v1/devices?limit=1000', status: 200, array: true, maxItems: 300 },
  // §3 rate-limit headers on every response, 404s included.
  {
    section: '3', what: 'rate-limit headers', method: 'GET', path: '/api/v1/blueprints/00000000-0000-4000-8000-000000000000', status: 404,
    headers: { 'ratelimit-limit': /^50$/, 'ratelimit-remaining': /^\d+$/, 'ratelimit-reset': /^\d+$/, 'x-ratelimit-limit-hour': /^10000$/, 'x-ratelimit-remaining-hour': /^\d+$/, 'x-ratelimit-limit-second': /^50$/, 'x-ratelimit-remaining-second': /^\d+$/ },
  },
  // §4 error shapes: HTML 404 for custom-profile paths, {"detail": "Not found."} for blueprints.
  { section: '4', what: 'HTML 404 deleting an unknown custom profile', method: 'DELETE', path: '/api/v1/library/custom-profiles/00000000-0000-4000-8000-000000000000', status: 404, contentType: /text\/html/ },
  { section: '4', what: 'detail 404 for an unknown blueprint', method: 'GET', path: '/api/v1/blueprints/00000000-0000-4000-8000-000000000000', status: 404, equals: { detail: 'Not found.' } },
  { section: '4', what: '415 for a JSON profile upload', method: 'POST', path: '/api/v1/library/custom-profiles', body: { name: 'x' }, status: 415, keys: ['detail'] },
  // §5.1 / §5.4 custom profile object and create.
  {
    section: '5.4', what: 'create is 201 with the full object', method: 'POST', path: '/api/v1/library/custom-profiles', body: 'multipart-profile', status: 201,
    keys: ['id', 'name', 'active', 'profile', 'mdm_identifier', 'runs_on_mac', 'runs_on_iphone', 'runs_on_ipad', 'runs_on_tv', 'runs_on_vision', 'runs_on_android', 'runs_on_windows', 'created_at', 'updated_at'],
  },
  { section: '5.3', what: 'get one custom profile', method: 'GET', path: '/api/v1/library/custom-profiles/{profile}', status: 200, keys: ['id', 'profile', 'mdm_identifier'] },
  { section: '5.6', what: 'delete is 204 with no body', method: 'DELETE', path: '/api/v1/library/custom-profiles/{profile}', status: 204, empty: true },
  // §7.1 blueprint object; §7.3 assignment rules.
  { section: '7.1', what: 'blueprint object', method: 'GET', path: '/api/v1/blueprints/{blueprint}', status: 200, keys: ['id', 'name', 'icon', 'color', 'description', 'params', 'computers_count', 'enrollment_code', 'type'] },
  { section: '7.3', what: 'classic refuses a node id', method: 'POST', path: '/api/v1/blueprints/{classic}/assign-library-item', body: { library_item_id: '{free}', assignment_node_id: '00000000-0000-4000-8000-000000000000' }, status: 400, equals: 'assignment_node_id cannot be provided for Classic Blueprint' },
  { section: '7.2', what: 'assign returns every id on the blueprint', method: 'POST', path: '/api/v1/blueprints/{classic}/assign-library-item', body: { library_item_id: '{free}' }, status: 200, array: true },
  { section: '7.3', what: 'unknown blueprint', method: 'POST', path: '/api/v1/blueprints/00000000-0000-4000-8000-000000000000/assign-library-item', body: { library_item_id: '{profile}' }, status: 404, equals: { detail: 'Not found.' } },
  // §8 devices.
  {
    section: '8.2', what: 'device object', method: 'GET', path: '/api/v1/devices/{device}', status: 200,
    keys: ['device_id', 'device_name', 'model', 'serial_number', 'platform', 'os_version', 'last_check_in', 'user', 'asset_tag', 'blueprint_id', 'blueprint_name', 'mdm_enabled', 'agent_installed', 'is_missing', 'is_removed', 'agent_version', 'first_enrollment', 'last_enrollment', 'lost_mode_status', 'tags'],
  },
  { section: '8.3', what: 'device details sections', method: 'GET', path: '/api/v1/devices/{mac}/details', status: 200, keys: ['general', 'mdm', 'activation_lock', 'filevault', 'lost_mode', 'automated_device_enrollment', 'kandji_agent', 'hardware_overview', 'volumes', 'network', 'recovery_information', 'users', 'installed_profiles', 'apple_business_manager', 'security_information', 'cellular', 'tags'] },
  { section: '8.3', what: 'device library items', method: 'GET', path: '/api/v1/devices/{device}/library-items', status: 200, keys: ['device_id', 'library_items'] },
  { section: '8.3', what: 'device status', method: 'GET', path: '/api/v1/devices/{device}/status', status: 200, keys: ['device_id', 'library_items', 'parameters'] },
  { section: '8.3', what: 'device commands', method: 'GET', path: '/api/v1/devices/{device}/commands?limit=10', status: 200, keys: ['device_id', 'commands'] },
  // §9 actions: 200 empty, Mac lock returns a PIN; unsupported platform is a bare string 400; delete is 204.
  { section: '9', what: 'blankpush 200 empty', method: 'POST', path: '/api/v1/devices/{iphone}/action/blankpush', status: 200, empty: true },
  { section: '9', what: 'Mac lock returns a PIN', method: 'POST', path: '/api/v1/devices/{mac}/action/lock', status: 200, keys: ['PIN'] },
  { section: '9', what: 'clear passcode not on Mac', method: 'POST', path: '/api/v1/devices/{mac}/action/clearpasscode', status: 400, equals: 'Command is not allowed for current device' },
  { section: '8.3', what: 'delete device 204', method: 'DELETE', path: '/api/v1/devices/{iphone}', status: 204, empty: true },
];

export const JUMPCLOUD_FACTS: Fact[] = [
  // §1.2 x-api-key on every request.
  { section: '1.2', what: 'no key is 401', method: 'GET', path: '/api/v2/policies', auth: false, status: 401, keys: ['message'] },
  // §2 v2 lists: bare arrays, limit max 100, x-total-count; v1: {totalCount, results}.
  { section: '2', what: 'v2 bare array with x-total-count', method: 'GET', path: '/api/v2/systemgroups?limit=100', status: 200, array: true, maxItems: 100, headers: { 'x-total-count': /^\d+$/ } },
  { section: '2', what: 'v2 limit clamped to 100', method: 'GET', path: `/api/v2/applemdms/{mdm}/devices?limit=1000`, status: 200, array: true, maxItems: 100 },
  { section: '2', what: 'v1 systems envelope', method: 'GET', path: '/api/systems?limit=100', status: 200, keys: ['totalCount', 'results'] },
  { section: '9', what: 'v1 $eq filter on os', method: 'GET', path: '/api/systems?filter=os:$eq:Mac%20OS%20X&limit=5', status: 200, keys: ['totalCount', 'results'] },
  // §3.1 v2 Error schema.
  { section: '3.1', what: 'v2 Error body', method: 'GET', path: '/api/v2/policies/0123456789abcdef01234567', status: 404, keys: ['code', 'message', 'status'] },
  // §4.1 template lookup by name; list omits configFields, detail has them.
  { section: '4.1', what: 'template by name', method: 'GET', path: '/api/v2/policytemplates?filter=name:eq:custom_mdm_profile_darwin', status: 200, array: true, keys: ['id', 'name', 'displayName', 'osMetaFamily'] },
  { section: '4.1', what: 'template detail with configFields', method: 'GET', path: '/api/v2/policytemplates/5f21c4d3b544067fd53ba0af', status: 200, keys: ['id', 'name', 'configFields'] },
  // §4.3 create 201 PolicyWithDetails; §4.4 get/update/delete.
  {
    section: '4.3', what: 'policy create', method: 'POST', path: '/api/v2/policies', status: 201, keys: ['id', 'name', 'template', 'values', 'configFields'],
    body: { name: 'Contract', template: { id: '5f21c4d3b544067fd53ba0af' }, values: [{ configFieldID: '5f21c4d3b544067fd53ba0b0', configFieldName: 'payload', value: '{payloadB64}' }] },
  },
  { section: '4.4', what: 'policy list is shallow', method: 'GET', path: '/api/v2/policies', status: 200, array: true, keys: ['id', 'name', 'template'] },
  { section: '4.4', what: 'policy get with values', method: 'GET', path: '/api/v2/policies/{policy}', status: 200, keys: ['id', 'name', 'template', 'values', 'configFields'] },
  {
    section: '4.4', what: 'policy update 200 shallow', method: 'PUT', path: '/api/v2/policies/{policy}', status: 200, keys: ['id', 'name', 'template'],
    body: { name: 'Contract 2', values: [{ configFieldID: '5f21c4d3b544067fd53ba0b0', configFieldName: 'payload', value: '{payloadB64}' }] },
  },
  // §6.1 associations.
  { section: '6.1', what: 'targets required', method: 'GET', path: '/api/v2/policies/{policy}/associations', status: 400 },
  { section: '6.1', what: 'add association 204', method: 'POST', path: '/api/v2/policies/{policy}/associations', body: { op: 'add', type: 'system_group', id: '{group}' }, status: 204, empty: true },
  { section: '6.1', what: 'read associations', method: 'GET', path: '/api/v2/policies/{policy}/associations?targets=system_group', status: 200, array: true, keys: ['to', 'attributes'] },
  // §5 policy statuses (PolicyResult fields).
  { section: '5', what: 'policy statuses', method: 'GET', path: '/api/v2/policies/{policy}/policystatuses', status: 200, array: true, keys: ['id', 'policyID', 'systemID', 'startedAt', 'endedAt', 'state', 'success', 'exitStatus', 'stdOut', 'stdErr', 'detail'] },
  // §7 system groups.
  { section: '7', what: 'create group 201', method: 'POST', path: '/api/v2/systemgroups', body: { name: 'Contract group' }, status: 201, keys: ['id', 'name', 'type'] },
  { section: '7', what: 'add member 204', method: 'POST', path: '/api/v2/systemgroups/{group}/members', body: { op: 'add', type: 'system', id: '{system}' }, status: 204, empty: true },
  // §9 system fields.
  { section: '9', what: 'system object', method: 'GET', path: '/api/systems/{system}', status: 200, keys: ['_id', 'displayName', 'hostname', 'serialNumber', 'os', 'osFamily', 'version', 'arch', 'agentVersion', 'active', 'lastContact', 'created', 'organization', 'fde', 'osVersionDetail', 'isPolicyBound', 'policyStats', 'builtInCommands', 'mdm'] },
  // §10 Apple MDM.
  { section: '10.1', what: 'one Apple MDM', method: 'GET', path: '/api/v2/applemdms', status: 200, array: true, maxItems: 1, keys: ['id', 'name', 'apnsPushTopic', 'depServerTokenState'] },
  { section: '10.2', what: 'MDM device fields', method: 'GET', path: '/api/v2/applemdms/{mdm}/devices/{macMdm}', status: 200, keys: ['id', 'serialNumber', 'udid', 'osVersion', 'createdAt', 'enrolled', 'depRegistered', 'deviceInformation', 'securityInfo'] },
  { section: '10.3', what: 'macOS lock needs a pin', method: 'POST', path: '/api/v2/applemdms/{mdm}/devices/{macMdm}/lock', body: {}, status: 400, keys: ['message'] },
  { section: '10.3', what: 'lock with pin 204', method: 'POST', path: '/api/v2/applemdms/{mdm}/devices/{macMdm}/lock', body: { pin: '123456' }, status: 204, empty: true },
  { section: '10.3', what: 'iPhone restart 204', method: 'POST', path: '/api/v2/applemdms/{mdm}/devices/{phoneMdm}/restart', status: 204, empty: true },
  { section: '4.4', what: 'policy delete 204', method: 'DELETE', path: '/api/v2/policies/{policy}', status: 204, empty: true },
];

/** Endpoints the notes list that the simulator deliberately does not model (listed in docs/simulator.md). */
export const NOT_MODELLED: Record<string, string> = {
  'GET /api/v1/blueprints/templates': 'blueprint templates: not used by Profile Studio',
  'GET /api/v1/blueprints/{x}/ota-enrollment-profile': 'enrollment profile download: not used',
  'GET /api/v1/tags': 'tags API: not used', 'POST /api/v1/tags': 'tags API: not used',
  'PATCH /api/v1/tags/{x}': 'tags API: not used', 'DELETE /api/v1/tags/{x}': 'tags API: not used',
  'GET /api/v1/users': 'users API: not used', 'GET /api/v1/users/{x}': 'users API: not used', 'DELETE /api/v1/users/{x}': 'users API: not used',
  'GET /api/v1/devices/{x}/parameters': 'macOS parameters: not used',
  'GET /api/v1/devices/{x}/activity': 'device activity: not used',
  'GET /api/v1/devices/{x}/apps': 'installed apps: not used',
  'GET /api/v1/devices/{x}/details/lostmode': 'lost mode details: not used',
  'GET /api/v1/devices/{x}/secrets/bypasscode': 'device secrets: never read by Profile Studio',
  'POST /api/v1/devices/{x}/notes': 'device notes: not used',
  'DELETE /api/v1/devices/{x}/notes/{x}': 'device notes: not used',
  'GET /api/organizations': 'MSP organisation list: not used',
  'POST /api/systems/{x}/command/builtin/{x}': 'Linux/Windows built-in commands: Apple devices use MDM commands',
  'PUT /api/v2/applemdms/{x}': 'Profile Studio must not change the MDM configuration',
  'POST /api/v2/policygroups': 'policy groups: not used',
  'POST /api/v2/policygroups/{x}/associations': 'policy groups: not used',
  'POST /api/v2/policygroups/{x}/members': 'policy groups: not used',
};

/** Kandji §7.3 messages the simulator never produces, with the reason. */
export const MESSAGES_NOT_MODELLED: Record<string, string> = {
  'Assignment node can only have one of this Library Item type.': 'library item types per node are not modelled (only custom profiles are assigned)',
};
