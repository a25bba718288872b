// Reveal Secret…: a device secret (FileVault key, unlock PIN, bypass code, recovery password) only after a
// modal naming device and secret; shown once in a modal, copy offered, clipboard cleared after 60 s if it
// still holds the value. The value never reaches a log, setting, tree label, tooltip or error: the log
// line says "secret read" and names device and kind only.
import * as vscode from 'vscode';
import { SECRET_LABELS, type SecretKind } from '../../../tenant/src/api/fleetApi';
import type { Ctx } from '../ctx';
import { modal } from './targets';

export const CLIPBOARD_CLEAR_MS = 60_000;

/** The two dialogs, replaceable by the extension's own tests (the test host refuses modal dialogs). */
export interface SecretPrompts {
  /** Resolves true when the user chose to reveal. */
  confirm(message: string, detail: string): Promise<boolean>;
  /** Shows the value once; resolves true when the user asked to copy it. */
  show(message: string, value: string): Promise<boolean>;
}

export const modalSecretPrompts: SecretPrompts = {
  confirm: async (message, detail) => (await modal(message, detail, 'Reveal')) === 'Reveal',
  show: async (message, value) => {
    try {
      return (await vscode.window.showInformationMessage(message, { modal: true, detail: value }, 'Copy to Clipboard')) === 'Copy to Clipboard';
    } catch {
      return false;
    }
  },
};

export interface SecretTarget {
  tenantId: string;
  deviceId: string;
  deviceName: string;
}

export interface RevealOutcome {
  status: 'shown' | 'cancelled' | 'failed' | 'not-offered';
  copied?: boolean;
}

export async function revealDeviceSecret(ctx: Ctx, target: SecretTarget, kind: SecretKind | undefined): Promise<RevealOutcome> {
  const tenant = ctx.tenant(target.tenantId);
  const api = await ctx.api(target.tenantId);
  if (!api.ok) {
    ctx.say.apiError('Reveal Secret', api.error, tenant);
    return { status: 'failed' };
  }
  const offered = api.value.capabilities().secrets;
  if (!offered.length) {
    ctx.say.info(`Device secrets are not offered by ${api.value.capabilities().vendorName}.`);
    return { status: 'not-offered' };
  }
  const chosen = kind ?? (await pickKind(offered, target.deviceName));
  if (!chosen) return { status: 'cancelled' };
  if (!offered.includes(chosen)) {
    ctx.say.error(`The ${SECRET_LABELS[chosen]} is not offered by ${api.value.capabilities().vendorName}.`);
    return { status: 'not-offered' };
  }
  const label = SECRET_LABELS[chosen];
  const where = tenant ? ` on ${tenant.label}` : '';
  const ok = await ctx.secretPrompts.confirm(
    `Reveal the ${label} of "${target.deviceName}"?`,
    `The ${label} of ${target.deviceName}${where} is shown once. The request log records that it was read, never the value.`,
  );
  if (!ok) return { status: 'cancelled' };
  const result = await ctx.access(target.tenantId).call((a) => a.deviceSecret(target.deviceId, chosen));
  // The log line: who and what, never the value (the API layer keeps the value out of its own lines).
  ctx.log.info(`[${tenant?.label ?? target.tenantId}] secret read: ${label} of "${target.deviceName}" (${target.deviceId})${result.ok ? '' : ` failed: ${result.error.kind}`}`);
  if (!result.ok) {
    ctx.say.apiError(`Reading the ${label} of ${target.deviceName}`, result.error, tenant);
    return { status: 'failed' };
  }
  const value = result.value.value;
  const copy = await ctx.secretPrompts.show(`${capitalise(label)} of "${target.deviceName}"`, value);
  if (copy) {
    await vscode.env.clipboard.writeText(value);
    vscode.window.setStatusBarMessage(`Copied the ${label}; the clipboard is cleared in 60 seconds`, 5000);
    const timer = setTimeout(() => void clearIfUnchanged(value), CLIPBOARD_CLEAR_MS);
    ctx.own({ dispose: () => clearTimeout(timer) });
  }
  return { status: 'shown', copied: copy };
}

async function clearIfUnchanged(value: string): Promise<void> {
  if ((await vscode.env.clipboard.readText()) === value) await vscode.env.clipboard.writeText('');
}

async function pickKind(offered: readonly SecretKind[], deviceName: string): Promise<SecretKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    offered.map((k) => ({ label: capitalise(SECRET_LABELS[k]), secret: k })),
    { placeHolder: `Which secret of ${deviceName}?` },
  );
  return picked?.secret;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
