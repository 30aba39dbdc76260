import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/request-context.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import type { RegionLevelEnum } from '../regions/region.type.ts';
import { type RoleEnum, ViewerType } from './identity.type.ts';
import type { SessionUser } from './session-user.ts';

function toViewer(user: SessionUser): ViewerType {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as RoleEnum,
    region: {
      id: user.regionId,
      code: user.regionCode,
      name: user.regionName,
      level: user.regionLevel as RegionLevelEnum,
    },
  };
}

@Resolver()
export class IdentityResolver {
  @Query(() => ViewerType, { nullable: true, description: '当前登录的管理员 / The signed-in admin, if any' })
  viewer(@Ctx() ctx: RequestContext): ViewerType | null {
    return ctx.user ? toViewer(ctx.user) : null;
  }

  @Mutation(() => ViewerType, { description: '登录 / Sign in (sets an HttpOnly session cookie)' })
  async signIn(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ViewerType> {
    const result = await ctx.services.identity.signIn(username, password, ctx.clientKey);
    setSessionCookie(ctx.res, result.token, result.expiresAt);
    return toViewer(result.user);
  }

  @Mutation(() => Boolean, { description: '退出登录 / Sign out' })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (ctx.sessionToken) await ctx.services.identity.signOut(ctx.sessionToken);
    clearSessionCookie(ctx.res);
    return true;
  }
}
