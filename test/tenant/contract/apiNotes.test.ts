// Contract: the simulator against the facts in ../shared/api/*.md. Part 1 runs a fact table encoded here
// (test/tenant/contract/facts.ts, each row tagged with its section); part 2 reads the notes' own tables at test
// time, so a fact added to the notes fails here until the simulator models it or NOT_MODELLED says why.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import {
  APPLE_MDM_ID, buildMultipart, CUSTOM_PROFILE_TEMPLATE_ID, KANDJI_ACTIONS, PAYLOAD_FIELD_ID, REDISPATCH_FIELD_ID, JUMPCLOUD_COMMANDS,
  sampleProfileXml, startSimulator, type Simulator, type SimulatedVendor,
} from '../../../tenant/src/simulator/index';
import { JUMPCLOUD_FACTS, KANDJI_FACTS, MESSAGES_NOT_MODELLED, NOT_MODELLED, type Fact } from './facts';
import { codeSpans, endpointsIn, normalisePath, notesMissing, readNotes, section, tableRows } from './notes';

const SMALL = { devices: 200, profiles: 6, baseTime: Date.UTC(2026, 10, 1) };

async function fresh(t: TestContext, vendor: SimulatedVendor): Promise<Simulator> {
  const s = await startSimulator({ vendor, demo: SMALL });
  t.after(() => s.stop());
  return s;
}

/** Values for the {placeholders} of the fact table, taken from the fresh tenant. */
function placeholders(s: Simulator): Record<string, string> {
  const st = s.state;
  const mac = st.devices.find((d) => d.platform === 'Mac')!;
  const phone = st.devices.find((d) => d.platform === 'iPhone')!;
  const profile = [...st.items.values()].find((i) => i.kind === 'profile' && (s.vendor === 'kandji' || i.templateId === CUSTOM_PROFILE_TEMPLATE_ID))!;
  const blueprint = [...st.blueprints.values()].find((b) => st.membersOf(b.id).has(mac.id))!;
  // A classic blueprint and a profile that is not on it yet (Kandji only).
  const profiles = [...st.items.values()].filter((i) => i.kind === 'profile');
  const classic = [...st.blueprints.values()].find((b) => b.type === 'classic' && profiles.some((p) => !b.items.some((a) => a.itemId === p.id)));
  const free = classic ? profiles.find((p) => !classic.items.some((a) => a.itemId === p.id)) : undefined;
  return {
    profile: profile.id, policy: profile.id, blueprint: blueprint.id, group: blueprint.id, classic: classic?.id ?? '', free: free?.id ?? '',
    device: mac.id, mac: mac.id, system: mac.id,
    iphone: phone.id, mdm: APPLE_MDM_ID, macMdm: mac.mdmDeviceId ?? '', phoneMdm: phone.mdmDeviceId ?? '',
    payloadB64: Buffer.from(sampleProfileXml('Contract')).toString('base64'),
  };
}

const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

