// The argument parser behind every tenant command (unit level; the CLI tests cover it end to end).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { helpText, parseArgs, usageLine, type CommandSpec } from '../../cli/src/args';

const spec: CommandSpec = {
  command: 'profiles push', summary: 'Push.',
  positionals: [{ name: 'file', required: true }, { name: 'extra', required: false }],
  options: [
    { name: 'name', kind: 'value', meta: 'NAME', help: 'name' },
    { name: 'force', kind: 'flag', help: 'force' },
    { name: 'runs-on', kind: 'list', help: 'platforms' },
    { name: 'param', kind: 'repeat', meta: 'k=v', help: 'parameter' },
  ],
};

test('values, flags, lists and repeats in both spellings', () => {
  const r = parseArgs(['a.mobileconfig', '--name', 'Wi-Fi', '--force', '--runs-on=mac,ipad', '--runs-on', 'tv', '--param', 'msg=a, b', '--param=pin=123456'], spec);
  assert.equal(r.kind, 'ok');
  if (r.kind !== 'ok') return;
  assert.deepEqual(r.args.positionals, ['a.mobileconfig']);
  assert.equal(r.args.values.get('name'), 'Wi-Fi');
  assert.ok(r.args.flags.has('force'));
  assert.deepEqual(r.args.lists.get('runs-on'), ['mac', 'ipad', 'tv']);
  assert.deepEqual(r.args.lists.get('param'), ['msg=a, b', 'pin=123456']);
});

test('-- ends options; a lone - is a positional', () => {
  const r = parseArgs(['--', '--weird-file-name'], spec);
  assert.ok(r.kind === 'ok' && r.args.positionals[0] === '--weird-file-name');
  const dash = parseArgs(['-'], spec);
  assert.ok(dash.kind === 'ok' && dash.args.positionals[0] === '-');
});

test('usage errors name the problem', () => {
  const error = (argv: string[]) => { const r = parseArgs(argv, spec); return r.kind === 'error' ? r.message : r.kind; };
  assert.equal(error([]), 'missing <file>');
  assert.equal(error(['a', 'b', 'c']), 'unexpected argument "c"');
  assert.equal(error(['a', '--nme', 'x']), 'unknown option --nme; did you mean --name?');
  assert.equal(error(['a', '-x']), 'unknown option -x');
  assert.equal(error(['a', '--name']), '--name needs a value');
  assert.equal(error(['a', '--name', '--force']), '--name needs a value');
  assert.equal(error(['a', '--force=yes']), '--force takes no value');
  assert.equal(error(['--help', '--nme']), 'help');
  assert.equal(error(['a', '-h']), 'help');
});

test('usage line and help list every option', () => {
  assert.equal(usageLine(spec), 'profile-studio profiles push <file> [extra] [--name NAME] [--force] [--runs-on VALUE] [--param k=v ...]');
  const help = helpText(spec);
  for (const o of ['--name NAME', '--force', '--runs-on VALUE', '--param k=v', '--help']) assert.ok(help.includes(o), o);
});
