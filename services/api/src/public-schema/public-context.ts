import type { EntityManager } from '@mikro-orm/postgresql';

/** What a disclosure's query runs with: a read-only transaction scoped to the disclosure's region. */
export interface PublicContext {
  em: EntityManager;
  /** The ltree path of the disclosure's region: no resolver reads outside it. */
  regionPath: string;
}
