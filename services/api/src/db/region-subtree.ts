/**
 * A filter "rows filed in this region's subtree" that PostgreSQL can use before row-level security.
 *
 * `region_path <@ $path` would read naturally, but ltree's `<@` is not leakproof, so the planner must
 * apply the security policy first: for a county-wide admin that means scanning every row in the
 * county and filtering afterwards (100 ms for one village's 500 persons among 140,000). uuid `=` is
 * leakproof: matching `region_id` against the subtree's regions lets the `(region_id, …)` index find
 * the village's rows directly (about 4× faster there). Bind the subtree's path as the one parameter.
 */
export function inRegionSubtree(alias: string): string {
  return `${alias}.region_id in (select r.id from region r where r.path <@ ?::ltree)`;
}
