import DataLoader from 'dataloader';

/**
 * Per-request batch loaders, so a nested read (township → villages → associations → members →
 * contact households) costs one SQL statement per level, whatever the page size. A loader is made
 * on first use under its name and lives as long as the request: no cache is shared between
 * callers, so one admin's rows can never answer another admin's request.
 */
export class RequestLoaders {
  readonly #loaders = new Map<string, DataLoader<string, unknown>>();

  /**
   * The loader named `name`; `batch` receives every key asked for in one tick and returns one
   * value per key, in the same order (an empty array for a parent with no children).
   */
  get<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.#loaders.get(name);
    if (!loader) {
      // No batch cap: one statement per nesting level is the point (a township page holds thousands
      // of members), and `= any($1::uuid[])` takes a hundred thousand ids without trouble.
      loader = new DataLoader<string, unknown>(batch as (keys: readonly string[]) => Promise<unknown[]>);
      this.#loaders.set(name, loader);
    }
    return loader as DataLoader<string, V>;
  }
}

/** Groups rows under their parent key, in the order `keys` asks for (the shape loaders return). */
export function groupByKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const key of keys) groups.set(key, []);
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
