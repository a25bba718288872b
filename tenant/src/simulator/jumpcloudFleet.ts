// JumpCloud fleet endpoints the client uses: v1 systemusers (list/get/delete) and v2 System Insights apps,
// shaped per ../shared/api/specs/jumpcloud (systemuserreturn, system-insights-apps).
import { json, type Router, type SimRequest } from './httpKit';
import { appsOf } from './kandjiFleetData';
import { jcError, jcMessage, v1List, v2List } from './jumpcloudLists';
import { iso, type SimDevice, type SimUser } from './state';
import type { RouteContext } from './vendorApp';

export function jumpcloudFleetRoutes(router: Router, ctx: RouteContext): void {
  const { state } = ctx;
  const deleted = new Set<string>();
  let cache: { count: number; users: SimUser[] } | undefined;
  const users = (): SimUser[] => {
    if (!cache || cache.count !== state.devices.length + deleted.size) {
      const byId = new Map<string, SimUser>();
      for (const d of state.devices) if (d.user && !deleted.has(d.user.id)) byId.set(d.user.id, d.user);
      cache = { count: state.devices.length + deleted.size, users: [...byId.values()] };
    }
    return cache.users.filter((u) => !deleted.has(u.id));
  };
  const userJson = (u: SimUser): Record<string, unknown> => {
    const [first = '', ...rest] = u.name.split(' ');
    return {
      _id: u.id, username: u.email.split('@')[0], email: u.email, firstname: first, lastname: rest.join(' '), displayname: u.name,
      activated: true, suspended: false, account_locked: false, state: 'ACTIVATED', created: '2024-03-01T09:00:00.000Z', department: '', jobTitle: '',
      mfa: { configured: false, exclusion: false },
    };
  };
  const userField = (u: SimUser, f: string): unknown => (f === '_id' ? u.id : f === 'email' ? u.email : f === 'username' ? u.email.split('@')[0] : f === 'displayname' ? u.name : undefined);
  router.add('GET', '/api/systemusers', (req) => v1List(req, { items: users(), get: userField, fields: ['_id', 'email', 'username', 'displayname'], render: userJson }));
  const find = (req: SimRequest) => users().find((u) => u.id === req.params['id']);
  router.add('GET', '/api/systemusers/:id', (req) => {
    const u = find(req);
    return u ? json(200, userJson(u)) : jcMessage(404, 'Not Found');
  });
  router.add('DELETE', '/api/systemusers/:id', (req) => {
    const u = find(req);
    if (!u) return jcMessage(404, 'Not Found');
    const body = userJson(u);
    deleted.add(u.id);
    for (const d of state.devices) if (d.user?.id === u.id) d.user = null;
    return json(200, body);
  });

  const appRows = (d: SimDevice): Record<string, unknown>[] => appsOf(d).map((a) => ({
    system_id: d.id, name: `${a.name}.app`, display_name: a.name, bundle_name: a.name, bundle_identifier: a.bundleId, bundle_short_version: a.version,
    bundle_version: a.version, path: `/Applications/${a.name}.app`, collection_time: iso(d.lastCheckIn), bundle_package_type: 'APPL',
  }));
  router.add('GET', '/api/v2/systeminsights/apps', (req) => {
    const filter = req.query.get('filter') ?? '';
    const m = /^system_id:eq:(.+)$/.exec(filter);
    const devices = m ? [state.deviceById.get(m[1]!)].filter((d): d is SimDevice => d !== undefined) : state.devices.slice(0, 1000);
    if (filter && !m) return jcError(400, 'filter must be system_id:eq:<id>');
    const rows = devices.filter((d) => d.platform === 'Mac').flatMap(appRows);
    return v2List(req, { items: rows, get: (r, f) => r[f], fields: ['system_id', 'name', 'bundle_identifier'], render: (r) => r });
  });
}
