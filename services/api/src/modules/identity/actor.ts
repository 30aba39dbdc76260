import { DomainError } from '../../errors/domain-error.ts';
import type { Role, SessionUser } from './session-user.ts';

/** Who is acting in a use case: the signed-in admin and the request, for the audit trail. */
export interface Actor {
  user: SessionUser;
  requestId?: string;
}

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.user.role)) {
    throw new DomainError({
      code: 'FORBIDDEN',
      messageZh: '您的角色无权执行此操作',
      messageEn: 'Your role may not do this',
    });
  }
}

export const WRITER_ROLES: readonly Role[] = ['COUNTY_ADMIN', 'TOWNSHIP_ADMIN', 'VILLAGE_CLERK'];
export const APPROVER_ROLES: readonly Role[] = ['COUNTY_ADMIN', 'TOWNSHIP_ADMIN'];
