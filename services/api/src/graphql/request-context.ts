import type { Response } from 'express';
import { DomainError } from '../errors/domain-error.ts';
import type { Actor } from '../modules/identity/actor.ts';
import type { SessionUser } from '../modules/identity/session-user.ts';
import type { Services } from '../services.ts';
import type { RequestLoaders } from './request-loaders.ts';

export interface RequestContext {
  requestId: string;
  user: SessionUser | null;
  /** The session token from the cookie, for sign-out. */
  sessionToken: string | null;
  clientKey: string;
  services: Services;
  /** Batch loaders for nested reads, made fresh for each request. */
  loaders: RequestLoaders;
  res: Response;
}

export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.user) {
    throw new DomainError({
      code: 'UNAUTHENTICATED',
      messageZh: '请先登录',
      messageEn: 'Please sign in first',
    });
  }
  return { user: ctx.user, requestId: ctx.requestId };
}
