import { Migration } from '@mikro-orm/migrations';
import { scopedTableSql } from './scoped-table.ts';

/**
 * Commendations (表彰): rounds such as "advanced units and individuals of the year"
 * (年度计生协工作先进集体和先进个人), issued by a county or township with a document number, and
 * their recipients (an association or a person) with a citation, an optional prize in fen and, for
 * a person, whether they consented to their full name being published.
 *
 * Rules the database keeps by itself (ADR 0003, ADR 0005):
 * - both tables follow the jurisdiction recipe; writes need a writing role inside the subtree;
 * - a round is issued at county or township level, and its region never changes;
 * - a recipient is exactly one association or one person; its region is theirs (the association's
 *   region, the person's registered region), filled in by trigger and kept by a composite foreign key
 *   for associations, and it lies within the round's region;
 * - a recipient is written only by someone who can see its round (a village clerk can never touch a
 *   county commendation of their village), and never moves to another round or recipient;
 * - an association is never "consenting": consent is a person's, and it is dated;
 * - a citation is published later, so it holds no long digit runs (ID, bank or phone numbers).
 */
export class Migration0006Awards extends Migration {
  override name = '0006-awards';

  override async up(): Promise<void> {
    this.addSql(`
      create table award_round (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        region_path ltree not null,
        title text not null check (length(title) between 2 and 200),
        year integer not null check (year between 1980 and 2200),
        issuing_body text not null check (length(issuing_body) between 2 and 100),
        -- 文号: issuer's abbreviation, the year in 〔〕, a serial number, 号 (青计协发〔2025〕3号).
        document_number text not null
          check (document_number ~ '^[^〔〕[:space:][:digit:]]{1,20}〔[0-9]{4}〕[1-9][0-9]{0,3}号$'),
        issued_on date not null check (issued_on >= date '1980-01-01'),
        created_by uuid not null,
        updated_by uuid not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        unique (region_id, year, document_number),
        constraint award_round_issuing_level check (nlevel(region_path) between 1 and 2),
        -- The commendation of a year is decided in that year or early in the next.
        constraint award_round_issued_for_year check (extract(year from issued_on)::int between year and year + 1),
        -- A document number carries the year it was issued.
        constraint award_round_document_year check (
          substring(document_number from '〔([0-9]{4})〕')::int = extract(year from issued_on)::int)
      )`);
    this.addSql(`create index award_round_region_path on award_round using gist (region_path)`);
    this.addSql(`create index award_round_issued_on on award_round (issued_on desc, id)`);
    this.addSql(`
      create function award_round_guard() returns trigger language plpgsql as $$
      begin
        if new.region_id <> old.region_id or new.created_by <> old.created_by then
          raise exception 'the issuing region and the creator of an award round never change'
            using errcode = '23514';
        end if;
        return new;
      end $$`);
    this.addSql(`
      create trigger award_round_guard before update on award_round
        for each row execute function award_round_guard()`);

    this.addSql(`
      create table award_recipient (
        id uuid primary key default gen_random_uuid(),
        round_id uuid not null references award_round (id),
        region_id uuid not null references region (id),
        region_path ltree not null,
        association_id uuid,
        person_id uuid references person (id),
        category text not null
          check (category in ('ADVANCED_UNIT', 'ADVANCED_INDIVIDUAL', 'EXCELLENT_MEMBER', 'EXCELLENT_VOLUNTEER')),
        citation text not null check (length(citation) between 2 and 500 and citation !~ '[0-9]{11}'),
        prize_fen bigint check (prize_fen between 0 and 10000000),
        name_publication_consent boolean not null default false,
        consent_recorded_on date check (consent_recorded_on >= date '1980-01-01'),
        created_by uuid not null,
        updated_by uuid not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        unique (round_id, association_id),
        unique (round_id, person_id),
        foreign key (association_id, region_id) references association (id, region_id),
        constraint award_recipient_one_recipient check (num_nonnulls(association_id, person_id) = 1),
        constraint award_recipient_category_fits check ((category = 'ADVANCED_UNIT') = (association_id is not null)),
        constraint award_recipient_consent_dated check (name_publication_consent = (consent_recorded_on is not null)),
        constraint award_recipient_consent_is_personal check (person_id is not null or not name_publication_consent)
      )`);
    this.addSql(`create index award_recipient_round on award_recipient (round_id)`);
    this.addSql(`create index award_recipient_region_path on award_recipient using gist (region_path)`);
    this.addSql(`create index award_recipient_person on award_recipient (person_id)`);
    this.addSql(`create index award_recipient_association on award_recipient (association_id)`);
    // The recipient's region is theirs, looked up with the caller's rights: an association or person
    // outside the caller's scope, or a round they cannot see, is refused. Sets region_path as well, so
    // the result does not depend on the order in which this and the region_path trigger fire.
    this.addSql(`
      create function award_recipient_guard() returns trigger language plpgsql as $$
      declare
        recipient_region uuid;
        recipient_path ltree;
        round_path ltree;
      begin
        if tg_op = 'UPDATE' then
          if new.round_id <> old.round_id or new.association_id is distinct from old.association_id
             or new.person_id is distinct from old.person_id or new.region_id <> old.region_id
             or new.created_by <> old.created_by then
            raise exception 'an award recipient never moves to another round, recipient or region'
              using errcode = '23514';
          end if;
          return new;
        end if;
        if new.association_id is not null then
          select a.region_id, a.region_path into recipient_region, recipient_path
            from association a where a.id = new.association_id;
        else
          select p.region_id, p.region_path into recipient_region, recipient_path
            from person p where p.id = new.person_id;
        end if;
        select r.region_path into round_path from award_round r where r.id = new.round_id;
        if recipient_region is null or round_path is null then
          raise exception 'the round or the recipient is outside the caller''s jurisdiction'
            using errcode = '42501';
        end if;
        if not recipient_path <@ round_path then
          raise exception 'an award recipient lies within the region of its round' using errcode = '23514';
        end if;
        new.region_id := recipient_region;
        new.region_path := recipient_path;
        return new;
      end $$`);
    this.addSql(`
      create trigger award_recipient_guard before insert or update on award_recipient
        for each row execute function award_recipient_guard()`);

    for (const table of ['award_round', 'award_recipient']) {
      for (const sql of scopedTableSql(table)) this.addSql(sql);
    }
    this.addSql(`
      create policy award_round_insert on award_round for insert
        with check (region_path <@ app_scope() and app_can_write() and created_by = app_user_id()
                    and updated_by = app_user_id())`);
    this.addSql(`
      create policy award_round_update on award_round for update
        using (region_path <@ app_scope() and app_can_write())
        with check (region_path <@ app_scope() and app_can_write() and updated_by = app_user_id())`);
    // A recipient's round must be visible to the writer too (the subquery runs under award_round's
    // row-level security): its region contains the recipient's, so this is the stricter scope.
    const roundInSight = 'exists (select from award_round r where r.id = award_recipient.round_id)';
    this.addSql(`
      create policy award_recipient_insert on award_recipient for insert
        with check (region_path <@ app_scope() and app_can_write() and ${roundInSight}
                    and created_by = app_user_id() and updated_by = app_user_id())`);
    this.addSql(`
      create policy award_recipient_update on award_recipient for update
        using (region_path <@ app_scope() and app_can_write() and ${roundInSight})
        with check (region_path <@ app_scope() and app_can_write() and ${roundInSight}
                    and updated_by = app_user_id())`);
    this.addSql(`
      create policy award_recipient_delete on award_recipient for delete
        using (region_path <@ app_scope() and app_can_write() and ${roundInSight})`);

    this.addSql(`grant select, insert, update on award_round to sunshine_app`);
    this.addSql(`grant select, insert, update, delete on award_recipient to sunshine_app`);
  }
}
