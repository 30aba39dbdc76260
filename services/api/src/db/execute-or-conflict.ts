import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { DomainError } from '../errors/domain-error.ts';

export interface UniqueConflict {
  field: string;
  messageZh: string;
  messageEn: string;
}

/**
 * Awaits a write; a unique-constraint violation becomes a CONFLICT naming the input field that
 * constraint guards (`conflicts` is keyed by constraint name), never the constraint or the value.
 */
export async function executeOrConflict<T>(
  write: Promise<T>,
  conflicts: Record<string, UniqueConflict>,
): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const constraint = (error as { constraint?: string }).constraint;
      const conflict = constraint === undefined ? undefined : conflicts[constraint];
      if (conflict) throw new DomainError({ code: 'CONFLICT', ...conflict });
    }
    throw error;
  }
}
