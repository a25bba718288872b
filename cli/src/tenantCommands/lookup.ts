// An id the tenant does not know: say so, and offer the close match among the ids and names it does know
// (a name given where an id belongs is the usual mistake; for users, an email). Devices are not listed for
// this: tens of thousands. Users are read for it up to USER_PAGES pages only.
import { closestMatch } from '../../../server/src/core';
import { isCustomProfileItem } from '../../../tenant/src/api/tenantApi';
import type { TenantContext } from '../command';
import { ExitCode } from '../io';

type Kind = 'profile' | 'blueprint' | 'device' | 'user' | 'ADE integration';

const listCommand: Record<Kind, string> = {
  profile: 'profiles list', blueprint: 'blueprints list', device: 'devices list', user: 'users list', 'ADE integration': 'ade integrations',
};

/** Enough for a suggestion in most tenants (Kandji: 300 users a page) without reading a huge directory. */
const USER_PAGES = 10;

interface Known { id: string; name: string; email?: string }

async function known(ctx: TenantContext, kind: Kind): Promise<Known[]> {
  if (kind === 'profile') {
    const listed = await ctx.api.listProfiles();
    return listed.ok ? listed.value.filter(isCustomProfileItem) : [];
  }
  if (kind === 'blueprint') {
    const listed = await ctx.api.listBlueprints();
    return listed.ok ? listed.value : [];
  }
  if (kind === 'ADE integration') {
    const listed = await ctx.api.adeIntegrations();
    return listed.ok ? listed.value : [];
  }
  if (kind === 'user') {
    const users: Known[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < USER_PAGES; page++) {
      const listed = await ctx.api.listUsers(cursor);
      if (!listed.ok) break;
      users.push(...listed.value.items.map((u) => ({ id: u.id, name: u.name, ...(u.email ? { email: u.email } : {}) })));
      cursor = listed.value.next;
      if (cursor === undefined) break;
    }
    return users;
  }
  return [];
}

/** The suggestion for an unknown id: the item whose name (or email) it is, else the closest id or name, else where to look. */
export async function closeTo(ctx: TenantContext, kind: Kind, id: string): Promise<string> {
  const items = await known(ctx, kind);
  const lower = id.toLowerCase();
  const named = items.filter((i) => i.name.toLowerCase() === lower);
  if (named.length === 1) return `That is the name of ${kind} ${named[0]!.id}; pass its id.`;
  const mailed = items.filter((i) => i.email?.toLowerCase() === lower);
  if (mailed.length === 1) return `That is the email of ${kind} ${mailed[0]!.id}; pass its id.`;
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
