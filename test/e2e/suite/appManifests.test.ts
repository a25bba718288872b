import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import { extensionCtx, tempDir, waitFor, writeProfile } from './helpers';

// The bundle runs from client/out/test/suite; ../shared sits beside the repository.
const SHARED_MANIFESTS = resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'profile-manifests');

/** A local git repository made from the shared ProfileManifests snapshot (never the network). */
async function localManifestsRepo(): Promise<string> {
  const repo = join(await tempDir(), 'ProfileManifests');
  mkdirSync(join(repo, 'Manifests'), { recursive: true });
  for (const part of ['ManagedPreferencesApplications', 'ManagedPreferencesApple']) {
    cpSync(join(SHARED_MANIFESTS, 'Manifests', part), join(repo, 'Manifests', part), { recursive: true });
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Profile Studio Tests', '-c', 'user.email=tests@example.invalid', ...args], { cwd: repo, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'snapshot for the extension tests');
  return repo;
}

function chromeProfile(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadType</key>
			<string>com.google.Chrome</string>
			<key>PayloadIdentifier</key>
			<string>com.example.chrome.settings</string>
			<key>PayloadUUID</key>
			<string>0F5C3B2E-7A41-4C8B-9D7E-2B6A1C3D4E5F</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
${inner}
		</dict>
	</array>
	<key>PayloadIdentifier</key>
	<string>com.example.chrome</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>6A1F2E3D-4C5B-4A69-8877-665544332211</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

suite('App preference manifests', () => {
  const config = () => vscode.workspace.getConfiguration('profileStudio');

  suiteTeardown(async () => {
    await config().update('manifests.repositoryUrl', undefined, vscode.ConfigurationTarget.Global);
    await config().update('manifestPaths', undefined, vscode.ConfigurationTarget.Global);
  });

  test('Get App Manifests fetches a local repository, then a Chrome payload is checked and completed', async function () {
    if (!existsSync(SHARED_MANIFESTS)) return this.skip();
    const ctx = await extensionCtx();
    const repo = await localManifestsRepo();
    await config().update('manifests.repositoryUrl', pathToFileURL(repo).href, vscode.ConfigurationTarget.Global);

    const dest = await vscode.commands.executeCommand<string | undefined>('profileStudio.getAppManifests');
    assert.ok(dest, `the command returned a folder (${ctx.say.last?.text ?? 'no message'})`);
    assert.ok(existsSync(join(dest, '.git')) && existsSync(join(dest, 'Manifests', 'ManagedPreferencesApplications', 'com.google.Chrome.plist')));
    assert.ok(config().get<string[]>('manifestPaths', []).includes(dest), 'the folder was added to manifestPaths');
    assert.match(ctx.say.last?.text ?? '', /fetched/);

    const text = chromeProfile('\t\t\t<key>HomepageLocation</key>\n\t\t\t<integer>3</integer>\n\t\t\t<key>Homepage</key>\n\t\t\t<string>x</string>');
    const uri = await writeProfile(await tempDir(), 'chrome.mobileconfig', text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const wrong = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'value.wrong-type'), 'a type error on HomepageLocation', 30_000);
    assert.equal(wrong.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(wrong.range.start.line, text.split('\n').findIndex((l) => l.includes('<integer>3</integer>')));

    const line = text.split('\n').findIndex((l) => l.includes('<key>Homepage</key>'));
    const position = new vscode.Position(line, text.split('\n')[line]!.indexOf('Homepage') + 'Homepage'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    // Keys the payload already has are not offered again (HomepageLocation is set above).
    assert.ok(labels.includes('HomepageIsNewTabPage') && labels.includes('RestoreOnStartup'), `Chrome keys offered: ${labels.slice(0, 15).join(', ')}`);
    assert.ok(!labels.includes('HomepageLocation'));
  });

  test('run again it updates; with the repository gone it keeps the copy fetched earlier (offline)', async function () {
    if (!existsSync(SHARED_MANIFESTS)) return this.skip();
    const ctx = await extensionCtx();
    const again = await vscode.commands.executeCommand<string | undefined>('profileStudio.getAppManifests');
    assert.ok(again);
    assert.match(ctx.say.last?.text ?? '', /updated/);
    await config().update('manifests.repositoryUrl', pathToFileURL(join(await tempDir(), 'missing')).href, vscode.ConfigurationTarget.Global);
    const offline = await vscode.commands.executeCommand<string | undefined>('profileStudio.getAppManifests');
    assert.equal(offline, again);
    assert.match(ctx.say.last?.text ?? '', /could not be updated .*copy fetched earlier is in use/);
  });
});
