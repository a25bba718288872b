// The JumpCloud graph (../shared/api/jumpcloud.md §6, §7): policy ↔ system / system group edges, system
// groups and their members, and the traversal endpoints that compute `paths`.
import { emptyResponse, isRecord, json, parseJsonBody, type Router, type SimRequest, type SimResponse } from './httpKit';
import { jcError, v2List } from './jumpcloudLists';
import type { JumpCloudOptions } from './jumpcloudRoutes';
import type { SimBlueprint, SimDevice, SimItem } from './state';
import { CREATED_ID, type RouteContext } from './vendorApp';

type GraphType = 'system' | 'system_group' | 'policy';

const conn = (type: GraphType, id: string): Record<string, unknown> => ({ to: { id, type, attributes: {} }, attributes: {} });

export function groupJson(g: SimBlueprint, orgId: string): Record<string, unknown> {
  return {
    id: g.id, name: g.name, description: g.description, email: '', type: 'system_group', attributes: {},
    membershipMethod: 'STATIC', memberQuery: { queryType: 'FilterQuery', filters: [] }, memberQueryExemptions: [], memberSuggestionsNotify: false, organizationObjectId: orgId,
  };
}

/** `targets` may come as `targets=a`, repeated, or comma-separated. */
function targetsOf(req: SimRequest): string[] {
  return req.query.getAll('targets').flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
}

function readOp(req: SimRequest, allowedTypes: readonly GraphType[]): { ok: true; op: 'add' | 'remove' | 'update'; type: GraphType; id: string } | { ok: false; response: SimResponse } {
  if (req.mediaType !== 'application/json') return { ok: false, response: jcError(415, 'Unsupported Media Type') };
  const parsed = parseJsonBody(req);
  if (!parsed.ok || !isRecord(parsed.value)) return { ok: false, response: jcError(400, 'request body must be a JSON object') };
  const { op, type, id } = parsed.value;
  if (op !== 'add' && op !== 'remove' && op !== 'update') return { ok: false, response: jcError(400, 'op must be one of add, remove, update') };
  if (typeof type !== 'string' || !(allowedTypes as readonly string[]).includes(type)) return { ok: false, response: jcError(400, `type must be one of ${allowedTypes.join(', ')}`) };
  if (typeof id !== 'string' || id === '') return { ok: false, response: jcError(400, 'id is required') };
  return { ok: true, op, type: type as GraphType, id };
}

