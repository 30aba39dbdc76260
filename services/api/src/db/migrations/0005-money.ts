import { Migration } from '@mikro-orm/migrations';
import { scopedTableSql } from './scoped-table.ts';

/**
 * Money to families (issue 4, ADR 0006): benefit programs and their standards over the years,
 * enrollments with public notice and objections, payee proxies and accounts, disbursement batches
 * and the payment ledger, and idempotency keys for money mutations.
 *
 * The rules that protect public money live here, so that no code path (the API, a script, a
 * console session as the app role) can go around them:
 * - an enrollment moves submitted → reviewed → approved → in notice → confirmed, each step by a
 *   different person whose role and region give them authority (`enrollment_guard`);
 * - a new enrollment carries every piece of evidence its program requires;
 * - enrollments, objections, batches and payments of a sensitive program (special assistance: the
 *   only child died or is disabled) are visible and writable only to those who may know it
 *   (`app_reads_sensitive()` / `app_writes_sensitive()`, as for the household statuses);
 * - a batch is approved by someone other than its maker; lines are added only while it is a draft;
 * - at most one live payment per beneficiary, program and period: a partial unique index;
 * - the payee is the beneficiary or their proxy approved by a second person;
 * - amounts are integer fen within the program's bounds; the ledger is never edited: a payment's
 *   amount, payee and account never change, its status only moves forward, every move is kept in
 *   `payment_event`, and a correction is a new entry (reversal, reissue).
 */
