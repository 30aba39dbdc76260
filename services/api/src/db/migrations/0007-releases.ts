import { Migration } from '@mikro-orm/migrations';

/**
 * Releases (issue 5, "across releases"): each disclosure carries its de-identification policy,
 * approved with its text; each publication names the previous release of the same disclosure,
 * records the policy it ran under and its diff against that release.
 *
 * Rules the database keeps by itself:
 * - a policy never goes below the platform's floors (k ≥ 5; sensitive programs k ≥ 10, and never
 *   below k), and has exactly those two numbers;
 * - editing the policy drops the approval exactly as editing the text does: the editor becomes the
 *   drafter and a second admin must approve again, so a policy never runs unapproved;
 * - a publication carries the policy its disclosure has, and names as previous exactly the latest
 *   earlier release of the same disclosure (none only for the first): no run can skip the
 *   comparison with the previous release on which the isolation check rests;
 * - a new publication always has its diff.
 */
export class Migration0007Releases extends Migration {
  override name = '0007-releases';

  override async up(): Promise<void> {
    this.addSql(`
      create function disclosure_policy_valid(p jsonb) returns boolean language sql immutable parallel safe as $$
        select case
          when jsonb_typeof(p) = 'object' and p ?& array['k', 'sensitiveK'] and p - 'k' - 'sensitiveK' = '{}'::jsonb
               and jsonb_typeof(p -> 'k') = 'number' and jsonb_typeof(p -> 'sensitiveK') = 'number'
               and (p ->> 'k') ~ '^[0-9]{1,3}$' and (p ->> 'sensitiveK') ~ '^[0-9]{1,3}$'
            then (p ->> 'k')::int between 5 and 100 and (p ->> 'sensitiveK')::int between 10 and 100
                 and (p ->> 'sensitiveK')::int >= (p ->> 'k')::int
          else false
        end
      $$`);
    this.addSql(`
      alter table disclosure add column policy jsonb not null default '{"k": 5, "sensitiveK": 10}'
        constraint disclosure_policy_floors check (disclosure_policy_valid(policy))`);

    // As in 0001, plus the policy: what the approval covers is what runs.
    this.addSql(`
      create or replace function disclosure_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and (new.document, new.parameters, new.output_fields, new.region_id, new.policy)
             is distinct from (old.document, old.parameters, old.output_fields, old.region_id, old.policy) then
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
      alter table publication
        add column previous_publication_id uuid references publication (id),
        add column diff jsonb constraint publication_diff_object check (diff is null or jsonb_typeof(diff) = 'object'),
        add column policy jsonb not null default '{"k": 5, "sensitiveK": 10}'
          constraint publication_policy_floors check (disclosure_policy_valid(policy))`);
    this.addSql(`create index publication_previous on publication (previous_publication_id)`);

    this.addSql(`
      create or replace function publication_guard() returns trigger language plpgsql as $$
      begin
        if not exists (select from disclosure d where d.id = new.disclosure_id
                        and d.approved_sha256 = new.document_sha256 and d.policy = new.policy) then
          raise exception 'disclosure is not approved for this text and policy' using errcode = '42501';
        end if;
        if new.diff is null then
          raise exception 'a publication records its diff against the previous release' using errcode = '23514';
        end if;
        if new.previous_publication_id is distinct from (
             select p.id from publication p where p.disclosure_id = new.disclosure_id
              order by p.run_at desc, p.id desc limit 1) then
          raise exception 'a publication names the latest release of its disclosure as previous'
            using errcode = '23514';
        end if;
        return new;
      end $$`);
  }
}