export function jumpcloudGraphRoutes(router: Router, ctx: RouteContext, options: JumpCloudOptions): void {
  const { state } = ctx;
  const policy = (id: string | undefined): SimItem | undefined => {
    const item = id ? state.items.get(id) : undefined;
    return item?.templateId !== undefined ? item : undefined;
  };
  const group = (id: string | undefined): SimBlueprint | undefined => (id ? state.blueprints.get(id) : undefined);
  const system = (id: string | undefined): SimDevice | undefined => (id ? state.deviceById.get(id) : undefined);
  const groupsOfPolicy = (p: SimItem): SimBlueprint[] => [...state.blueprints.values()].filter((g) => g.items.some((a) => a.itemId === p.id));

  /** Adds or removes one policy edge; 204, or 409/404 in strict mode. */
  const edge = (p: SimItem, op: 'add' | 'remove' | 'update', type: 'system' | 'system_group', targetId: string): SimResponse => {
    if (type === 'system_group') {
      const g = group(targetId);
      if (!g) return jcError(404, 'system group not found');
      const has = g.items.some((a) => a.itemId === p.id);
      if (op === 'add') {
        if (has && options.strictAssociations) return jcError(409, 'association already exists');
        if (!has) g.items.push({ itemId: p.id });
      } else if (op === 'remove') {
        if (!has && options.strictAssociations) return jcError(404, 'association not found');
        g.items = g.items.filter((a) => a.itemId !== p.id);
      }
    } else {
      const s = system(targetId);
      if (!s) return jcError(404, 'system not found');
      const set = state.bindingsOf(p.id);
      if (op === 'add') {
        if (set.has(s.id) && options.strictAssociations) return jcError(409, 'association already exists');
        set.add(s.id);
      } else if (op === 'remove') {
        if (!set.has(s.id) && options.strictAssociations) return jcError(404, 'association not found');
        set.delete(s.id);
      }
    }
    state.reconcileItem(p.id);
    return emptyResponse(204);
  };

  // ---- §6.1 policy associations ----
  router.add('GET', '/api/v2/policies/:id/associations', (req) => {
    const p = policy(req.params['id']);
    if (!p) return jcError(404, 'policy not found');
    const targets = targetsOf(req);
    if (targets.length === 0) return jcError(400, 'targets is required (system, system_group)');
    if (targets.some((t) => t !== 'system' && t !== 'system_group')) return jcError(400, 'targets must be system or system_group');
    const edges: Record<string, unknown>[] = [];
    if (targets.includes('system')) for (const s of state.directBindings.get(p.id) ?? []) edges.push(conn('system', s));
    if (targets.includes('system_group')) for (const g of groupsOfPolicy(p)) edges.push(conn('system_group', g.id));
    return v2List(req, { items: edges, get: () => undefined, fields: [], render: (e) => e });
  });
  router.add('POST', '/api/v2/policies/:id/associations', (req) => {
    const p = policy(req.params['id']);
    if (!p) return jcError(404, 'policy not found');
    const body = readOp(req, ['system', 'system_group']);
    if (!body.ok) return body.response;
    return edge(p, body.op, body.type as 'system' | 'system_group', body.id);
  });

  // Same edges seen from the group and the system side.
  router.add('GET', '/api/v2/systemgroups/:id/associations', (req) => {
    const g = group(req.params['id']);
    if (!g) return jcError(404, 'system group not found');
    const targets = targetsOf(req);
    if (targets.length === 0) return jcError(400, 'targets is required');
    const edges = targets.includes('policy') ? state.itemIdsOnBlueprint(g).filter((id) => policy(id)).map((id) => conn('policy', id)) : [];
    return v2List(req, { items: edges, get: () => undefined, fields: [], render: (e) => e });
  });
  router.add('POST', '/api/v2/systemgroups/:id/associations', (req) => {
    const g = group(req.params['id']);
    if (!g) return jcError(404, 'system group not found');
    const body = readOp(req, ['policy']);
    if (!body.ok) return body.response;
    const p = policy(body.id);
    return p ? edge(p, body.op, 'system_group', g.id) : jcError(404, 'policy not found');
  });
  router.add('GET', '/api/v2/systems/:id/associations', (req) => {
    const s = system(req.params['id']);
    if (!s) return jcError(404, 'system not found');
    const targets = targetsOf(req);
    if (targets.length === 0) return jcError(400, 'targets is required');
    const edges: Record<string, unknown>[] = [];
    if (targets.includes('policy')) for (const [itemId, set] of state.directBindings) if (set.has(s.id)) edges.push(conn('policy', itemId));
    return v2List(req, { items: edges, get: () => undefined, fields: [], render: (e) => e });
  });
  router.add('POST', '/api/v2/systems/:id/associations', (req) => {
    const s = system(req.params['id']);
    if (!s) return jcError(404, 'system not found');
    const body = readOp(req, ['policy']);
    if (!body.ok) return body.response;
    const p = policy(body.id);
    return p ? edge(p, body.op, 'system', s.id) : jcError(404, 'policy not found');
  });

  // ---- §6.2 traversal ----
  const withPaths = (type: GraphType, id: string, paths: Record<string, unknown>[][]): Record<string, unknown> => ({ id, type, paths, compiledAttributes: {} });
  router.add('GET', '/api/v2/policies/:id/systems', (req) => {
    const p = policy(req.params['id']);
    if (!p) return jcError(404, 'policy not found');
    const paths = new Map<string, Record<string, unknown>[][]>();
    const addPath = (sid: string, path: Record<string, unknown>[]): void => {
      const list = paths.get(sid) ?? [];
      list.push(path);
      paths.set(sid, list);
    };
    for (const sid of state.directBindings.get(p.id) ?? []) addPath(sid, [conn('system', sid)]);
    for (const g of groupsOfPolicy(p)) for (const sid of state.membersOf(g.id)) addPath(sid, [conn('system_group', g.id), conn('system', sid)]);
    const items = [...paths].map(([sid, list]) => withPaths('system', sid, list));
    return v2List(req, { items, get: (o, f) => (f === 'id' ? o['id'] : undefined), fields: ['id'], render: (o) => o });
  });
  router.add('GET', '/api/v2/policies/:id/systemgroups', (req) => {
    const p = policy(req.params['id']);
    if (!p) return jcError(404, 'policy not found');
    const items = groupsOfPolicy(p).map((g) => withPaths('system_group', g.id, [[conn('system_group', g.id)]]));
    return v2List(req, { items, get: (o, f) => (f === 'id' ? o['id'] : undefined), fields: ['id'], render: (o) => o });
  });
  router.add('GET', '/api/v2/systemgroups/:id/policies', (req) => {
    const g = group(req.params['id']);
    if (!g) return jcError(404, 'system group not found');
    const items = state.itemIdsOnBlueprint(g).filter((id) => policy(id)).map((id) => withPaths('policy', id, [[conn('policy', id)]]));
    return v2List(req, { items, get: (o, f) => (f === 'id' ? o['id'] : undefined), fields: ['id'], render: (o) => o });
  });
  router.add('GET', '/api/v2/systems/:id/policies', (req) => {
    const s = system(req.params['id']);
    if (!s) return jcError(404, 'system not found');
    const items: Record<string, unknown>[] = [];
    for (const p of state.items.values()) {
      if (p.templateId === undefined) continue;
      const paths: Record<string, unknown>[][] = [];
      if (state.directBindings.get(p.id)?.has(s.id)) paths.push([conn('policy', p.id)]);
      for (const gid of s.groupIds) if (state.blueprints.get(gid)?.items.some((a) => a.itemId === p.id)) paths.push([conn('system_group', gid), conn('policy', p.id)]);
      if (paths.length > 0) items.push(withPaths('policy', p.id, paths));
    }
    return v2List(req, { items, get: (o, f) => (f === 'id' ? o['id'] : undefined), fields: ['id'], render: (o) => o });
  });
  router.add('GET', '/api/v2/systems/:id/memberof', (req) => {
    const s = system(req.params['id']);
    if (!s) return jcError(404, 'system not found');
    const items = s.groupIds.map((gid) => withPaths('system_group', gid, [[conn('system_group', gid)]]));
    return v2List(req, { items, get: (o, f) => (f === 'id' ? o['id'] : undefined), fields: ['id'], render: (o) => o });
  });

  // ---- §7 system groups ----
  const groupGet = (g: SimBlueprint, f: string): unknown => (f === 'name' ? g.name : f === 'id' ? g.id : f === 'type' ? 'system_group' : f === 'disabled' ? false : undefined);
  router.add('GET', '/api/v2/systemgroups', (req) => v2List(req, { items: [...state.blueprints.values()], get: groupGet, fields: ['name', 'id', 'type', 'disabled'], render: (g) => groupJson(g, options.orgId) }));
  const readGroupBody = (req: SimRequest): { ok: true; value: Record<string, unknown> } | { ok: false; response: SimResponse } => {
    if (req.mediaType !== 'application/json') return { ok: false, response: jcError(415, 'Unsupported Media Type') };
    const parsed = parseJsonBody(req);
    if (!parsed.ok || !isRecord(parsed.value)) return { ok: false, response: jcError(400, 'request body must be a JSON object') };
    if (typeof parsed.value['name'] !== 'string' || parsed.value['name'].trim() === '') return { ok: false, response: jcError(400, 'name is required') };
    return { ok: true, value: parsed.value };
  };
  router.add('POST', '/api/v2/systemgroups', (req) => {
    const body = readGroupBody(req);
    if (!body.ok) return body.response;
    const name = body.value['name'] as string;
    if ([...state.blueprints.values()].some((g) => g.name === name)) return jcError(409, 'a system group with this name already exists');
    const g: SimBlueprint = {
      id: state.newId(), name, type: 'group', description: typeof body.value['description'] === 'string' ? body.value['description'] : '',
      icon: '', color: '', enrollmentCode: { code: '', isActive: false }, nodes: [], items: [], createdAt: state.now(),
    };
    state.blueprints.set(g.id, g);
    state.membersOf(g.id);
    return json(201, groupJson(g, options.orgId), { [CREATED_ID]: g.id });
  });
  router.add('GET', '/api/v2/systemgroups/:id', (req) => {
    const g = group(req.params['id']);
    return g ? json(200, groupJson(g, options.orgId)) : jcError(404, 'system group not found');
  });
  router.add('PUT', '/api/v2/systemgroups/:id', (req) => {
    const g = group(req.params['id']);
    if (!g) return jcError(404, 'system group not found');
    const body = readGroupBody(req);
    if (!body.ok) return body.response;
    g.name = body.value['name'] as string;
    g.description = typeof body.value['description'] === 'string' ? body.value['description'] : '';
    return json(200, groupJson(g, options.orgId));
  });
  router.add('DELETE', '/api/v2/systemgroups/:id', (req) => {
    const g = group(req.params['id']);
    if (!g) return jcError(404, 'system group not found');
    const bound = state.itemIdsOnBlueprint(g);
    state.removeGroup(g.id, false);
    for (const id of bound) state.reconcileItem(id);
    return emptyResponse(204);
  });
  router.add('GET', '/api/v2/systemgroups/:id/members', (req) => {
    const g = group(req.params['id']);
    if (!g) return jcError(404, 'system group not found');
    const edges = [...state.membersOf(g.id)].map((sid) => conn('system', sid));
    return v2List(req, { items: edges, get: () => undefined, fields: [], render: (e) => e });
  });
  router.add('GET', '/api/v2/systemgroups/:id/membership', (req) => {
    const g = group(req.params['id']);
    if (!g) return jcError(404, 'system group not found');
    const items = [...state.membersOf(g.id)].map((sid) => withPaths('system', sid, [[conn('system', sid)]]));
    return v2List(req, { items, get: (o, f) => (f === 'id' ? o['id'] : undefined), fields: ['id'], render: (o) => o });
  });
  router.add('POST', '/api/v2/systemgroups/:id/members', (req) => {
    const g = group(req.params['id']);
    if (!g) return jcError(404, 'system group not found');
    const body = readOp(req, ['system']);
    if (!body.ok) return body.response;
    const s = system(body.id);
    if (!s) return jcError(404, 'system not found');
    const member = s.groupIds.includes(g.id);
    if (body.op === 'add') {
      if (member && options.strictAssociations) return jcError(409, 'system is already a member');
      if (!member) state.setDeviceGroups(s, [...s.groupIds, g.id]);
    } else if (body.op === 'remove') {
      if (!member && options.strictAssociations) return jcError(404, 'system is not a member');
      if (member) state.setDeviceGroups(s, s.groupIds.filter((x) => x !== g.id));
    }
    return emptyResponse(204);
  });
}
