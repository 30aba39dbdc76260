/**
 * The value at a dotted column path of a dataset row (`region.code`); through a list of objects it
 * is the list of values (`attachments.fileName`). Missing is null, as the dataset would print it.
 */
export function valueAt(row: unknown, path: string): unknown {
  return walk(row, path.split('.'), 0);
}

function walk(value: unknown, segments: readonly string[], at: number): unknown {
  if (at === segments.length) return value === undefined ? null : value;
  if (Array.isArray(value)) return value.map((item) => walk(item, segments, at));
  const segment = segments[at] as string;
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return null;
  return walk((value as Record<string, unknown>)[segment], segments, at + 1);
}

/** One spelling of a JSON value whatever its key order: equality of rows and keys across releases. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
