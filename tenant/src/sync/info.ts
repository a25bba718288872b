// The per-profile metadata file of the repository layout shared with Kandji's sync toolkit:
// profiles/<dir>/info.yaml (info.yml, info.json and info.plist are read too, and written back in their format).
import { parseDocument, stringify } from 'yaml';
import { parsePlist, toValue } from '../../../server/src/core';
import type { RunsOn } from '../api/tenantApi';

export type InfoFormat = 'yaml' | 'json' | 'plist';
export const INFO_FILES: readonly { name: string; format: InfoFormat }[] = [
  { name: 'info.yaml', format: 'yaml' }, { name: 'info.yml', format: 'yaml' },
  { name: 'info.json', format: 'json' }, { name: 'info.plist', format: 'plist' },
];

export const RUNS_ON_FIELDS = ['runs_on_mac', 'runs_on_iphone', 'runs_on_ipad', 'runs_on_tv', 'runs_on_vision'] as const;
const RUNS_ON_KEYS: Record<(typeof RUNS_ON_FIELDS)[number], keyof RunsOn> = {
  runs_on_mac: 'mac', runs_on_iphone: 'iphone', runs_on_ipad: 'ipad', runs_on_tv: 'tv', runs_on_vision: 'vision',
};

export interface SyncInfo {
  id?: string;
  name?: string;
  active?: boolean;
  mdm_identifier?: string;
  runs_on_mac?: boolean;
  runs_on_iphone?: boolean;
  runs_on_ipad?: boolean;
  runs_on_tv?: boolean;
  runs_on_vision?: boolean;
  created_at?: string;
  updated_at?: string;
  /** profileHash() of the content both sides held at the last sync. */
  sync_hash?: string;
  /** Fields other tools wrote (runs_on_android, ...): kept as they are. */
  extra: Record<string, unknown>;
}

const KNOWN = new Set<string>(['id', 'name', 'active', 'mdm_identifier', ...RUNS_ON_FIELDS, 'created_at', 'updated_at', 'sync_hash']);

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  return undefined;
}

function asBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 1) return true;
  if (v === 'false' || v === 0) return false;
  return undefined;
}

export function infoFromRecord(record: Record<string, unknown>): SyncInfo {
  const info: SyncInfo = { extra: {} };
  const setString = (k: 'id' | 'name' | 'mdm_identifier' | 'created_at' | 'updated_at' | 'sync_hash') => {
    const v = asString(record[k]);
    if (v !== undefined && v !== '') info[k] = v;
  };
  (['id', 'name', 'mdm_identifier', 'created_at', 'updated_at', 'sync_hash'] as const).forEach(setString);
  const active = asBool(record.active);
  if (active !== undefined) info.active = active;
  for (const f of RUNS_ON_FIELDS) {
    const v = asBool(record[f]);
    if (v !== undefined) info[f] = v;
  }
  for (const [k, v] of Object.entries(record)) if (!KNOWN.has(k)) info.extra[k] = v;
  return info;
}

export type ParsedInfo = { ok: true; info: SyncInfo } | { ok: false; error: string };

export function parseInfo(text: string, format: InfoFormat): ParsedInfo {
  let value: unknown;
  if (format === 'json') {
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: `not valid JSON (${(error as Error).message})` };
    }
  } else if (format === 'yaml') {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) return { ok: false, error: `not valid YAML (${doc.errors[0]!.message.split('\n')[0]})` };
    value = doc.toJS();
  } else {
    const doc = parsePlist(text);
    const syntax = doc.problems[0];
    if (syntax) return { ok: false, error: `not a valid plist (${syntax.message})` };
    value = toValue(doc.root);
  }
  if (value === null || value === undefined) return { ok: true, info: { extra: {} } };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'expected a mapping of fields' };
  return { ok: true, info: infoFromRecord(value as Record<string, unknown>) };
}

/** Fields in a fixed order (known ones first) so rewrites give small diffs. */
export function infoRecord(info: SyncInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['id', 'name', 'active', 'mdm_identifier', ...RUNS_ON_FIELDS, 'created_at', 'updated_at', 'sync_hash'] as const) {
    if (info[k] !== undefined) out[k] = info[k];
  }
  return { ...out, ...info.extra };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function plistScalar(v: unknown): string {
  if (typeof v === 'boolean') return v ? '<true/>' : '<false/>';
  if (typeof v === 'number' && Number.isInteger(v)) return `<integer>${v}</integer>`;
  if (typeof v === 'number') return `<real>${v}</real>`;
  return `<string>${escapeXml(typeof v === 'string' ? v : JSON.stringify(v))}</string>`;
}

export function serializeInfo(info: SyncInfo, format: InfoFormat): string {
  const record = infoRecord(info);
  if (format === 'json') return `${JSON.stringify(record, null, 2)}\n`;
  if (format === 'yaml') return stringify(record);
  const body = Object.entries(record).map(([k, v]) => `\t<key>${escapeXml(k)}</key>\n\t${plistScalar(v)}`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`;
}

/** Platforms from the runs_on_* fields; undefined when none is set (leave the remote as it is). */
export function runsOnOf(info: SyncInfo): Partial<RunsOn> | undefined {
  const out: Partial<RunsOn> = {};
  let any = false;
  for (const f of RUNS_ON_FIELDS) {
    const v = info[f];
    if (v !== undefined) { out[RUNS_ON_KEYS[f]] = v; any = true; }
  }
  return any ? out : undefined;
}

export function runsOnFields(runsOn: RunsOn): Pick<SyncInfo, (typeof RUNS_ON_FIELDS)[number]> {
  return { runs_on_mac: runsOn.mac, runs_on_iphone: runsOn.iphone, runs_on_ipad: runsOn.ipad, runs_on_tv: runsOn.tv, runs_on_vision: runsOn.vision };
}
