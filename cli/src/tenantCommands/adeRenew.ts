// profile-studio ade renew: upload a new MDM server token for an ADE integration, with the contact and default
// blueprint the vendor requires. Everything that can be checked locally is checked before any request.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { isContactEmail, isContactPhone, MAX_TOKEN_BYTES, tokenSizeProblem } from '../../../tenant/src/api/adeRenewal';
import { apiFailure, listFailure, printJson, usageError, type TenantCommand } from '../command';
import { fileProblem } from '../failure';
import { ExitCode, type CliIo } from '../io';
import { notFound } from './lookup';

export const adeRenew: TenantCommand = {
  spec: {
    command: 'ade renew', summary: 'Renew an ADE integration with a new MDM server token (.p7m) from Apple Business or School Manager.',
    positionals: [{ name: 'integration-id', required: true, help: 'integration id (`profile-studio ade integrations` shows them)' }],
    options: [
      { name: 'token', kind: 'value', meta: 'FILE', help: 'the server token file downloaded from Apple (required)' },
      { name: 'blueprint', kind: 'value', meta: 'ID', help: 'default blueprint for devices of this integration (required)' },
      { name: 'email', kind: 'value', meta: 'ADDRESS', help: 'contact email (required)' },
      { name: 'phone', kind: 'value', meta: 'NUMBER', help: 'contact phone (required)' },
      { name: 'json', kind: 'flag', help: 'print the renewed integration as JSON' },
    ],
    notes: [
      'Kandji only. Kandji asks for the contact and the default blueprint with every renewal: `ade integrations --json`',
      'shows the current contact, `blueprints list` the blueprint ids.',
    ],
  },
  async run(args, ctx) {
    const { io, api } = ctx;
    const integrationId = args.positionals[0]!;
    const caps = api.capabilities();
    if (!caps.offered.has('ade')) return apiFailure(io, 'Renewing an ADE integration', { kind: 'not-offered', capability: 'ade', message: `ade is not offered by ${caps.vendorName}` });
    const input = renewalInput(args.values);
    if ('problem' in input) return usageError(io, this.spec, input.problem);
    const token = await readToken(io, input.token);
    if ('problem' in token) {
      io.stderr(`profile-studio ade renew: ${token.problem}\n`);
      return ExitCode.usage;
    }
    const what = `Renewing ADE integration ${integrationId}`;
    // An unknown blueprint would be the default for every new device of the integration: check it first.
    const blueprints = await api.listBlueprints();
    if (!blueprints.ok) return listFailure(ctx, 'Listing blueprints', blueprints.error);
    const blueprint = blueprints.value.find((b) => b.id.toLowerCase() === input.blueprint.toLowerCase());
    if (!blueprint) return notFound(ctx, 'blueprint', input.blueprint, what);
    const r = await api.renewAdeIntegration(integrationId, { file: token.bytes, fileName: basename(input.token), blueprintId: blueprint.id, email: input.email, phone: input.phone });
    if (!r.ok) return r.error.kind === 'not-found' ? notFound(ctx, 'ADE integration', integrationId, what) : apiFailure(io, what, r.error);
    if (args.flags.has('json')) { printJson(io, r.value); return ExitCode.ok; }
    const expiry = r.value.expiresAt ? `the server token now expires ${r.value.expiresAt.slice(0, 10)}` : 'the tenant did not say when the new token expires';
    io.stdout(`Renewed ADE integration ${r.value.name} (${r.value.id}); ${expiry}\n`);
    return ExitCode.ok;
  },
};

type RenewalInput = { token: string; blueprint: string; email: string; phone: string };

/** The four required options, trimmed and checked; every missing one is named at once. */
function renewalInput(values: ReadonlyMap<string, string>): RenewalInput | { problem: string } {
  const given = (name: string) => values.get(name)?.trim() ?? '';
  const input = { token: given('token'), blueprint: given('blueprint'), email: given('email'), phone: given('phone') };
  const meta: Record<keyof RenewalInput, string> = { token: 'FILE', blueprint: 'ID', email: 'ADDRESS', phone: 'NUMBER' };
  const missing = (Object.keys(meta) as (keyof RenewalInput)[]).filter((k) => !input[k]);
  if (missing.length > 0) return { problem: `needs ${missing.map((k) => `--${k} ${meta[k]}`).join(' ')}` };
  if (!isContactEmail(input.email)) return { problem: `--email "${input.email}" is not an email address (name@example.com)` };
  if (!isContactPhone(input.phone)) return { problem: `--phone "${input.phone}" is not a phone number (digits, spaces, + ( ) - .)` };
  return input;
}

/** The token file's bytes, or what is wrong with it in the CLI's file words. */
async function readToken(io: CliIo, file: string): Promise<{ bytes: Uint8Array } | { problem: string }> {
  const path = resolve(io.cwd, file);
  try {
    // Too large a file is refused before it is read.
    const size = (await stat(path)).size;
    if (size > MAX_TOKEN_BYTES) return { problem: `--token ${file} ${tokenSizeProblem(size)!}` };
    const bytes = new Uint8Array(await readFile(path));
    const problem = tokenSizeProblem(bytes.length);
    return problem ? { problem: `--token ${file} ${problem}` } : { bytes };
  } catch (error) {
    return { problem: `cannot read --token ${file}: ${fileProblem(error)}` };
  }
}