export class Migration0005Money extends Migration {
  override name = '0005-money';

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist`);

    // Programs, notices and batches are set at county or township level and concern every village
    // below: their rows are read in the region's subtree and from every region above it.
    const SEES_REGION = '(region_path <@ app_scope() or app_scope() <@ region_path)';
    // Today in China, the day notices open and close on.
    this.addSql(`
      create function china_today() returns date language sql stable parallel safe as $$
        select (now() at time zone 'Asia/Shanghai')::date
      $$`);

    // ---- working days ----------------------------------------------------------------------------
    // Public holidays and the weekend days worked in exchange (调休), from the State Council's
    // yearly notices; a notice counted in working days skips the former and counts the latter.
    this.addSql(`
      create table calendar_day (
        day date primary key,
        kind text not null check (kind in ('HOLIDAY', 'WORKDAY')),
        name text not null,
        source text not null
      )`);
    const holidays: [string, string, 'HOLIDAY' | 'WORKDAY', string][] = [
      ['2025-01-01', '2025-01-01', 'HOLIDAY', '元旦'],
      ['2025-01-26', '2025-01-26', 'WORKDAY', '春节调休'],
      ['2025-01-28', '2025-02-04', 'HOLIDAY', '春节'],
      ['2025-02-08', '2025-02-08', 'WORKDAY', '春节调休'],
      ['2025-04-04', '2025-04-06', 'HOLIDAY', '清明节'],
      ['2025-04-27', '2025-04-27', 'WORKDAY', '劳动节调休'],
      ['2025-05-01', '2025-05-05', 'HOLIDAY', '劳动节'],
      ['2025-05-31', '2025-06-02', 'HOLIDAY', '端午节'],
      ['2025-09-28', '2025-09-28', 'WORKDAY', '国庆节调休'],
      ['2025-10-01', '2025-10-08', 'HOLIDAY', '国庆节、中秋节'],
      ['2025-10-11', '2025-10-11', 'WORKDAY', '国庆节调休'],
      ['2026-01-01', '2026-01-03', 'HOLIDAY', '元旦'],
      ['2026-01-04', '2026-01-04', 'WORKDAY', '元旦调休'],
      ['2026-02-14', '2026-02-14', 'WORKDAY', '春节调休'],
      ['2026-02-15', '2026-02-23', 'HOLIDAY', '春节'],
      ['2026-02-28', '2026-02-28', 'WORKDAY', '春节调休'],
      ['2026-04-04', '2026-04-06', 'HOLIDAY', '清明节'],
      ['2026-05-01', '2026-05-05', 'HOLIDAY', '劳动节'],
      ['2026-05-09', '2026-05-09', 'WORKDAY', '劳动节调休'],
      ['2026-06-19', '2026-06-21', 'HOLIDAY', '端午节'],
      ['2026-09-20', '2026-09-20', 'WORKDAY', '国庆节调休'],
      ['2026-09-25', '2026-09-27', 'HOLIDAY', '中秋节'],
      ['2026-10-01', '2026-10-07', 'HOLIDAY', '国庆节'],
      ['2026-10-10', '2026-10-10', 'WORKDAY', '国庆节调休'],
    ];
    for (const [from, to, kind, name] of holidays) {
      const year = from.slice(0, 4);
      this.addSql(`
        insert into calendar_day (day, kind, name, source)
        select d::date, '${kind}', '${name}', '国务院办公厅关于${year}年部分节假日安排的通知'
          from generate_series('${from}'::date, '${to}'::date, interval '1 day') d`);
    }
    this.addSql(`
      create function is_working_day(p_day date) returns boolean language sql stable parallel safe as $$
        select coalesce((select kind = 'WORKDAY' from calendar_day where day = p_day),
                        extract(isodow from p_day) < 6)
      $$`);
    // The last day of a notice of p_days days starting on p_start (both counted), in calendar days
    // or in working days (a notice starting on a rest day starts counting on the next working day).
    this.addSql(`
      create function notice_end(p_start date, p_days integer, p_kind text) returns date
        language plpgsql stable parallel safe as $$
        declare day date := p_start; counted integer := 0;
        begin
          if p_days < 1 then raise exception 'notice days must be positive' using errcode = '22023'; end if;
          if p_kind = 'CALENDAR' then return p_start + p_days - 1; end if;
          loop
            if is_working_day(day) then
              counted := counted + 1;
              exit when counted = p_days;
            end if;
            day := day + 1;
          end loop;
          return day;
        end $$`);

    // ---- programs and standards ------------------------------------------------------------------
    this.addSql(`
      create table program (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        region_path ltree not null,
        code text not null check (code ~ '^[A-Z][A-Z0-9-]{1,39}$'),
        name text not null check (length(name) between 2 and 100),
        kind text not null check (kind in ('REWARD_ASSISTANCE', 'SPECIAL_ASSISTANCE', 'ONLY_CHILD_PARENT_REWARD',
          'CARE_PAYMENT', 'EMERGENCY_AID', 'STUDY_GRANT')),
        funding_tier text not null check (funding_tier in ('NATIONAL', 'PROVINCIAL', 'COUNTY', 'TOWNSHIP')),
        amount_unit text not null check (amount_unit in ('PER_PERSON_YEAR', 'PER_PERSON_MONTH', 'PER_EVENT')),
        -- What one payment covers: a year ('2026') or a month ('2026-03').
        payment_period text not null check (payment_period in ('YEAR', 'MONTH')),
        -- Whether taking part reveals that a family lost its only child or the child is disabled.
        sensitive boolean not null default false,
        -- The variants a standard may differ by (e.g. DIED_RURAL), '{DEFAULT}' when it does not.
        variants text[] not null default '{DEFAULT}' check (cardinality(variants) between 1 and 8),
        eligibility jsonb not null default '{}' check (jsonb_typeof(eligibility) = 'object'),
        -- Evidence kinds a submission must carry, by enrollment kind: {"NEW": [...], "CONTINUING": [...]}.
        required_evidence jsonb not null default '{}' check (jsonb_typeof(required_evidence) = 'object'),
        notice_days integer not null default 7 check (notice_days between 1 and 30),
        notice_day_kind text not null default 'CALENDAR' check (notice_day_kind in ('CALENDAR', 'WORKING')),
        objection_office text not null check (length(objection_office) between 2 and 100),
        objection_phone text not null check (objection_phone ~ '^(0[0-9]{2,3}-[0-9]{7,8}|1[3-9][0-9]{9}|12345)$'),
        min_amount_fen bigint not null check (min_amount_fen > 0),
        max_amount_fen bigint not null check (max_amount_fen <= 10000000),
        source_document text not null check (length(source_document) between 2 and 200),
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        -- A code names a program within its county: every county may load the same catalogue.
        unique (region_id, code),
        check (min_amount_fen <= max_amount_fen),
        -- Special assistance always, and any program whose rules look at the sensitive household
        -- statuses (care payments to the same families): \`programIsSensitive\` in TypeScript.
        -- Guaranteed here, so every query may trust the column.
        check (sensitive or not (kind = 'SPECIAL_ASSISTANCE'
          or jsonb_array_length(coalesce(eligibility -> 'householdSensitiveStatuses', '[]')) > 0
          or coalesce(eligibility -> 'variantBy', '[]') @> '["SENSITIVE_STATUS"]'))
      )`);
    this.addSql(`
      create table program_standard (
        id uuid primary key default gen_random_uuid(),
        program_id uuid not null references program (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        variant text not null default 'DEFAULT' check (variant ~ '^[A-Z][A-Z_]{0,29}$'),
        effective_from date not null,
        -- The first day it no longer applies; null while in force.
        effective_until date,
        amount_fen bigint not null check (amount_fen > 0 and amount_fen <= 10000000),
        source_document text not null check (length(source_document) between 2 and 200),
        created_by uuid,
        created_at timestamptz not null default now(),
        check (effective_until is null or effective_until > effective_from),
        exclude using gist (program_id with =, variant with =,
                            daterange(effective_from, effective_until, '[)') with &&)
      )`);
    this.addSql(
      `create index program_standard_program on program_standard (program_id, variant, effective_from)`,
    );
    this.addSql(`
      create function program_standard_guard() returns trigger language plpgsql as $$
      declare p program; months integer;
      begin
        select * into p from program where id = new.program_id;
        months := (case when p.amount_unit = 'PER_PERSON_MONTH' and p.payment_period = 'YEAR' then 12 else 1 end);
        if not (new.variant = any (p.variants)) then
          raise exception 'variant % is not one of the program''s', new.variant using errcode = '23514';
        end if;
        if new.amount_fen * months not between p.min_amount_fen and p.max_amount_fen then
          raise exception 'standard outside the program''s bounds' using errcode = '23514';
        end if;
        new.region_id := p.region_id;
        return new;
      end $$`);
    this.addSql(`
      create trigger program_standard_guard before insert or update on program_standard
        for each row execute function program_standard_guard()`);

