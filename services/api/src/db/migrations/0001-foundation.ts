import { Migration } from '@mikro-orm/migrations';
import { scopedTableSql } from './scoped-table.ts';

/**
 * The foundation: regions, identity, the jurisdiction pattern (row-level security keyed on the
 * caller's region path, set per transaction), policies, disclosures and publications.
 *
 * Every scoped table follows the same recipe (ADR 0003, `scopedTableSql`):
 *   region_path ltree NOT NULL, filled by trigger from region_id;
 *   ENABLE + FORCE ROW LEVEL SECURITY;
 *   policies comparing region_path with app_scope(), which is NULL (sees nothing) unless the
 *   transaction set it with set_config(..., true).
 */
export class Migration0001Foundation extends Migration {
  override name = '0001-foundation';

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists ltree`);

    this.addSql(`
      do $$ begin
        if not exists (select from pg_roles where rolname = 'sunshine_app') then
          create role sunshine_app login nosuperuser nobypassrls nocreatedb nocreaterole;
        end if;
      end $$`);

    // The caller's identity, set per transaction by the API (set_config(name, value, true)).
    this.addSql(`
      create function app_scope() returns ltree language sql stable parallel safe as $$
        select nullif(current_setting('app.scope_path', true), '')::ltree
      $$`);
    this.addSql(`
      create function app_user_id() returns uuid language sql stable parallel safe as $$
        select nullif(current_setting('app.user_id', true), '')::uuid
      $$`);
    this.addSql(`
      create function app_user_role() returns text language sql stable parallel safe as $$
        select nullif(current_setting('app.user_role', true), '')
      $$`);
    this.addSql(`
      create function app_can_write() returns boolean language sql stable parallel safe as $$
        select coalesce(app_user_role() in ('COUNTY_ADMIN', 'TOWNSHIP_ADMIN', 'VILLAGE_CLERK'), false)
      $$`);

    // The sha256 of a text's UTF-8 bytes, as `sha256sum` would print it (stable for a generated column).
    this.addSql(`
      create function utf8_sha256(value text) returns text language sql immutable strict parallel safe as $$
        select encode(sha256(convert_to(value, 'UTF8')), 'hex')
      $$`);
    this.addSql(`
      create table region (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        name text not null check (length(name) between 1 and 100),
        level text not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE', 'GROUP')),
        kind text not null,
        parent_id uuid references region (id),
        path ltree not null unique,
        check (level = 'GROUP' or code ~ '^[0-9]{12}$'),
        check ((level = 'COUNTY') = (parent_id is null))
      )`);
    this.addSql(`create index region_path_gist on region using gist (path)`);
    this.addSql(`create index region_parent on region (parent_id)`);
    this.addSql(`alter table region enable row level security`);
    this.addSql(`alter table region force row level security`);
    // Everyone sees their subtree and the chain of regions above it (to name where they are).
    this.addSql(`
      create policy region_read on region for select
        using (path <@ app_scope() or app_scope() <@ path)`);

    // Identity tables are not readable by the app role at all: it reaches them only through the
    // security-definer functions below, which return no password hash to anyone but sign-in.
    this.addSql(`
      create table app_user (
        id uuid primary key default gen_random_uuid(),
        username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        display_name text not null,
        password_hash text not null,
        role text not null check (role in ('COUNTY_ADMIN', 'TOWNSHIP_ADMIN', 'VILLAGE_CLERK', 'AUDITOR')),
        region_id uuid not null references region (id),
        active boolean not null default true,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table user_session (
        token_sha256 bytea primary key,
        user_id uuid not null references app_user (id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        last_seen_at timestamptz not null default now()
      )`);
    this.addSql(`create index user_session_user on user_session (user_id)`);
    this.addSql(`create index user_session_expires on user_session (expires_at)`);

    this.addSql(`
      create function auth_user_for_sign_in(p_username text)
        returns table (user_id uuid, password_hash text, active boolean)
        language sql stable security definer set search_path = public, pg_temp as $$
          select id, password_hash, active from app_user where username = lower(p_username)
        $$`);
    this.addSql(`
      create function auth_start_session(p_user_id uuid, p_token_sha256 bytea, p_expires_at timestamptz)
        returns void language sql security definer set search_path = public, pg_temp as $$
          delete from user_session where expires_at < now();
          insert into user_session (token_sha256, user_id, expires_at)
            select p_token_sha256, id, p_expires_at from app_user where id = p_user_id and active;
        $$`);
    this.addSql(`
      create function auth_session_user(p_token_sha256 bytea, p_idle interval)
        returns table (user_id uuid, username text, display_name text, role text, region_id uuid,
                       region_path ltree, region_code text, region_name text, region_level text,
                       expires_at timestamptz)
        language sql security definer set search_path = public, pg_temp as $$
          update user_session s set last_seen_at = now()
            from app_user u join region r on r.id = u.region_id
           where s.token_sha256 = p_token_sha256 and s.user_id = u.id and u.active
             and s.expires_at > now() and s.last_seen_at > now() - p_idle
          returning u.id, u.username, u.display_name, u.role, r.id, r.path, r.code, r.name, r.level, s.expires_at
        $$`);
    this.addSql(`
      create function auth_end_session(p_token_sha256 bytea) returns void
        language sql security definer set search_path = public, pg_temp as $$
          delete from user_session where token_sha256 = p_token_sha256
        $$`);
    // The role and region of a user, for provenance: never the person's name.
    this.addSql(`
      create function user_role_and_region(p_user_id uuid)
        returns table (role text, region_code text, region_name text)
        language sql stable security definer set search_path = public, pg_temp as $$
          select u.role, r.code, r.name from app_user u join region r on r.id = u.region_id where u.id = p_user_id
        $$`);

    // Shared trigger: a scoped row's region_path always mirrors its region. The lookup runs
    // with the caller's rights, so a region outside the caller's scope yields NULL and the
    // NOT NULL constraint refuses the row.
    this.addSql(`
      create function set_region_path() returns trigger language plpgsql as $$
      begin
        new.region_path := (select path from region where id = new.region_id);
        return new;
      end $$`);

    this.addSql(`
      create table audit_event (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        user_id uuid not null,
        user_role text not null,
        region_path ltree not null,
        action text not null,
        entity text not null,
        entity_id text not null,
        before_sha256 text,
        after_sha256 text,
        request_id text
      )`);
    this.addSql(`create index audit_event_region on audit_event using gist (region_path)`);
    this.addSql(`alter table audit_event enable row level security`);
    this.addSql(`alter table audit_event force row level security`);
    this.addSql(`create policy audit_read on audit_event for select using (region_path <@ app_scope())`);
    this.addSql(`
      create policy audit_append on audit_event for insert
        with check (region_path <@ app_scope() and user_id = app_user_id() and user_role = app_user_role())`);

    this.addSql(`
      create table policy (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        region_path ltree not null,
        title text not null check (length(title) between 2 and 200),
        document_number text not null check (length(document_number) between 1 and 60),
        issuing_body text not null check (length(issuing_body) between 2 and 100),
        category text not null check (category in ('ASSISTANCE', 'ASSOCIATION_WORK', 'HEALTH_SERVICE', 'PUBLICITY', 'NOTICE')),
        issue_date date not null,
        effective_date date,
        expiry_date date,
        body_markdown text not null check (length(body_markdown) <= 100000),
        attachments jsonb not null default '[]' check (jsonb_typeof(attachments) = 'array'),
        status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
        withdrawal_reason text,
        created_by uuid not null,
        updated_by uuid not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        published_at timestamptz,
        withdrawn_at timestamptz,
        version integer not null default 1,
        unique (issuing_body, document_number),
        check (expiry_date is null or effective_date is null or expiry_date >= effective_date),
        check ((status = 'PUBLISHED') = (published_at is not null and withdrawn_at is null) or status <> 'PUBLISHED'),
        check (status <> 'WITHDRAWN' or (withdrawn_at is not null and withdrawal_reason is not null))
      )`);
    this.addSql(`create index policy_region_path on policy using gist (region_path)`);
    this.addSql(`create index policy_issue_date on policy (issue_date desc, id)`);
    for (const sql of scopedTableSql('policy')) this.addSql(sql);
    this.addSql(`
      create policy policy_insert on policy for insert
        with check (region_path <@ app_scope() and app_can_write() and created_by = app_user_id())`);
    this.addSql(`
      create policy policy_update on policy for update
        using (region_path <@ app_scope() and app_can_write())
        with check (region_path <@ app_scope() and updated_by = app_user_id())`);

    this.addSql(`
      create table disclosure (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
        name text not null check (length(name) between 2 and 100),
        description text not null default '',
        region_id uuid not null references region (id),
        region_path ltree not null,
        page_kind text not null check (page_kind in ('NOTICE_LIST', 'RECIPIENT_LIST', 'TOTALS_TABLE', 'CHART')),
        document text not null check (length(document) between 1 and 20000),
        document_sha256 text not null generated always as (utf8_sha256(document)) stored,
        parameters jsonb not null default '{}' check (jsonb_typeof(parameters) = 'object'),
        output_fields text[] not null check (cardinality(output_fields) between 1 and 200),
        drafted_by uuid not null,
        drafted_at timestamptz not null default now(),
        approved_by uuid,
        approved_role text check (approved_role in ('COUNTY_ADMIN', 'TOWNSHIP_ADMIN')),
        approved_region_code text,
        approved_region_name text,
        approved_sha256 text,
        approved_at timestamptz,
        version integer not null default 1,
        constraint disclosure_four_eyes check (approved_by is null or approved_by <> drafted_by),
        constraint disclosure_approval_complete check (
          (approved_by is null) = (approved_at is null) and (approved_by is null) = (approved_sha256 is null)
          and (approved_by is null) = (approved_role is null)),
        constraint disclosure_approval_pins_text check (approved_sha256 is null or approved_sha256 = document_sha256)
      )`);
    this.addSql(`create index disclosure_region_path on disclosure using gist (region_path)`);
    // Approval is the caller's own act: approved_by must be the signed-in user, and a change to
    // what runs (the text, parameters or output fields) drops the approval and makes the editor
    // the drafter, so the next approval again needs a second person.
    this.addSql(`
      create function disclosure_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and (new.document, new.parameters, new.output_fields, new.region_id)
             is distinct from (old.document, old.parameters, old.output_fields, old.region_id) then
          new.drafted_by := app_user_id();
          new.drafted_at := now();
          new.approved_by := null; new.approved_role := null; new.approved_region_code := null;
          new.approved_region_name := null; new.approved_sha256 := null; new.approved_at := null;
        elsif new.approved_by is not null and (tg_op = 'INSERT' or old.approved_by is distinct from new.approved_by)
              and new.approved_by is distinct from app_user_id() then
          raise exception 'approver must be the signed-in user' using errcode = '42501';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger disclosure_guard before insert or update on disclosure
        for each row execute function disclosure_guard()`);
    for (const sql of scopedTableSql('disclosure')) this.addSql(sql);
    this.addSql(`
      create policy disclosure_insert on disclosure for insert
        with check (region_path <@ app_scope() and app_user_role() in ('COUNTY_ADMIN', 'TOWNSHIP_ADMIN')
                    and drafted_by = app_user_id() and approved_by is null)`);
    this.addSql(`
      create policy disclosure_update on disclosure for update
        using (region_path <@ app_scope() and app_user_role() in ('COUNTY_ADMIN', 'TOWNSHIP_ADMIN'))
        with check (region_path <@ app_scope())`);

    this.addSql(`
      create table publication_run (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        region_path ltree not null,
        started_by uuid not null,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        status text not null default 'RUNNING' check (status in ('RUNNING', 'SUCCEEDED', 'FAILED'))
      )`);
    this.addSql(`
      create table publication (
        id uuid primary key default gen_random_uuid(),
        run_id uuid not null references publication_run (id),
        disclosure_id uuid not null references disclosure (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        document_sha256 text not null,
        dataset jsonb not null,
        dataset_sha256 text not null,
        row_count integer not null check (row_count >= 0),
        run_at timestamptz not null,
        unique (run_id, disclosure_id)
      )`);
    this.addSql(`create index publication_latest on publication (disclosure_id, run_at desc)`);
    // A publication may only carry the text that was approved: checked against the disclosure row.
    this.addSql(`
      create function publication_guard() returns trigger language plpgsql as $$
      begin
        if not exists (select from disclosure d where d.id = new.disclosure_id
                        and d.approved_sha256 = new.document_sha256) then
          raise exception 'disclosure is not approved for this text' using errcode = '42501';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger publication_guard before insert on publication
        for each row execute function publication_guard()`);
    for (const table of ['publication_run', 'publication']) {
      for (const sql of scopedTableSql(table)) this.addSql(sql);
      this.addSql(`
        create policy ${table}_insert on ${table} for insert
          with check (region_path <@ app_scope() and app_user_role() in ('COUNTY_ADMIN', 'TOWNSHIP_ADMIN'))`);
    }
    this.addSql(`
      create policy publication_run_finish on publication_run for update
        using (region_path <@ app_scope() and started_by = app_user_id())`);

    // People: the minimum the demo county needs now; the registry issue grows it.
    this.addSql(`
      create table person (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        region_path ltree not null,
        current_region_id uuid not null references region (id),
        name text not null check (length(name) between 1 and 50),
        resident_id text not null check (resident_id ~ '^[0-9]{17}[0-9X]$'),
        resident_id_hmac bytea not null unique,
        sex text not null check (sex in ('MALE', 'FEMALE')),
        birth_date date not null,
        phone text check (phone ~ '^1[3-9][0-9]{9}$'),
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index person_region_path on person using gist (region_path)`);
    for (const sql of scopedTableSql('person')) this.addSql(sql);
    this.addSql(`
      create policy person_write on person for all
        using (region_path <@ app_scope() and app_can_write())
        with check (region_path <@ app_scope() and app_can_write())`);

    this.addSql(`grant usage on schema public to sunshine_app`);
    this.addSql(`grant select on region to sunshine_app`);
    this.addSql(
      `grant select, insert, update on policy, disclosure, publication_run, person to sunshine_app`,
    );
    this.addSql(`grant select, insert on publication, audit_event to sunshine_app`);
    this.addSql(`revoke all on app_user, user_session from sunshine_app`);
    this.addSql(`
      grant execute on function auth_user_for_sign_in(text), auth_start_session(uuid, bytea, timestamptz),
        auth_session_user(bytea, interval), auth_end_session(bytea), user_role_and_region(uuid) to sunshine_app`);
  }
}
