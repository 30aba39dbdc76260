import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { programIsSensitive } from '../programs/eligibility.ts';
import { copyRows } from './copy-rows.ts';
import { DEMO_AS_OF } from './demo-calendar.ts';
import { type DemoMoney, standardKey, timeOrderedUuids } from './demo-money.ts';

export interface DemoMoneyCounts {
  programs: number;
  enrollments: number;
  payments: number;
}

export interface DemoMoneyIds {
  personId(residentId: string): string;
  userId(username: string): string;
}

/**
 * Loads one county's money (see demo-money.ts) as the database owner, with COPY.
 *
 * Migration 0005's triggers enforce every workflow rule against `app_user_id()` and
 * `app_user_role()`, and stamp each step with `now()`. Walking four years of history through them
 * would take one statement per step and actor and date everything on the day of loading; so this
 * loads with `session_replication_role = replica`, which skips triggers (foreign keys included:
 * PostgreSQL implements them as triggers) for this transaction only. Everything the triggers would
 * have filled in is written here (region paths, `sensitive`, statuses and their actors, totals,
 * `payment_event` rows), and `checkDemoMoney` then re-checks, in SQL, every rule the triggers and
 * foreign keys would have enforced; the load fails if any row breaks one. Check constraints and
 * unique indexes (one live payment per person, program and period) hold throughout.
 *
 * Setting `session_replication_role` takes a superuser or, since PostgreSQL 15, a role granted
 * `SET ON PARAMETER session_replication_role`: the embedded cluster's owner is a superuser; an
 * owner given by DATABASE_URL needs that grant.
 */
