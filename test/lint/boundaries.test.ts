// The folder-boundary rule (scripts/lint/boundaries.mjs) run through ESLint on imports placed in each area.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const repo = resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: repo });

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(repo, file) });
  return result!.messages.filter((m) => m.ruleId === 'architecture/boundaries').map((m) => m.message);
}

test('the core imports no Node API, no vscode and nothing outside the core', async () => {
  assert.deepEqual(await boundaryErrors('server/src/core/validate/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"), ["the core uses no Node API ('node:fs')"]);
  assert.equal((await boundaryErrors('server/src/core/x.ts', "import * as v from 'vscode';\nvoid v;\n")).length, 1);
  assert.deepEqual(await boundaryErrors('server/src/core/x.ts', "import { a } from '../lsp/settings';\nvoid a;\n"), ["core may not import lsp ('../lsp/settings')"]);
  assert.deepEqual(await boundaryErrors('server/src/core/validate/x.ts', "import { parsePlist } from '../plist/parser';\nvoid parsePlist;\n"), []);
});

test('adapters use the core only through its facade', async () => {
  assert.deepEqual(await boundaryErrors('cli/src/x.ts', "import { parsePlist } from '../../server/src/core/plist';\nvoid parsePlist;\n"), [
    "use the core through its facade server/src/core, not '../../server/src/core/plist'",
  ]);
  assert.deepEqual(await boundaryErrors('cli/src/x.ts', "import { parsePlist } from '../../server/src/core';\nvoid parsePlist;\n"), []);
});

test('tenant code imports neither vscode nor LSP nor the extension; the simulator not the client', async () => {
  assert.deepEqual(await boundaryErrors('tenant/src/api/x.ts', "import * as v from 'vscode';\nvoid v;\n"), ["'vscode' may be imported only in client"]);
  assert.deepEqual(await boundaryErrors('tenant/src/sync/x.ts', "import { a } from '../../../client/src/ctx';\nvoid a;\n"), ["sync may not import client ('../../../client/src/ctx')"]);
  assert.deepEqual(await boundaryErrors('tenant/src/simulator/x.ts', "import { a } from '../api/tenantApi';\nvoid a;\n"), ["simulator may not import api ('../api/tenantApi')"]);
});

test('the extension reaches the LSP only through protocol.ts; the server not the extension', async () => {
  assert.deepEqual(await boundaryErrors('client/src/commands/x.ts', "import { a } from '../../../server/src/lsp/protocol';\nvoid a;\n"), []);
  assert.deepEqual(await boundaryErrors('client/src/commands/x.ts', "import { a } from '../../../server/src/lsp/settings';\nvoid a;\n"), [
    "client may not import lsp ('../../../server/src/lsp/settings')",
  ]);
  assert.deepEqual(await boundaryErrors('server/src/lsp/x.ts', "import { a } from '../../../client/src/ctx';\nvoid a;\n"), ["lsp may not import client ('../../../client/src/ctx')"]);
  assert.deepEqual(await boundaryErrors('cli/src/x.ts', "import { a } from '../../client/src/ctx';\nvoid a;\n"), ["cli may not import client ('../../client/src/ctx')"]);
});
