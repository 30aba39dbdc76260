import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The audit chain as the database keeps it (migration 0004, ADR 0007): each audit row carries its
 * position, the digest of the row before it and its own digest; the head is the last position and
 * digest. Positions and digests leave the database as text: a bigint never passes through a
 * JavaScript number.
 */
export interface AuditChainHead {
  /** The last position, as decimal digits ("0" for an empty chain). */
  seq: string;
  /** The last row's digest, 64 hex digits (all zeros for an empty chain). */
  sha256: string;
}

/** What is wrong at the first broken place of the chain. */
export const AUDIT_CHAIN_PROBLEMS = ['GAP', 'PREV_LINK', 'ROW_HASH', 'HEAD', 'UNCHAINED'] as const;
export type AuditChainProblem = (typeof AUDIT_CHAIN_PROBLEMS)[number];

export interface AuditChainReport {
  intact: boolean;
  /** Chained rows checked and found sound before the first problem (all of them when intact). */
  verifiedRows: string;
  head: AuditChainHead;
  firstBrokenSeq: string | null;
  firstBrokenEventId: string | null;
  problem: AuditChainProblem | null;
  checkedAt: Date;
}

/** The head, as seen by the caller's transaction. */
export async function readAuditChainHead(em: EntityManager): Promise<AuditChainHead> {
  const [row] = (await em.execute(
    'select seq::text as seq, sha256 from audit_chain_head()',
  )) as AuditChainHead[];
  if (!row) throw new Error('audit_chain_head() returned no row: migration 0004 has not run');
  return row;
}

/** One statement: the verifier and the time of the check, from one snapshot. */
export const VERIFY_AUDIT_CHAIN_SQL = `
  select v.intact, v.verified_rows::text as verified_rows, v.head_seq::text as head_seq, v.head_sha256,
         v.first_broken_seq::text as first_broken_seq, v.first_broken_event_id::text as first_broken_event_id,
         v.problem, now() as checked_at
    from audit_chain_verify() v`;

export interface VerifyAuditChainRow {
  intact: boolean;
  verified_rows: string;
  head_seq: string;
  head_sha256: string;
  first_broken_seq: string | null;
  first_broken_event_id: string | null;
  problem: AuditChainProblem | null;
  checked_at: Date | string;
}

export function toAuditChainReport(row: VerifyAuditChainRow): AuditChainReport {
  return {
    intact: row.intact,
    verifiedRows: row.verified_rows,
    head: { seq: row.head_seq, sha256: row.head_sha256 },
    firstBrokenSeq: row.first_broken_seq,
    firstBrokenEventId: row.first_broken_event_id,
    problem: row.problem,
    checkedAt: new Date(row.checked_at),
  };
}
