/**
 * Where a publication export puts its files, relative to the publications folder.
 * The API writes this layout and the portal's content loader reads it; nothing else does.
 *
 *   manifest.json                 every file below with its sha256
 *   datasets/<slug>.json          one Dataset per approved disclosure (latest run)
 *   queries/<slug>.json           the ApprovedQuery behind it
 *   releases/<slug>.json          every release of the disclosure, newest first, with its diff
 */
export const MANIFEST_FILE = 'manifest.json';
export const datasetFile = (slug: string): string => `datasets/${slug}.json`;
export const queryFile = (slug: string): string => `queries/${slug}.json`;
export const releaseFile = (slug: string): string => `releases/${slug}.json`;

/** The disclosure slug the policy newsroom is built from. */
export const POLICY_NOTICES_SLUG = 'policy-notices';
