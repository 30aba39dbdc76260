import { createHash, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DomainError } from '../../errors/domain-error.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import type { Role, SessionUser } from './session-user.ts';

export interface IdentitySettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

const FAILURE_WINDOW_MS = 10 * 60 * 1000;
const MAX_FAILURES = 5;

const invalidCredentials = () =>
  new DomainError({
    code: 'UNAUTHENTICATED',
    messageZh: '用户名或密码错误',
    messageEn: 'Wrong username or password',
  });

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Sign-in, sessions and sign-out. Sessions are opaque random tokens; only their digest is stored. */
export class IdentityService {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: IdentitySettings,
  ) {}

  async signIn(username: string, password: string, clientKey: string): Promise<SignInResult> {
    const key = `${username.toLowerCase()}|${clientKey}`;
    if (this.recentFailures(key) >= MAX_FAILURES) {
      throw new DomainError({
        code: 'RATE_LIMITED',
        messageZh: '登录失败次数过多，请十分钟后再试',
        messageEn: 'Too many failed sign-ins; try again in ten minutes',
      });
    }
    const em = this.orm.em.fork();
    const [row] = (await em.execute('select * from auth_user_for_sign_in(?)', [username])) as {
      user_id: string;
      password_hash: string;
      active: boolean;
    }[];
    // An unknown username costs the same argon2 verification as a known one.
    const ok = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), password);
    if (!row || !ok || !row.active) {
      this.failures.set(key, [...(this.failures.get(key) ?? []), Date.now()]);
      throw invalidCredentials();
    }
    this.failures.delete(key);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.settings.sessionMaxHours * 3600 * 1000);
    await em.execute('select auth_start_session(?, ?, ?)', [row.user_id, tokenDigest(token), expiresAt]);
    const user = await this.sessionUser(token);
    if (!user) throw invalidCredentials();
    return { token, expiresAt, user };
  }

  async sessionUser(token: string): Promise<SessionUser | null> {
    if (!token || token.length > 100) return null;
    const rows = (await this.orm.em
      .fork()
      .execute('select * from auth_session_user(?, ?::interval)', [
        tokenDigest(token),
        `${this.settings.sessionIdleMinutes} minutes`,
      ])) as {
      user_id: string;
      username: string;
      display_name: string;
      role: Role;
      region_id: string;
      region_path: string;
      region_code: string;
      region_name: string;
      region_level: SessionUser['regionLevel'];
    }[];
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      regionId: row.region_id,
      regionPath: row.region_path,
      regionCode: row.region_code,
      regionName: row.region_name,
      regionLevel: row.region_level,
    };
  }

  async signOut(token: string): Promise<void> {
    await this.orm.em.fork().execute('select auth_end_session(?)', [tokenDigest(token)]);
  }

  private recentFailures(key: string): number {
    const since = Date.now() - FAILURE_WINDOW_MS;
    const recent = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent.length;
  }
}