export async function loadDemoMoney(
  client: pg.ClientBase,
  countyCode: string,
  money: DemoMoney,
  ids: DemoMoneyIds,
): Promise<DemoMoneyCounts> {
  const { rows: regionRows } = await client.query<{ code: string; id: string; path: string }>(
    `select r.code, r.id, r.path::text as path from region r
      where r.path <@ (select path from region where code = $1)`,
    [countyCode],
  );
  const regions = new Map(regionRows.map((r) => [r.code, r]));
  const region = (code: string) => must(regions, code);
  const countyPath = region(countyCode).path;
  const user = ids.userId;
  const person = ids.personId;

  await client.query('set local session_replication_role = replica');

  if (money.deaths.length > 0) {
    await client.query(
      `update person p set deceased_on = d.deceased_on, updated_by = d.by, updated_at = d.at, version = p.version + 1
         from unnest($1::uuid[], $2::date[], $3::uuid[], $4::timestamptz[]) as d(id, deceased_on, by, at)
        where p.id = d.id`,
      [
        money.deaths.map((d) => person(d.residentId)),
        money.deaths.map((d) => d.deceasedOn),
        money.deaths.map((d) => user(d.recordedByUsername)),
        money.deaths.map((d) => d.recordedAt),
      ],
    );
  }

  const programIds = new Map<string, string>();
  const sensitiveProgram = new Map<string, boolean>();
  await copyRows(
    client,
    'program',
    [
      'id',
      'region_id',
      'region_path',
      'code',
      'name',
      'kind',
      'funding_tier',
      'amount_unit',
      'payment_period',
      'sensitive',
      'variants',
      'eligibility',
      'required_evidence',
      'notice_days',
      'notice_day_kind',
      'objection_office',
      'objection_phone',
      'min_amount_fen',
      'max_amount_fen',
      'source_document',
      'created_by',
      'updated_by',
      'created_at',
      'updated_at',
    ],
    money.programs.map((p) => {
      const id = randomUUID();
      programIds.set(p.code, id);
      sensitiveProgram.set(p.code, programIsSensitive(p.entry.kind, p.entry.eligibility));
      const r = region(p.regionCode);
      const by = user(p.createdByUsername);
      return [
        id,
        r.id,
        r.path,
        p.code,
        p.entry.name,
        p.entry.kind,
        p.entry.fundingTier,
        p.entry.amountUnit,
        p.entry.paymentPeriod,
        programIsSensitive(p.entry.kind, p.entry.eligibility),
        p.entry.variants,
        JSON.stringify(p.entry.eligibility),
        JSON.stringify(p.entry.requiredEvidence),
        p.entry.noticeDays,
        p.entry.noticeDayKind,
        p.objectionOffice,
        p.objectionPhone,
        p.entry.minAmountFen,
        p.entry.maxAmountFen,
        p.entry.sourceDocument,
        by,
        by,
        p.createdAt,
        p.createdAt,
      ];
    }),
  );
  const programId = (code: string) => must(programIds, code);
  const sensitive = (code: string) => must(sensitiveProgram, code);

  const standardIds = new Map<string, string>();
  await copyRows(
    client,
    'program_standard',
    [
      'id',
      'program_id',
      'region_id',
      'region_path',
      'variant',
      'effective_from',
      'effective_until',
      'amount_fen',
      'source_document',
      'created_by',
      'created_at',
    ],
    money.programs.flatMap((p) =>
      p.entry.standards.map((s) => {
        const id = randomUUID();
        standardIds.set(standardKey(p.code, s.variant, s.effectiveFrom), id);
        const r = region(p.regionCode);
        return [
          id,
          programId(p.code),
          r.id,
          r.path,
          s.variant,
          s.effectiveFrom,
          s.effectiveUntil,
          s.amountFen,
          s.sourceDocument,
          user(p.createdByUsername),
          p.createdAt,
        ];
      }),
    ),
  );

  // A notice's last day comes from the database's calendar of working days (notice_end), and its
  // confirmation a few days after that: both computed in SQL.
  const noticeIds = money.notices.map(() => randomUUID());
  await client.query(
    `insert into notice (id, program_id, year, region_id, region_path, starts_on, ends_on, objection_office,
                         objection_phone, status, opened_by, opened_at, confirmed_by, confirmed_at, sensitive, version)
     select t.id, t.program_id, t.year, t.region_id, t.region_path::ltree, t.starts_on, e.ends_on, t.office, t.phone,
            case when t.confirmed_by is null then 'OPEN' else 'CONFIRMED' end, t.opened_by, t.opened_at,
            t.confirmed_by,
            case when t.confirmed_by is not null
                 then ((e.ends_on + t.after_days) + t.confirm_time::time) at time zone 'Asia/Shanghai' end,
            t.sensitive, case when t.confirmed_by is null then 1 else 2 end
       from unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::date[], $7::text[], $8::text[],
                   $9::uuid[], $10::timestamptz[], $11::uuid[], $12::int[], $13::text[], $14::boolean[])
            as t(id, program_id, year, region_id, region_path, starts_on, office, phone, opened_by, opened_at,
                 confirmed_by, after_days, confirm_time, sensitive)
       join program p on p.id = t.program_id
       cross join lateral (select notice_end(t.starts_on, p.notice_days, p.notice_day_kind) as ends_on) e`,
    [
      noticeIds,
      money.notices.map((n) => programId(n.programCode)),
      money.notices.map((n) => n.year),
      money.notices.map((n) => region(n.regionCode).id),
      money.notices.map((n) => region(n.regionCode).path),
      money.notices.map((n) => n.startsOn),
      money.notices.map((n) => n.objectionOffice),
      money.notices.map((n) => n.objectionPhone),
      money.notices.map((n) => user(n.openedByUsername)),
      money.notices.map((n) => n.openedAt),
      money.notices.map((n) => (n.confirm ? user(n.confirm.byUsername) : null)),
      money.notices.map((n) => n.confirm?.afterDays ?? null),
      money.notices.map((n) => n.confirm?.time ?? null),
      money.notices.map((n) => sensitive(n.programCode)),
    ],
  );

  const seed = randomBytes(16);
  const newId = timeOrderedUuids(
    [0, 4, 8, 12].map((at) => seed.readUInt32LE(at)) as [number, number, number, number],
  );
  const enrollmentIds = money.enrollments.map((e) => newId(e.submittedAt));
  const enrollments = await copyRows(
    client,
    'enrollment',
    [
      'id',
      'program_id',
      'person_id',
      'year',
      'region_id',
      'region_path',
      'kind',
      'exit_reason',
      'variant',
      'evidence',
      'status',
      'submitted_by',
      'submitted_at',
      'reviewed_by',
      'reviewed_at',
      'approved_by',
      'approved_at',
      'rejected_by',
      'rejection_reason',
      'notice_id',
      'sensitive',
      'version',
    ],
    (function* () {
      for (const [i, e] of money.enrollments.entries()) {
        const r = region(e.regionCode);
        yield [
          enrollmentIds[i]!,
          programId(e.programCode),
          person(e.residentId),
          e.year,
          r.id,
          r.path,
          e.kind,
          e.exitReason,
          e.variant,
          JSON.stringify(e.evidence),
          e.status,
          user(e.submittedByUsername),
          e.submittedAt,
          user(e.reviewedByUsername),
          e.reviewedAt,
          user(e.approvedByUsername),
          e.approvedAt,
          e.rejection ? user(e.rejection.byUsername) : null,
          e.rejection?.reason ?? null,
          noticeIds[e.notice]!,
          sensitive(e.programCode),
          // One version per step taken: submitted, reviewed, approved, in notice, confirmed or struck off.
          e.status === 'IN_NOTICE' ? 4 : 5,
        ];
      }
    })(),
  );
  // Struck off at the moment the notice was confirmed.
  await client.query(
    `update enrollment e set rejected_at = n.confirmed_at
       from notice n
      where n.id = e.notice_id and e.status = 'REJECTED' and e.rejected_at is null and e.region_path <@ $1::ltree`,
    [countyPath],
  );

  await copyRows(
    client,
    'objection',
    [
      'notice_id',
      'enrollment_id',
      'region_id',
      'region_path',
      'received_on',
      'channel',
      'summary',
      'status',
      'resolution',
      'recorded_by',
      'recorded_at',
      'resolved_by',
      'resolved_at',
      'sensitive',
      'version',
    ],
    money.objections.map((o) => {
      const e = money.enrollments[o.enrollment]!;
      const r = region(e.regionCode);
      return [
        noticeIds[e.notice]!,
        enrollmentIds[o.enrollment]!,
        r.id,
        r.path,
        o.receivedOn,
        o.channel,
        o.summary,
        o.resolution?.status ?? 'OPEN',
        o.resolution?.text ?? null,
        user(o.recordedByUsername),
        o.recordedAt,
        o.resolution ? user(o.resolution.byUsername) : null,
        o.resolution?.at ?? null,
        sensitive(e.programCode),
        o.resolution ? 2 : 1,
      ];
    }),
  );

  await copyRows(
    client,
    'person_account',
    [
      'person_id',
      'region_id',
      'region_path',
      'bank',
      'account_number',
      'updated_by',
      'updated_at',
      'version',
    ],
    money.accounts.map((a) => {
      const r = region(a.regionCode);
      return [
        person(a.residentId),
        r.id,
        r.path,
        a.bank,
        a.accountNumber,
        user(a.updatedByUsername),
        a.updatedAt,
        a.version,
      ];
    }),
  );

  const proxyIds = money.proxies.map(() => randomUUID());
  await copyRows(
    client,
    'payee_proxy',
    [
      'id',
      'person_id',
      'proxy_person_id',
      'region_id',
      'region_path',
      'reason',
      'status',
      'created_by',
      'created_at',
      'approved_by',
      'approved_at',
      'version',
    ],
    money.proxies.map((x, i) => {
      const r = region(x.regionCode);
      return [
        proxyIds[i]!,
        person(x.residentId),
        person(x.proxyResidentId),
        r.id,
        r.path,
        x.reason,
        'APPROVED',
        user(x.createdByUsername),
        x.createdAt,
        user(x.approvedByUsername),
        x.approvedAt,
        2,
      ];
    }),
  );

  const batchIds = money.batches.map((b) => b.id);
  await copyRows(
    client,
    'disbursement_batch',
    [
      'id',
      'program_id',
      'period',
      'region_id',
      'region_path',
      'purpose',
      'status',
      'line_count',
      'total_fen',
      'created_by',
      'created_at',
      'approved_by',
      'approved_at',
      'exported_by',
      'exported_at',
      'file_name',
      'file_sha256',
      'file_bytes',
      'sensitive',
      'version',
    ],
    money.batches.map((b, i) => {
      const r = region(b.regionCode);
      return [
        batchIds[i]!,
        programId(b.programCode),
        b.period,
        r.id,
        r.path,
        b.purpose,
        b.status,
        b.lineCount,
        b.totalFen,
        user(b.createdByUsername),
        b.createdAt,
        b.approvedByUsername === null ? null : user(b.approvedByUsername),
        b.approvedAt,
        b.exportedByUsername === null ? null : user(b.exportedByUsername),
        b.exportedAt,
        b.fileName,
        b.fileSha256,
        b.fileBytes,
        sensitive(b.programCode),
        b.version,
      ];
    }),
  );

  const paymentIds = money.payments.map((p) => p.id);
  const payments = await copyRows(
    client,
    'payment',
    [
      'id',
      'batch_id',
      'line_number',
      'program_id',
      'period',
      'person_id',
      'enrollment_id',
      'standard_id',
      'region_id',
      'region_path',
      'payee_person_id',
      'proxy_id',
      'bank',
      'account_number',
      'amount_fen',
      'entry',
      'corrects_id',
      'correction_reason',
      'status',
      'bank_reference',
      'failure_reason',
      'settled_at',
      'created_by',
      'created_at',
      'sensitive',
    ],
    (function* () {
      for (const [i, p] of money.payments.entries()) {
        const r = region(p.regionCode);
        yield [
          paymentIds[i]!,
          batchIds[p.batch]!,
          p.lineNumber,
          programId(p.programCode),
          p.period,
          person(p.residentId),
          enrollmentIds[p.enrollment]!,
          must(standardIds, p.standardKey),
          r.id,
          r.path,
          person(p.payeeResidentId),
          p.proxy === null ? null : proxyIds[p.proxy]!,
          p.bank,
          p.accountNumber,
          p.amountFen,
          p.entry,
          p.corrects === null ? null : paymentIds[p.corrects]!,
          p.correctionReason,
          p.status,
          p.bankReference,
          p.failureReason,
          p.settledAt,
          user(p.createdByUsername),
          p.createdAt,
          sensitive(p.programCode),
        ];
      }
    })(),
  );

  // Events in the order they happened, so that their ids run with time as the triggers' would.
  const events = money.payments.flatMap((p, i) => p.events.map((event) => ({ i, p, event })));
  events.sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : 0));
  await copyRows(
    client,
    'payment_event',
    [
      'payment_id',
      'region_id',
      'region_path',
      'from_status',
      'to_status',
      'at',
      'by_user',
      'source_sha256',
      'sensitive',
    ],
    (function* () {
      for (const { i, p, event } of events) {
        const r = region(p.regionCode);
        yield [
          paymentIds[i]!,
          r.id,
          r.path,
          event.from,
          event.to,
          event.at,
          user(event.byUsername),
          event.sourceSha256,
          sensitive(p.programCode),
        ];
      }
    })(),
  );

  await client.query('set local session_replication_role = origin');

  const violations = await checkDemoMoney(client, countyPath);
  if (violations.length > 0) {
    throw new Error(
      `the demo money breaks rules the database enforces: ${violations.map((v) => `${v.rule} (${v.rows})`).join('; ')}`,
    );
  }
  return { programs: money.programs.length, enrollments, payments };
}