async function check(s: Simulator, fact: Fact): Promise<void> {
  const values = placeholders(s);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (fact.auth !== false) {
    if (s.vendor === 'kandji') headers['authorization'] = `Bearer ${s.token}`;
    else headers['x-api-key'] = s.token;
  }
  let body: string | Uint8Array | undefined;
  if (fact.body === 'multipart-profile') {
    const form = buildMultipart([{ name: 'name', value: 'Contract' }, { name: 'runs_on_mac', value: 'true' }, { name: 'file', filename: 'c.mobileconfig', data: sampleProfileXml('Contract') }]);
    body = new Uint8Array(form.body);
    headers['content-type'] = form.contentType;
  } else if (fact.body !== undefined) {
    body = fill(JSON.stringify(fact.body), values);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${s.url}${fill(fact.path, values)}`, { method: fact.method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  const label = `${s.vendor} §${fact.section} ${fact.what}: ${fact.method} ${fact.path}`;
  assert.equal(res.status, fact.status, `${label}: status (${text.slice(0, 200)})`);
  if (fact.contentType) assert.match(res.headers.get('content-type') ?? '', fact.contentType, `${label}: content type`);
  for (const [name, pattern] of Object.entries(fact.headers ?? {})) assert.match(res.headers.get(name) ?? '', pattern, `${label}: header ${name}`);
  if (fact.empty) assert.equal(text, '', `${label}: empty body`);
  if (!fact.keys && fact.equals === undefined && !fact.array) return;
  const json: unknown = JSON.parse(text);
  if (fact.equals !== undefined) assert.deepEqual(json, fact.equals, label);
  if (fact.array) {
    assert.ok(Array.isArray(json), `${label}: bare array`);
    if (fact.maxItems !== undefined) assert.ok(json.length <= fact.maxItems, `${label}: at most ${fact.maxItems}`);
  }
  if (fact.keys) {
    const target = Array.isArray(json) ? json[0] : json;
    assert.ok(target && typeof target === 'object', `${label}: an object to inspect`);
    for (const key of fact.keys) assert.ok(key in (target as object), `${label}: field ${key}`);
  }
}

test('contract: Kandji facts table (../shared/api/kandji.md)', async (t) => {
  for (const fact of KANDJI_FACTS) await check(await fresh(t, 'kandji'), fact);
});

test('contract: JumpCloud facts table (../shared/api/jumpcloud.md)', async (t) => {
  for (const fact of JUMPCLOUD_FACTS) await check(await fresh(t, 'jumpcloud'), fact);
});

// ---- Part 2: the notes' own tables, read at test time ----

const routeKeys = (s: Simulator): Set<string> => new Set(s.routes().map((r) => `${r.method} ${normalisePath(r.template)}`));

test('contract: every endpoint the notes name is modelled or listed as not modelled', { skip: notesMissing() }, async (t) => {
  const kandji = await readNotes('kandji.md');
  const perDevice = [...section(kandji, '8.3').matchAll(/\b(GET|POST|PATCH|DELETE) \.\.\.(\/[^`\s?]+)/g)].map((m) => `${m[1]} ${normalisePath(`/api/v1/devices/{device_id}${m[2]}`)}`);
  for (const [vendor, endpoints] of [['kandji', [...endpointsIn(kandji), ...perDevice]], ['jumpcloud', endpointsIn(await readNotes('jumpcloud.md'))]] as const) {
    const routes = routeKeys(await fresh(t, vendor));
    const missing = endpoints.filter((e) => !routes.has(e) && !(e in NOT_MODELLED));
    assert.deepEqual(missing, [], `${vendor}: endpoints in the notes without a simulator route or a NOT_MODELLED reason`);
    assert.ok(endpoints.length > 20, `${vendor}: the notes still list endpoints (${endpoints.length})`);
  }
});

