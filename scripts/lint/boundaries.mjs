// ESLint rule: the folder layout is the architecture. Each area may import only the areas listed for it,
// the core only through its facade, and a few packages only where their API belongs.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

const REPO = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');

/** Folder prefix → area name; the first match wins. */
const AREAS = [
  ['server/src/core/', 'core'],
  ['server/src/host/', 'host'],
  ['server/src/lsp/protocol', 'protocol'],
  ['server/src/lsp/', 'lsp'],
  ['cli/src/', 'cli'],
  ['tenant/src/api/', 'api'],
  ['tenant/src/sync/', 'sync'],
  ['tenant/src/simulator/', 'simulator'],
  ['client/src/', 'client'],
];

/** Which areas each area may import (its own is always allowed). */
const MAY_IMPORT = {
  core: [],
  host: ['core'],
  protocol: [],
  lsp: ['core', 'host', 'protocol'],
  cli: ['core', 'host', 'api', 'sync', 'simulator'],
  api: [],
  sync: ['core', 'api'],
  simulator: ['core'],
  client: ['core', 'api', 'sync', 'protocol'],
};

/** Bare packages that belong to one area only. */
const PACKAGE_OWNERS = [
  [/^vscode$/, ['client']],
  [/^vscode-languageclient(\/|$)/, ['client']],
  [/^vscode-languageserver(-textdocument)?(\/|$)/, ['lsp']],
];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const CORE_FACADE = 'server/src/core/index';

const areaOf = (repoPath) => AREAS.find(([prefix]) => repoPath.startsWith(prefix))?.[1];

function check(fromArea, fromPath, spec) {
  if (!spec.startsWith('.')) {
    const base = spec.split('/')[0];
    if (fromArea === 'core' && (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(base))) return `the core uses no Node API ('${spec}')`;
    const owner = PACKAGE_OWNERS.find(([re]) => re.test(spec));
    if (owner && !owner[1].includes(fromArea)) return `'${spec}' may be imported only in ${owner[1].join(', ')}`;
    return undefined;
  }
  const target = relative(REPO, resolve(dirname(resolve(REPO, fromPath)), spec)).split('\\').join('/');
  const toArea = areaOf(target) ?? areaOf(target + '/');
  if (toArea === fromArea) return undefined;
  if (!toArea) return fromArea === 'core' ? `the core imports nothing outside server/src/core ('${spec}')` : undefined;
  if (!MAY_IMPORT[fromArea].includes(toArea)) return `${fromArea} may not import ${toArea} ('${spec}')`;
  if (toArea === 'core' && target !== 'server/src/core' && target !== CORE_FACADE) {
    return `use the core through its facade server/src/core, not '${spec}'`;
  }
  return undefined;
}

export const boundaries = {
  meta: { type: 'problem', docs: { description: 'imports follow the folder architecture' }, schema: [] },
  create(context) {
    const fromPath = relative(REPO, context.filename).split('\\').join('/');
    const fromArea = areaOf(fromPath);
    if (!fromArea) return {};
    const visit = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      const problem = check(fromArea, fromPath, spec);
      if (problem) context.report({ node: node.source, message: problem });
    };
    return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit, ImportExpression: visit };
  },
};