export interface MoneyViolation {
  rule: string;
  rows: number;
}

// Joins naming a step's actor: `u_<alias>` is the user, `ur_<alias>` their region.
const actor = (alias: string, column: string) =>
  `left join app_user u_${alias} on u_${alias}.id = ${column} left join region ur_${alias} on ur_${alias}.id = u_${alias}.region_id`;
/** The actor's role is one of these and their jurisdiction holds `path`. */
const actorMay = (alias: string, roles: string[], path: string) =>
  `(u_${alias}.role in (${roles.map((r) => `'${r}'`).join(', ')}) and ${path} <@ ur_${alias}.path)`;
/** What app_writes_sensitive() says of the actor. */
const actorWritesSensitive = (alias: string) =>
  `((u_${alias}.role = 'COUNTY_ADMIN' and nlevel(ur_${alias}.path) = 1) or (u_${alias}.role = 'TOWNSHIP_ADMIN' and nlevel(ur_${alias}.path) = 2))`;
const ADMINS = ['TOWNSHIP_ADMIN', 'COUNTY_ADMIN'];
const WRITERS = ['VILLAGE_CLERK', 'TOWNSHIP_ADMIN', 'COUNTY_ADMIN'];
const china = (timestamp: string) => `(${timestamp} at time zone 'Asia/Shanghai')::date`;

