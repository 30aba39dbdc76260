import { Migration } from '@mikro-orm/migrations';
import { scopedTableSql } from './scoped-table.ts';

/**
 * The registry: associations, member groups, members, contact households, persons (grown from the
 * foundation's minimum), households with their family-planning status, activities, projects,
 * evaluations, near-duplicate flags and import jobs.
 *
 * Rules the database keeps by itself, whatever the service does (ADR 0005):
 * - every table follows the jurisdiction recipe (`scopedTableSql`); writes need a writing role;
 * - a row that hangs off an association carries the association's region, by a composite foreign
 *   key (association_id, region_id), so it can never be filed under another village;
 * - the sensitive household statuses (only child died / disabled) live in their own table, readable
 *   only by county admins and auditors and by the household's township (`app_reads_sensitive()`);
 * - a resident ID number is unique county-wide through a keyed hash (HMAC), never a plain hash; a
 *   clerk learns only "registered elsewhere" through `person_registered_elsewhere`;
 * - sex and birth date agree with the ID number, whose check character is valid;
 * - an evaluation passes only if every checklist item passes (a generated column), and a failure
 *   carries a rectification deadline.
 */
export class Migration0002Registry extends Migration {
  override name = '0002-registry';

  override async up(): Promise<void> {
    // GB 11643 / ISO 7064 MOD 11-2, the same rule as @sunshine/identifiers, for set-based checks.
    this.addSql(`
      create function resident_id_checksum_ok(value text) returns boolean
        language sql immutable strict parallel safe as $$
          select case when value ~ '^[0-9]{17}[0-9X]$' then substr(value, 18, 1) = substr('10X98765432',
            (select sum(substr(value, i, 1)::int * ((1 << (18 - i)) % 11)) from generate_series(1, 17) i)::int % 11 + 1, 1)
            else false end
        $$`);
    // Birth date coded in an ID number, or NULL when the eight digits are no calendar date.
    this.addSql(`
      create function resident_id_birth_date(value text) returns date
        language plpgsql immutable strict parallel safe as $$
        begin
          return make_date(substr(value, 7, 4)::int, substr(value, 11, 2)::int, substr(value, 13, 2)::int);
        exception when others then
          return null;
        end $$`);
    this.addSql(`
      create function resident_id_sex(value text) returns text
        language sql immutable strict parallel safe as $$
          select case when substr(value, 17, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end
        $$`);
    // Who may read the sensitive household statuses: county admins and county auditors, and the
    // admins of the household's own township (the caller's scope already limits which households).
    this.addSql(`
      create function app_reads_sensitive() returns boolean language sql stable parallel safe as $$
        select coalesce(
          (app_user_role() = 'COUNTY_ADMIN' and nlevel(app_scope()) = 1)
          or (app_user_role() = 'AUDITOR' and nlevel(app_scope()) = 1)
          or (app_user_role() = 'TOWNSHIP_ADMIN' and nlevel(app_scope()) = 2), false)
      $$`);
    this.addSql(`
      create function app_writes_sensitive() returns boolean language sql stable parallel safe as $$
        select coalesce(
          (app_user_role() = 'COUNTY_ADMIN' and nlevel(app_scope()) = 1)
          or (app_user_role() = 'TOWNSHIP_ADMIN' and nlevel(app_scope()) = 2), false)
      $$`);
    // The code of the region at a path's given depth (1 county, 2 township, 3 village).
    this.addSql(`
      create function path_code(path ltree, depth integer) returns text
        language sql immutable strict parallel safe as $$
          select case when nlevel(path) >= depth then ltree2text(subpath(path, depth - 1, 1)) end
        $$`);

    // ---- associations ------------------------------------------------------------------------
    this.addSql(`
      create table association (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        region_path ltree not null,
        code text not null unique check (code ~ '^[0-9]{12}-[A-Z0-9]{1,8}$'),
        name text not null check (length(name) between 2 and 100),
        level text not null check (level in ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
        kind text not null check (kind in ('REGIONAL', 'VILLAGE', 'COMMUNITY', 'ENTERPRISE', 'FLOATING_POPULATION')),
        standing text not null default 'ORDINARY' check (standing in ('MODEL', 'ADVANCED', 'ORDINARY', 'NOMINAL')),
        member_home_facilities text[] not null default '{}'
          check (member_home_facilities <@ array['VENUE', 'RULES', 'VOLUNTEER_TEAM', 'EQUIPMENT', 'PLAN_AND_RECORDS']),
        founded_on date,
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        unique (id, region_id),
        -- The level is where the association sits; its code starts with that region's code.
        constraint association_level_matches_region check (
          level = case nlevel(region_path) when 1 then 'COUNTY' when 2 then 'TOWNSHIP' when 3 then 'VILLAGE' end),
        constraint association_code_matches_region check (
          split_part(code, '-', 1) = ltree2text(subpath(region_path, nlevel(region_path) - 1, 1))),
        constraint association_kind_matches_level check ((kind = 'REGIONAL') = (level <> 'VILLAGE')
          or kind in ('ENTERPRISE', 'FLOATING_POPULATION'))
      )`);
    this.addSql(`create index association_region_path on association using gist (region_path)`);
    this.addSql(`create index association_region on association (region_id, name)`);

    this.addSql(`
      create table member_group (
        id uuid primary key default gen_random_uuid(),
        association_id uuid not null,
        region_id uuid not null,
        region_path ltree not null,
        name text not null check (length(name) between 1 and 50),
        created_at timestamptz not null default now(),
        unique (association_id, name),
        unique (id, association_id),
        foreign key (association_id, region_id) references association (id, region_id)
      )`);

    // ---- persons and households ----------------------------------------------------------------
    this.addSql(`
      create table household (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        region_path ltree not null,
        code text not null unique check (code ~ '^[0-9]{12}-[0-9]{4}$'),
        planning_status text not null default 'NONE' check (planning_status in ('NONE', 'ONLY_CHILD', 'TWO_DAUGHTERS')),
        in_difficulty boolean not null default false,
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        -- A household is filed in a village (or one of its groups) and numbered within it.
        constraint household_code_matches_village check (
          nlevel(region_path) >= 3 and split_part(code, '-', 1) = path_code(region_path, 3))
      )`);
    this.addSql(`create index household_region_path on household using gist (region_path)`);
    this.addSql(`create index household_region on household (region_id, code)`);

    this.addSql(`
      create table household_sensitive_status (
        household_id uuid primary key references household (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        status text not null check (status in ('ONLY_CHILD_DIED', 'ONLY_CHILD_DISABLED')),
        since date,
        recorded_by uuid,
        recorded_at timestamptz not null default now()
      )`);

    this.addSql(`
      alter table person
        add column household_id uuid references household (id),
        add column relation text check (relation in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'OTHER')),
        add column moved_away_on date,
        add column deceased_on date,
        add column created_by uuid,
        add column updated_by uuid,
        add column updated_at timestamptz not null default now(),
        add column version integer not null default 1,
        add constraint person_relation_with_household check ((household_id is null) = (relation is null)),
        add constraint person_resident_id_valid check (resident_id_checksum_ok(resident_id)),
        add constraint person_agrees_with_resident_id check (
          birth_date = resident_id_birth_date(resident_id) and sex = resident_id_sex(resident_id)),
        add constraint person_dates check (
          birth_date <= coalesce(deceased_on, birth_date) and birth_date <= coalesce(moved_away_on, birth_date))`);
    this.addSql(`create index person_household on person (household_id)`);
    this.addSql(`create index person_name_birth on person (name, birth_date)`);
    this.addSql(`create index person_region on person (region_id, name)`);

    // Near-duplicates (same name and birth date, different ID numbers) wait for county review.
    this.addSql(`
      create table person_duplicate_flag (
        id uuid primary key default gen_random_uuid(),
        person_a_id uuid not null references person (id),
        person_b_id uuid not null references person (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        reason text not null check (reason in ('SAME_NAME_AND_BIRTH_DATE')),
        status text not null default 'OPEN' check (status in ('OPEN', 'DISTINCT_PERSONS', 'SAME_PERSON')),
        detected_at timestamptz not null default now(),
        resolved_by uuid,
        resolved_at timestamptz,
        resolution_note text,
        check (person_a_id < person_b_id),
        unique (person_a_id, person_b_id),
        check ((status = 'OPEN') = (resolved_by is null))
      )`);

    // ---- members -------------------------------------------------------------------------------
    this.addSql(`
      create table member (
        id uuid primary key default gen_random_uuid(),
        association_id uuid not null,
        region_id uuid not null,
        region_path ltree not null,
        person_id uuid not null references person (id),
        role text not null default 'MEMBER' check (role in ('MEMBER', 'DIRECTOR', 'STANDING_DIRECTOR', 'PRESIDENT',
          'VICE_PRESIDENT', 'FULL_TIME_VICE_PRESIDENT', 'SECRETARY_GENERAL', 'GROUP_LEADER')),
        card_number text check (card_number ~ '^[0-9A-Z-]{4,30}$'),
        dues_paid_year integer check (dues_paid_year between 1980 and 2200),
        group_id uuid,
        joined_on date,
        left_on date,
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        unique (association_id, person_id),
        unique (card_number),
        unique (id, region_id),
        check (left_on is null or joined_on is null or left_on >= joined_on),
        foreign key (association_id, region_id) references association (id, region_id),
        foreign key (group_id, association_id) references member_group (id, association_id)
      )`);
    this.addSql(`create index member_association on member (association_id, id)`);
    this.addSql(`create index member_person on member (person_id)`);

    this.addSql(`
      create table contact_household (
        member_id uuid not null,
        household_id uuid not null references household (id),
        region_id uuid not null,
        region_path ltree not null,
        since date,
        created_by uuid,
        created_at timestamptz not null default now(),
        primary key (member_id, household_id),
        foreign key (member_id, region_id) references member (id, region_id) on delete cascade
      )`);
    this.addSql(`create index contact_household_household on contact_household (household_id)`);

    // ---- work records --------------------------------------------------------------------------
    this.addSql(`
      create table activity (
        id uuid primary key default gen_random_uuid(),
        association_id uuid not null,
        region_id uuid not null,
        region_path ltree not null,
        kind text not null check (kind in ('MEMBER_DAY', 'POPULATION_DAY', 'HEALTH_SCREENING', 'TRAINING',
          'HOME_VISIT', 'MARKET_FAIR', 'OTHER')),
        held_on date not null check (held_on >= date '1980-01-01'),
        title text not null check (length(title) between 2 and 200),
        participants integer not null default 0 check (participants between 0 and 1000000),
        leaflets integer not null default 0 check (leaflets between 0 and 10000000),
        consultations integer not null default 0 check (consultations between 0 and 1000000),
        people_screened integer not null default 0 check (people_screened between 0 and 1000000),
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        -- The natural key that makes importing the same file twice a no-op.
        unique (association_id, held_on, kind, title),
        foreign key (association_id, region_id) references association (id, region_id)
      )`);
    this.addSql(`create index activity_held_on on activity (held_on desc, id)`);

    this.addSql(`
      create table project (
        id uuid primary key default gen_random_uuid(),
        association_id uuid not null,
        region_id uuid not null,
        region_path ltree not null,
        kind text not null check (kind in ('FEWER_BIRTHS_FASTER_PROSPERITY', 'THREE_COMBINATIONS', 'BIRTH_CARE',
          'HAPPINESS_PROJECT', 'YOUTH_HEALTH')),
        name text not null check (length(name) between 2 and 200),
        start_on date not null,
        end_on date,
        budget_fen bigint not null check (budget_fen between 0 and 100000000000),
        households_helped integer not null default 0 check (households_helped between 0 and 1000000),
        -- Average change of a helped household's yearly income, in fen (may be negative).
        income_change_fen bigint check (income_change_fen between -10000000000 and 10000000000),
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        check (end_on is null or end_on >= start_on),
        unique (association_id, name),
        foreign key (association_id, region_id) references association (id, region_id)
      )`);

    // items: [{ "code": "...", "passed": true|false, "note": "..." }]; one failed item fails it all.
    this.addSql(`
      create table evaluation (
        id uuid primary key default gen_random_uuid(),
        association_id uuid not null,
        region_id uuid not null,
        region_path ltree not null,
        evaluated_on date not null,
        items jsonb not null check (jsonb_typeof(items) = 'array' and jsonb_array_length(items) between 1 and 50),
        -- An item without "passed": true counts as failed (lax mode reads a missing key as false).
        passed boolean not null generated always as (not jsonb_path_exists(items, '$[*] ? (!(@.passed == true))')) stored,
        score integer check (score between 0 and 100),
        rectification_deadline date,
        re_evaluation_of uuid references evaluation (id),
        evaluated_by uuid not null,
        created_at timestamptz not null default now(),
        check (passed or rectification_deadline > evaluated_on),
        check (passed or rectification_deadline is not null),
        foreign key (association_id, region_id) references association (id, region_id)
      )`);
    this.addSql(`create index evaluation_association on evaluation (association_id, evaluated_on desc)`);
    this.addSql(`create unique index evaluation_one_re_evaluation on evaluation (re_evaluation_of)`);

    // ---- imports -------------------------------------------------------------------------------
    this.addSql(`
      create table import_job (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        region_path ltree not null,
        kind text not null check (kind in ('PERSONS', 'MEMBERS', 'ACTIVITIES')),
        file_name text not null check (length(file_name) between 1 and 255),
        file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
        file_bytes bigint not null check (file_bytes >= 0),
        format text not null check (format in ('CSV', 'XLSX')),
        status text not null default 'UPLOADED' check (status in ('UPLOADED', 'VALIDATING', 'VALID', 'INVALID',
          'COMMITTING', 'COMMITTED', 'FAILED')),
        rows_parsed integer not null default 0,
        rows_validated integer not null default 0,
        rows_committed integer not null default 0,
        rows_changed integer not null default 0,
        error_count integer not null default 0,
        errors jsonb not null default '[]' check (jsonb_typeof(errors) = 'array'),
        failure_code text,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        finished_at timestamptz
      )`);

    const tables = [
      'association',
      'member_group',
      'household',
      'person_duplicate_flag',
      'member',
      'contact_household',
      'activity',
      'project',
      'evaluation',
      'import_job',
    ];
    for (const table of tables) for (const sql of scopedTableSql(table)) this.addSql(sql);
    for (const table of [
      'member_group',
      'member',
      'contact_household',
      'activity',
      'project',
      'evaluation',
    ]) {
      this.addSql(`create index ${table}_region_path on ${table} using gist (region_path)`);
    }

    // Writes by a writing role inside its subtree; the auditor only reads.
    for (const table of [
      'association',
      'member_group',
      'household',
      'member',
      'contact_household',
      'activity',
      'project',
    ]) {
      this.addSql(`
        create policy ${table}_insert on ${table} for insert
          with check (region_path <@ app_scope() and app_can_write())`);
      this.addSql(`
        create policy ${table}_update on ${table} for update
          using (region_path <@ app_scope() and app_can_write())
          with check (region_path <@ app_scope() and app_can_write())`);
    }
    for (const table of ['member_group', 'contact_household', 'activity']) {
      this.addSql(`
        create policy ${table}_delete on ${table} for delete
          using (region_path <@ app_scope() and app_can_write())`);
    }
    // Evaluations are made by the level above the association: county and township admins, never
    // of an association at their own level.
    this.addSql(`
      create policy evaluation_insert on evaluation for insert
        with check (region_path <@ app_scope() and nlevel(region_path) > nlevel(app_scope())
                    and app_user_role() in ('COUNTY_ADMIN', 'TOWNSHIP_ADMIN') and evaluated_by = app_user_id())`);
    // A re-evaluation follows a failed evaluation of the same association, on a later day.
    this.addSql(`
      create function evaluation_re_evaluation_guard() returns trigger language plpgsql as $$
      begin
        if new.re_evaluation_of is not null and not exists (
             select from evaluation e where e.id = new.re_evaluation_of and not e.passed
                and e.association_id = new.association_id and e.evaluated_on < new.evaluated_on) then
          raise exception 'a re-evaluation must follow a failed evaluation of the same association'
            using errcode = '23514';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger evaluation_re_evaluation_guard before insert on evaluation
        for each row execute function evaluation_re_evaluation_guard()`);
    this.addSql(`
      create policy import_job_insert on import_job for insert
        with check (region_path <@ app_scope() and app_can_write() and created_by = app_user_id())`);
    this.addSql(`
      create policy import_job_update on import_job for update
        using (region_path <@ app_scope() and created_by = app_user_id())
        with check (region_path <@ app_scope() and created_by = app_user_id())`);
    // Duplicate flags are county business: only a county-wide scope sees or resolves them.
    this.addSql(`drop policy person_duplicate_flag_read on person_duplicate_flag`);
    this.addSql(`
      create policy person_duplicate_flag_read on person_duplicate_flag for select
        using (region_path <@ app_scope() and nlevel(app_scope()) = 1)`);
    this.addSql(`
      create policy person_duplicate_flag_resolve on person_duplicate_flag for update
        using (region_path <@ app_scope() and nlevel(app_scope()) = 1 and app_user_role() = 'COUNTY_ADMIN')
        with check (resolved_by = app_user_id())`);

    // The sensitive statuses: the scope rule and the role rule, for reads and writes alike.
    this.addSql(`
      create trigger household_sensitive_status_region_path before insert or update of region_id
        on household_sensitive_status for each row execute function set_region_path()`);
    this.addSql(`alter table household_sensitive_status enable row level security`);
    this.addSql(`alter table household_sensitive_status force row level security`);
    this.addSql(`
      create policy household_sensitive_status_read on household_sensitive_status for select
        using (region_path <@ app_scope() and app_reads_sensitive())`);
    this.addSql(`
      create policy household_sensitive_status_write on household_sensitive_status for all
        using (region_path <@ app_scope() and app_writes_sensitive())
        with check (region_path <@ app_scope() and app_writes_sensitive())`);

    // Audit rows about a sensitive fact (e.g. that a household's status was recorded) are read only
    // by those who may read the fact itself.
    this.addSql(`alter table audit_event add column sensitive boolean not null default false`);
    this.addSql(`drop policy audit_read on audit_event`);
    this.addSql(`
      create policy audit_read on audit_event for select
        using (region_path <@ app_scope() and (not sensitive or app_reads_sensitive()))`);

    // Which of these ID hashes are registered outside the caller's scope. It answers nothing else
    // (no name, no place), so a clerk can be told "already registered in another jurisdiction".
    this.addSql(`
      create function person_registered_elsewhere(p_hmacs bytea[]) returns setof bytea
        language sql stable security definer set search_path = public, pg_temp as $$
          select p.resident_id_hmac from person p
           where p.resident_id_hmac = any (p_hmacs) and not (p.region_path <@ app_scope())
        $$`);
    // Which of these member card numbers are held by members outside the caller's scope: like the
    // ID numbers, an import can then name the row without naming the member or the place.
    this.addSql(`
      create function member_card_numbers_elsewhere(p_cards text[]) returns setof text
        language sql stable security definer set search_path = public, pg_temp as $$
          select m.card_number from member m
           where m.card_number = any (p_cards) and not (m.region_path <@ app_scope())
        $$`);
    // Flags same-name, same-birth-date pairs with different ID numbers, county-wide (the caller may
    // see only one side). Returns how many new flags it raised.
    this.addSql(`
      create function flag_near_duplicates(p_person_ids uuid[]) returns integer
        language plpgsql security definer set search_path = public, pg_temp as $$
        declare raised integer;
        begin
          insert into person_duplicate_flag (person_a_id, person_b_id, region_id, reason)
          -- A lateral lookup per given person on (name, birth_date): a join would hash the whole county.
          select least(a.id, b.id), greatest(a.id, b.id),
                 (select r.id from region r where r.path = subpath(a.region_path, 0, 1)),
                 'SAME_NAME_AND_BIRTH_DATE'
            from person a
            cross join lateral (
              select b.id from person b
               where b.name = a.name and b.birth_date = a.birth_date and b.id <> a.id
                 and b.resident_id_hmac <> a.resident_id_hmac
                 and subpath(b.region_path, 0, 1) = subpath(a.region_path, 0, 1)) b
           where a.id = any (p_person_ids)
          on conflict (person_a_id, person_b_id) do nothing;
          get diagnostics raised = row_count;
          return raised;
        end $$`);

    // Who made an evaluation, by name, role and region: admins' names are internal, never personal data
    // of residents, and only evaluators (county and township admins) are answered.
    this.addSql(`
      create function evaluator_names(p_user_ids uuid[])
        returns table (user_id uuid, display_name text, role text, region_id uuid)
        language sql stable security definer set search_path = public, pg_temp as $$
          select u.id, u.display_name, u.role, u.region_id from app_user u
           where u.id = any (p_user_ids) and u.role in ('COUNTY_ADMIN', 'TOWNSHIP_ADMIN')
        $$`);

    this.addSql(`
      grant select, insert, update on association, member_group, household, household_sensitive_status, member,
        contact_household, activity, project, import_job to sunshine_app`);
    this.addSql(
      `grant delete on member_group, contact_household, activity, household_sensitive_status to sunshine_app`,
    );
    this.addSql(`grant select, insert on evaluation to sunshine_app`);
    this.addSql(`grant select, update on person_duplicate_flag to sunshine_app`);
    this.addSql(`
      grant execute on function person_registered_elsewhere(bytea[]), flag_near_duplicates(uuid[]),
        evaluator_names(uuid[]), member_card_numbers_elsewhere(text[]) to sunshine_app`);
  }
}
