import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { brokenProfileXml, extensionCtx, profileXml, tempDir, waitFor, writeProfile } from './helpers';

suite('Language features reach the editor', () => {
  test('a broken profile gets error diagnostics with codes from the server', async () => {
    await extensionCtx();
    const uri = await writeProfile(await tempDir(), 'broken.mobileconfig', brokenProfileXml());
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'mobileconfig');
    const errors = await waitFor(() => {
      const e = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      return e.length ? e : undefined;
    }, 'error diagnostics for broken.mobileconfig');
    assert.ok(errors.every((d) => typeof d.code === 'string' || typeof (d.code as { value?: unknown })?.value === 'string'), 'each diagnostic has a code');
    assert.ok(errors.some((d) => /PayloadType|PayloadUUID|Configuration/.test(d.message)), `messages name the key: ${errors.map((d) => d.message).join(' | ')}`);
  });

  test('a valid profile has no errors', async () => {
    await extensionCtx();
    const uri = await writeProfile(await tempDir(), 'good.mobileconfig', profileXml('Good Dock'));
    const doc = await vscode.workspace.openTextDocument(uri);
    let published = false;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) published = true;
    });
    try {
      await vscode.window.showTextDocument(doc);
      await waitFor(() => published, 'the server to publish diagnostics for good.mobileconfig');
    } finally {
      sub.dispose();
    }
    const errors = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });

  test('severity overrides in settings reach the server (a code turned off disappears)', async () => {
    await extensionCtx();
    const uri = await writeProfile(await tempDir(), 'override.mobileconfig', brokenProfileXml());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
    const first = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error), 'an error to override');
    const code = codeOf(first);
    const config = vscode.workspace.getConfiguration('profileStudio');
    await config.update('severityOverrides', { [code]: 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === code), `${code} to disappear after turning it off`);
    } finally {
      await config.update('severityOverrides', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === code), `${code} to come back after removing the override`);
  });

  test('diagnostics are pulled: with diagnostics.delayMs at its maximum (5000), an edit is checked at once', async () => {
    const ctx = await extensionCtx();
    await waitFor(() => ctx.client?.initializeResult, 'the language server to start');
    assert.ok(ctx.client?.initializeResult?.capabilities.diagnosticProvider, 'the server announces pull diagnostics to VS Code');
    const config = vscode.workspace.getConfiguration('profileStudio');
    await config.update('diagnostics.delayMs', 5000, vscode.ConfigurationTarget.Global);
    try {
      const uri = await writeProfile(await tempDir(), 'pulled.mobileconfig', profileXml('Pulled'));
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
      let published = false;
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) published = true;
      });
      try {
        await waitFor(() => published, 'the first diagnostics of pulled.mobileconfig');
      } finally {
        sub.dispose();
      }
      // Text between the root dict's keys: an error the server reports as soon as it is asked.
      const at = doc.getText().lastIndexOf('\t<key>PayloadDisplayName</key>');
      const started = Date.now();
      await editor.edit((b) => b.insert(doc.positionAt(at), 'stray '));
      await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'xml.unexpected-text'), 'the error for the typed text', 4000);
      assert.ok(Date.now() - started < 4000, `arrived after ${Date.now() - started} ms`);
      await vscode.commands.executeCommand('undo');
      await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'xml.unexpected-text'), 'the error to clear after undo', 4000);
    } finally {
      await config.update('diagnostics.delayMs', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('Treat as Configuration Profile switches a .plist to the mobileconfig language', async () => {
    await extensionCtx();
    const uri = await writeProfile(await tempDir(), 'settings.plist', profileXml('As plist'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('profileStudio.setLanguage');
    await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'mobileconfig'), 'the language to switch');
  });
});