    // ---- enrollments, notices, objections --------------------------------------------------------
    this.addSql(`
      create table notice (
        id uuid primary key default gen_random_uuid(),
        program_id uuid not null references program (id),
        year integer not null check (year between 2000 and 2200),
        region_id uuid not null references region (id),
        region_path ltree not null,
        starts_on date not null,
        ends_on date not null,
        objection_office text not null check (length(objection_office) between 2 and 100),
        objection_phone text not null check (objection_phone ~ '^(0[0-9]{2,3}-[0-9]{7,8}|1[3-9][0-9]{9}|12345)$'),
        status text not null default 'OPEN' check (status in ('OPEN', 'CONFIRMED')),
        opened_by uuid not null,
        opened_at timestamptz not null default now(),
        confirmed_by uuid,
        confirmed_at timestamptz,
        sensitive boolean not null default false,
        version integer not null default 1,
        check (ends_on >= starts_on),
        check ((status = 'CONFIRMED') = (confirmed_by is not null))
      )`);
    this.addSql(`
      create table enrollment (
        id uuid primary key default gen_random_uuid(),
        program_id uuid not null references program (id),
        person_id uuid not null references person (id),
        year integer not null check (year between 2000 and 2200),
        region_id uuid not null references region (id),
        region_path ltree not null,
        kind text not null check (kind in ('NEW', 'CONTINUING', 'EXITED')),
        exit_reason text check (exit_reason in ('DEATH', 'INELIGIBLE', 'MOVED')),
        variant text not null default 'DEFAULT',
        evidence jsonb not null default '[]' check (jsonb_typeof(evidence) = 'array'),
        status text not null default 'SUBMITTED' check (status in ('SUBMITTED', 'REVIEWED', 'APPROVED', 'IN_NOTICE',
          'CONFIRMED', 'REJECTED')),
        submitted_by uuid not null,
        submitted_at timestamptz not null default now(),
        reviewed_by uuid,
        reviewed_at timestamptz,
        approved_by uuid,
        approved_at timestamptz,
        rejected_by uuid,
        rejected_at timestamptz,
        rejection_reason text check (length(rejection_reason) between 2 and 500),
        notice_id uuid references notice (id),
        -- The opaque token an objection names instead of the person (printed on the public list).
        objection_token text not null unique default replace(gen_random_uuid()::text, '-', ''),
        sensitive boolean not null default false,
        version integer not null default 1,
        unique (program_id, person_id, year),
        check ((kind = 'EXITED') = (exit_reason is not null)),
        check ((status = 'REJECTED') = (rejected_by is not null and rejection_reason is not null)),
        check (status in ('SUBMITTED', 'REJECTED') or reviewed_by is not null),
        check (status not in ('APPROVED', 'IN_NOTICE', 'CONFIRMED') or approved_by is not null),
        check (status not in ('IN_NOTICE', 'CONFIRMED') or notice_id is not null),
        check (reviewed_by is null or reviewed_by <> submitted_by),
        check (approved_by is null or (approved_by <> submitted_by and approved_by <> reviewed_by))
      )`);
    this.addSql(`create index enrollment_program_year on enrollment (program_id, year, status)`);
    this.addSql(`create index enrollment_person on enrollment (person_id)`);
    this.addSql(`create index enrollment_notice on enrollment (notice_id)`);
    this.addSql(`create index enrollment_region_path on enrollment using gist (region_path)`);

    // Who may take each step, and that nothing else about a submission changes on the way.
    this.addSql(`
      create function enrollment_guard() returns trigger language plpgsql as $$
      declare
        p program;
        missing text[];
        role text := app_user_role();
        me uuid := app_user_id();
      begin
        select * into p from program where id = new.program_id;
        new.sensitive := p.sensitive;
        if tg_op = 'INSERT' or (old.status = 'REJECTED' and new.status = 'SUBMITTED') then
          if new.status <> 'SUBMITTED' or new.submitted_by is distinct from me
             or role not in ('VILLAGE_CLERK', 'TOWNSHIP_ADMIN', 'COUNTY_ADMIN') then
            raise exception 'an enrollment is submitted by its submitter' using errcode = '42501';
          end if;
          if not (new.variant = any (p.variants)) then
            raise exception 'variant % is not one of the program''s', new.variant using errcode = '23514';
          end if;
          select array_agg(k) into missing
            from jsonb_array_elements_text(coalesce(p.required_evidence -> new.kind, '[]')) k
           where not exists (select from jsonb_array_elements(new.evidence) e where e ->> 'kind' = k);
          if missing is not null then
            raise exception 'evidence missing: %', array_to_string(missing, ', ') using errcode = '23514';
          end if;
          new.region_id := (select region_id from person where id = new.person_id);
          new.reviewed_by := null; new.reviewed_at := null; new.approved_by := null; new.approved_at := null;
          new.rejected_by := null; new.rejected_at := null; new.rejection_reason := null; new.notice_id := null;
          if tg_op = 'UPDATE' then
            new.submitted_at := now();
            if (new.program_id, new.person_id, new.year) is distinct from (old.program_id, old.person_id, old.year) then
              raise exception 'a resubmission concerns the same person, program and year' using errcode = '42501';
            end if;
          end if;
          return new;
        end if;

        if (new.program_id, new.person_id, new.year, new.kind, new.exit_reason, new.variant, new.evidence,
            new.submitted_by, new.submitted_at, new.objection_token, new.region_id)
           is distinct from
           (old.program_id, old.person_id, old.year, old.kind, old.exit_reason, old.variant, old.evidence,
            old.submitted_by, old.submitted_at, old.objection_token, old.region_id) then
          raise exception 'a submitted enrollment is changed only by resubmitting it' using errcode = '42501';
        end if;
        if old.status = new.status then
          raise exception 'enrollment status % does not change by itself', old.status using errcode = '42501';
        end if;
        if old.status = 'SUBMITTED' and new.status = 'REVIEWED' then
          if role not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') or new.reviewed_by is distinct from me
             or me = old.submitted_by then
            raise exception 'an enrollment is reviewed by a township or county admin other than its submitter'
              using errcode = '42501';
          end if;
          new.reviewed_at := now();
        elsif old.status = 'REVIEWED' and new.status = 'APPROVED' then
          if role <> 'COUNTY_ADMIN' or new.approved_by is distinct from me
             or me in (old.submitted_by, old.reviewed_by) then
            raise exception 'an enrollment is approved by a county admin other than its submitter and reviewer'
              using errcode = '42501';
          end if;
          new.approved_at := now();
        elsif old.status = 'APPROVED' and new.status = 'IN_NOTICE' then
          if new.notice_id is null or not exists (
               select from notice n where n.id = new.notice_id and n.status = 'OPEN'
                  and n.program_id = new.program_id and n.year = new.year and new.region_path <@ n.region_path) then
            raise exception 'an enrollment goes into an open notice of its program, year and region'
              using errcode = '42501';
          end if;
        elsif old.status = 'IN_NOTICE' and new.status in ('CONFIRMED', 'REJECTED') then
          if not exists (select from notice n where n.id = old.notice_id and n.status = 'CONFIRMED') then
            raise exception 'an enrollment is confirmed or struck off when its notice is confirmed'
              using errcode = '42501';
          end if;
          if new.status = 'REJECTED' then
            new.rejected_by := me; new.rejected_at := now();
          end if;
        elsif old.status in ('SUBMITTED', 'REVIEWED', 'APPROVED') and new.status = 'REJECTED' then
          if role not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') or me = old.submitted_by
             or new.rejected_by is distinct from me then
            raise exception 'an enrollment is sent back by a township or county admin other than its submitter'
              using errcode = '42501';
          end if;
          new.rejected_at := now();
        else
          raise exception 'enrollment cannot go from % to %', old.status, new.status using errcode = '42501';
        end if;
        if new.notice_id is distinct from old.notice_id and old.status <> 'APPROVED' then
          raise exception 'an enrollment''s notice is set once' using errcode = '42501';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger enrollment_guard before insert or update on enrollment
        for each row execute function enrollment_guard()`);

