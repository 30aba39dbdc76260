import type { Request, Response } from 'express';
import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../modules/identity/actor.ts';
import type { Services } from '../services.ts';
import { readSessionToken } from './session-cookie.ts';

/** The signed-in admin behind a plain HTTP request (uploads, downloads), from the session cookie. */
export async function requestActor(req: Request, services: Pick<Services, 'identity'>): Promise<Actor> {
  const token = readSessionToken(req);
  const user = token ? await services.identity.sessionUser(token) : null;
  if (!user) {
    throw new DomainError({
      code: 'UNAUTHENTICATED',
      messageZh: '请先登录',
      messageEn: 'Please sign in first',
    });
  }
  return { user, requestId: (req as Request & { requestId?: string }).requestId };
}

const STATUS: Record<DomainError['code'], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_INPUT: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  FOUR_EYES: 403,
  RATE_LIMITED: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
};

/** The same error shape the GraphQL edge answers with, for routes outside GraphQL. */
export function sendError(
  res: Response,
  status: number,
  error: { code: string; messageZh: string; messageEn: string; field?: string },
): void {
  res.status(status).json({
    errors: [
      {
        message: `${error.messageZh} / ${error.messageEn}`,
        extensions: {
          code: error.code,
          messageZh: error.messageZh,
          messageEn: error.messageEn,
          ...(error.field ? { field: error.field } : {}),
        },
      },
    ],
  });
}

export function sendDomainError(res: Response, error: DomainError): void {
  sendError(res, STATUS[error.code], error);
}

/** A download's Content-Disposition, with a file name that needs no quoting rules. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}
