import { Migration } from '@mikro-orm/migrations';

/** The previous digest of the first row: 32 zero bytes. */
const GENESIS = `repeat('0', 64)`;

/**
 * The audit log becomes an append-only hash chain (issue 4, ADR 0007).
 *
 * - Each audit row gets a chain position `chain_seq`, the digest of the row before it
 *   `prev_sha256` and its own digest `row_sha256` = sha256(prev bytes || canonical text), where the
 *   canonical text is defined once, by `audit_event_sha256`, for the writer and the verifier alike.
 * - Positions are given at COMMIT, by a deferred constraint trigger that takes the one-row head
 *   (`audit_chain_head`) FOR UPDATE: the head's row lock serialises appenders only from their
 *   commit to its end, so chain order is commit order, a rolled-back transaction leaves no gap,
 *   and a long transaction (a publication run, an import) holds nobody up while it works.
 * - Nobody updates, deletes or truncates audit rows: the app role has no such privilege and may
 *   insert only the content columns (not `at`, not the chain); triggers refuse the owner too, except
 *   the chain trigger filling in a new row's chain columns. Maintenance disables the trigger
 *   by DDL, which is itself visible, and the verifier then reports what changed.
 * - `audit_chain_verify()` reports the first broken row; `audit_chain_head()` the head, which each
 *   publication run records and publishes.
 */
export class Migration0004AuditChain extends Migration {
  override name = '0004-audit-chain';

