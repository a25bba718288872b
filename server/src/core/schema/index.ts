// Public face of the schema layer.
export type * from './types';
export { createSchemaRegistry, commonKeysType, topLevelType } from './registry';
export type { ManifestSource, SchemaPath, SchemaRegistry, SchemaSource } from './registry';
export { manifestDomainOf, mergeManifestSchemas, schemaFromManifestText, type ManifestResult } from './manifest';
export { MANAGED_PREFERENCES, openMember } from './preferences';
export { editDistance, suggest } from './suggest';
