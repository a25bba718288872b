// The local tenant simulator: a node:http server on 127.0.0.1 that answers like Kandji or JumpCloud.
// Used by the API tests (port 0, fresh state per test), `profile-studio simulate` and the demo scripts.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { generateDemo, type DemoOptions } from './demoData';
import { DEFAULT_HANG_MS, describeFault, FaultController, parseFaultSpec, type FaultSpec } from './faults';
import { header, type SimRequest, type SimResponse } from './httpKit';
import { APPLE_MDM_ID, CUSTOM_PROFILE_TEMPLATE_ID } from './jumpcloudCatalog';
import { DEFAULT_JUMPCLOUD_OPTIONS, jumpcloudApp, type JumpCloudOptions } from './jumpcloudRoutes';
import { DEFAULT_KANDJI_OPTIONS, kandjiApp, type KandjiOptions } from './kandjiRoutes';
import { redactHeaders, type RequestLogEntry } from './requestLog';

/** Device secret reads are marked in the log (the answer body is never logged). */
const SECRET_PATH = /\/secrets\/[a-z]+$/;
export const PRESIGNED_PREFIX = '/__export-bucket/';
import { emptyData, TenantState, type SimulatorData, type SimulatedVendor } from './state';
import { CREATED_ID, type VendorApp } from './vendorApp';

export interface SimulatorOptions {
  vendor: SimulatedVendor;
  /** 0 or absent = an ephemeral port. The host is always 127.0.0.1. */
  port?: number;
  /** 'demo' (default), 'empty', tenant data, or a path to a JSON file saved from `sim.state.toData()`. */
  data?: 'demo' | 'empty' | SimulatorData | string;
  /** Demo generator knobs (seed, base time, sizes). */
  demo?: DemoOptions;
  faults?: FaultSpec[] | string;
  /** The credential the simulator accepts; random when absent. */
  token?: string;
  /** Delay added to every answer. */
  latencyMs?: number;
  /** Pending status rows and commands settle after this long (default 3000 ms; `state.advance()` skips ahead). */
  settleMs?: number;
  /** Share of new status rows that end failed (default 0). */
  failRate?: number;
  kandji?: Partial<KandjiOptions>;
  jumpcloud?: Partial<JumpCloudOptions>;
  /** Requests above this many bytes get a 413. Default 20 MB. */
  maxBodyBytes?: number;
  /** Oldest log entries are dropped beyond this. Default 10,000. */
  logLimit?: number;
}

