// JumpCloud's catalog: policy templates and the org's single Apple MDM record. The custom-profile template
// and its field ids are the ones observed on a live tenant (../shared/api/jumpcloud.md §4.1); the other
// templates are stand-ins so clients must filter by template name.
export interface ConfigField {
  id: string;
  name: string;
  label: string;
  displayType: 'file' | 'checkbox' | 'number' | 'text';
  /** `PolicyTemplateConfigField.defaultValue` is a string in both JumpCloud definitions, checkboxes included. */
  defaultValue: string;
  required: boolean;
  sensitive: boolean;
  position: number;
  readOnly: boolean;
  tooltip: { template: string; variables: Record<string, unknown> };
  validators: Record<string, unknown>;
  displayOptions: Record<string, unknown>;
}

export interface PolicyTemplate {
  id: string;
  name: string;
  displayName: string;
  description: string;
  osMetaFamily: 'darwin' | 'ios' | 'windows' | 'linux';
  configFields: ConfigField[];
}

export const CUSTOM_PROFILE_TEMPLATE = 'custom_mdm_profile_darwin';
export const CUSTOM_PROFILE_TEMPLATE_ID = '5f21c4d3b544067fd53ba0af';
export const PAYLOAD_FIELD_ID = '5f21c4d3b544067fd53ba0b0';
export const REDISPATCH_FIELD_ID = '6801173b9d77db0001baeed9';

const field = (id: string, name: string, label: string, displayType: ConfigField['displayType'], defaultValue: string, required: boolean, position: number): ConfigField => ({
  id, name, label, displayType, defaultValue, required, sensitive: false, position, readOnly: false,
  tooltip: { template: '', variables: {} }, validators: {}, displayOptions: {},
});

export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  {
    id: CUSTOM_PROFILE_TEMPLATE_ID,
    name: CUSTOM_PROFILE_TEMPLATE,
    displayName: 'MDM Custom Configuration Profile',
    description: 'Deploys a custom .mobileconfig to macOS devices enrolled in JumpCloud MDM.',
    osMetaFamily: 'darwin',
    configFields: [
      field(PAYLOAD_FIELD_ID, 'payload', 'Mobile Configuration File', 'file', '', true, 1),
      field(REDISPATCH_FIELD_ID, 'redispatchPolicy', 'Re-apply policy on every OS update', 'checkbox', 'true', false, 2),
    ],
  },
  {
    id: '5f21c4d3b544067fd53ba0c1',
    name: 'custom_mdm_profile_iphone',
    displayName: 'MDM Custom Configuration Profile (iOS)',
    description: 'Deploys a custom .mobileconfig to iOS and iPadOS devices.',
    osMetaFamily: 'ios',
    configFields: [field('5f21c4d3b544067fd53ba0c2', 'payload', 'Mobile Configuration File', 'file', '', true, 1)],
  },
  {
    id: '5d2e3f4a5b6c7d8e9f0a1b01',
    name: 'lock_screen_darwin',
    displayName: 'Lock Screen',
    description: 'Locks the screen after a period of inactivity.',
    osMetaFamily: 'darwin',
    configFields: [field('5d2e3f4a5b6c7d8e9f0a1b02', 'timeout', 'Minutes of inactivity', 'number', '5', true, 1)],
  },
  {
    id: '5d2e3f4a5b6c7d8e9f0a1b11',
    name: 'disable_guest_account_darwin',
    displayName: 'Disable Guest Account',
    description: 'Turns off the guest user account.',
    osMetaFamily: 'darwin',
    configFields: [],
  },
  {
    id: '5d2e3f4a5b6c7d8e9f0a1b21',
    name: 'screensaver_darwin',
    displayName: 'Screensaver',
    description: 'Starts the screensaver after a delay.',
    osMetaFamily: 'darwin',
    configFields: [field('5d2e3f4a5b6c7d8e9f0a1b22', 'idleTime', 'Seconds before the screensaver starts', 'number', '600', true, 1)],
  },
];

export const templateByName = (name: string): PolicyTemplate | undefined => POLICY_TEMPLATES.find((t) => t.name === name);
export const templateById = (id: string): PolicyTemplate | undefined => POLICY_TEMPLATES.find((t) => t.id === id);

export function templateJson(t: PolicyTemplate, withFields: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: t.id,
    name: t.name,
    displayName: t.displayName,
    description: t.description,
    osMetaFamily: t.osMetaFamily,
    deliveryTypes: t.name.startsWith('custom_mdm_profile') ? ['mdm'] : ['agent'],
    activation: '',
    behavior: '',
    alert: '',
    reference: '',
    state: '',
    osRestrictions: [],
  };
  if (withFields) base['configFields'] = t.configFields;
  return base;
}

export const APPLE_MDM_ID = '5e9a1f2b3c4d5e6f7a8b9c0d';

export function appleMdmJson(orgId: string): Record<string, unknown> {
  return {
    id: APPLE_MDM_ID,
    name: 'Apple MDM',
    organization: orgId,
    apnsPushTopic: 'com.apple.mgmt.External.0f4b6d2a-7c1e-4b1a-9d8e-3b7f0e2d9a10',
    apnsCertExpiry: '2027-06-30T12:00:00Z',
    appleCertSerialNumber: '6A1B2C3D4E5F',
    appleCertCreatorAppleID: 'mdm-admin@example.com',
    depServerTokenState: 'valid',
    depAccessTokenExpiry: '2027-03-31T12:00:00Z',
    dep: { enableZeroTouchEnrollment: true },
    ades: {},
    allowMobileUserEnrollment: false,
    defaultIosUserEnrollmentDeviceGroupID: '',
  };
}
