// Contract tier, CLI (JumpCloud): every tenant command of the built binary through the validating proxy.
import { test } from 'node:test';
import { specsMissing } from './contractTenant';
import { everyCliCommand } from './everyCliCommand';

test('contract: every CLI tenant command (jumpcloud) through the validating proxy', { skip: specsMissing() }, (t) => everyCliCommand(t, 'jumpcloud', 'refreshActivationLockInformation'));
