// JumpCloud JSON as it arrives (../shared/api/jumpcloud.md §2, §4-§10), checked at runtime. v1 records carry `_id`,
// v2 records `id`; unknown fields are ignored.
import { asArray, asObject, optBool, optString, reqString, type Json } from '../wireCheck';

export const CUSTOM_PROFILE_TEMPLATE = 'custom_mdm_profile_darwin';

export interface TemplateRefWire {
  id: string;
  name: string;
}

export function templateRef(value: unknown): TemplateRefWire {
  const o = asObject(value, 'policy template');
  return { id: reqString(o, 'id', 'policy template'), name: optString(o, 'name') ?? '' };
}

export interface ConfigFieldWire {
  id: string;
  name: string;
}

export function templateFields(value: unknown): ConfigFieldWire[] {
  const o = asObject(value, 'policy template');
  return asArray(o.configFields ?? [], 'policy template config fields').map((f) => {
    const fo = asObject(f, 'config field');
    return { id: reqString(fo, 'id', 'config field'), name: reqString(fo, 'name', 'config field') };
  });
}

/** `PolicyValue`: no field name in the definitions (some tenants add `configFieldName`; it is not relied on). */
export interface PolicyValueWire {
  configFieldID: string;
  value: unknown;
  sensitive?: boolean;
}

export interface PolicyWire {
  id: string;
  name: string;
  notes?: string;
  template?: TemplateRefWire;
  values: PolicyValueWire[];
}

export function policy(value: unknown): PolicyWire {
  const o = asObject(value, 'policy');
  const values = asArray(o.values ?? [], 'policy values').map((v) => {
    const vo = asObject(v, 'policy value');
    return {
      configFieldID: optString(vo, 'configFieldID') ?? '',
      value: vo.value,
      ...(typeof vo.sensitive === 'boolean' ? { sensitive: vo.sensitive } : {}),
    };
  });
  return {
    id: reqString(o, 'id', 'policy'),
    name: reqString(o, 'name', 'policy'),
    notes: optString(o, 'notes'),
    template: o.template && typeof o.template === 'object' ? templateRef(o.template) : undefined,
    values,
  };
}

/** GraphConnection `{to: {id, type}, attributes}` (associations, group members). */
export interface GraphEdgeWire {
  id: string;
  type: string;
}

export function graphEdge(value: unknown): GraphEdgeWire {
  const o = asObject(value, 'association');
  const to = asObject(o.to, 'association target');
  return { id: reqString(to, 'id', 'association target'), type: optString(to, 'type') ?? '' };
}

export interface SystemGroupWire {
  id: string;
  name: string;
  description?: string;
}

export function systemGroup(value: unknown): SystemGroupWire {
  const o = asObject(value, 'system group');
  const id = reqString(o, 'id', 'system group');
  // `name` is optional in the definitions (their own list example has a group without one): show the id then.
  return { id, name: optString(o, 'name') || id, description: optString(o, 'description') };
}

/** v1 list envelope `{totalCount, results}`. */
export function v1Page(value: unknown, what: string): { totalCount?: number; results: unknown[] } {
  const o = asObject(value, `${what} page`);
  const total = typeof o.totalCount === 'number' ? o.totalCount : undefined;
  return { ...(total !== undefined ? { totalCount: total } : {}), results: asArray(o.results, `${what} results`) };
}

export interface SystemWire {
  _id: string;
  displayName?: string;
  hostname?: string;
  serialNumber?: string;
  os?: string;
  version?: string;
  model?: string;
  lastContact?: string;
  mdmDeviceId?: string;
  raw: Json;
}

export function system(value: unknown): SystemWire {
  const o = asObject(value, 'system');
  const mdm = o.mdm && typeof o.mdm === 'object' ? (o.mdm as Json) : undefined;
  const internal = mdm?.internal && typeof mdm.internal === 'object' ? (mdm.internal as Json) : undefined;
  const detail = o.osVersionDetail && typeof o.osVersionDetail === 'object' ? (o.osVersionDetail as Json) : undefined;
  return {
    _id: reqString(o, '_id', 'system'),
    displayName: optString(o, 'displayName'),
    hostname: optString(o, 'hostname'),
    serialNumber: optString(o, 'serialNumber'),
    os: optString(o, 'os') ?? (detail ? optString(detail, 'osName') : undefined),
    version: optString(o, 'version'),
    model: optString(o, 'model') ?? optString(o, 'modelName'),
    lastContact: optString(o, 'lastContact'),
    mdmDeviceId: internal ? optString(internal, 'deviceId') : undefined,
    raw: o,
  };
}

export interface PolicyStatusWire {
  policyID?: string;
  systemID: string;
  state?: string;
  success?: boolean;
  detail?: string;
  endedAt?: string;
  startedAt?: string;
}

export function policyStatus(value: unknown): PolicyStatusWire {
  const o = asObject(value, 'policy status');
  return {
    policyID: optString(o, 'policyID'),
    systemID: reqString(o, 'systemID', 'policy status'),
    state: optString(o, 'state'),
    ...(typeof o.success === 'boolean' ? { success: optBool(o, 'success', false) } : {}),
    detail: optString(o, 'detail') ?? optString(o, 'stdErr'),
    endedAt: optString(o, 'endedAt'),
    startedAt: optString(o, 'startedAt'),
  };
}

export function idOf(value: unknown, what: string): string {
  return reqString(asObject(value, what), 'id', what);
}

/** MDM command answers: 204 empty, or `{"message"}`. */
export function commandAnswer(value: unknown): { message?: string } {
  if (value === undefined || value === '') return {};
  if (typeof value === 'string') return { message: value };
  const o = asObject(value, 'command answer');
  const message = optString(o, 'message');
  return message ? { message } : {};
}
