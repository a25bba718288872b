// Device facts for display: scalar leaves of a vendor record, keyed `section.key`.

/** Flattens scalar leaves of device details into `section.key` facts. */
export function toFacts(details: Record<string, unknown>, max = 200): Record<string, string> {
  const facts: Record<string, string> = {};
  const walk = (prefix: string, value: unknown, depth: number) => {
    if (Object.keys(facts).length >= max) return;
    if (value === null || value === undefined || value === '') return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      facts[prefix] = String(value);
      return;
    }
    if (depth >= 2 || Array.isArray(value) || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(prefix ? `${prefix}.${k}` : k, v, depth + 1);
  };
  walk('', details, 0);
  return facts;
}
