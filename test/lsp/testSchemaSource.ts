// The small schema set of the core feature tests, served the way schemas/ is (index + one file per type).
import type { PayloadSchema, SchemaSource } from '../../server/src/core';
import { testSchemas } from '../core/completeFixtures';

const files = new Map<string, PayloadSchema>();
for (const e of testSchemas.payloadTypes()) files.set(e.file, testSchemas.payload(e.payloadType)!);
files.set('_TopLevel.json', { ...testSchemas.topLevel()!, payloadType: '_TopLevel' });
files.set('_CommonPayloadKeys.json', { payloadType: '_CommonPayloadKeys', title: 'Common', supportedOS: {}, keys: testSchemas.commonKeys(), generatedFrom: 'test' });

export const testSchemaSource: SchemaSource = {
  index: () => [...files.values()].map((p) => ({ payloadType: p.payloadType, title: p.title, file: [...files].find(([, v]) => v === p)![0] })),
  // A copy per load, as reading a file would give.
  load: (file) => {
    const p = files.get(file);
    return p ? (structuredClone(p) as PayloadSchema) : undefined;
  },
};
