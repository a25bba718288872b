// The way editors start us: spawn the bundled server with --stdio and talk LSP over its pipes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

const bundle = join(__dirname, '..', '..', 'server', 'out', 'server.js');

test('node server/out/server.js --stdio: initialize, diagnostics, shutdown, exit', { skip: existsSync(bundle) ? false : 'run `npm run build` first' }, async () => {
  const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.on('data', (b: Buffer) => stderr.push(b.toString()));
  const exited = once(child, 'exit');
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = 'file:///smoke/broken.mobileconfig';
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics within 10 s; stderr: ${stderr.join('')}`)), 10_000);
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri !== uri) return;
      clearTimeout(timer);
      resolve(p);
    });
  });
  client.listen();
  try {
    const init = await client.sendRequest<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { diagnosticDelayMs: 0 } });
    assert.equal(init.serverInfo?.name, 'profile-studio');
    await client.sendNotification('initialized', {});
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'mobileconfig', version: 7, text: '<plist version="1.0">\n<dict>\n<key>PayloadType</key>\n<string>Configuration\n</dict>\n</plist>\n' },
    });
    const published = await diagnostics;
    assert.equal(published.version, 7);
    assert.ok(published.diagnostics.some((d) => String(d.code).startsWith('xml.')), JSON.stringify(published.diagnostics));
    // The bundle finds schemas/ beside it: hover on a payload type names the payload.
    const good = 'file:///smoke/wifi.mobileconfig';
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: good, languageId: 'mobileconfig', version: 1, text: '<plist version="1.0">\n<dict>\n<key>PayloadContent</key>\n<array>\n<dict>\n<key>PayloadType</key>\n<string>com.apple.wifi.managed</string>\n</dict>\n</array>\n</dict>\n</plist>\n' },
    });
    const hover = await client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: good }, position: { line: 6, character: 12 } });
    assert.match(hover?.contents.value ?? '', /`com\.apple\.wifi\.managed`/);
    assert.match(hover?.contents.value ?? '', /macOS/);
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    const [code] = await exited;
    assert.equal(code, 0);
  } finally {
    client.dispose();
    if (child.exitCode === null) child.kill();
  }
});
