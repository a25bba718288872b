// One payload dict: its four Payload* keys, then its keys against the schema of its PayloadType.

import type { DictNode } from '../plist/ast';
import type { KeySchema, PayloadSchema } from '../schema/types';
import { type ValidationCode, ValidationCodes as C } from './codes';
import type { ValidationContext } from './context';
import { rootListsUnreliable } from './dataGaps';
import { entryOf } from './entries';
import { checkDict, startTag } from './keys';
import { mergeKeys, payloadCoreKeys, payloadExtraKeys } from './knownKeys';
import { checkPayloadPlatforms } from './platforms';
import { checkStringKey } from './structure';
import { closestMatch, sameNamespace } from '../schema/suggest';
import { scalarValue } from './values';

const missingCodes: [string, ValidationCode][] = [
  ['PayloadType', C.payloadMissingType],
  ['PayloadIdentifier', C.payloadMissingIdentifier],
  ['PayloadUUID', C.payloadMissingUuid],
  ['PayloadVersion', C.payloadMissingVersion],
];

export function checkPayload(ctx: ValidationContext, payload: DictNode, index: number): void {
  const typeEntry = entryOf(payload, 'PayloadType');
  const type = typeEntry?.value?.kind === 'string' ? typeEntry.value.text : undefined;
  const name = `payload ${index + 1}${type ? ` (${type})` : ''}`;

  for (const [key, code] of missingCodes) {
    if (entryOf(payload, key)) continue;
    const data: Record<string, unknown> = { missingKeys: [key], payloadType: type ?? '' };
    if (key === 'PayloadUUID') data.fix = 'new-uuid';
    const advice = key === 'PayloadVersion' ? ' (1 is expected)' : '';
    ctx.report.add(code, startTag(payload), `${capitalize(name)} has no \`${key}\`${advice}`, { data });
  }
  checkStringKey(ctx, typeEntry, capitalize(name));
  checkStringKey(ctx, entryOf(payload, 'PayloadIdentifier'), capitalize(name));
  checkStringKey(ctx, entryOf(payload, 'PayloadUUID'), capitalize(name));
  checkPayloadVersion(ctx, payload, name);

  const common = ctx.registry.commonKeys();
  const schema = type ? ctx.registry.get(type) : undefined;
  ctx.payloadType = type ?? '';
  ctx.payloadSupport = schema?.supportedOS;
  ctx.rootListsUnreliable = schema ? rootListsUnreliable(schema) : false;
  ctx.payloadFromManifest = schema?.fromManifest === true || schema?.notInAppleData === true;

  if (type && !schema) {
    reportUnknownType(ctx, type, typeEntry!.value!);
  }
  if (schema && typeEntry?.value) {
    checkPayloadPlatforms(ctx, schema.supportedOS, type!, typeEntry.value.span);
  }
  if (!schema) {
    // Unknown content: check only the common keys' types, never flag the rest.
    checkDict(ctx, payload, { keys: payloadKeys(ctx, undefined, common), openKeys: true }, name, { skip: payloadCoreKeys });
  } else {
    // com.apple.ManagedClient.preferences is open by its schema: preference content is never flagged.
    const shape = {
      keys: payloadKeys(ctx, schema, common), openKeys: schema.openKeys, additionalKeys: schema.additionalKeys, oneOf: schema.oneOf,
      preferences: schema.fromManifest, apple: !schema.fromManifest && !schema.notInAppleData,
    };
    checkDict(ctx, payload, shape, name, { skip: payloadCoreKeys });
  }
  ctx.payloadSupport = undefined;
  ctx.rootListsUnreliable = false;
  ctx.payloadFromManifest = false;
}

/** The payload's own keys plus the common and extra ones, merged once per schema for the whole run. */
function payloadKeys(ctx: ValidationContext, schema: PayloadSchema | undefined, common: KeySchema[]): KeySchema[] {
  const cacheKey = schema ?? NO_SCHEMA;
  let keys = ctx.mergedKeys.get(cacheKey);
  if (!keys) {
    keys = mergeKeys(schema?.keys ?? [], common, payloadExtraKeys);
    ctx.mergedKeys.set(cacheKey, keys);
  }
  return keys;
}

const NO_SCHEMA = {} as PayloadSchema;

function checkPayloadVersion(ctx: ValidationContext, payload: DictNode, name: string): void {
  const v = entryOf(payload, 'PayloadVersion')?.value;
  if (!v) return;
  if (v.kind !== 'integer') {
    ctx.report.add(C.wrongType, v.span, `${capitalize(name)} \`PayloadVersion\` is <${v.kind}>; expected <integer>`, {
      data: { expectedType: 'integer', key: 'PayloadVersion' },
    });
    return;
  }
  const n = scalarValue(v);
  if (n !== undefined && n !== 1) {
    ctx.report.add(C.payloadUnusualVersion, v.content.length > 0 ? v.content : v.span, `${capitalize(name)} \`PayloadVersion\` is ${n}; 1 is usual`);
  }
}

function reportUnknownType(ctx: ValidationContext, type: string, value: { span: { offset: number; length: number }; content: { offset: number; length: number } }): void {
  const at = value.content.length > 0 ? value.content : value.span;
  if (type.startsWith('com.apple.')) {
    const suggestion = closestMatch(type, sameNamespace(type, ctx.registry.payloadTypes?.() ?? []));
    const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
    ctx.report.add(C.unknownAppleType, at, `Unknown Apple payload type \`${type}\`${hint}`, suggestion ? { data: { suggestion } } : {});
  } else {
    ctx.report.add(C.customType, at, `\`${type}\` is not an Apple payload type; treated as an app preference domain and its keys are not checked`);
  }
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
