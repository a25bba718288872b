// The profile's outer shape: a top-level dict of PayloadType `Configuration` with identifier, UUID,
// version 1 and a PayloadContent array of payload dicts.

import type { DictEntry, DictNode, PlistDocument, PlistNode } from '../plist/ast';
import { type ValidationCode, ValidationCodes as C } from './codes';
import type { ValidationContext } from './context';
import { entryOf } from './entries';
import { checkDict, startTag } from './keys';
import { mergeKeys, profileCoreKeys, profileExtraKeys } from './knownKeys';
import { scalarValue } from './values';

const missingCodes: [string, ValidationCode][] = [
  ['PayloadType', C.profileMissingType],
  ['PayloadIdentifier', C.profileMissingIdentifier],
  ['PayloadUUID', C.profileMissingUuid],
  ['PayloadVersion', C.profileMissingVersion],
];

/** Returns the payload dicts of PayloadContent (with their index), for the per-payload rules. */
export function checkProfile(ctx: ValidationContext, doc: PlistDocument): { root: DictNode | undefined; payloads: DictNode[] } {
  const root = doc.root;
  if (!root) {
    // An empty or broken file already carries syntax errors; say it only when nothing else does.
    if (doc.problems.length === 0) {
      const at = doc.plistSpan ?? { offset: 0, length: Math.min(doc.text.length, 1) };
      ctx.report.add(C.noRoot, at, 'The profile holds no value: expected a <dict> inside <plist>');
    }
    return { root: undefined, payloads: [] };
  }
  if (root.kind !== 'dict') {
    ctx.report.add(C.rootNotDict, root.span, `The top-level value is <${root.kind}>; a profile must be a <dict>`);
    return { root: undefined, payloads: [] };
  }

  const encrypted = isTrue(entryOf(root, 'IsEncrypted')?.value);
  const missing: string[] = [];
  for (const [key, code] of missingCodes) {
    if (!entryOf(root, key)) {
      missing.push(key);
      ctx.report.add(code, startTag(root), `The profile has no \`${key}\``, {
        data: key === 'PayloadUUID' ? { fix: 'new-uuid', missingKeys: [key], payloadType: 'Configuration' } : { missingKeys: [key], payloadType: 'Configuration' },
      });
    }
  }
  const content = entryOf(root, 'PayloadContent');
  if (!content && !encrypted) {
    ctx.report.add(C.profileMissingContent, startTag(root), 'The profile has no `PayloadContent` array', {
      data: { missingKeys: ['PayloadContent'], payloadType: 'Configuration' },
    });
  }

  checkProfileType(ctx, entryOf(root, 'PayloadType'));
  checkStringKey(ctx, entryOf(root, 'PayloadIdentifier'), 'The profile');
  checkStringKey(ctx, entryOf(root, 'PayloadUUID'), 'The profile');
  checkProfileVersion(ctx, entryOf(root, 'PayloadVersion'));

  const top = ctx.registry.topLevel();
  const keys = mergeKeys((top?.keys ?? []).filter((k) => !profileCoreKeys.has(k.key)), profileExtraKeys);
  const saved = ctx.payloadType;
  ctx.payloadType = 'Configuration';
  checkDict(ctx, root, { keys, oneOf: top?.oneOf }, 'the profile', { skip: profileCoreKeys });
  ctx.payloadType = saved;

  return { root, payloads: payloadDicts(ctx, content) };
}

function payloadDicts(ctx: ValidationContext, entry: DictEntry | undefined): DictNode[] {
  const value = entry?.value;
  if (!value) return [];
  if (value.kind !== 'array') {
    ctx.report.add(C.wrongType, value.span, `\`PayloadContent\` is <${value.kind}>; expected <array> of payload dicts`, {
      data: { expectedType: 'array', key: 'PayloadContent' },
    });
    return [];
  }
  if (value.items.length === 0) {
    ctx.report.add(C.emptyContent, entry!.keySpan, '`PayloadContent` is empty: the profile configures nothing');
  }
  const dicts: DictNode[] = [];
  value.items.forEach((item, i) => {
    if (item.kind === 'dict') dicts.push(item);
    else ctx.report.add(C.payloadNotDict, item.span, `\`PayloadContent\` item ${i + 1} is <${item.kind}>; each payload must be a <dict>`);
  });
  return dicts;
}

function checkProfileType(ctx: ValidationContext, entry: DictEntry | undefined): void {
  const v = entry?.value;
  if (!v) return;
  if (v.kind !== 'string') {
    ctx.report.add(C.wrongType, v.span, `\`PayloadType\` is <${v.kind}>; expected <string>`, { data: { expectedType: 'string', key: 'PayloadType' } });
  } else if (v.text !== 'Configuration') {
    ctx.report.add(C.wrongProfileType, v.content.length > 0 ? v.content : v.span,
      `The profile \`PayloadType\` is "${v.text}"; expected "Configuration"`, { data: { expected: 'Configuration' } });
  }
}

function checkProfileVersion(ctx: ValidationContext, entry: DictEntry | undefined): void {
  const v = entry?.value;
  if (!v) return;
  if (v.kind !== 'integer') {
    ctx.report.add(C.wrongType, v.span, `The profile \`PayloadVersion\` is <${v.kind}>; expected <integer>1</integer>`, {
      data: { expectedType: 'integer', key: 'PayloadVersion' },
    });
    return;
  }
  const n = scalarValue(v);
  if (n !== undefined && n !== 1) {
    ctx.report.add(C.profileBadVersion, v.content.length > 0 ? v.content : v.span, `The profile \`PayloadVersion\` is ${n}; it must be 1`);
  }
}

/** PayloadIdentifier / PayloadUUID must be strings (shared with payloads.ts). */
export function checkStringKey(ctx: ValidationContext, entry: DictEntry | undefined, owner: string): void {
  const v = entry?.value;
  if (v && v.kind !== 'string') {
    ctx.report.add(C.wrongType, v.span, `${owner} \`${entry!.key}\` is <${v.kind}>; expected <string>`, {
      data: { expectedType: 'string', key: entry!.key },
    });
  }
}

const isTrue = (node: PlistNode | undefined): boolean => node?.kind === 'true';
