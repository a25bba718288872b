// The default for every fleet operation: "not offered by <vendor>", answered without a request.
// A vendor class extends this and overrides exactly what its API has; capabilities() lists those.
import type { ApiError } from './errors';
import type {
  AdeDevice, AdeIntegration, AdeIntegrationRenewal, BlueprintDraft, BlueprintTemplate, DeviceActivity, DeviceApp,
  DeviceCommand, DeviceFullDetails, DeviceLibraryItemState, EnrollmentProfile, ExportState, FleetApi, FleetCapabilities,
  FleetCapability, License, LostModeState, PrismCategory, ReportQuery, SecretKind, Tag, TenantUser, VendorRecord,
} from './fleetApi';
import type { Blueprint, Page, Result, VendorKind } from './tenantApi';

export function notOfferedError(vendorName: string, capability: FleetCapability): ApiError {
  return { kind: 'not-offered', capability, message: `${capability} is not offered by ${vendorName}` };
}

export abstract class FleetBase implements FleetApi {
  protected abstract readonly vendor: VendorKind;
  protected abstract readonly vendorName: string;
  protected abstract readonly offered: readonly FleetCapability[];
  protected readonly secretKinds: readonly SecretKind[] = [];

  capabilities(): FleetCapabilities {
    return { vendor: this.vendor, vendorName: this.vendorName, offered: new Set(this.offered), secrets: this.offered.includes('secrets') ? this.secretKinds : [] };
  }

  protected notOffered<T>(capability: FleetCapability): Promise<Result<T>> {
    return Promise.resolve({ ok: false, error: notOfferedError(this.vendorName, capability) });
  }

  deviceFullDetails(_deviceId: string): Promise<Result<DeviceFullDetails>> { return this.notOffered('device-details'); }
  deviceApps(_deviceId: string): Promise<Result<DeviceApp[]>> { return this.notOffered('device-apps'); }
  deviceLibraryItems(_deviceId: string): Promise<Result<DeviceLibraryItemState[]>> { return this.notOffered('device-library-items'); }
  deviceActivity(_deviceId: string, _cursor?: string): Promise<Result<Page<DeviceActivity>>> { return this.notOffered('device-activity'); }
  deviceCommands(_deviceId: string, _cursor?: string): Promise<Result<Page<DeviceCommand>>> { return this.notOffered('device-commands'); }
  lostMode(_deviceId: string): Promise<Result<LostModeState>> { return this.notOffered('lost-mode'); }
  cancelLostMode(_deviceId: string): Promise<Result<void>> { return this.notOffered('lost-mode'); }
  deleteDevice(_deviceId: string): Promise<Result<void>> { return this.notOffered('delete-device'); }
  deviceSecret(_deviceId: string, _kind: SecretKind): Promise<Result<{ value: string }>> { return this.notOffered('secrets'); }

  reportCount(_category: PrismCategory, _query?: ReportQuery): Promise<Result<number>> { return this.notOffered('prism'); }
  reportPage(_category: PrismCategory, _query?: ReportQuery, _cursor?: string): Promise<Result<Page<VendorRecord>>> { return this.notOffered('prism'); }
  requestReportExport(_category: PrismCategory, _query?: ReportQuery): Promise<Result<ExportState>> { return this.notOffered('prism'); }
  reportExportState(_exportId: string): Promise<Result<ExportState>> { return this.notOffered('prism'); }
  downloadReportExport(_downloadUrl: string): Promise<Result<Uint8Array>> { return this.notOffered('prism'); }

  adeIntegrations(): Promise<Result<AdeIntegration[]>> { return this.notOffered('ade'); }
  adeDevices(_integrationId?: string, _cursor?: string): Promise<Result<Page<AdeDevice>>> { return this.notOffered('ade'); }
  adeDevice(_adeDeviceId: string): Promise<Result<AdeDevice>> { return this.notOffered('ade'); }
  adePublicKey(): Promise<Result<string>> { return this.notOffered('ade'); }
  renewAdeIntegration(_integrationId: string, _renewal: AdeIntegrationRenewal): Promise<Result<AdeIntegration>> { return this.notOffered('ade'); }

  listTags(_search?: string): Promise<Result<Tag[]>> { return this.notOffered('tags'); }
  createTag(_name: string): Promise<Result<Tag>> { return this.notOffered('tags'); }
  renameTag(_id: string, _name: string): Promise<Result<Tag>> { return this.notOffered('tags'); }
  deleteTag(_id: string): Promise<Result<void>> { return this.notOffered('tags'); }

  listUsers(_cursor?: string): Promise<Result<Page<TenantUser>>> { return this.notOffered('users'); }
  getUser(_id: string): Promise<Result<TenantUser>> { return this.notOffered('users'); }
  deleteUser(_id: string): Promise<Result<void>> { return this.notOffered('delete-user'); }

  threats(_cursor?: string): Promise<Result<Page<VendorRecord>>> { return this.notOffered('threats'); }
  behavioralDetections(_cursor?: string): Promise<Result<Page<VendorRecord>>> { return this.notOffered('threats'); }

  vulnerabilities(_cursor?: string): Promise<Result<Page<VendorRecord>>> { return this.notOffered('vulnerabilities'); }
  vulnerability(_cveId: string): Promise<Result<VendorRecord>> { return this.notOffered('vulnerabilities'); }
  vulnerabilityDevices(_cveId: string, _cursor?: string): Promise<Result<Page<VendorRecord>>> { return this.notOffered('vulnerabilities'); }
  vulnerabilityApps(_cveId: string, _cursor?: string): Promise<Result<Page<VendorRecord>>> { return this.notOffered('vulnerabilities'); }
  vulnerabilityDetections(_cursor?: string): Promise<Result<Page<VendorRecord>>> { return this.notOffered('vulnerabilities'); }

  licensing(): Promise<Result<License>> { return this.notOffered('licensing'); }

  createBlueprint(_draft: BlueprintDraft): Promise<Result<Blueprint>> { return this.notOffered('blueprint-manage'); }
  renameBlueprint(_id: string, _name: string): Promise<Result<Blueprint>> { return this.notOffered('blueprint-manage'); }
  deleteBlueprint(_id: string): Promise<Result<void>> { return this.notOffered('blueprint-manage'); }
  blueprintTemplates(): Promise<Result<BlueprintTemplate[]>> { return this.notOffered('blueprint-templates'); }
  enrollmentProfile(_blueprintId: string): Promise<Result<EnrollmentProfile>> { return this.notOffered('enrollment-profile'); }
}