    this.addSql(`
      create table objection (
        id uuid primary key default gen_random_uuid(),
        notice_id uuid not null references notice (id),
        enrollment_id uuid not null references enrollment (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        received_on date not null,
        channel text not null check (channel in ('PHONE', 'VISIT', 'LETTER', 'ONLINE')),
        -- Internal only, never published: what the objector said, in the recorder's words.
        summary text not null check (length(summary) between 2 and 1000),
        status text not null default 'OPEN' check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
        resolution text check (length(resolution) between 2 and 1000),
        recorded_by uuid not null,
        recorded_at timestamptz not null default now(),
        resolved_by uuid,
        resolved_at timestamptz,
        sensitive boolean not null default false,
        version integer not null default 1,
        check ((status = 'OPEN') = (resolved_by is null)),
        check ((status = 'OPEN') = (resolution is null))
      )`);
    this.addSql(`create index objection_notice on objection (notice_id, status)`);
    this.addSql(`create index objection_enrollment on objection (enrollment_id)`);
    this.addSql(`
      create function objection_guard() returns trigger language plpgsql as $$
      declare n notice; e enrollment;
      begin
        if tg_op = 'INSERT' then
          select * into n from notice where id = new.notice_id;
          select * into e from enrollment where id = new.enrollment_id;
          if e.notice_id is distinct from n.id or e.status <> 'IN_NOTICE' then
            raise exception 'an objection names a person on the notice' using errcode = '23514';
          end if;
          if n.status <> 'OPEN' or new.received_on < n.starts_on or new.received_on > n.ends_on
             or new.received_on > china_today() then
            raise exception 'an objection is received while its notice runs' using errcode = '23514';
          end if;
          new.region_id := e.region_id;
          new.sensitive := e.sensitive;
          new.status := 'OPEN'; new.resolved_by := null; new.resolved_at := null; new.resolution := null;
          new.recorded_by := app_user_id();
          return new;
        end if;
        if (new.notice_id, new.enrollment_id, new.received_on, new.channel, new.summary, new.recorded_by)
           is distinct from (old.notice_id, old.enrollment_id, old.received_on, old.channel, old.summary, old.recorded_by)
           or old.status <> 'OPEN' or new.status = 'OPEN' then
          raise exception 'an objection is resolved once and otherwise never changed' using errcode = '42501';
        end if;
        if app_user_role() not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') or new.resolved_by is distinct from app_user_id() then
          raise exception 'an objection is resolved by a township or county admin' using errcode = '42501';
        end if;
        new.resolved_at := now();
        return new;
      end $$`);
    this.addSql(`
      create trigger objection_guard before insert or update on objection
        for each row execute function objection_guard()`);

    this.addSql(`
      create function notice_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          if app_user_role() not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') or new.opened_by is distinct from app_user_id() then
            raise exception 'a notice is opened by a township or county admin' using errcode = '42501';
          end if;
          new.sensitive := (select sensitive from program where id = new.program_id);
          new.status := 'OPEN'; new.confirmed_by := null; new.confirmed_at := null;
          return new;
        end if;
        if (new.program_id, new.year, new.region_id, new.starts_on, new.ends_on, new.objection_office,
            new.objection_phone, new.opened_by, new.opened_at)
           is distinct from (old.program_id, old.year, old.region_id, old.starts_on, old.ends_on,
                             old.objection_office, old.objection_phone, old.opened_by, old.opened_at)
           or old.status <> 'OPEN' or new.status <> 'CONFIRMED' then
          raise exception 'a notice is confirmed once and otherwise never changed' using errcode = '42501';
        end if;
        if app_user_role() not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') or new.confirmed_by is distinct from app_user_id() then
          raise exception 'a notice is confirmed by a township or county admin' using errcode = '42501';
        end if;
        if china_today() <= old.ends_on then
          raise exception 'a notice is confirmed after it ends' using errcode = '23514';
        end if;
        if exists (select from objection o where o.notice_id = old.id and o.status = 'OPEN') then
          raise exception 'every objection is resolved before the roll is confirmed' using errcode = '23514';
        end if;
        new.confirmed_at := now();
        return new;
      end $$`);
    this.addSql(`
      create trigger notice_guard before insert or update on notice
        for each row execute function notice_guard()`);

