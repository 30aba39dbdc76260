import { Migration } from '@mikro-orm/migrations';

/**
 * A session's last-seen time is written at most once a minute instead of on every request: the
 * idle timeout (an hour by default) needs no finer clock, and the write was a row update per API
 * call, the largest fixed cost of a small read (bench/README.md).
 */
export class Migration0003SessionTouch extends Migration {
  override name = '0003-session-touch';

  override async up(): Promise<void> {
    this.addSql(`
      create or replace function auth_session_user(p_token_sha256 bytea, p_idle interval)
        returns table (user_id uuid, username text, display_name text, role text, region_id uuid,
                       region_path ltree, region_code text, region_name text, region_level text,
                       expires_at timestamptz)
        language sql security definer set search_path = public, pg_temp as $$
          with found as (
            select s.token_sha256, s.last_seen_at, u.id, u.username, u.display_name, u.role,
                   r.id as rid, r.path, r.code, r.name, r.level, s.expires_at
              from user_session s join app_user u on u.id = s.user_id join region r on r.id = u.region_id
             where s.token_sha256 = p_token_sha256 and u.active
               and s.expires_at > now() and s.last_seen_at > now() - p_idle),
          touched as (
            update user_session s set last_seen_at = now() from found f
             where s.token_sha256 = f.token_sha256 and f.last_seen_at < now() - interval '1 minute')
          select id, username, display_name, role, rid, path, code, name, level, expires_at from found
        $$`);
  }
}
