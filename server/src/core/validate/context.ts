// What every rule needs: the report, the schemas, the options.

import type { KeySchema, PayloadSchema, Platform } from '../schema/types';
import type { Report } from './report';

/** The part of the schema registry the validator reads (server/src/core/schema/registry.ts provides it). */
export interface SchemaLookup {
  get(payloadType: string): PayloadSchema | undefined;
  topLevel(): PayloadSchema | undefined;
  commonKeys(): KeySchema[];
  /** Every payload type with a schema, for did-you-mean on unknown types. */
  payloadTypes?(): string[];
  /** Changes when the schemas do (manifest folders changed), so cached results are dropped. */
  generation?(): number;
}

export interface ValidationContext {
  report: Report;
  registry: SchemaLookup;
  targets: Platform[];
  /** The payload type whose keys are being checked (for alternative-key groups and messages). */
  payloadType: string;
  /** Platform support of the enclosing payload, so keys only report what differs from it. */
  payloadSupport: PayloadSchema['supportedOS'] | undefined;
  /** Nesting depth of the value being checked (bounded in keys.ts); payload-root values are at depth 1. */
  depth: number;
  /** The payload's root-level allowed-value lists may belong to one merged variant only (dataGaps.ts). */
  rootListsUnreliable: boolean;
  /** The payload is not described by Apple's data (a manifest or a preference domain we add). */
  payloadFromManifest?: boolean;
  /** Per run: each payload schema's keys merged with the common ones (so key indexes are built once). */
  mergedKeys: Map<PayloadSchema, KeySchema[]>;
}
