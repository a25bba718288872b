// Every tenant command by its words ("profiles push" -> command).
import type { TenantCommand } from '../command';
import { blueprintsAssign, blueprintsItems, blueprintsList, blueprintsRemove } from './blueprints';
import { devicesAction, devicesList, devicesShow } from './devices';
import { profilesDelete, profilesList, profilesPull, profilesPush } from './profiles';
import { syncPullCommand, syncPushCommand, syncStatusCommand } from './sync';
import { blueprintsCreate, blueprintsDelete, blueprintsEnrollmentProfile, blueprintsRename, blueprintsTemplates } from './blueprintsManage';
import {
  adeDevice, adeDevices, adeIntegrations, licensing, tagsCreate, tagsDelete, tagsList, tagsRename, threatsBehavioral, threatsList, usersList,
  usersDelete, usersShow, vulnsApps, vulnsDetections, vulnsDevices, vulnsList, vulnsShow,
} from './directory';
import { devicesActivity, devicesApps, devicesCommands, devicesDelete, devicesLibraryItems, devicesLostMode, devicesSecrets } from './fleetDevices';
import { adeRenew } from './adeRenew';
import { prismCategoryCommands, prismCount, prismExport } from './prism';

export const tenantCommands: ReadonlyMap<string, TenantCommand> = new Map(
  [profilesList, profilesPush, profilesPull, profilesDelete, blueprintsList, blueprintsItems, blueprintsAssign, blueprintsRemove,
    devicesList, devicesShow, devicesAction, devicesSecrets, devicesApps, devicesActivity, devicesCommands, devicesLibraryItems, devicesLostMode,
    devicesDelete, blueprintsCreate, blueprintsRename, blueprintsDelete, blueprintsTemplates, blueprintsEnrollmentProfile, ...prismCategoryCommands,
    prismCount, prismExport, adeIntegrations, adeDevices, adeDevice, adeRenew, tagsList, tagsCreate, tagsRename, tagsDelete, usersList, usersShow, usersDelete, threatsList,
    threatsBehavioral, vulnsList, vulnsDetections, vulnsShow, vulnsDevices, vulnsApps, licensing,
    syncStatusCommand, syncPullCommand, syncPushCommand].map((c) => [c.spec.command, c]),
);

/** Groups and their subcommands, for help and "did you mean". */
export function commandGroups(): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const words of tenantCommands.keys()) {
    const [group, sub] = words.split(' ') as [string, string | undefined];
    if (sub === undefined) continue;
    groups.set(group, [...(groups.get(group) ?? []), sub]);
  }
  return groups;
}

/** One-word tenant commands (`licensing`). */
export const singleWordCommands = (): string[] => [...tenantCommands.keys()].filter((w) => !w.includes(' '));
