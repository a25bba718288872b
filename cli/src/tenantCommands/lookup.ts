// An id the tenant does not know: say so, and offer the close match among the ids and names it does know
// (a name given where an id belongs is the usual mistake). Devices are not listed for this: tens of thousands.
import { closestMatch } from '../../../server/src/core';
import { isCustomProfileItem } from '../../../tenant/src/api/tenantApi';
import type { TenantContext } from '../command';
import { ExitCode } from '../io';

type Kind = 'profile' | 'blueprint' | 'device';

const listCommand: Record<Kind, string> = { profile: 'profiles list', blueprint: 'blueprints list', device: 'devices list' };

async function known(ctx: TenantContext, kind: Kind): Promise<{ id: string; name: string }[]> {
  if (kind === 'profile') {
    const listed = await ctx.api.listProfiles();
    return listed.ok ? listed.value.filter(isCustomProfileItem) : [];
  }
  if (kind === 'blueprint') {
    const listed = await ctx.api.listBlueprints();
    return listed.ok ? listed.value : [];
  }
  return [];
}

/** The suggestion for an unknown id: the item whose name it is, else the closest id or name, else where to look. */
export async function closeTo(ctx: TenantContext, kind: Kind, id: string): Promise<string> {
  const items = await known(ctx, kind);
  const named = items.filter((i) => i.name.toLowerCase() === id.toLowerCase());
  if (named.length === 1) return `That is the name of ${kind} ${named[0]!.id}; pass its id.`;
  const match = closestMatch(id, [...items.map((i) => i.id), ...items.map((i) => i.name)]);
  const item = match === undefined ? undefined : items.find((i) => i.id === match || i.name === match);
  if (item) return `Did you mean ${item.id} (\`${item.name}\`)?`;
  return `\`profile-studio ${listCommand[kind]}\` shows them.`;
}

/** Prints "<what> failed: no <kind> with id "x" in this tenant. Did you mean ...?" and returns exit 1. */
export async function notFound(ctx: TenantContext, kind: Kind, id: string, what: string): Promise<number> {
  const hint = await closeTo(ctx, kind, id);
  ctx.io.stderr(`${what} failed: no ${kind} with id "${id}" in this tenant. ${hint}\n`);
  return ExitCode.failed;
}
