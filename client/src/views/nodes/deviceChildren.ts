// What a device shows under it: its library items (status, click for the log), apps, activity and
// commands history; each folder only where the vendor offers it.
import type { DeviceActivity, DeviceApp, DeviceCommand, DeviceLibraryItemState, FleetCapabilities, FleetCapability } from '../../../../tenant/src/api/fleetApi';
import type { Result, TenantApi } from '../../../../tenant/src/api/tenantApi';
import type { TenantAccess } from './access';
import { ListNode, RecordNode, type RecordView } from './listNode';
import type { TreeHost, TreeNode } from './treeNode';

export const capabilitiesOf = (access: TenantAccess): Promise<Result<FleetCapabilities>> =>
  access.call((api: TenantApi) => Promise.resolve({ ok: true as const, value: api.capabilities() }));

const STATUS_ICON: Record<DeviceLibraryItemState['status'], string> = { success: 'pass', pending: 'watch', failed: 'error', excluded: 'circle-slash', unknown: 'question' };

export function deviceFolders(host: TreeHost, parent: TreeNode, access: TenantAccess, deviceId: string, deviceName: string, caps: FleetCapabilities): TreeNode[] {
  const has = (c: FleetCapability) => caps.offered.has(c);
  const t = access.tenantId;
  const base = `device/${deviceId}`;
  const folders: TreeNode[] = [];
  if (has('device-library-items')) {
    folders.push(
      new ListNode<DeviceLibraryItemState>(host, parent, access, {
        key: `${base}/library`,
        label: 'Library Items',
        icon: 'library',
        what: 'library items',
        contextValue: 'deviceFolder',
        load: (api) => api.deviceLibraryItems(deviceId),
        child: (s, p) =>
          new RecordNode(host, p, t, s, {
            id: `${base}/library/${s.itemId}`,
            label: s.name,
            description: [s.rawStatus || s.status, s.type, s.reportedAt].filter(Boolean).join(' · '),
            tooltip: `${s.name}\n${s.type} · ${s.rawStatus || s.status}${s.reportedAt ? `\nReported ${s.reportedAt}` : ''}${s.log ? '\nClick to show the log' : ''}`,
            icon: STATUS_ICON[s.status],
            contextValue: 'deviceLibraryItem',
            command: {
              command: 'profileStudio.showRecord',
              title: 'Show Status and Log',
              arguments: [
                {
                  key: `${t}/${base}/library/${s.itemId}`,
                  title: s.name,
                  subtitle: `On ${deviceName}`,
                  sections: [
                    { title: 'Status', fields: [{ label: 'Type', value: s.type }, { label: 'Status', value: s.rawStatus || s.status }, { label: 'Reported', value: s.reportedAt ?? '' }, { label: 'Item ID', value: s.itemId }] },
                    { title: 'Log', fields: [{ label: 'Last run', value: s.log ?? 'No log reported' }] },
                  ],
                },
              ],
            },
          }),
      }),
    );
  }
  if (has('device-apps')) {
    folders.push(
      new ListNode<DeviceApp>(host, parent, access, {
        key: `${base}/apps`,
        label: 'Apps',
        icon: 'extensions',
        what: 'apps',
        contextValue: 'deviceFolder',
        load: (api) => api.deviceApps(deviceId),
        child: (a, p) =>
          new RecordNode(host, p, t, a, appView(base, a)),
      }),
    );
  }
  if (has('device-activity')) {
    folders.push(
      new ListNode<DeviceActivity>(host, parent, access, {
        key: `${base}/activity`,
        label: 'Activity',
        icon: 'history',
        what: 'activity',
        contextValue: 'deviceFolder',
        load: (api, cursor) => api.deviceActivity(deviceId, cursor),
        child: (e, p) =>
          new RecordNode(host, p, t, e, {
            id: `${base}/activity/${e.at}/${e.action}`,
            label: e.action,
            description: [e.at, e.actor].filter(Boolean).join(' · '),
            tooltip: [e.action, e.at, e.actor, e.details].filter(Boolean).join('\n'),
            icon: 'history',
          }),
      }),
    );
  }
  if (has('device-commands')) {
    folders.push(
      new ListNode<DeviceCommand>(host, parent, access, {
        key: `${base}/commands`,
        label: 'Commands',
        icon: 'terminal',
        what: 'commands',
        contextValue: 'deviceFolder',
        load: (api, cursor) => api.deviceCommands(deviceId, cursor),
        child: (c, p) =>
          new RecordNode(host, p, t, c, {
            id: `${base}/commands/${c.id}`,
            label: c.type,
            description: [c.status, c.completedAt ?? c.requestedAt].filter(Boolean).join(' · '),
            tooltip: [c.type, `Status: ${c.status}`, c.requestedAt && `Requested ${c.requestedAt}`, c.completedAt && `Completed ${c.completedAt}`, c.error && `Error: ${c.error}`].filter(Boolean).join('\n'),
            icon: c.status === 'failed' ? 'error' : c.status === 'pending' ? 'watch' : 'check',
          }),
      }),
    );
  }
  return folders;
}

function appView(base: string, a: DeviceApp): RecordView {
  return {
    id: `${base}/apps/${a.bundleId ?? a.name}/${a.path ?? ''}`,
    label: a.name,
    description: [a.version, a.bundleId].filter(Boolean).join(' · '),
    tooltip: [a.name, a.bundleId, a.version && `Version ${a.version}`, a.source && `Source: ${a.source}`, a.path].filter(Boolean).join('\n'),
    icon: 'package',
  };
}
