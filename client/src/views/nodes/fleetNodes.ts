// The fleet folders under a tenant (Reports, ADE, Tags, Users, Threats, Vulnerabilities, Licensing), each
// only where the vendor offers the capability. Vendor records keep the vendor's field names; labels pick the
// first field that names the record.
import * as vscode from 'vscode';
import { PRISM_CATEGORIES, PRISM_TITLES, type AdeDevice, type AdeIntegration, type FleetCapabilities, type PrismCategory, type Tag, type TenantUser, type VendorRecord } from '../../../../tenant/src/api/fleetApi';
import { recordFields } from '../../webviews/detailsPanel';
import type { TenantAccess } from './access';
import { CategoryNode } from './categoryNodes';
import { field, FolderNode, ListNode, RecordNode, type RecordView } from './listNode';
import { MessageNode } from './messageNode';
import { TreeNode, type TreeHost } from './treeNode';

export function fleetFolders(host: TreeHost, parent: TreeNode, access: TenantAccess, caps: FleetCapabilities): TreeNode[] {
  const has = (c: Parameters<typeof caps.offered.has>[0]) => caps.offered.has(c);
  const t = access.tenantId;
  const out: TreeNode[] = [];
  if (has('prism')) out.push(new ReportsNode(host, parent, access));
  if (has('ade')) out.push(adeFolder(host, parent, access));
  if (has('tags')) {
    out.push(
      new ListNode<Tag>(host, parent, access, {
        key: 'tags',
        label: 'Tags',
        icon: 'tag',
        what: 'tags',
        load: (api) => api.listTags(),
        child: (tag, p) => new RecordNode(host, p, t, tag, { id: `tag/${tag.id}`, label: tag.name, tooltip: `${tag.name}\nID: ${tag.id}`, icon: 'tag', contextValue: 'tag' }),
      }),
    );
  }
  if (has('users')) {
    const deletable = has('delete-user');
    out.push(
      new ListNode<TenantUser>(host, parent, access, {
        key: 'users',
        label: 'Users',
        icon: 'person',
        what: 'users',
        load: (api, cursor) => api.listUsers(cursor),
        child: (u, p) =>
          new RecordNode(host, p, t, u, {
            id: `user/${u.id}`,
            label: u.name || u.email || u.id,
            description: [u.email, u.deviceCount !== undefined ? `${u.deviceCount} devices` : undefined, u.archived ? 'archived' : undefined].filter(Boolean).join(' · '),
            tooltip: [u.name, u.email, u.department, u.jobTitle, `ID: ${u.id}`].filter(Boolean).join('\n'),
            icon: 'person',
            contextValue: deletable ? 'user.deletable' : 'user',
            command: { command: 'profileStudio.showUser', title: 'Show User', arguments: [{ tenantId: t, userId: u.id }] },
          }),
      }),
    );
  }
  if (has('threats')) {
    out.push(
      new FolderNode(host, parent, t, 'threats', 'Threats', 'shield', (self) => [
        recordList(host, self, access, 'threats/list', 'Threats', 'bug', 'threats', (api, c) => api.threats(c), ['threat_name', 'file_name', 'name'], ['classification', 'status', 'device_name']),
        recordList(host, self, access, 'threats/behavioral', 'Behavioral Detections', 'pulse', 'behavioral detections', (api, c) => api.behavioralDetections(c), ['threat_name', 'process_name', 'name'], ['classification', 'status', 'device_name']),
      ]),
    );
  }
  if (has('vulnerabilities')) {
    out.push(
      new FolderNode(host, parent, t, 'vulnerabilities', 'Vulnerabilities', 'warning', (self) => [
        new ListNode<VendorRecord>(host, self, access, {
          key: 'vulnerabilities/list',
          label: 'Vulnerabilities',
          icon: 'warning',
          what: 'vulnerabilities',
          load: (api, cursor) => api.vulnerabilities(cursor),
          child: (r, p) => vulnerabilityNode(host, p, access, r),
        }),
        recordList(host, self, access, 'vulnerabilities/detections', 'Detections', 'search', 'detections', (api, c) => api.vulnerabilityDetections(c), ['cve_id', 'name'], ['device_name', 'software_name', 'app_name']),
      ]),
    );
  }
  if (has('licensing')) {
    out.push(
      new ListNode<{ label: string; used: number; total?: number }>(host, parent, access, {
        key: 'licensing',
        label: 'Licensing',
        icon: 'verified',
        what: 'licence counts',
        load: async (api) => {
          const r = await api.licensing();
          return r.ok ? { ok: true as const, value: r.value.counts } : r;
        },
        child: (c, p) =>
          new RecordNode(host, p, t, c, { id: `licensing/${c.label}`, label: c.label, description: c.total !== undefined ? `${c.used} of ${c.total} used` : `${c.used} used`, icon: 'verified', command: { command: 'profileStudio.showLicensing', title: 'Show Licensing', arguments: [{ tenantId: t }] } }),
      }),
    );
  }
  return out;
}

