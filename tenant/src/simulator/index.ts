// Public face of the tenant simulator (tests, CLI `simulate`, demo scripts).
export { startSimulator, describeSimulator, type Simulator, type SimulatorOptions } from './server';
export { parseFaultSpec, describeFault, FaultController, type FaultSpec, type FaultStatus } from './faults';
export { generateDemo, DEMO_SEED, DEMO_SIZES, type DemoOptions } from './demoData';
export { buildMultipart } from './multipart';
export { sampleProfileXml } from './demoProfiles';
export type { RequestLogEntry } from './requestLog';
export type { SimulatorData, TenantState, SimulatedVendor, WirePlatform } from './state';
export { KANDJI_ACTIONS } from './kandjiDevices';
export { JUMPCLOUD_COMMANDS } from './jumpcloudDevices';
export { CUSTOM_PROFILE_TEMPLATE, CUSTOM_PROFILE_TEMPLATE_ID, PAYLOAD_FIELD_ID, REDISPATCH_FIELD_ID, APPLE_MDM_ID } from './jumpcloudCatalog';
