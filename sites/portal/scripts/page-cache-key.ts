import { createHash } from 'node:crypto';

/**
 * Keys left out of a page's cache key: the publication run's identity and time, and the hash of the
 * release's manifest a poster prints. A run that changes nothing on a page leaves the page as the
 * previous run rendered it, so incremental rebuilds touch only pages whose data changed; such a page
 * keeps showing the run and release that produced its content (a notice board's printed list and the
 * live page carry the same release for as long as the list is the same).
 */
export const RUN_STAMP_KEYS: ReadonlySet<string> = new Set(['runAt', 'runId', 'manifestSha256']);

function stable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stable);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (RUN_STAMP_KEYS.has(key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== 'function') out[key] = stable(item);
  }
  return out;
}

/**
 * The `cacheKey` a page returns from `getStaticPaths()` (Astro's experimental incremental build): the
 * sha256 of a key-order-independent JSON of everything the page renders from data, usually its props.
 * Astro re-renders the page when the key or the page's code changes and copies the previous output
 * otherwise, so the value must cover every piece of data the page shows.
 */
export function pageCacheKey(...parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(parts)))
    .digest('hex');
}