    // ---- payees ----------------------------------------------------------------------------------
    // The account a person is paid into (惠民惠农"一卡通"): personal data, shown masked.
    this.addSql(`
      create table person_account (
        person_id uuid primary key references person (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        bank text not null check (length(bank) between 2 and 60),
        account_number text not null check (account_number ~ '^[0-9]{12,30}$'),
        updated_by uuid,
        updated_at timestamptz not null default now(),
        version integer not null default 1
      )`);
    this.addSql(`
      create table payee_proxy (
        id uuid primary key default gen_random_uuid(),
        person_id uuid not null references person (id),
        proxy_person_id uuid not null references person (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        reason text not null check (length(reason) between 2 and 200),
        status text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REVOKED')),
        created_by uuid not null,
        created_at timestamptz not null default now(),
        approved_by uuid,
        approved_at timestamptz,
        revoked_by uuid,
        revoked_at timestamptz,
        version integer not null default 1,
        check (proxy_person_id <> person_id),
        check (approved_by is null or approved_by <> created_by),
        check (status = 'PENDING' or approved_by is not null or status = 'REVOKED')
      )`);
    this.addSql(`
      create unique index payee_proxy_one_live on payee_proxy (person_id) where status in ('PENDING', 'APPROVED')`);
    this.addSql(`
      create function payee_proxy_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          new.region_id := (select region_id from person where id = new.person_id);
          new.created_by := app_user_id();
          new.status := 'PENDING'; new.approved_by := null; new.approved_at := null;
          return new;
        end if;
        if (new.person_id, new.proxy_person_id, new.reason, new.created_by)
           is distinct from (old.person_id, old.proxy_person_id, old.reason, old.created_by) then
          raise exception 'a proxy is approved or revoked, never changed' using errcode = '42501';
        end if;
        if old.status = 'PENDING' and new.status = 'APPROVED' then
          if new.approved_by is distinct from app_user_id() or new.approved_by = old.created_by
             or app_user_role() not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') then
            raise exception 'a proxy is approved by a township or county admin other than who registered it'
              using errcode = '42501';
          end if;
          new.approved_at := now();
        elsif old.status in ('PENDING', 'APPROVED') and new.status = 'REVOKED' then
          new.revoked_by := app_user_id(); new.revoked_at := now();
        else
          raise exception 'a proxy cannot go from % to %', old.status, new.status using errcode = '42501';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger payee_proxy_guard before insert or update on payee_proxy
        for each row execute function payee_proxy_guard()`);

    // ---- disbursement batches and the payment ledger -------------------------------------------
    this.addSql(`
      create table disbursement_batch (
        id uuid primary key default gen_random_uuid(),
        program_id uuid not null references program (id),
        period text not null check (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$'),
        region_id uuid not null references region (id),
        region_path ltree not null,
        -- REGULAR: built from the confirmed roll; CORRECTION: reissues of failed or returned payments.
        purpose text not null default 'REGULAR' check (purpose in ('REGULAR', 'CORRECTION')),
        status text not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED', 'EXPORTED')),
        line_count integer not null default 0 check (line_count >= 0),
        total_fen bigint not null default 0 check (total_fen >= 0),
        created_by uuid not null,
        created_at timestamptz not null default now(),
        approved_by uuid,
        approved_at timestamptz,
        exported_by uuid,
        exported_at timestamptz,
        file_name text,
        file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$'),
        file_bytes bytea,
        sensitive boolean not null default false,
        version integer not null default 1,
        check (approved_by is null or approved_by <> created_by),
        check ((status = 'DRAFT') = (approved_by is null)),
        check ((status = 'EXPORTED') = (file_sha256 is not null and file_bytes is not null and exported_by is not null))
      )`);
    this.addSql(`
      create unique index disbursement_batch_regular on disbursement_batch (program_id, period, region_id)
        where purpose = 'REGULAR'`);
    this.addSql(`create index disbursement_batch_region_path on disbursement_batch using gist (region_path)`);
    this.addSql(`
      create table payment (
        id uuid primary key default gen_random_uuid(),
        batch_id uuid not null references disbursement_batch (id),
        line_number integer not null check (line_number > 0),
        program_id uuid not null references program (id),
        period text not null,
        person_id uuid not null references person (id),
        enrollment_id uuid not null references enrollment (id),
        standard_id uuid not null references program_standard (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        payee_person_id uuid not null references person (id),
        proxy_id uuid references payee_proxy (id),
        bank text not null,
        account_number text not null check (account_number ~ '^[0-9]{12,30}$'),
        amount_fen bigint not null check (amount_fen <> 0),
        entry text not null check (entry in ('PAYMENT', 'REISSUE', 'REVERSAL')),
        -- A reissue names the failed, returned or reversed payment it replaces; a reversal the paid one it undoes.
        corrects_id uuid references payment (id),
        -- Why a reversal or reissue was made (internal; never published).
        correction_reason text check (length(correction_reason) between 2 and 200),
        status text not null default 'PLANNED' check (status in ('PLANNED', 'EXPORTED', 'PAID', 'FAILED', 'RETURNED',
          'REVERSED', 'BOOKED')),
        bank_reference text check (length(bank_reference) between 1 and 60),
        failure_reason text check (length(failure_reason) between 1 and 200),
        settled_at timestamptz,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        sensitive boolean not null default false,
        unique (batch_id, line_number),
        check ((entry = 'REVERSAL') = (amount_fen < 0)),
        check ((entry = 'PAYMENT') = (corrects_id is null)),
        check (entry <> 'REVERSAL' or correction_reason is not null),
        check ((entry = 'REVERSAL') = (status = 'BOOKED')),
        check ((payee_person_id = person_id) = (proxy_id is null))
      )`);
    // The guarantee, whatever the code path: one live payment per beneficiary, program and period.
    this.addSql(`
      create unique index payment_one_live on payment (person_id, program_id, period)
        where entry in ('PAYMENT', 'REISSUE') and status in ('PLANNED', 'EXPORTED', 'PAID')`);
    this.addSql(`create unique index payment_one_reversal on payment (corrects_id) where entry = 'REVERSAL'`);
    this.addSql(`create unique index payment_one_reissue on payment (corrects_id) where entry = 'REISSUE'`);
    this.addSql(`create index payment_batch on payment (batch_id, status)`);
    this.addSql(`create index payment_region_path on payment using gist (region_path)`);
    this.addSql(`
      create table payment_event (
        id bigint generated always as identity primary key,
        payment_id uuid not null references payment (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        from_status text,
        to_status text not null,
        at timestamptz not null default now(),
        by_user uuid not null,
        -- The bank return file (its sha256) a settlement came from.
        source_sha256 text,
        sensitive boolean not null default false
      )`);
    this.addSql(`create index payment_event_payment on payment_event (payment_id, id)`);

