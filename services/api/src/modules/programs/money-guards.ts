import { DomainError, type DomainErrorDetails } from '../../errors/domain-error.ts';

/**
 * What to tell the user when the database's own guards (migration 0005's triggers, checks and
 * row-level policies) refuse a write the service let through. The services check every rule first,
 * with specific messages; these are the backstop, so that a rule the service missed is still a clear
 * refusal and never an internal error.
 */
export interface GuardRefusals {
  /** 42501: a trigger's "who may do this" or a row-level policy. */
  forbidden: DomainErrorDetails;
  /** 23514: a trigger's or table's check. */
  check?: DomainErrorDetails;
  /** 23505, by constraint name. */
  unique?: Record<string, DomainErrorDetails>;
  /** 23P01: an exclusion constraint (overlapping periods). */
  exclusion?: DomainErrorDetails;
}

const CHECK_FAILED: DomainErrorDetails = {
  code: 'INVALID_STATE',
  messageZh: '数据库校验未通过，操作未执行',
  messageEn: 'The database refused the change as inconsistent; nothing was changed',
};

export async function guarded<T>(write: Promise<T>, refusals: GuardRefusals): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '42501') throw new DomainError(refusals.forbidden);
    if (code === '23514') throw new DomainError(refusals.check ?? CHECK_FAILED);
    if (code === '23P01' && refusals.exclusion) throw new DomainError(refusals.exclusion);
    if (code === '23505' && constraint && refusals.unique?.[constraint]) {
      throw new DomainError(refusals.unique[constraint]);
    }
    throw error;
  }
}
