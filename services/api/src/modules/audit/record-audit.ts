import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalSha256 } from '../../canonical-json.ts';
import type { SessionUser } from '../identity/session-user.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  regionPath: string;
  before?: unknown;
  after?: unknown;
  /** About a sensitive fact: readable only by those who may read the fact (app_reads_sensitive()). */
  sensitive?: boolean;
}

/**
 * One audit row in the caller's transaction: the change and its record commit or fail together.
 * The database gives the row its place in the hash chain when the transaction commits (ADR 0007);
 * only the content columns are written here.
 */
export async function recordAudit(
  em: EntityManager,
  user: SessionUser,
  requestId: string | undefined,
  entry: AuditEntry,
): Promise<void> {
  await em.execute(
    `insert into audit_event (user_id, user_role, region_path, action, entity, entity_id,
                              before_sha256, after_sha256, request_id, sensitive)
     values (?, ?, ?::ltree, ?, ?, ?, ?, ?, ?, ?)`,
    [
      user.id,
      user.role,
      entry.regionPath,
      entry.action,
      entry.entity,
      entry.entityId,
      // Digests only: the audit log proves what changed without holding personal data itself.
      entry.before === undefined ? null : canonicalSha256(entry.before),
      entry.after === undefined ? null : canonicalSha256(entry.after),
      requestId ?? null,
      entry.sensitive ?? false,
    ],
  );
}
