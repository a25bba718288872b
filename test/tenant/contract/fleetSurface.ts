// Drives every fleet operation the vendor offers once against a contract tenant (after apiSurface.ts).
import assert from 'node:assert/strict';
import { PRISM_CATEGORIES, SECRET_KINDS } from '../../../tenant/src/api/index';
import type { TenantApi } from '../../../tenant/src/api/tenantApi';
import type { Simulator } from '../../../tenant/src/simulator/index';
import { unwrap } from './contractTenant';

export async function exerciseFleet(api: TenantApi, sim: Simulator): Promise<void> {
  const caps = api.capabilities();
  const devices = unwrap(await api.listDevices({ pageSize: 60 }), 'listDevices');
  const mac = devices.items.find((d) => d.platform === 'Mac')!;
  const mobile = devices.items.find((d) => d.platform === 'iPhone' || d.platform === 'iPad')!;
  if (caps.offered.has('device-apps')) unwrap(await api.deviceApps(mac.id), 'deviceApps');
  if (caps.offered.has('device-activity')) unwrap(await api.deviceActivity(mac.id), 'deviceActivity');
  if (caps.offered.has('device-commands')) unwrap(await api.deviceCommands(mac.id), 'deviceCommands');
  if (caps.offered.has('lost-mode')) {
    sim.state.deviceById.get(mobile.id)!.lostMode = true;
    assert.equal(unwrap(await api.lostMode(mobile.id), 'lostMode').enabled, true);
    unwrap(await api.cancelLostMode(mobile.id), 'cancelLostMode');
  }
  if (caps.offered.has('secrets')) for (const kind of SECRET_KINDS) unwrap(await api.deviceSecret(mac.id, kind), `deviceSecret ${kind}`);
  if (caps.offered.has('prism')) {
    for (const category of PRISM_CATEGORIES) unwrap(await api.reportPage(category, { pageSize: 5 }), `reportPage ${category}`);
    unwrap(await api.reportPage('device_information', { pageSize: 5, sortBy: '-device__name' }), 'reportPage sorted');
    unwrap(await api.reportCount('apps'), 'reportCount');
    const requested = unwrap(await api.requestReportExport('filevault'), 'requestReportExport');
    unwrap(await api.reportExportState(requested.exportId), 'reportExportState');
    const filtered = { blueprintId: mac.blueprintId, deviceId: mac.id, sortBy: '-device__name' };
    const narrowed = unwrap(await api.requestReportExport('device_information', filtered), 'requestReportExport filtered');
    unwrap(await api.reportExportState(narrowed.exportId), 'reportExportState filtered');
  }
  if (caps.offered.has('ade')) {
    const [integration] = unwrap(await api.adeIntegrations(), 'adeIntegrations');
    const all = unwrap(await api.adeDevices(), 'adeDevices');
    unwrap(await api.adeDevices(integration!.id), 'adeDevices of one integration');
    unwrap(await api.adeDevice(all.items[0]!.id), 'adeDevice');
    unwrap(await api.adePublicKey(), 'adePublicKey');
    unwrap(await api.renewAdeIntegration(integration!.id, { file: new TextEncoder().encode('token'), fileName: 'token.p7m', blueprintId: devices.items[0]!.blueprintId ?? '', email: 'it@acme.example', phone: '5550100' }), 'renewAdeIntegration');
  }
  if (caps.offered.has('tags')) {
    const tag = unwrap(await api.createTag('Contract Tag'), 'createTag');
    unwrap(await api.renameTag(tag.id, 'Contract Tag 2'), 'renameTag');
    unwrap(await api.listTags(), 'listTags');
    unwrap(await api.deleteTag(tag.id), 'deleteTag');
  }
  if (caps.offered.has('users')) {
    const users = unwrap(await api.listUsers(), 'listUsers');
    unwrap(await api.getUser(users.items[0]!.id), 'getUser');
    if (caps.offered.has('delete-user')) {
      // Kandji refuses to delete a user with devices; remove the device's user first so the delete succeeds.
      const target = users.items[users.items.length - 1]!;
      for (const d of sim.state.devices) if (d.user?.id === target.id && caps.vendor === 'kandji') d.user = null;
      unwrap(await api.deleteUser(target.id), 'deleteUser');
    }
  }
  if (caps.offered.has('threats')) {
    unwrap(await api.threats(), 'threats');
    unwrap(await api.behavioralDetections(), 'behavioralDetections');
  }
  if (caps.offered.has('vulnerabilities')) {
    const list = unwrap(await api.vulnerabilities(), 'vulnerabilities');
    const cve = String(list.items[0]!['cve_id']);
    unwrap(await api.vulnerability(cve), 'vulnerability');
    unwrap(await api.vulnerabilityDevices(cve), 'vulnerabilityDevices');
    unwrap(await api.vulnerabilityApps(cve), 'vulnerabilityApps');
    unwrap(await api.vulnerabilityDetections(), 'vulnerabilityDetections');
  }
  if (caps.offered.has('licensing')) unwrap(await api.licensing(), 'licensing');
  if (caps.offered.has('blueprint-templates')) unwrap(await api.blueprintTemplates(), 'blueprintTemplates');
  if (caps.offered.has('blueprint-manage')) {
    const bp = unwrap(await api.createBlueprint({ name: 'Contract Blueprint' }), 'createBlueprint');
    unwrap(await api.renameBlueprint(bp.id, 'Contract Blueprint 2'), 'renameBlueprint');
    if (caps.offered.has('enrollment-profile')) unwrap(await api.enrollmentProfile(bp.id), 'enrollmentProfile');
    unwrap(await api.deleteBlueprint(bp.id), 'deleteBlueprint');
  }
  if (caps.offered.has('delete-device')) unwrap(await api.deleteDevice(mobile.id), 'deleteDevice');
}