/** Tables whose rows carry a region and its path, mirrored by trigger in normal writes. */
const PATH_TABLES = [
  'program',
  'program_standard',
  'notice',
  'enrollment',
  'objection',
  'person_account',
  'payee_proxy',
  'disbursement_batch',
  'payment',
  'payment_event',
];

/**
 * What the triggers fill in on every write, per table: besides the region path (all of them), the
 * columns copied from the row a foreign key names (`j_<column>` is that row).
 */
const DERIVED: Record<string, string[]> = {
  program: [
    `x.sensitive <> (x.kind = 'SPECIAL_ASSISTANCE' or jsonb_array_length(coalesce(x.eligibility -> 'householdSensitiveStatuses', '[]')) > 0)`,
  ],
  program_standard: ['x.region_id <> j_program_id.region_id'],
  notice: ['x.sensitive <> j_program_id.sensitive'],
  enrollment: ['x.region_id <> j_person_id.region_id', 'x.sensitive <> j_program_id.sensitive'],
  objection: ['x.region_id <> j_enrollment_id.region_id', 'x.sensitive <> j_enrollment_id.sensitive'],
  person_account: ['x.region_id <> j_person_id.region_id'],
  payee_proxy: ['x.region_id <> j_person_id.region_id'],
  disbursement_batch: ['x.sensitive <> j_program_id.sensitive'],
  payment: ['x.region_id <> j_person_id.region_id', 'x.sensitive <> j_program_id.sensitive'],
  payment_event: ['x.region_id <> j_payment_id.region_id', 'x.sensitive <> j_payment_id.sensitive'],
};