    this.addSql(`
      create function disbursement_batch_guard() returns trigger language plpgsql as $$
      declare role text := app_user_role(); me uuid := app_user_id();
      begin
        if tg_op = 'INSERT' then
          if role not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') or new.created_by is distinct from me then
            raise exception 'a batch is made by a township or county admin' using errcode = '42501';
          end if;
          new.sensitive := (select sensitive from program where id = new.program_id);
          new.status := 'DRAFT'; new.approved_by := null; new.exported_by := null;
          new.file_sha256 := null; new.file_bytes := null; new.file_name := null;
          return new;
        end if;
        if (new.program_id, new.period, new.region_id, new.purpose, new.created_by, new.created_at)
           is distinct from (old.program_id, old.period, old.region_id, old.purpose, old.created_by, old.created_at) then
          raise exception 'a batch''s program, period, region and maker never change' using errcode = '42501';
        end if;
        if old.status = 'DRAFT' and new.status = 'DRAFT' then
          -- Only the line totals move while lines are added.
          if (new.approved_by, new.exported_by, new.file_sha256) is distinct from (null::uuid, null::uuid, null::text) then
            raise exception 'a draft batch is not approved or exported' using errcode = '42501';
          end if;
        elsif old.status = 'DRAFT' and new.status = 'APPROVED' then
          if role not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') or new.approved_by is distinct from me
             or me = old.created_by then
            raise exception 'a batch is approved by a township or county admin other than its maker'
              using errcode = '42501';
          end if;
          if (new.line_count, new.total_fen) is distinct from (old.line_count, old.total_fen)
             or (select (count(*), coalesce(sum(amount_fen), 0)) from payment where batch_id = old.id)
                is distinct from (old.line_count::bigint, old.total_fen::numeric) then
            raise exception 'a batch''s totals are its lines'' totals' using errcode = '23514';
          end if;
          new.approved_at := now();
        elsif old.status = 'APPROVED' and new.status = 'EXPORTED' then
          if role not in ('TOWNSHIP_ADMIN', 'COUNTY_ADMIN') or new.exported_by is distinct from me
             or new.file_sha256 is distinct from encode(sha256(new.file_bytes), 'hex')
             or (new.approved_by, new.approved_at, new.line_count, new.total_fen)
                is distinct from (old.approved_by, old.approved_at, old.line_count, old.total_fen) then
            raise exception 'a batch is exported once, by an admin, with the file''s true hash' using errcode = '42501';
          end if;
          new.exported_at := now();
        else
          raise exception 'a batch cannot go from % to %', old.status, new.status using errcode = '42501';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger disbursement_batch_guard before insert or update on disbursement_batch
        for each row execute function disbursement_batch_guard()`);
    // Whether an account is the one recorded for a person. A definer, because a proxy's account may
    // lie outside the caller's sight; it answers yes or no and never gives a number away.
    this.addSql(`
      create function payee_account_matches(p_person uuid, p_bank text, p_account text) returns boolean
        language sql stable security definer set search_path = public, pg_temp as $$
          select exists (select from person_account a
                          where a.person_id = p_person and a.bank = p_bank and a.account_number = p_account)
      $$`);
    this.addSql(`
      create function payment_guard() returns trigger language plpgsql as $$
      declare
        b disbursement_batch;
        p program;
        original payment;
        me uuid := app_user_id();
      begin
        if tg_op = 'DELETE' then
          raise exception 'payments are never deleted' using errcode = '42501';
        end if;
        if tg_op = 'INSERT' then
          select * into b from disbursement_batch where id = new.batch_id for update;
          select * into p from program where id = b.program_id;
          if b.status <> 'DRAFT' then
            raise exception 'lines are added to a draft batch only' using errcode = '42501';
          end if;
          if me is distinct from b.created_by then
            raise exception 'lines are added by the batch''s maker' using errcode = '42501';
          end if;
          if (new.program_id, new.period) is distinct from (b.program_id, b.period)
             or not coalesce((select r.path from person x join region r on r.id = x.region_id where x.id = new.person_id)
                             <@ b.region_path, false) then
            raise exception 'a line belongs to its batch''s program, period and region' using errcode = '23514';
          end if;
          if abs(new.amount_fen) not between p.min_amount_fen and p.max_amount_fen then
            raise exception 'amount outside the program''s bounds' using errcode = '23514';
          end if;
          -- A reversal undoes what was paid, to whoever it was paid: its proxy may since be revoked.
          if new.entry <> 'REVERSAL' then
            if new.proxy_id is not null and not exists (
                 select from payee_proxy x where x.id = new.proxy_id and x.status = 'APPROVED'
                    and x.person_id = new.person_id and x.proxy_person_id = new.payee_person_id) then
              raise exception 'the payee is the beneficiary or their approved proxy' using errcode = '23514';
            end if;
            if not payee_account_matches(new.payee_person_id, new.bank, new.account_number) then
              raise exception 'a payment goes to the payee''s recorded account' using errcode = '23514';
            end if;
          end if;
          if new.entry = 'PAYMENT' then
            if (b.purpose <> 'REGULAR') or not exists (
                 select from enrollment e where e.id = new.enrollment_id and e.status = 'CONFIRMED'
                    and e.kind in ('NEW', 'CONTINUING') and e.person_id = new.person_id
                    and e.program_id = new.program_id and e.year = left(new.period, 4)::integer) then
              raise exception 'a payment follows a confirmed enrollment' using errcode = '23514';
            end if;
          else
            select * into original from payment where id = new.corrects_id for update;
            if (original.person_id, original.program_id, original.period, original.enrollment_id)
               is distinct from (new.person_id, new.program_id, new.period, new.enrollment_id) then
              raise exception 'a correction concerns the same beneficiary, program and period' using errcode = '23514';
            end if;
            if new.entry = 'REISSUE' and (b.purpose <> 'CORRECTION' or original.entry = 'REVERSAL'
                 or original.status not in ('FAILED', 'RETURNED', 'REVERSED') or new.amount_fen <> original.amount_fen) then
              raise exception 'a reissue replaces a failed, returned or reversed payment, for the same amount'
                using errcode = '23514';
            end if;
            if new.entry = 'REVERSAL' and (original.status <> 'PAID' or original.entry = 'REVERSAL'
                 or new.amount_fen <> -original.amount_fen) then
              raise exception 'a reversal undoes a paid payment, to the fen' using errcode = '23514';
            end if;
          end if;
          new.region_id := (select region_id from person where id = new.person_id);
          new.sensitive := p.sensitive;
          new.created_by := me;
          new.status := case when new.entry = 'REVERSAL' then 'BOOKED' else 'PLANNED' end;
          new.bank_reference := null; new.failure_reason := null; new.settled_at := null;
          return new;
        end if;
        -- An update is a status moving forward; nothing else about a payment ever changes.
        if (new.batch_id, new.line_number, new.program_id, new.period, new.person_id, new.enrollment_id,
            new.standard_id, new.payee_person_id, new.proxy_id, new.bank, new.account_number, new.amount_fen,
            new.entry, new.corrects_id, new.correction_reason, new.created_by, new.created_at, new.region_id)
           is distinct from
           (old.batch_id, old.line_number, old.program_id, old.period, old.person_id, old.enrollment_id,
            old.standard_id, old.payee_person_id, old.proxy_id, old.bank, old.account_number, old.amount_fen,
            old.entry, old.corrects_id, old.correction_reason, old.created_by, old.created_at, old.region_id) then
          raise exception 'a payment is never edited: corrections are new entries' using errcode = '42501';
        end if;
        select * into b from disbursement_batch where id = old.batch_id;
        if not (
             (old.status = 'PLANNED' and new.status = 'EXPORTED' and b.status = 'EXPORTED')
          or (old.status = 'EXPORTED' and new.status in ('PAID', 'FAILED', 'RETURNED'))
          or (old.status = 'PAID' and new.status = 'REVERSED'
              and exists (select from payment r where r.corrects_id = old.id and r.entry = 'REVERSAL'))) then
          raise exception 'a payment cannot go from % to %', old.status, new.status using errcode = '42501';
        end if;
        if new.status in ('PAID', 'FAILED', 'RETURNED') then
          new.settled_at := now();
          if new.status <> 'PAID' and new.failure_reason is null then
            raise exception 'a failed or returned payment says why' using errcode = '23514';
          end if;
        end if;
        insert into payment_event (payment_id, region_id, region_path, from_status, to_status, by_user,
                                   source_sha256, sensitive)
        values (old.id, old.region_id, old.region_path, old.status, new.status, me,
                nullif(current_setting('app.bank_file_sha256', true), ''), old.sensitive);
        return new;
      end $$`);
    this.addSql(`
      create trigger payment_guard before insert or update or delete on payment
        for each row execute function payment_guard()`);
    this.addSql(`
      create function payment_created() returns trigger language plpgsql as $$
      begin
        insert into payment_event (payment_id, region_id, region_path, from_status, to_status, by_user, sensitive)
        values (new.id, new.region_id, new.region_path, null, new.status, new.created_by, new.sensitive);
        return null;
      end $$`);
    this.addSql(`
      create trigger payment_created after insert on payment
        for each row execute function payment_created()`);