  override async up(): Promise<void> {
    this.addSql(`
      alter table audit_event
        add column chain_seq bigint,
        add column prev_sha256 text,
        add column row_sha256 text,
        add column chain_txid xid8,
        add constraint audit_event_chain_seq_key unique (chain_seq),
        add constraint audit_event_chain_digests check (
          prev_sha256 ~ '^[0-9a-f]{64}$' and row_sha256 ~ '^[0-9a-f]{64}$' and chain_seq > 0),
        add constraint audit_event_chain_complete check (
          (chain_seq is null) = (prev_sha256 is null) and (chain_seq is null) = (row_sha256 is null))`);
    // A record's history: audit rows of one entity.
    this.addSql(`create index audit_event_entity on audit_event (entity, entity_id)`);
    // The rows a committing transaction still has to chain (none once it has committed).
    this.addSql(`create index audit_event_unchained on audit_event (chain_txid) where chain_seq is null`);

    // The canonical text of an audit row at a chain position: a JSON array (RFC 8259, no
    // whitespace, as PostgreSQL's array_to_json and JavaScript's JSON.stringify both write it) of
    // strings or nulls, in this order: chain_seq, id, at (UTC, microseconds, e.g.
    // "2026-03-01T08:00:00.123456Z"), user_id, user_role, region_path, action, entity, entity_id,
    // before_sha256, after_sha256, request_id, sensitive ("true"/"false"). Every column but the
    // chain's own. Anyone holding the rows can recompute it, in any language.
    this.addSql(`
      create function audit_event_canonical(chain_seq bigint, e audit_event) returns text
        language sql stable parallel safe as $$
          select array_to_json(array[
            chain_seq::text, e.id::text, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            e.user_id::text, e.user_role, e.region_path::text, e.action, e.entity, e.entity_id,
            e.before_sha256, e.after_sha256, e.request_id, e.sensitive::text])::text
        $$`);
    // The one definition of a row's digest, used by the chain trigger, the backfill and the
    // verifier: sha256(the previous row's 32 digest bytes || the UTF-8 bytes of the canonical text).
    this.addSql(`
      create function audit_event_sha256(prev_sha256 text, chain_seq bigint, e audit_event) returns text
        language sql stable parallel safe as $$
          select encode(sha256(decode(prev_sha256, 'hex') || convert_to(audit_event_canonical(chain_seq, e), 'UTF8')), 'hex')
        $$`);

    this.addSql(`
      create table audit_chain_head (
        singleton boolean primary key default true check (singleton),
        seq bigint not null check (seq >= 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    this.addSql(`alter table audit_chain_head enable row level security`);
    this.addSql(`alter table audit_chain_head force row level security`);

    // Rows written before this migration join the chain in id order.
    this.addSql(`
      do $$
      declare
        head_seq bigint := 0;
        head_sha256 text := ${GENESIS};
        e audit_event;
      begin
        for e in select * from audit_event order by id loop
          head_seq := head_seq + 1;
          update audit_event
             set chain_seq = head_seq, prev_sha256 = head_sha256,
                 row_sha256 = audit_event_sha256(head_sha256, head_seq, e)
           where id = e.id
          returning row_sha256 into head_sha256;
        end loop;
        insert into audit_chain_head (seq, sha256) values (head_seq, head_sha256);
      end $$`);

    // Whatever a writer puts in the chain columns is dropped: only the chain trigger fills them.
    // `chain_txid` marks the row as this transaction's to chain at its commit.
    this.addSql(`
      create function audit_event_unchained() returns trigger language plpgsql as $$
      begin
        new.chain_seq := null;
        new.prev_sha256 := null;
        new.row_sha256 := null;
        new.chain_txid := pg_current_xact_id();
        return new;
      end $$`);
    this.addSql(`
      create trigger audit_event_unchained before insert on audit_event
        for each row execute function audit_event_unchained()`);

    // At commit, the transaction's first pending row's trigger chains all its rows, in id order, and
    // moves the head once; the other rows' triggers find theirs done. The head's row lock is held
    // to the end of the commit, so the next appender reads this head only once it is committed.
    this.addSql(`
      create function audit_event_chain() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $$
      declare
        head audit_chain_head;
        e audit_event;
      begin
        if not exists (select from audit_event where id = new.id and chain_seq is null) then
          return null;
        end if;
        select * into strict head from audit_chain_head for update;
        for e in select * from audit_event
                  where chain_txid = pg_current_xact_id() and chain_seq is null order by id loop
          head.seq := head.seq + 1;
          update audit_event
             set chain_seq = head.seq, prev_sha256 = head.sha256,
                 row_sha256 = audit_event_sha256(head.sha256, head.seq, e), chain_txid = null
           where id = e.id
          returning row_sha256 into head.sha256;
        end loop;
        update audit_chain_head set seq = head.seq, sha256 = head.sha256;
        return null;
      end $$`);
    this.addSql(`
      create constraint trigger audit_event_chain after insert on audit_event
        deferrable initially deferred for each row execute function audit_event_chain()`);

    // Append-only, for everyone: the only change ever made to an audit row is the chain trigger
    // filling in its chain columns, once.
    this.addSql(`
      create function audit_event_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          if pg_trigger_depth() > 1 and old.chain_seq is null
             and audit_event_canonical(0, new) = audit_event_canonical(0, old) then
            return new;
          end if;
        end if;
        raise exception 'audit_event is append-only (% refused)', tg_op using errcode = '42501';
      end $$`);
    this.addSql(`
      create trigger audit_event_append_only before update or delete on audit_event
        for each row execute function audit_event_append_only()`);
    this.addSql(`
      create trigger audit_event_no_truncate before truncate on audit_event
        for each statement execute function audit_event_append_only()`);
    this.addSql(`
      create function audit_chain_head_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and pg_trigger_depth() > 1 then
          return new;
        end if;
        raise exception 'audit_chain_head moves only with the chain (% refused)', tg_op using errcode = '42501';
      end $$`);
    this.addSql(`
      create trigger audit_chain_head_guard before insert or update or delete on audit_chain_head
        for each row execute function audit_chain_head_guard()`);
    this.addSql(`
      create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
        for each statement execute function audit_chain_head_guard()`);

    this.addSql(`
      create function audit_chain_head() returns table (seq bigint, sha256 text)
        language sql stable security definer set search_path = public, pg_temp as $$
          select h.seq, h.sha256 from audit_chain_head h
        $$`);

    // One statement, so one snapshot: the rows and the head agree. Set-based (a window over
    // chain_seq), it checks every row whatever the caller's scope (security definer) and returns
    // positions, ids and digests only. The first problem wins, in chain order; then the head; then
    // rows that never joined the chain.
    this.addSql(`
      create function audit_chain_verify()
        returns table (intact boolean, verified_rows bigint, head_seq bigint, head_sha256 text,
                       first_broken_seq bigint, first_broken_event_id bigint, problem text)
        language sql stable security definer set search_path = public, pg_temp as $$
          with chain as (
            select e.id, e.chain_seq, e.prev_sha256, e.row_sha256,
                   lag(e.chain_seq) over w as before_seq, lag(e.row_sha256) over w as before_sha256,
                   audit_event_sha256(e.prev_sha256, e.chain_seq, e) as expected_sha256
              from audit_event e
             where e.chain_seq is not null
            window w as (order by e.chain_seq)),
          checked as (
            select chain_seq, id, row_sha256,
                   case when chain_seq <> coalesce(before_seq, 0) + 1 then 'GAP'
                        when prev_sha256 is distinct from coalesce(before_sha256, ${GENESIS}) then 'PREV_LINK'
                        when row_sha256 is distinct from expected_sha256 then 'ROW_HASH' end as problem
              from chain),
          totals as (
            select count(*) as chained, max(chain_seq) as last_seq from checked),
          last_row as (
            select c.chain_seq, c.id, c.row_sha256 from checked c, totals t where c.chain_seq = t.last_seq),
          head as (
            select h.seq, h.sha256 from audit_chain_head h),
          findings as (
            (select 1 as rank, c.chain_seq as seq, c.id, c.problem
               from checked c where c.problem is not null order by c.chain_seq limit 1)
            union all
            -- The last row is not the recorded head: rows were removed from the end, or the head moved.
            select 2, case when h.seq = coalesce(t.last_seq, 0) then h.seq
                           else least(h.seq, coalesce(t.last_seq, 0)) + 1 end,
                   case when h.seq = coalesce(t.last_seq, 0) then l.id end, 'HEAD'
              from head h cross join totals t left join last_row l on true
             where h.seq <> coalesce(t.last_seq, 0) or h.sha256 is distinct from coalesce(l.row_sha256, ${GENESIS})
            union all
            (select 3, null, e.id, 'UNCHAINED' from audit_event e where e.chain_seq is null order by e.id limit 1)),
          first_finding as (
            select * from findings order by rank limit 1)
          select f.problem is null,
                 case when f.rank = 1 then (select count(*) from checked c where c.chain_seq < f.seq)
                      else t.chained end,
                 h.seq, h.sha256, f.seq, f.id, f.problem
            from head h cross join totals t left join first_finding f on true
        $$`);

    // The app role appends content only, reads through its row-level policies, and reaches the
    // head and the verifier through the functions above.
    this.addSql(`revoke all on audit_event from sunshine_app`);
    this.addSql(`grant select on audit_event to sunshine_app`);
    this.addSql(`
      grant insert (user_id, user_role, region_path, action, entity, entity_id, before_sha256, after_sha256,
                    request_id, sensitive) on audit_event to sunshine_app`);
    this.addSql(`revoke all on audit_chain_head from public, sunshine_app`);
    this.addSql(`
      revoke all on function audit_event_chain(), audit_chain_head(), audit_chain_verify() from public`);
    this.addSql(`grant execute on function audit_chain_head(), audit_chain_verify() to sunshine_app`);

    // Each publication run records the head it saw, in the transaction that publishes.
    this.addSql(`
      alter table publication_run
        add column audit_chain_seq bigint,
        add column audit_chain_sha256 text check (audit_chain_sha256 ~ '^[0-9a-f]{64}$'),
        add constraint publication_run_audit_chain check (
          status <> 'SUCCEEDED' or (audit_chain_seq is not null and audit_chain_sha256 is not null)) not valid`);
  }
}