export interface Simulator {
  readonly vendor: SimulatedVendor;
  /** Origin to configure as the tenant URL (KANDJI_API_URL / JUMPCLOUD_API_URL). */
  readonly url: string;
  readonly token: string;
  readonly port: number;
  readonly state: TenantState;
  readonly log: RequestLogEntry[];
  readonly faults: FaultController;
  /** Environment for the CLI pointing at this simulator. */
  readonly env: Record<string, string>;
  /** Method + path template of every modelled endpoint. */
  routes(): { method: string; template: string }[];
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

async function loadData(vendor: SimulatedVendor, data: SimulatorOptions['data'], demo: DemoOptions | undefined): Promise<SimulatorData> {
  if (data === undefined || data === 'demo') return generateDemo(vendor, { baseTime: startOfTodayUtc(), ...demo });
  if (data === 'empty') return emptyData(vendor);
  const loaded: Partial<SimulatorData> = typeof data === 'string' ? (JSON.parse(await readFile(data, 'utf8')) as Partial<SimulatorData>) : data;
  if (loaded.vendor && loaded.vendor !== vendor) throw new Error(`tenant data is for ${loaded.vendor}, not ${vendor}`);
  return { ...emptyData(vendor), ...loaded, vendor };
}

/** Demo check-ins are relative to today so the tenant looks alive; same day + seed = same tenant. */
function startOfTodayUtc(): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Cuts a body so it can no longer parse as JSON. */
function corrupt(body: string | Buffer): string {
  const text = body.toString();
  if (text.length < 2) return '{"detail": ';
  return text.slice(0, Math.ceil(text.length / 2));
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const vendor = options.vendor;
  const data = await loadData(vendor, options.data, options.demo);
  const state = new TenantState(data, { settleMs: options.settleMs ?? 3000, failRate: options.failRate ?? 0, seed: options.demo?.seed ?? 1 });
  const token = options.token ?? (vendor === 'kandji' ? randomUUID() : randomBytes(20).toString('hex'));
  let initialFaults: FaultSpec[] = [];
  if (typeof options.faults === 'string') {
    const parsed = parseFaultSpec(options.faults);
    if (!parsed.ok) throw new Error(parsed.error);
    initialFaults = parsed.faults;
  } else if (options.faults) initialFaults = options.faults;
  const faults = new FaultController(initialFaults);
  const ctx = { state, token };
  const app: VendorApp = vendor === 'kandji'
    ? kandjiApp(ctx, { ...DEFAULT_KANDJI_OPTIONS, ...options.kandji })
    : jumpcloudApp(ctx, { ...DEFAULT_JUMPCLOUD_OPTIONS, ...options.jumpcloud });
  const log: RequestLogEntry[] = [];
  const logLimit = options.logLimit ?? 10_000;
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let seq = 0;

  const wait = (ms: number): Promise<void> => new Promise((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const rawPath = url.pathname;
    const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: RequestLogEntry = {
      seq: ++seq, at: new Date(started).toISOString(), method, path: rawPath, query: url.search.replace(/^\?/, ''), status: null, outcome: 'answered',
      bodyBytes: 0, headers: redactHeaders(req.headers), durationMs: 0,
      ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
      ...(SECRET_PATH.test(path) ? { note: 'secret read' } : {}),
    };
    const record = (): void => {
      entry.durationMs = Date.now() - started;
      log.push(entry);
      if (log.length > logLimit) log.splice(0, log.length - logLimit);
    };
    const drop = (): void => {
      entry.outcome = 'dropped';
      record();
      req.socket.destroy();
    };
    const send = (r: SimResponse): void => {
      const headers = { ...r.headers };
      const created = headers[CREATED_ID];
      if (created) entry.createdId = created;
      delete headers[CREATED_ID];
      entry.status = r.status;
      record();
      const body = typeof r.body === 'string' ? Buffer.from(r.body) : r.body;
      res.writeHead(r.status, { ...headers, 'content-length': String(body.length) });
      res.end(body);
    };

    const body = await readBody(req, options.maxBodyBytes ?? 20 * 1024 * 1024);
    if (body === 'too-large') return send({ status: 413, headers: { 'content-type': 'text/plain' }, body: 'Request Entity Too Large' });
    entry.bodyBytes = body.length;
    const simReq: SimRequest = {
      method, path, query: url.searchParams, headers: req.headers, body, params: {},
      mediaType: (header({ headers: req.headers } as SimRequest, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      origin: `http://${req.headers.host ?? `${HOST}`}`,
    };

    const fault = faults.take(method, path);
    if (fault) entry.fault = fault.label;
    const delay = (options.latencyMs ?? 0) + (fault?.spec.kind === 'latency' ? fault.spec.ms : 0);
    if (delay > 0) await wait(delay);
    if (fault?.spec.kind === 'hang') {
      // No answer; the socket is closed after the bound so nothing leaks if the client never times out.
      entry.outcome = 'hung';
      record();
      const t = setTimeout(() => {
        timers.delete(t);
        req.socket.destroy();
      }, Math.min(fault.spec.ms ?? DEFAULT_HANG_MS, DEFAULT_HANG_MS));
      timers.add(t);
      return;
    }
    if (fault?.spec.kind === 'drop') return drop();
    if (fault?.spec.kind === 'status') return send(app.decorate(app.errorFor(fault.spec.status, simReq, fault.spec.retryAfterS), simReq));

    // A presigned download link carries its own authorisation (it stands for another host).
    const denied = path.startsWith(PRESIGNED_PREFIX) ? undefined : app.authenticate(simReq);
    if (denied) return send(app.decorate(denied, simReq));

    const match = app.router.match(method, path);
    let response: SimResponse;
    if (match.kind === 'none') response = app.notFound(simReq);
    else if (match.kind === 'method-not-allowed') response = app.methodNotAllowed(simReq, match.allowed);
    else {
      simReq.params = match.params;
      try {
        response = match.handler(simReq);
      } catch (e) {
        // A handler bug: answer like a real server would, and keep the reason for the person running it.
        process.stderr.write(`simulator: ${method} ${path} failed: ${e instanceof Error ? e.stack : String(e)}\n`);
        response = app.errorFor(500, simReq);
      }
    }
    if (fault?.spec.kind === 'store-then-fail') {
      const created = response.headers[CREATED_ID];
      if (created) entry.createdId = created;
      if (fault.spec.then === 'drop') return drop();
      return send(app.decorate(app.errorFor(fault.spec.then, simReq), simReq));
    }
    if (fault?.spec.kind === 'malformed') {
      response = { status: response.status === 204 ? 200 : response.status, headers: { ...response.headers, 'content-type': 'application/json' }, body: corrupt(response.body) };
    }
    send(app.decorate(response, simReq));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`simulator: ${e instanceof Error ? e.message : String(e)}\n`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}`;
  const env: Record<string, string> = vendor === 'kandji'
    ? { PROFILE_STUDIO_VENDOR: 'kandji', KANDJI_API_URL: url, KANDJI_API_TOKEN: token }
    : { PROFILE_STUDIO_VENDOR: 'jumpcloud', JUMPCLOUD_API_URL: url, JUMPCLOUD_API_KEY: token };
  const jcOrg = options.jumpcloud?.requireOrgId ? (options.jumpcloud.orgId ?? DEFAULT_JUMPCLOUD_OPTIONS.orgId) : undefined;
  if (jcOrg) env['JUMPCLOUD_ORG_ID'] = jcOrg;

  return {
    vendor, url, token, port, state, log, faults, env,
    routes: () => app.router.list(),
    stop: () => new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Human summary for `profile-studio simulate` and the demo scripts (prints the local token on purpose). */
export function describeSimulator(sim: Simulator): string {
  const c = sim.state.counts();
  const lines = [
    `${sim.vendor === 'kandji' ? 'Kandji' : 'JumpCloud'} simulator listening on ${sim.url}`,
    `  ${sim.vendor === 'kandji' ? 'API token' : 'API key'}: ${sim.token}`,
    `  tenant: ${c.profiles} custom profiles, ${c.items - c.profiles} other library items, ${c.blueprints} ${sim.vendor === 'kandji' ? 'blueprints' : 'system groups'}, ${c.devices} devices, ${c.statusRows} status rows`,
  ];
  if (sim.vendor === 'jumpcloud') lines.push(`  Apple MDM id: ${APPLE_MDM_ID} (policy template ${CUSTOM_PROFILE_TEMPLATE_ID})`);
  const maps = [...sim.state.blueprints.values()].filter((b) => b.type === 'map');
  if (maps.length > 0) {
    lines.push('  assignment-map node ids (the real API has no endpoint listing them):');
    for (const b of maps) lines.push(`    ${b.name} (${b.id}): ${b.nodes.map((n) => `${n.name}=${n.id}`).join(', ')}`);
  }
  const active = sim.faults.active();
  lines.push(`  faults: ${active.length === 0 ? 'none' : active.map((f) => describeFault(f.spec)).join(', ')}`);
  lines.push('  environment for the CLI:');
  for (const [k, v] of Object.entries(sim.env)) lines.push(`    export ${k}=${v}`);
  return lines.join('\n');
}