/** A paged list of vendor records; clicking one shows all its fields. */
function recordList(
  host: TreeHost,
  parent: TreeNode,
  access: TenantAccess,
  key: string,
  label: string,
  icon: string,
  what: string,
  load: ListNode<VendorRecord>['spec']['load'],
  labelKeys: string[],
  descriptionKeys: string[],
): ListNode<VendorRecord> {
  return new ListNode<VendorRecord>(host, parent, access, {
    key,
    label,
    icon,
    what,
    load,
    child: (r, p) => new RecordNode(host, p, access.tenantId, r, vendorRecordView(access.tenantId, key, label, icon, r, labelKeys, descriptionKeys)),
  });
}

let serial = 0;
function vendorRecordView(tenantId: string, key: string, kind: string, icon: string, r: VendorRecord, labelKeys: string[], descriptionKeys: string[]): RecordView {
  const id = field(r, 'id', 'threat_id', 'detection_id', 'cve_id') ?? `row-${++serial}`;
  const label = field(r, ...labelKeys) ?? id;
  const description = descriptionKeys.map((k) => field(r, k)).filter(Boolean).join(' · ');
  return {
    id: `${key}/${id}`,
    label,
    description,
    tooltip: [label, description, `Click for all fields`].filter(Boolean).join('\n'),
    icon,
    contextValue: 'vendorRecord',
    command: { command: 'profileStudio.showRecord', title: 'Show Details', arguments: [{ key: `${tenantId}/${key}/${id}`, title: label, subtitle: kind, sections: [{ title: 'Fields', fields: recordFields(r) }] }] },
  };
}

function vulnerabilityNode(host: TreeHost, parent: TreeNode, access: TenantAccess, r: VendorRecord): TreeNode {
  const cve = field(r, 'cve_id', 'id') ?? 'unknown CVE';
  const t = access.tenantId;
  return new RecordNode(host, parent, t, r, {
    id: `vulnerabilities/${cve}`,
    label: cve,
    description: [field(r, 'severity'), field(r, 'cvss_score') && `CVSS ${field(r, 'cvss_score')}`, field(r, 'device_count') && `${field(r, 'device_count')} devices`].filter(Boolean).join(' · '),
    tooltip: `${cve}\nClick for the description`,
    icon: 'warning',
    contextValue: 'vulnerability',
    command: { command: 'profileStudio.showVulnerability', title: 'Show Vulnerability', arguments: [{ tenantId: t, cveId: cve }] },
    children: (self) => [
      recordList(host, self, access, `vulnerabilities/${cve}/devices`, 'Affected Devices', 'device-desktop', 'affected devices', (api, c) => api.vulnerabilityDevices(cve, c), ['device_name', 'name', 'serial_number'], ['os_version', 'serial_number']),
      recordList(host, self, access, `vulnerabilities/${cve}/apps`, 'Affected Apps', 'package', 'affected apps', (api, c) => api.vulnerabilityApps(cve, c), ['software_name', 'app_name', 'name'], ['bundle_id', 'num_devices']),
    ],
  });
}

