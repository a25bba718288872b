// Sync between a folder of profiles (layout of Kandji's sync toolkit) and a tenant. No vscode import.
export { syncPull, syncPush, syncStatus, type SyncActionKind, type SyncOptions, type SyncOutcome, type SyncReport } from './engine';
export { compareAll, compareOne, localHash, type RemoteProfile, type SyncEntry, type SyncState } from './state';
export { readRepo, folderName, PROFILES_DIR, type LocalProfile, type LocalProblem, type LocalRepo } from './repo';
export { parseInfo, serializeInfo, type InfoFormat, type SyncInfo } from './info';
export { joinPath, type DirEntry, type SyncFs } from './syncFs';
