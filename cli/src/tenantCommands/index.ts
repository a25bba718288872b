// Every tenant command by its words ("profiles push" -> command).
import type { TenantCommand } from '../command';
import { blueprintsAssign, blueprintsItems, blueprintsList, blueprintsRemove } from './blueprints';
import { devicesAction, devicesList, devicesShow } from './devices';
import { profilesDelete, profilesList, profilesPull, profilesPush } from './profiles';
import { syncPullCommand, syncPushCommand, syncStatusCommand } from './sync';

export const tenantCommands: ReadonlyMap<string, TenantCommand> = new Map(
  [profilesList, profilesPush, profilesPull, profilesDelete, blueprintsList, blueprintsItems, blueprintsAssign, blueprintsRemove,
    devicesList, devicesShow, devicesAction, syncStatusCommand, syncPullCommand, syncPushCommand].map((c) => [c.spec.command, c]),
);

/** Groups and their subcommands, for help and "did you mean". */
export function commandGroups(): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const words of tenantCommands.keys()) {
    const [group, sub] = words.split(' ') as [string, string];
    groups.set(group, [...(groups.get(group) ?? []), sub]);
  }
  return groups;
}
