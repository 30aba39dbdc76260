import type { EntityManager } from '@mikro-orm/postgresql';
import type { Dataset, DisclosurePolicy } from '@sunshine/disclosure/dataset';

/** What a disclosure's query runs with: a read-only transaction scoped to the disclosure's region. */
export interface PublicContext {
  em: EntityManager;
  /** The ltree path of the disclosure's region: no resolver reads outside it. */
  regionPath: string;
  /** The disclosure's approved de-identification policy (k thresholds). */
  policy: DisclosurePolicy;
  /** The run's date in China, YYYY-MM-DD: what "today" means for notice windows. */
  asOf: string;
  /** The previous release of the same disclosure: cells suppressed there stay suppressed. */
  previous: Dataset | null;
}