    // ---- idempotency -----------------------------------------------------------------------------
    // A money mutation's key and its first response: a replay returns that response; the same key
    // with other parameters is refused. Written in the mutation's own transaction, so a key exists
    // exactly when its effect does.
    this.addSql(`
      create table idempotency_key (
        user_id uuid not null,
        key text not null check (key ~ '^[A-Za-z0-9_-]{8,100}$'),
        operation text not null,
        request_sha256 text not null,
        response jsonb,
        created_at timestamptz not null default now(),
        primary key (user_id, key)
      )`);
    this.addSql(`alter table idempotency_key enable row level security`);
    this.addSql(`alter table idempotency_key force row level security`);
    this.addSql(`
      create policy idempotency_key_own on idempotency_key for all
        using (user_id = app_user_id()) with check (user_id = app_user_id())`);

    // ---- row-level security ----------------------------------------------------------------------
    // Programs, standards, notices and batches: visible in their region's subtree and above.
    for (const table of ['program', 'program_standard', 'notice', 'disbursement_batch']) {
      this.addSql(`
        create trigger ${table}_region_path before insert or update of region_id on ${table}
          for each row execute function set_region_path()`);
      this.addSql(`alter table ${table} enable row level security`);
      this.addSql(`alter table ${table} force row level security`);
    }
    this.addSql(`create policy program_read on program for select using ${SEES_REGION}`);
    this.addSql(`
      create policy program_read_standard on program_standard for select using ${SEES_REGION}`);
    for (const table of ['program', 'program_standard']) {
      this.addSql(`
        create policy ${table}_insert on ${table} for insert
          with check (region_path <@ app_scope() and app_user_role() = 'COUNTY_ADMIN')`);
      this.addSql(`
        create policy ${table}_update on ${table} for update
          using (region_path <@ app_scope() and app_user_role() = 'COUNTY_ADMIN')
          with check (region_path <@ app_scope() and app_user_role() = 'COUNTY_ADMIN')`);
    }
    for (const table of ['notice', 'disbursement_batch']) {
      this.addSql(`
        create policy ${table}_read on ${table} for select
          using (${SEES_REGION} and (not sensitive or app_reads_sensitive()))`);
      this.addSql(`
        create policy ${table}_insert on ${table} for insert
          with check (region_path <@ app_scope() and (not sensitive or app_writes_sensitive()))`);
      this.addSql(`
        create policy ${table}_update on ${table} for update
          using (region_path <@ app_scope() and (not sensitive or app_writes_sensitive()))
          with check (region_path <@ app_scope() and (not sensitive or app_writes_sensitive()))`);
    }
    // Rows about one person: in their village's subtree; sensitive ones only for those who may know.
    for (const table of ['enrollment', 'objection', 'payment', 'payment_event']) {
      this.addSql(`
        create trigger ${table}_region_path before insert or update of region_id on ${table}
          for each row execute function set_region_path()`);
      this.addSql(`alter table ${table} enable row level security`);
      this.addSql(`alter table ${table} force row level security`);
      this.addSql(`
        create policy ${table}_read on ${table} for select
          using (region_path <@ app_scope() and (not sensitive or app_reads_sensitive()))`);
      this.addSql(`
        create policy ${table}_insert on ${table} for insert
          with check (region_path <@ app_scope() and app_can_write() and (not sensitive or app_writes_sensitive()))`);
    }
    for (const table of ['enrollment', 'objection', 'payment']) {
      this.addSql(`
        create policy ${table}_update on ${table} for update
          using (region_path <@ app_scope() and app_can_write() and (not sensitive or app_writes_sensitive()))
          with check (region_path <@ app_scope() and app_can_write() and (not sensitive or app_writes_sensitive()))`);
    }
    for (const table of ['person_account', 'payee_proxy']) {
      for (const sql of scopedTableSql(table)) this.addSql(sql);
      this.addSql(`
        create policy ${table}_insert on ${table} for insert
          with check (region_path <@ app_scope() and app_can_write())`);
      this.addSql(`
        create policy ${table}_update on ${table} for update
          using (region_path <@ app_scope() and app_can_write())
          with check (region_path <@ app_scope() and app_can_write())`);
    }
    this.addSql(`
      create function person_account_region() returns trigger language plpgsql as $$
      begin
        new.region_id := (select region_id from person where id = new.person_id);
        new.region_path := (select path from region where id = new.region_id);
        return new;
      end $$`);
    this.addSql(`
      create trigger person_account_region before insert or update on person_account
        for each row execute function person_account_region()`);

    this.addSql(`
      grant select, insert, update on program, program_standard, notice, enrollment, objection, person_account,
        payee_proxy, disbursement_batch, payment to sunshine_app`);
    this.addSql(`grant select, insert on payment_event to sunshine_app`);
    this.addSql(`grant select, insert, update on idempotency_key to sunshine_app`);
    // Public reference data, read by any signed-in admin; under row-level security like every table
    // the app role reads, so a connection with no scope sees nothing at all.
    this.addSql(`alter table calendar_day enable row level security`);
    this.addSql(`alter table calendar_day force row level security`);
    this.addSql(`create policy calendar_day_read on calendar_day for select using (app_scope() is not null)`);
    this.addSql(`grant select on calendar_day to sunshine_app`);
    this.addSql(`
      grant execute on function china_today(), is_working_day(date),
        notice_end(date, integer, text), payee_account_matches(uuid, text, text) to sunshine_app`);
  }
}
