// The project's tenant simulator, started in this process (through tsx) so the UI scenarios can read its
// state directly after acting in the editor. It listens on 127.0.0.1 only.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @returns {Promise<{ url: string, token: string, vendor: string, state: any, stop(): Promise<void> }>} */
export async function startDemoSimulator(repo, vendor = 'kandji') {
  const { tsImport } = await import('tsx/esm/api');
  const mod = await tsImport(pathToFileURL(join(repo, 'tenant', 'src', 'simulator', 'index.ts')).href, import.meta.url);
  const sim = await mod.startSimulator({ vendor, port: 0, data: 'demo' });
  return Object.assign(sim, { vendor });
}

/** The env var the extension reads on activation to connect a tenant a launcher started (loopback only). */
export function demoTenantEnv(sim) {
  return { PROFILE_STUDIO_DEMO_TENANT: `${sim.vendor}|${sim.url}|${sim.token}` };
}
