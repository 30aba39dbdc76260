import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { DomainError } from '../errors/domain-error.ts';

/** Flushes; a unique-constraint violation becomes a CONFLICT naming the field, not the constraint. */
export async function flushOrConflict(
  em: EntityManager,
  conflict: { field: string; messageZh: string; messageEn: string },
): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError({ code: 'CONFLICT', ...conflict });
    }
    throw error;
  }
}
