// Public face of the schema layer.
export type * from './types';
export { createSchemaRegistry, commonKeysType, topLevelType } from './registry';
export type { SchemaPath, SchemaRegistry, SchemaSource } from './registry';
export { editDistance, suggest } from './suggest';