function adeFolder(host: TreeHost, parent: TreeNode, access: TenantAccess): FolderNode {
  const t = access.tenantId;
  const deviceView = (d: AdeDevice, under: string): RecordView => ({
    id: `${under}/${d.id}`,
    label: d.serial,
    description: [d.model ?? d.description, d.blueprintName, d.deviceId ? 'enrolled' : 'not enrolled'].filter(Boolean).join(' · '),
    tooltip: [d.serial, d.description, d.os, d.assignedBy && `Assigned by ${d.assignedBy}`, d.user].filter(Boolean).join('\n'),
    icon: 'device-desktop',
    contextValue: 'adeDevice',
    command: { command: 'profileStudio.showAdeDevice', title: 'Show ADE Device', arguments: [{ tenantId: t, adeDeviceId: d.id }] },
  });
  return new FolderNode(host, parent, t, 'ade', 'Automated Device Enrollment', 'briefcase', (self) => [
    new ListNode<AdeIntegration>(host, self, access, {
      key: 'ade/integrations',
      label: 'Integrations',
      icon: 'plug',
      what: 'ADE integrations',
      load: (api) => api.adeIntegrations(),
      child: (i, p) =>
        new ListNode<AdeDevice>(host, p, access, {
          key: `ade/integrations/${i.id}`,
          label: i.name,
          icon: 'plug',
          what: 'ADE devices',
          description: [i.expiresAt && `expires ${i.expiresAt.slice(0, 10)}`, i.defaultBlueprintName].filter(Boolean).join(' · '),
          tooltip: [i.name, i.serverName, i.email, i.phone, i.lastSync && `Last sync ${i.lastSync}`, i.expiresAt && `Token expires ${i.expiresAt}`, `ID: ${i.id}`].filter(Boolean).join('\n'),
          contextValue: 'adeIntegration',
          data: i,
          load: (api, cursor) => api.adeDevices(i.id, cursor),
          child: (d, pp) => new RecordNode(host, pp, t, d, deviceView(d, `ade/integrations/${i.id}`)),
        }),
    }),
    new ListNode<AdeDevice>(host, self, access, {
      key: 'ade/devices',
      label: 'All ADE Devices',
      icon: 'device-desktop',
      what: 'ADE devices',
      load: (api, cursor) => api.adeDevices(undefined, cursor),
      child: (d, p) => new RecordNode(host, p, t, d, deviceView(d, 'ade/devices')),
    }),
    new RecordNode(host, self, t, undefined, { id: 'ade/public-key', label: 'Public Key', description: 'for Apple Business Manager', icon: 'key', contextValue: 'adePublicKey', command: { command: 'profileStudio.adePublicKey', title: 'Show Public Key', arguments: [{ tenantId: t }] } }),
  ]);
}

/** Reports: one node per Prism category, with its row count. */
export class ReportsNode extends CategoryNode {
  readonly label = 'Reports';
  readonly key = 'reports';
  readonly icon = 'graph';

  protected override async loadChildren(): Promise<TreeNode[]> {
    const counts = await Promise.all(PRISM_CATEGORIES.map((c) => this.access.call((api) => api.reportCount(c))));
    const failed = counts.find((c) => !c.ok);
    if (failed && !failed.ok && counts.every((c) => !c.ok)) return [MessageNode.forError(this.host, this, 'reports', failed.error, this.access.tenantId)];
    return PRISM_CATEGORIES.map((c, i) => {
      const r = counts[i]!;
      return new ReportNode(this.host, this, this.access.tenantId, c, r.ok ? r.value : undefined);
    });
  }
}

export class ReportNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly tenantId: string,
    readonly category: PrismCategory,
    readonly count: number | undefined,
  ) {
    super(host, parent);
  }

  get ref(): { tenantId: string; category: PrismCategory } {
    return { tenantId: this.tenantId, category: this.category };
  }

  getTreeItem(): vscode.TreeItem {
    const t = new vscode.TreeItem(PRISM_TITLES[this.category], vscode.TreeItemCollapsibleState.None);
    t.id = `${this.tenantId}/reports/${this.category}`;
    t.description = this.count === undefined ? 'count unavailable' : `${this.count.toLocaleString('en-US')} rows`;
    t.tooltip = `${PRISM_TITLES[this.category]} (${this.category})\nClick to open the table`;
    t.iconPath = new vscode.ThemeIcon('table');
    t.contextValue = 'report';
    t.command = { command: 'profileStudio.openReport', title: 'Open Report', arguments: [this.ref] };
    return t;
  }
}
