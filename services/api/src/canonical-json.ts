import { createHash } from 'node:crypto';

/**
 * The one serialisation behind every hash we publish or record: keys sorted at every level, dates
 * as ISO strings, two-space indent, final newline. The database (jsonb reorders keys) and the
 * exported file then hash to the same sha256, and an audit digest does not depend on key order.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

export function canonicalSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
