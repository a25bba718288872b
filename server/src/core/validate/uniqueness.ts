// PayloadUUIDs must be unique across the profile and its payloads (an error); identifiers
// should be (a warning between payloads, a note when a payload reuses the profile's). UUIDs are compared
// without regard to case.

import type { DictNode, ScalarNode } from '../plist/ast';
import { ValidationCodes as C } from './codes';
import type { ValidationContext } from './context';
import { entryOf, stringValue } from './entries';

const UUID_SHAPE = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

interface Seen {
  node: ScalarNode;
  owner: string;
}

export function checkUniqueness(ctx: ValidationContext, root: DictNode | undefined, payloads: DictNode[]): void {
  const owners: [DictNode, string][] = [];
  if (root) owners.push([root, 'the profile']);
  payloads.forEach((p, i) => owners.push([p, `payload ${i + 1}`]));

  const uuids = new Map<string, Seen>();
  const identifiers = new Map<string, Seen>();
  for (const [dict, owner] of owners) {
    const uuid = stringValue(entryOf(dict, 'PayloadUUID')?.value);
    if (uuid) {
      const text = uuid.text.trim();
      if (!UUID_SHAPE.test(text)) {
        ctx.report.add(C.malformedUuid, at(uuid), `\`PayloadUUID\` "${uuid.text}" of ${owner} is not shaped like a UUID`, {
          data: { fix: 'new-uuid' },
        });
      }
      const first = uuids.get(text.toUpperCase());
      if (first) {
        ctx.report.add(C.duplicateUuid, at(uuid), `\`PayloadUUID\` "${uuid.text}" of ${owner} is already used by ${first.owner}`, {
          data: { fix: 'new-uuid' },
          related: [{ ...at(first.node), message: `First use of "${first.node.text}" (${first.owner})` }],
        });
      } else {
        uuids.set(text.toUpperCase(), { node: uuid, owner });
      }
    }
    const id = stringValue(entryOf(dict, 'PayloadIdentifier')?.value);
    if (id) {
      const first = identifiers.get(id.text);
      if (first && first.owner === 'the profile') {
        // Apple does not forbid it and deployed profiles do it (test/corpus: identifier evidence).
        ctx.report.add(C.identifierSameAsProfile, at(id), `\`PayloadIdentifier\` "${id.text}" of ${owner} is the profile's own identifier: allowed, though a suffix of its own keeps the payload apart`, {
          related: [{ ...at(first.node), message: 'The profile identifier' }],
        });
      } else if (first) {
        ctx.report.add(C.duplicateIdentifier, at(id), `\`PayloadIdentifier\` "${id.text}" of ${owner} is already used by ${first.owner}`, {
          related: [{ ...at(first.node), message: `First use of "${first.node.text}" (${first.owner})` }],
        });
      } else {
        identifiers.set(id.text, { node: id, owner });
      }
    }
  }
}

const at = (n: ScalarNode) => (n.content.length > 0 ? n.content : n.span);
