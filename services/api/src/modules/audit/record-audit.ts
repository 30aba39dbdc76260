import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SessionUser } from '../identity/session-user.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  regionPath: string;
  before?: unknown;
  after?: unknown;
}

/** Digest of a snapshot: the audit log proves what changed without holding personal data itself. */
export function snapshotDigest(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** One audit row in the caller's transaction: the change and its record commit or fail together. */
export async function recordAudit(
  em: EntityManager,
  user: SessionUser,
  requestId: string | undefined,
  entry: AuditEntry,
): Promise<void> {
  await em.execute(
    `insert into audit_event (user_id, user_role, region_path, action, entity, entity_id,
                              before_sha256, after_sha256, request_id)
     values (?, ?, ?::ltree, ?, ?, ?, ?, ?, ?)`,
    [
      user.id,
      user.role,
      entry.regionPath,
      entry.action,
      entry.entity,
      entry.entityId,
      snapshotDigest(entry.before),
      snapshotDigest(entry.after),
      requestId ?? null,
    ],
  );
}
