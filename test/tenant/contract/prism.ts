// Prism (Stoplight) in-process, as the contract tier uses it: a validating proxy in front of the simulator, or a
// pure mock, built from the vendors' definitions in ../shared/api/specs. Prism ignores a Swagger basePath, so a
// small front router strips `/api/v2` or `/api` and sends each request to the Prism of that definition. Prism
// runs with `errors: false` (the exchange goes through unchanged) and reports what it found in the
// `sl-violations` header; the router records every exchange with its violations for the test to judge.
import { request as httpRequest, createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createServer as createPrismServer } from '@stoplight/prism-http-server';

type PrismOptions = Parameters<typeof createPrismServer>[1];
type PrismServer = ReturnType<typeof createPrismServer>;
import { sharedPath } from '../../shared';

export type ContractVendor = 'kandji' | 'jumpcloud';

export interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

export interface Exchange {
  method: string;
  /** The path and query as the client sent it (before the base path is stripped). */
  url: string;
  status: number;
  violations: Violation[];
}

/** One definition behind one base path: requests under `prefix` reach a Prism built from `spec`. */
interface Route {
  prefix: string;
  spec: string;
}

/** Which definition answers which base path. JumpCloud v2 uses the complete upstream file (it has the OS-update commands). */
export const SPEC_ROUTES: Record<ContractVendor, Route[]> = {
  kandji: [{ prefix: '', spec: 'kandji/openapi.prism.json' }],
  jumpcloud: [
    { prefix: '/api/v2', spec: 'jumpcloud/jcapi2-openapi.yaml' },
    { prefix: '/api', spec: 'jumpcloud/JumpCloud.SDK.V1.json' },
  ],
};

export const SPECS_PART = 'api/specs';

// Prism logs through pino; the tier reads violations from the header, so every log line is dropped.
const silent = { debug() {}, info() {}, warn() {}, error() {}, success() {}, trace() {}, fatal() {}, child() { return silent; } };

async function startPrism(spec: string, upstream: string | undefined): Promise<{ url: string; server: PrismServer }> {
  const operations = await getHttpOperationsFromSpec(sharedPath(SPECS_PART, spec));
  const server = createPrismServer(operations, {
    cors: false,
    components: { logger: silent as unknown as PrismOptions['components']['logger'] },
    config: {
      ...(upstream ? { isProxy: true, upstream: new URL(upstream), upstreamProxy: undefined } : { isProxy: false }),
      validateRequest: true, validateResponse: true, checkSecurity: true, errors: false, mock: { dynamic: false },
    } as PrismOptions['config'],
  });
  return { url: await server.listen(0, '127.0.0.1'), server };
}

function parseViolations(raw: string | string[] | undefined): Violation[] {
  if (raw === undefined) return [];
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed as Violation[];
  } catch { /* Prism cuts a long header ("Too many violations! ..."), which is not JSON: a failure in itself */ }
  return [{ location: ['header'], severity: 'Error', code: 'unreadable', message: `unreadable sl-violations header: ${text.slice(0, 200)}` }];
}

function startFrontRouter(targets: { prefix: string; url: string }[], record: (x: Exchange) => void): Promise<Server> {
  const sorted = [...targets].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = createHttpServer((inReq, inRes) => {
    const url = inReq.url ?? '/';
    const route = sorted.find(({ prefix }) => prefix === '' || url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`));
    if (!route) {
      record({ method: inReq.method ?? '', url, status: 404, violations: [{ location: ['request'], severity: 'Error', code: 'route', message: 'no definition covers this base path' }] });
      inRes.writeHead(404).end();
      return;
    }
    const target = new URL(route.url);
    const chunks: Buffer[] = [];
    inReq.on('data', (c: Buffer) => chunks.push(c));
    inReq.on('end', () => {
      const out = httpRequest({
        host: target.hostname, port: target.port, method: inReq.method, path: url.slice(route.prefix.length) || '/',
        headers: { ...inReq.headers, host: target.host },
      }, (res) => {
        const body: Buffer[] = [];
        res.on('data', (c: Buffer) => body.push(c));
        res.on('end', () => {
          record({ method: inReq.method ?? '', url, status: res.statusCode ?? 0, violations: parseViolations(res.headers['sl-violations']) });
          inRes.writeHead(res.statusCode ?? 502, res.headers).end(Buffer.concat(body));
        });
      });
      out.on('error', (e) => { inRes.writeHead(502).end(String(e.message)); });
      out.end(Buffer.concat(chunks));
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

export interface ContractProxy {
  /** Point the client here (the tenant's API origin). */
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

/**
 * `upstream` (the simulator's origin) makes a validating proxy; without it each Prism is a mock answering
 * from the definition's examples (Kandji) or schema placeholders (JumpCloud, whose files carry no examples).
 */
export async function startContract(vendor: ContractVendor, upstream?: string): Promise<ContractProxy> {
  const origin = upstream?.replace(/\/+$/, '');
  const prisms = await Promise.all(SPEC_ROUTES[vendor].map(async (r) => ({ prefix: r.prefix, ...(await startPrism(r.spec, origin === undefined ? undefined : `${origin}${r.prefix}`)) })));
  const exchanges: Exchange[] = [];
  const front = await startFrontRouter(prisms, (x) => exchanges.push(x));
  return {
    url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    exchanges,
    async close() {
      front.closeAllConnections();
      await new Promise<void>((done) => front.close(() => done()));
      await Promise.all(prisms.map((p) => p.server.close()));
    },
  };
}
