// Contract tier, CLI (Kandji): every tenant command of the built binary through the validating proxy.
import { test } from 'node:test';
import { specsMissing } from './contractTenant';
import { everyCliCommand } from './everyCliCommand';

test('contract: every CLI tenant command (kandji) through the validating proxy', { skip: specsMissing() }, (t) => everyCliCommand(t, 'kandji', 'blankpush'));
