// profile-studio blueprints create | rename | delete | templates | enrollment-profile (JumpCloud: system groups).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { apiFailure, printJson, printTable, usageError, type TenantCommand } from '../command';
import { ExitCode } from '../io';
import { fileProblem } from '../failure';

export const blueprintsCreate: TenantCommand = {
  spec: {
    command: 'blueprints create', summary: 'Create a blueprint (JumpCloud: a system group).', positionals: [{ name: 'name', required: true }],
    options: [{ name: 'description', kind: 'value', meta: 'TEXT', help: 'description' }, { name: 'template', kind: 'value', meta: 'ID', help: 'Kandji: start from this template' }, { name: 'json', kind: 'flag', help: 'print JSON' }],
  },
  async run(args, { io, api }) {
    const name = args.positionals[0]!.trim();
    if (!name) return usageError(io, this.spec, 'the blueprint name is empty');
    const description = args.values.get('description');
    const template = args.values.get('template');
    const r = await api.createBlueprint({ name, ...(description ? { description } : {}), ...(template ? { sourceTemplateId: template } : {}) });
    if (!r.ok) return apiFailure(io, `Creating blueprint "${name}"`, r.error);
    if (args.flags.has('json')) printJson(io, r.value);
    else io.stdout(`Created ${r.value.name} (${r.value.id})\n`);
    return ExitCode.ok;
  },
};

export const blueprintsRename: TenantCommand = {
  spec: { command: 'blueprints rename', summary: 'Rename a blueprint.', positionals: [{ name: 'id', required: true }, { name: 'name', required: true }], options: [] },
  async run(args, { io, api }) {
    const [id, name] = args.positionals as [string, string];
    if (!name.trim()) return usageError(io, this.spec, 'the new name is empty');
    const r = await api.renameBlueprint(id, name.trim());
    if (!r.ok) return apiFailure(io, `Renaming blueprint ${id}`, r.error);
    io.stdout(`Renamed ${id} to ${r.value.name}\n`);
    return ExitCode.ok;
  },
};

export const blueprintsDelete: TenantCommand = {
  spec: {
    command: 'blueprints delete', summary: 'Delete a blueprint (Kandji: its devices stop being managed). Needs --yes.',
    positionals: [{ name: 'id', required: true }], options: [{ name: 'yes', kind: 'flag', help: 'confirm the deletion' }],
  },
  async run(args, { io, api }) {
    if (!api.capabilities().offered.has('blueprint-manage')) return apiFailure(io, 'Deleting a blueprint', { kind: 'not-offered', capability: 'blueprint-manage', message: `blueprint-manage is not offered by ${api.capabilities().vendorName}` });
    if (!args.flags.has('yes')) return usageError(io, this.spec, 'deleting a blueprint needs --yes');
    const r = await api.deleteBlueprint(args.positionals[0]!);
    if (!r.ok) return apiFailure(io, `Deleting blueprint ${args.positionals[0]}`, r.error);
    io.stdout(`Deleted blueprint ${args.positionals[0]}\n`);
    return ExitCode.ok;
  },
};

export const blueprintsTemplates: TenantCommand = {
  spec: { command: 'blueprints templates', summary: 'Blueprint templates to start from.', positionals: [], options: [{ name: 'json', kind: 'flag', help: 'print JSON' }] },
  async run(args, { io, api }) {
    const r = await api.blueprintTemplates();
    if (!r.ok) return apiFailure(io, 'Listing blueprint templates', r.error);
    if (args.flags.has('json')) printJson(io, r.value);
    else printTable(io, ['ID', 'NAME', 'DESCRIPTION'], r.value.map((t) => [t.id, t.name, t.description ?? '']));
    return ExitCode.ok;
  },
};

export const blueprintsEnrollmentProfile: TenantCommand = {
  spec: {
    command: 'blueprints enrollment-profile', summary: "Download a blueprint's manual (OTA) enrollment profile.",
    positionals: [{ name: 'id', required: true }], options: [{ name: 'out', kind: 'value', meta: 'FILE', help: 'where to write the .mobileconfig (required)' }],
  },
  async run(args, { io, api }) {
    const out = args.values.get('out');
    if (!out) return usageError(io, this.spec, '--out FILE is required');
    const r = await api.enrollmentProfile(args.positionals[0]!);
    if (!r.ok) return apiFailure(io, `Downloading the enrollment profile of ${args.positionals[0]}`, r.error);
    try {
      await writeFile(resolve(io.cwd, out), r.value.bytes);
    } catch (error) {
      io.stderr(`profile-studio blueprints enrollment-profile: cannot write ${out}: ${fileProblem(error)}\n`);
      return ExitCode.usage;
    }
    io.stdout(`Wrote ${out} (${r.value.bytes.length} bytes)\n`);
    return ExitCode.ok;
  },
};