/**
 * Each rule: a statement counting the rows of the county ($1, its path) that break it. Together
 * with the per-table statements `checkDemoMoney` builds from the foreign keys (each reference
 * exists, and `DERIVED` holds), they re-check what migration 0005's triggers and the foreign keys
 * enforce on every write, for data loaded without them.
 */
export const DEMO_MONEY_RULES: readonly (readonly [rule: string, sql: string])[] = [
  [
    'a standard is one of the program’s variants, within its bounds',
    `select count(*)::int as n from program_standard s join program p on p.id = s.program_id
      where s.region_path <@ $1::ltree
        and (not (s.variant = any (p.variants))
             or s.amount_fen * (case when p.amount_unit = 'PER_PERSON_MONTH' and p.payment_period = 'YEAR'
                                     then 12 else 1 end) not between p.min_amount_fen and p.max_amount_fen)`,
  ],
  [
    'an enrollment carries its variant and every piece of evidence its program requires',
    `select count(*)::int as n from enrollment e join program p on p.id = e.program_id
      where e.region_path <@ $1::ltree
        and (not (e.variant = any (p.variants))
             or not jsonb_path_query_array(e.evidence, '$[*].kind') @> coalesce(p.required_evidence -> e.kind, '[]'))`,
  ],
  [
    'an enrollment is submitted, reviewed and approved by three people with the authority, in that order',
    `select count(*)::int as n from enrollment e
       ${actor('s', 'e.submitted_by')} ${actor('r', 'e.reviewed_by')} ${actor('a', 'e.approved_by')}
      where e.region_path <@ $1::ltree
        and not (${actorMay('s', WRITERS, 'e.region_path')}
                 and (not e.sensitive or ${actorWritesSensitive('s')})
                 and ${actorMay('r', ADMINS, 'e.region_path')}
                 and (not e.sensitive or ${actorWritesSensitive('r')})
                 and ${actorMay('a', ['COUNTY_ADMIN'], 'e.region_path')}
                 and e.reviewed_by <> e.submitted_by
                 and e.approved_by not in (e.submitted_by, e.reviewed_by)
                 and e.submitted_at < e.reviewed_at and e.reviewed_at < e.approved_at)`,
  ],
  [
    'an enrollment in a notice is approved before it opens, in the notice of its program, year and region',
    `select count(*)::int as n from enrollment e left join notice n on n.id = e.notice_id
      where e.region_path <@ $1::ltree and e.notice_id is not null
        and not (n.program_id = e.program_id and n.year = e.year and e.region_path <@ n.region_path
                 and e.approved_at < n.opened_at)`,
  ],
  [
    'in notice while it is open; confirmed, or struck off by an upheld objection, once it is confirmed',
    `select count(*)::int as n from enrollment e left join notice n on n.id = e.notice_id
      where e.region_path <@ $1::ltree
        and not case e.status
              when 'IN_NOTICE' then n.status = 'OPEN'
              when 'CONFIRMED' then n.status = 'CONFIRMED'
                and not exists (select from objection o where o.enrollment_id = e.id and o.status = 'UPHELD')
              when 'REJECTED' then e.notice_id is null
                or (n.status = 'CONFIRMED' and e.rejected_by = n.confirmed_by and e.rejected_at = n.confirmed_at
                    and e.rejection_reason like '异议成立：%'
                    and exists (select from objection o where o.enrollment_id = e.id and o.status = 'UPHELD'))
              else false end`,
  ],
  [
    'a notice ends as the calendar says, opened and confirmed by admins with the authority, after it ends',
    `select count(*)::int as n from notice x join program p on p.id = x.program_id
       ${actor('o', 'x.opened_by')} ${actor('c', 'x.confirmed_by')}
      where x.region_path <@ $1::ltree
        and not (x.ends_on = notice_end(x.starts_on, p.notice_days, p.notice_day_kind)
                 and ${actorMay('o', ADMINS, 'x.region_path')}
                 and (not x.sensitive or ${actorWritesSensitive('o')})
                 and ${china('x.opened_at')} <= x.starts_on and x.starts_on <= date '${DEMO_AS_OF}'
                 and (x.status = 'OPEN'
                      or (${actorMay('c', ADMINS, 'x.region_path')} and ${china('x.confirmed_at')} > x.ends_on
                          and ${china('x.confirmed_at')} <= date '${DEMO_AS_OF}'
                          and not exists (select from objection b where b.notice_id = x.id and b.status = 'OPEN'))))`,
  ],
  [
    'an objection names a person on the notice, received while it runs, resolved once by an admin',
    `select count(*)::int as n from objection o
       join enrollment e on e.id = o.enrollment_id join notice x on x.id = o.notice_id
       ${actor('w', 'o.recorded_by')} ${actor('v', 'o.resolved_by')}
      where o.region_path <@ $1::ltree
        and not (e.notice_id = x.id and o.received_on between x.starts_on and x.ends_on
                 and o.received_on <= date '${DEMO_AS_OF}'
                 and ${actorMay('w', WRITERS, 'o.region_path')}
                 and (o.status = 'OPEN'
                      or (${actorMay('v', ADMINS, 'o.region_path')} and o.resolved_at >= o.recorded_at
                          and (x.confirmed_at is null or o.resolved_at <= x.confirmed_at))))`,
  ],
  [
    'a proxy is approved by an admin other than who registered it, both with the authority',
    `select count(*)::int as n from payee_proxy x ${actor('c', 'x.created_by')} ${actor('a', 'x.approved_by')}
      where x.region_path <@ $1::ltree
        and not (${actorMay('c', WRITERS, 'x.region_path')}
                 and (x.status = 'PENDING'
                      or (x.status = 'APPROVED' and ${actorMay('a', ADMINS, 'x.region_path')}
                          and x.approved_by <> x.created_by and x.approved_at > x.created_at)))`,
  ],
  [
    'a batch is made, approved by someone else and exported by admins, with the file’s true hash',
    `select count(*)::int as n from disbursement_batch b
       ${actor('m', 'b.created_by')} ${actor('a', 'b.approved_by')} ${actor('x', 'b.exported_by')}
      where b.region_path <@ $1::ltree
        and not (${actorMay('m', ADMINS, 'b.region_path')}
                 and (not b.sensitive or ${actorWritesSensitive('m')})
                 and (b.status = 'DRAFT'
                      or (${actorMay('a', ADMINS, 'b.region_path')} and b.approved_by <> b.created_by
                          and b.approved_at > b.created_at))
                 and (b.status <> 'EXPORTED'
                      or (${actorMay('x', ADMINS, 'b.region_path')} and b.exported_at > b.approved_at
                          and b.file_sha256 = encode(sha256(b.file_bytes), 'hex'))))`,
  ],
  [
    // The ledger counts the lines to pay (reversals pay nothing); the trigger, at approval, all lines.
    'a batch’s totals are its lines’ totals',
    `select count(*)::int as n from disbursement_batch b
       left join lateral (select count(*) filter (where p.entry <> 'REVERSAL') as lines,
                                 coalesce(sum(p.amount_fen) filter (where p.entry <> 'REVERSAL'), 0) as total,
                                 count(*) as all_lines, coalesce(sum(p.amount_fen), 0) as all_total
                            from payment p where p.batch_id = b.id) t on true
      where b.region_path <@ $1::ltree
        and ((b.line_count, b.total_fen::numeric) <> (t.lines, t.total)
             or (b.status <> 'DRAFT' and (b.line_count, b.total_fen::numeric) <> (t.all_lines, t.all_total)))`,
  ],
  [
    'a line belongs to its batch’s program, period and region, is made by its maker, within the program’s bounds',
    `select count(*)::int as n from payment x join disbursement_batch b on b.id = x.batch_id
       join program p on p.id = x.program_id
      where x.region_path <@ $1::ltree
        and not (x.program_id = b.program_id and x.period = b.period and x.region_path <@ b.region_path
                 and x.created_by = b.created_by and x.created_at >= b.created_at
                 and (b.approved_at is null or x.created_at < b.approved_at)
                 and abs(x.amount_fen) between p.min_amount_fen and p.max_amount_fen)`,
  ],
  [
    'a payment’s amount is the standard in force on its period’s first day for the enrollment’s variant',
    `select count(*)::int as n from payment x join program p on p.id = x.program_id
       join enrollment e on e.id = x.enrollment_id join program_standard s on s.id = x.standard_id
      where x.region_path <@ $1::ltree
        and not (s.program_id = x.program_id and s.variant = e.variant
                 and s.effective_from <= to_date(left(x.period, 4) || coalesce(substr(x.period, 6, 2), '01') || '01', 'YYYYMMDD')
                 and (s.effective_until is null
                      or s.effective_until > to_date(left(x.period, 4) || coalesce(substr(x.period, 6, 2), '01') || '01', 'YYYYMMDD'))
                 and abs(x.amount_fen) = s.amount_fen * (case when p.amount_unit = 'PER_PERSON_MONTH'
                                                             and p.payment_period = 'YEAR' then 12 else 1 end))`,
  ],
  [
    'a payment follows a confirmed enrollment; a correction the failed, returned or paid entry it corrects',
    `select count(*)::int as n from payment x join disbursement_batch b on b.id = x.batch_id
       join enrollment e on e.id = x.enrollment_id left join payment o on o.id = x.corrects_id
      where x.region_path <@ $1::ltree
        and not case x.entry
              when 'PAYMENT' then b.purpose = 'REGULAR' and e.status = 'CONFIRMED' and e.kind in ('NEW', 'CONTINUING')
                and e.person_id = x.person_id and e.program_id = x.program_id and e.year = left(x.period, 4)::integer
              when 'REISSUE' then b.purpose = 'CORRECTION' and o.entry <> 'REVERSAL'
                and o.status in ('FAILED', 'RETURNED', 'REVERSED') and x.amount_fen = o.amount_fen
                and (o.person_id, o.program_id, o.period, o.enrollment_id)
                    = (x.person_id, x.program_id, x.period, x.enrollment_id)
                and o.created_at < x.created_at
              when 'REVERSAL' then o.entry <> 'REVERSAL' and o.status = 'REVERSED' and x.amount_fen = -o.amount_fen
                and (o.person_id, o.program_id, o.period, o.enrollment_id)
                    = (x.person_id, x.program_id, x.period, x.enrollment_id)
                and o.settled_at < x.created_at
              else false end`,
  ],
  [
    'the payee is the beneficiary or their proxy, approved before the line was made',
    `select count(*)::int as n from payment x left join payee_proxy y on y.id = x.proxy_id
      where x.region_path <@ $1::ltree and x.proxy_id is not null
        and not (y.status = 'APPROVED' and y.person_id = x.person_id and y.proxy_person_id = x.payee_person_id
                 and y.approved_at < x.created_at)`,
  ],
  [
    'a payment’s status follows its batch and its bank return',
    `select count(*)::int as n from payment x join disbursement_batch b on b.id = x.batch_id
      where x.region_path <@ $1::ltree
        and not (case x.status
                   when 'PLANNED' then b.status <> 'EXPORTED'
                   when 'EXPORTED' then b.status = 'EXPORTED' and x.settled_at is null
                   when 'PAID' then b.status = 'EXPORTED' and x.settled_at > b.exported_at and x.failure_reason is null
                   when 'FAILED' then b.status = 'EXPORTED' and x.settled_at > b.exported_at and x.failure_reason is not null
                   when 'RETURNED' then b.status = 'EXPORTED' and x.settled_at > b.exported_at and x.failure_reason is not null
                   when 'REVERSED' then x.settled_at > b.exported_at
                     and exists (select from payment r where r.corrects_id = x.id and r.entry = 'REVERSAL')
                   when 'BOOKED' then x.entry = 'REVERSAL' and x.settled_at is null
                   else false end)`,
  ],
  [
    'every move of a payment is in payment_event, in order, by whoever made it',
    `with moves as (
       select v.payment_id, v.from_status, v.to_status, v.at, v.by_user,
              lag(v.to_status) over w as previous, lag(v.at) over w as previous_at,
              row_number() over w as n, count(*) over (partition by v.payment_id) as total
         from payment_event v where v.region_path <@ $1::ltree
       window w as (partition by v.payment_id order by v.id)),
     history as (
       select payment_id,
              bool_and(case when n = 1 then from_status is null
                            else from_status = previous and at >= previous_at end) as chained,
              min(at) filter (where n = 1) as first_at,
              min(by_user::text) filter (where n = 1) as first_by,
              min(to_status) filter (where n = total) as last_status
         from moves group by payment_id)
     select count(*)::int as n from payment x left join history h on h.payment_id = x.id
      where x.region_path <@ $1::ltree
        and not (coalesce(h.chained, false) and h.first_at = x.created_at and h.first_by = x.created_by::text
                 and h.last_status = x.status)`,
  ],
];

