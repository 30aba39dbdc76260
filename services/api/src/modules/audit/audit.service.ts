import type { MikroORM } from '@mikro-orm/postgresql';
import { scopedRead } from '../../db/scoped-read.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { badInput } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { type Actor, requireRole } from '../identity/actor.ts';
import type { Role } from '../identity/session-user.ts';
import { findRegionRowInScope } from '../regions/region.service.ts';
import {
  type AuditChainReport,
  toAuditChainReport,
  VERIFY_AUDIT_CHAIN_SQL,
  type VerifyAuditChainRow,
} from './audit-chain.ts';

/** Who may check the whole chain: it covers every region, so county admins and auditors. */
export const CHAIN_VERIFIER_ROLES: readonly Role[] = ['COUNTY_ADMIN', 'AUDITOR'];

export interface AuditEventView {
  id: string;
  chainSeq: string | null;
  prevSha256: string | null;
  rowSha256: string | null;
  at: Date;
  userId: string;
  userRole: Role;
  regionPath: string;
  regionCode: string;
  action: string;
  entity: string;
  entityId: string;
  beforeSha256: string | null;
  afterSha256: string | null;
  requestId: string | null;
  sensitive: boolean;
}

export interface AuditEventFilter {
  entity?: string | null;
  entityId?: string | null;
  action?: string | null;
  regionCode?: string | null;
}

interface AuditEventRow {
  id: string;
  chain_seq: string | null;
  prev_sha256: string | null;
  row_sha256: string | null;
  at: Date | string;
  user_id: string;
  user_role: Role;
  region_path: string;
  action: string;
  entity: string;
  entity_id: string;
  before_sha256: string | null;
  after_sha256: string | null;
  request_id: string | null;
  sensitive: boolean;
}

// Ids and positions leave the database as text: a bigint never passes through a JavaScript number.
const AUDIT_EVENT_COLUMNS = `e.id::text as id, e.chain_seq::text as chain_seq, e.prev_sha256, e.row_sha256, e.at,
  e.user_id, e.user_role, e.region_path::text as region_path, e.action, e.entity, e.entity_id, e.before_sha256,
  e.after_sha256, e.request_id, e.sensitive`;

function toView(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    chainSeq: row.chain_seq,
    prevSha256: row.prev_sha256,
    rowSha256: row.row_sha256,
    at: new Date(row.at),
    userId: row.user_id,
    userRole: row.user_role,
    regionPath: row.region_path,
    regionCode: row.region_path.split('.').at(-1) ?? row.region_path,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    beforeSha256: row.before_sha256,
    afterSha256: row.after_sha256,
    requestId: row.request_id,
    sensitive: row.sensitive,
  };
}

const BIGINT_ID = /^[1-9][0-9]{0,18}$/;

/** Audit ids are bigints, not uuids: the cursor carries the last id seen. */
function encodeAuditCursor(id: string): string {
  return Buffer.from(JSON.stringify(['audit_event', id])).toString('base64url');
}

function decodeAuditCursor(cursor: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value[0] === 'audit_event' &&
      typeof value[1] === 'string' &&
      BIGINT_ID.test(value[1])
    ) {
      return value[1];
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after', '分页游标无效', 'The cursor is invalid');
}

/**
 * The audit log (审计日志): its rows as each admin may see them (row-level security keeps them to
 * the caller's subtree, and sensitive rows to those who may know the fact), and the check of the
 * whole hash chain.
 */
export class AuditService {
  constructor(private readonly orm: MikroORM) {}

  /** Recomputes every row's digest and link; reports the first broken place. */
  async verifyChain(actor: Actor): Promise<AuditChainReport> {
    requireRole(actor, CHAIN_VERIFIER_ROLES);
    const [row] = await scopedRead<VerifyAuditChainRow>(this.orm, actor.user, VERIFY_AUDIT_CHAIN_SQL);
    if (!row) throw new Error('audit_chain_verify() returned no row');
    return toAuditChainReport(row);
  }

  /** Audit rows in the caller's scope, newest first. */
  async listEvents(
    actor: Actor,
    page: PageRequest,
    filter: AuditEventFilter = {},
  ): Promise<Page<AuditEventView>> {
    const size = pageSize(page.first);
    const afterId = page.after ? decodeAuditCursor(page.after) : null;
    return withScope(this.orm, actor.user, async (em) => {
      const where: string[] = ['true'];
      const params: unknown[] = [];
      for (const [column, value] of [
        ['e.entity', filter.entity],
        ['e.entity_id', filter.entityId],
        ['e.action', filter.action],
      ] as const) {
        if (value) {
          where.push(`${column} = ?`);
          params.push(value);
        }
      }
      if (filter.regionCode) {
        where.push('e.region_path <@ ?::ltree');
        params.push((await findRegionRowInScope(em, actor, filter.regionCode, 'filter.regionCode')).path);
      }
      const [count] = (await em.execute(
        `select count(*)::int as total from audit_event e where ${where.join(' and ')}`,
        params,
      )) as { total: number }[];
      const rows = (await em.execute(
        `select ${AUDIT_EVENT_COLUMNS} from audit_event e
          where ${[...where, ...(afterId ? ['e.id < ?::bigint'] : [])].join(' and ')}
          order by e.id desc
          limit ?`,
        [...params, ...(afterId ? [afterId] : []), size + 1],
      )) as AuditEventRow[];
      const pageRows = rows.slice(0, size);
      return {
        nodes: pageRows.map(toView),
        cursors: pageRows.map((row) => encodeAuditCursor(row.id)),
        hasNextPage: rows.length > size,
        totalCount: count?.total ?? 0,
      };
    });
  }
}
