// Platform and OS support against the target platforms (information level).
// A payload reports its own support; a key reports only where it differs from its payload's.

import type { Span } from '../plist/ast';
import type { KeySchema, OsSupport, Platform, SupportedOS } from '../schema/types';
import { ValidationCodes as C } from './codes';
import type { ValidationContext } from './context';

const available = (os: OsSupport | undefined): os is OsSupport => !!os && os.introduced !== 'n/a';
const version = (v: string | undefined): string | undefined => (v && v !== 'n/a' ? v : undefined);

export function checkPayloadPlatforms(ctx: ValidationContext, support: SupportedOS | undefined, name: string, at: Span): void {
  if (!support) return;
  for (const p of ctx.targets) {
    const os = support[p];
    if (!available(os)) {
      ctx.report.add(C.platformUnsupported, at, `Payload ${name} is not supported on ${p}`, { data: { platform: p } });
      continue;
    }
    reportLifecycle(ctx, os, undefined, `Payload ${name}`, p, at);
  }
}

export function checkKeyPlatforms(ctx: ValidationContext, schema: KeySchema, at: Span): void {
  const support = schema.supportedOS;
  if (!support || ctx.targets.length === 0) return;
  for (const p of ctx.targets) {
    const payloadOs = ctx.payloadSupport?.[p];
    if (ctx.payloadSupport && !available(payloadOs)) continue; // already said for the whole payload
    const os = support[p];
    if (!available(os)) {
      ctx.report.add(C.platformUnsupported, at, `\`${schema.key}\` is not supported on ${p}`, { data: { platform: p } });
      continue;
    }
    reportLifecycle(ctx, os, payloadOs, `\`${schema.key}\``, p, at);
  }
}

function reportLifecycle(ctx: ValidationContext, os: OsSupport, parent: OsSupport | undefined, name: string, p: Platform, at: Span): void {
  const removed = version(os.removed);
  const deprecated = version(os.deprecated);
  if (removed && removed !== version(parent?.removed)) {
    ctx.report.add(C.platformRemoved, at, `${name} was removed in ${p} ${removed}`, { data: { platform: p, version: removed } });
  } else if (deprecated && deprecated !== version(parent?.deprecated)) {
    ctx.report.add(C.platformDeprecated, at, `${name} is deprecated since ${p} ${deprecated}`, { data: { platform: p, version: deprecated } });
  }
  if (os.supervised === true && parent?.supervised !== true) {
    ctx.report.add(C.supervisedOnly, at, `${name} takes effect only on supervised ${p} devices`, { data: { platform: p } });
  }
}
