// Which remote library item a local file corresponds to, per tenant, and what we last saw of it.
// Kept in workspaceState (ids and timestamps only): Push updates instead of duplicating, Compare finds
// the remote, and the conflict check knows the remote version the file was based on.
import * as vscode from 'vscode';
import type { KnownRemote } from '../../../tenant/src/api/tenantApi';

export interface Link extends KnownRemote {
  tenantId: string;
  itemId: string;
  name?: string;
}

const KEY = 'profileStudio.links';

export class Links {
  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, Link[]> {
    return this.state.get<Record<string, Link[]>>(KEY, {});
  }

  get(file: vscode.Uri, tenantId: string): Link | undefined {
    return this.all()[file.toString()]?.find((l) => l.tenantId === tenantId);
  }

  /** The local file most recently linked (pushed or pulled) to a remote item, if any. */
  fileFor(tenantId: string, itemId: string): vscode.Uri | undefined {
    const hit = Object.entries(this.all())
      .reverse()
      .find(([, links]) => links.some((l) => l.tenantId === tenantId && l.itemId === itemId));
    return hit ? vscode.Uri.parse(hit[0]) : undefined;
  }

  async set(file: vscode.Uri, link: Link): Promise<void> {
    const all = this.all();
    const key = file.toString();
    const kept = (all[key] ?? []).filter((l) => l.tenantId !== link.tenantId);
    delete all[key]; // re-inserted last: insertion order records which file was linked most recently
    all[key] = [...kept, link];
    await this.state.update(KEY, all);
  }

  async forgetItem(tenantId: string, itemId: string): Promise<void> {
    const all = this.all();
    for (const key of Object.keys(all)) {
      all[key] = (all[key] ?? []).filter((l) => !(l.tenantId === tenantId && l.itemId === itemId));
      if (!all[key]?.length) delete all[key];
    }
    await this.state.update(KEY, all);
  }
}
