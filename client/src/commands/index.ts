// Registers every command: each is a function of the one Ctx (pattern: commands are functions of ctx).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { addTenant } from './addTenant';
import { assignToBlueprint } from './assignToBlueprint';
import { compareWithRemote } from './compareWithRemote';
import { copyId } from './copyId';
import { deleteProfile } from './deleteProfile';
import { createBlueprint, deleteBlueprint, downloadEnrollmentProfile, renameBlueprint } from './blueprintManage';
import { deviceAction } from './deviceAction';
import { getAppManifests } from './getAppManifests';
import { cancelLostMode, deleteDevice, openDevice, revealSecret } from './deviceDetails';
import { adePublicKey, deleteUser, showAdeDevice, showLicensing, showRecord, showUser, showVulnerability } from './records';
import { renewAde } from './renewAde';
import { exportReport, openReport, pickReportDevice } from './reports';
import { createTag, deleteTag, renameTag } from './tags';
import { clearDeviceFilter, filterDevices } from './filterDevices';
import { openDecoded, restartServer, setLanguage, showLog } from './languageCommands';
import { loadMore } from './loadMore';
import { openInBrowser } from './openInBrowser';
import { openRemote } from './openRemote';
import { pullToWorkspace } from './pullToWorkspace';
import { pushProfile } from './pushProfile';
import { refresh } from './refresh';
import { removeFromBlueprint } from './removeFromBlueprint';
import { removeTenant } from './removeTenant';
import { renameTenant } from './renameTenant';
import { setActive } from './setActive';
import { switchTenant } from './switchTenant';
import { syncStatus } from './syncStatus';
import { tryDemoTenant } from './tryDemoTenant';
import { updateToken } from './updateToken';

/** Any command handler: VS Code passes what the menu or caller gives, each handler checks its own arguments. */
type Handler = (...args: never[]) => unknown;

export function registerCommands(ctx: Ctx): void {
  const table: Record<string, Handler> = {
    addTenant: addTenant(ctx),
    renameTenant: renameTenant(ctx),
    removeTenant: removeTenant(ctx),
    switchTenant: switchTenant(ctx),
    updateToken: updateToken(ctx),
    tryDemoTenant: tryDemoTenant(ctx),
    refresh: refresh(ctx),
    loadMore: loadMore(ctx),
    filterDevices: filterDevices(ctx),
    clearDeviceFilter: clearDeviceFilter(ctx),
    pushProfile: pushProfile(ctx),
    activate: setActive(ctx, true),
    deactivate: setActive(ctx, false),
    assignToBlueprint: assignToBlueprint(ctx),
    removeFromBlueprint: removeFromBlueprint(ctx),
    pullToWorkspace: pullToWorkspace(ctx),
    compareWithRemote: compareWithRemote(ctx),
    deleteProfile: deleteProfile(ctx),
    openInBrowser: openInBrowser(ctx),
    openRemote: openRemote(ctx),
    copyId: copyId(),
    deviceAction: deviceAction(ctx),
    syncStatus: syncStatus(ctx),
    openDevice: openDevice(ctx),
    revealSecret: revealSecret(ctx),
    cancelLostMode: cancelLostMode(ctx),
    deleteDevice: deleteDevice(ctx),
    openReport: openReport(ctx),
    exportReport: exportReport(ctx),
    pickReportDevice: pickReportDevice(ctx),
    showRecord: showRecord(ctx),
    showUser: showUser(ctx),
    deleteUser: deleteUser(ctx),
    showVulnerability: showVulnerability(ctx),
    showAdeDevice: showAdeDevice(ctx),
    showLicensing: showLicensing(ctx),
    adePublicKey: adePublicKey(ctx),
    renewAde: renewAde(ctx),
    createTag: createTag(ctx),
    renameTag: renameTag(ctx),
    deleteTag: deleteTag(ctx),
    createBlueprint: createBlueprint(ctx),
    renameBlueprint: renameBlueprint(ctx),
    deleteBlueprint: deleteBlueprint(ctx),
    downloadEnrollmentProfile: downloadEnrollmentProfile(ctx),
    setLanguage: setLanguage(),
    openDecoded: openDecoded(ctx),
    restartServer: restartServer(ctx),
    showLog: showLog(ctx),
    getAppManifests: getAppManifests(ctx),
  };
  for (const [name, handler] of Object.entries(table)) {
    ctx.own(vscode.commands.registerCommand(`profileStudio.${name}`, handler as (...args: unknown[]) => unknown));
  }
}
