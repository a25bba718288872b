// The tenant list in globalState: names, vendors and URLs only (no secrets), plus the active tenant.
import * as vscode from 'vscode';
import type { VendorKind } from '../../../tenant/src/api/tenantApi';

export interface TenantRecord {
  id: string;
  label: string;
  kind: VendorKind;
  /** API origin, e.g. the Kandji tenant API URL; JumpCloud's console origin. */
  baseUrl: string;
  /** JumpCloud multi-tenant org id (not a secret). */
  orgId?: string;
  /** Set for the built-in simulator; such tenants live for one session. */
  demo?: boolean;
}

const LIST_KEY = 'profileStudio.tenants';
const ACTIVE_KEY = 'profileStudio.activeTenant';

export class TenantRegistry implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): TenantRecord[] {
    return this.state.get<TenantRecord[]>(LIST_KEY, []);
  }

  get(id: string): TenantRecord | undefined {
    return this.list().find((t) => t.id === id);
  }

  active(): TenantRecord | undefined {
    const id = this.state.get<string>(ACTIVE_KEY);
    return (id ? this.get(id) : undefined) ?? this.list()[0];
  }

  async add(t: Omit<TenantRecord, 'id'>): Promise<TenantRecord> {
    const record: TenantRecord = { ...t, id: newId() };
    await this.state.update(LIST_KEY, [...this.list(), record]);
    if (!this.state.get<string>(ACTIVE_KEY) || !this.get(this.state.get<string>(ACTIVE_KEY) ?? '')) {
      await this.state.update(ACTIVE_KEY, record.id);
    }
    this.changed.fire();
    return record;
  }

  async rename(id: string, label: string): Promise<void> {
    await this.state.update(LIST_KEY, this.list().map((t) => (t.id === id ? { ...t, label } : t)));
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    await this.state.update(LIST_KEY, this.list().filter((t) => t.id !== id));
    if (this.state.get<string>(ACTIVE_KEY) === id) await this.state.update(ACTIVE_KEY, this.list()[0]?.id);
    this.changed.fire();
  }

  async setActive(id: string): Promise<void> {
    await this.state.update(ACTIVE_KEY, id);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const newId = (): string => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