test('contract: Kandji §9 device-action table: every action exists, answers 200 on a supported device, platforms agree', { skip: notesMissing() }, async (t) => {
  const rows = tableRows(section(await readNotes('kandji.md'), '9')).filter((r) => /^`\w+`$/.test(r[0]!));
  assert.ok(rows.length >= 13);
  const bodies: Record<string, unknown> = { setname: { DeviceName: 'Contract' }, unlockaccount: { UserName: 'ana' }, deleteuser: { DeleteAllUsers: true }, remotedesktop: { EnableRemoteDesktop: true } };
  const platformWords: Record<string, string[]> = { macOS: ['Mac'], 'iPhone, iPad': ['iPhone', 'iPad'], 'iOS/iPadOS': ['iPhone', 'iPad'], 'iOS/iPadOS in lost mode': ['iPhone', 'iPad'] };
  for (const row of rows) {
    const action = row[0]!.replace(/`/g, '');
    const spec = KANDJI_ACTIONS[action];
    assert.ok(spec, `§9 action ${action} is modelled`);
    const expected = platformWords[row[3]!];
    if (expected) assert.deepEqual([...spec.platforms].sort(), [...expected].sort(), `§9 ${action} platforms "${row[3]}"`);
    if (row[3]!.startsWith('all')) assert.equal(spec.platforms.length, 5, `§9 ${action} runs on all platforms`);
    const s = await fresh(t, 'kandji');
    const device = s.state.devices.find((d) => spec.platforms.includes(d.platform))!;
    const post = (name: string, body?: unknown) => fetch(`${s.url}/api/v1/devices/${device.id}/action/${name}`, {
      method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (row[3]!.includes('lost mode') || action === 'disablelostmode') assert.equal((await post('enablelostmode')).status, 200);
    const res = await post(action, bodies[action]);
    assert.equal(res.status, 200, `§9 ${action} on ${device.platform}: ${await res.text()}`);
  }
});

test('contract: Kandji §3 rate-limit headers, §5.1 profile fields, §8.2 device fields, §7.3 assignment messages', { skip: notesMissing() }, async (t) => {
  const md = await readNotes('kandji.md');
  const s = await fresh(t, 'kandji');
  const auth = { authorization: `Bearer ${s.token}` };
  const res = await fetch(`${s.url}/api/v1/devices?limit=1`, { headers: auth });
  const [device] = (await res.json()) as Record<string, unknown>[];
  for (const row of tableRows(section(md, '3')).filter((r) => r[0]!.startsWith('`'))) {
    const name = row[0]!.replace(/`/g, '');
    assert.ok(res.headers.get(name) !== null, `§3 header ${name}`);
  }
  const form = buildMultipart([{ name: 'name', value: 'Fields' }, { name: 'runs_on_mac', value: 'true' }, { name: 'file', filename: 'f.mobileconfig', data: sampleProfileXml() }]);
  const created = (await (await fetch(`${s.url}/api/v1/library/custom-profiles`, { method: 'POST', headers: { ...auth, 'content-type': form.contentType }, body: new Uint8Array(form.body) })).json()) as Record<string, unknown>;
  for (const row of tableRows(section(md, '5.1'))) for (const field of codeSpans(row[0]!)) assert.ok(field in created, `§5.1 field ${field}`);
  for (const field of codeSpans(section(md, '8.2')).filter((f) => /^[a-z_]+$/.test(f))) assert.ok(field in device!, `§8.2 field ${field}`);

  // Provoke every assignment error and compare with the quoted messages of §7.3.
  const seen = new Set<string>();
  const item = String(created['id']);
  const post = async (bp: string, op: string, body: Record<string, unknown>) => {
    const r = await fetch(`${s.url}/api/v1/blueprints/${bp}/${op}-library-item`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ library_item_id: item, ...body }) });
    const text = await r.text();
    if (r.status === 400) seen.add(text.startsWith('"') ? (JSON.parse(text) as string) : text);
  };
  const classic = [...s.state.blueprints.values()].find((b) => b.type === 'classic')!;
  const map = [...s.state.blueprints.values()].find((b) => b.type === 'map' && b.nodes.length > 1)!;
  await post(classic.id, 'assign', { assignment_node_id: map.nodes[0]!.id });
  await post(classic.id, 'remove', {});
  await post(classic.id, 'assign', {});
  await post(classic.id, 'assign', {});
  await post(map.id, 'assign', {});
  await post(map.id, 'remove', { assignment_node_id: map.nodes[1]!.id });
  await post(map.id, 'assign', { assignment_node_id: map.nodes[1]!.id });
  await post(map.id, 'assign', { assignment_node_id: map.nodes[1]!.id });
  const quoted = [...section(md, '7.3').matchAll(/"([^"\n]+)"/g)].map((m) => m[1]!).filter((q) => /^(Library Item|Must provide|assignment_node_id cannot|Assignment node)/.test(q));
  assert.ok(quoted.length >= 6);
  for (const message of quoted) if (!(message in MESSAGES_NOT_MODELLED)) assert.ok(seen.has(message), `§7.3 message "${message}" (seen: ${[...seen].join(' | ')})`);
});

test('contract: JumpCloud §10.3 commands and §4.1 catalog ids', { skip: notesMissing() }, async (t) => {
  const md = await readNotes('jumpcloud.md');
  const commands = tableRows(section(md, '10.3')).map((r) => r[0]!).filter((c) => /^`\w+`$/.test(c)).map((c) => c.replace(/`/g, ''));
  assert.deepEqual([...commands].sort(), [...JUMPCLOUD_COMMANDS].sort());
  const routes = routeKeys(await fresh(t, 'jumpcloud'));
  for (const c of commands) assert.ok(routes.has(`POST /api/v2/applemdms/{x}/devices/{x}/${c}`), `§10.3 command ${c}`);
  const ids = section(md, '4.1').match(/Ids observed[\s\S]*?3p-cli/)?.[0] ?? '';
  const hex = codeSpans(ids).filter((x) => /^[0-9a-f]{24}$/.test(x));
  assert.deepEqual(hex, [CUSTOM_PROFILE_TEMPLATE_ID, PAYLOAD_FIELD_ID, REDISPATCH_FIELD_ID], '§4.1 template and field ids');
});