/**
 * Runs `DEMO_MONEY_RULES` and a foreign-key check per constraint of the money tables over the
 * county at `countyPath`; returns the rules broken, with how many rows break each.
 */
export async function checkDemoMoney(client: pg.ClientBase, countyPath: string): Promise<MoneyViolation[]> {
  const { rows: foreignKeys } = await client.query<{ tab: string; col: string; ref: string; refcol: string }>(
    `select c.conrelid::regclass::text as tab, a.attname as col, c.confrelid::regclass::text as ref,
            f.attname as refcol
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute f on f.attrelid = c.confrelid and f.attnum = c.confkey[1]
      where c.contype = 'f' and cardinality(c.conkey) = 1 and c.conrelid::regclass::text = any ($1::text[])
      order by 1, 2`,
    [PATH_TABLES],
  );
  const byTable = new Map<string, { col: string; ref: string; refcol: string }[]>();
  for (const fk of foreignKeys) {
    const list = byTable.get(fk.tab);
    if (list) list.push(fk);
    else byTable.set(fk.tab, [fk]);
  }
  // One statement per table: every reference found, the region path its region's, the derived columns.
  const perTable = PATH_TABLES.map((table) => {
    const fks = byTable.get(table) ?? [];
    const joins = fks.map(
      (fk) => `left join ${fk.ref} j_${fk.col} on j_${fk.col}.${fk.refcol} = x.${fk.col}`,
    );
    const broken = [
      ...fks.map((fk) => `(x.${fk.col} is not null and j_${fk.col}.${fk.refcol} is null)`),
      'x.region_path is distinct from j_region_id.path',
      ...(DERIVED[table] ?? []),
    ];
    return [
      `${table}: references exist, region path and derived columns as the triggers write them`,
      `select count(*)::int as n from ${table} x ${joins.join(' ')}
        where (x.region_path <@ $1::ltree or j_region_id.path <@ $1::ltree) and (${broken.join(' or ')})`,
    ] as const;
  });
  const rules = [...perTable, ...DEMO_MONEY_RULES];
  const violations: MoneyViolation[] = [];
  for (const [rule, sql] of rules) {
    const { rows } = await client.query<{ n: number }>(sql, [countyPath]);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) violations.push({ rule, rows: n });
  }
  return violations;
}

function must<V>(map: ReadonlyMap<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo money refers to an unknown key: ${key}`);
  return value;
}
