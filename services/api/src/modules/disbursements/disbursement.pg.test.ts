import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  type ConfirmedRoll,
  confirmedRoll,
  ensureUser,
  moneyUser,
} from '../../../test/money-fixtures.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  APPROVE_BATCH,
  allLines,
  BANK_RETURN,
  type BankReturnNode,
  type BatchNode,
  bankReturnFile,
  CREATE_BATCH,
  cookieJar,
  data,
  EXPORT_BATCH,
  expectRefused,
  key,
  type PaymentNode,
  RECONCILIATION,
  REISSUE,
  REVERSE,
  type ReconciliationNode,
} from './disbursement-test-helpers.ts';
import { formatYuan } from './payment-file.ts';

let t: TestApi;
const as = cookieJar(() => t);

async function auditCount(action: string, entityId?: string): Promise<number> {
  const [row] = await t.ownerSql<{ n: number }>(
    `select count(*)::int as n from audit_event where action = $1 and ($2::text is null or entity_id = $2)`,
    [action, entityId ?? null],
  );
  return row?.n ?? -1;
}

async function createBatch(
  roll: ConfirmedRoll,
  username: string,
  regionCode = roll.villageCode,
): Promise<BatchNode> {
  return data(
    t.graphql(
      CREATE_BATCH,
      { input: { programId: roll.programId, period: roll.period, regionCode }, key: key() },
      await as(username),
    ),
    'createDisbursementBatch',
  );
}

beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => t?.close());

describe('a disbursement from the confirmed roll to the bank and back', () => {
  let roll: ConfirmedRoll;
  let batch: BatchNode;
  let lines: PaymentNode[];
  let fileBytes: Buffer;

  /** n lines' worth of fen. */
  const fen = (n: number) => String(n * Number(roll.amountFen));

  beforeAll(async () => {
    roll = await confirmedRoll(t, { persons: 12 });
  });

  it('makes one line per confirmed enrollment at the standard in force, numbered densely in a stable order', async () => {
    batch = await createBatch(roll, roll.users.township);
    expect(batch).toMatchObject({
      status: 'DRAFT',
      purpose: 'REGULAR',
      lineCount: 12,
      totalFen: String(12 * Number(roll.amountFen)),
      region: { code: roll.villageCode },
    });
    // The standard in force on the period's first day, as the program's standards say.
    const [standard] = await t.ownerSql<{ amount_fen: string }>(
      `select amount_fen::text from program_standard where program_id = $1 and effective_from <= $2::date
          and (effective_until is null or effective_until > $2::date)`,
      [roll.programId, `${roll.period}-01-01`],
    );
    expect(roll.amountFen).toBe(standard?.amount_fen);
    lines = await allLines(t, await as(roll.users.township), batch.id);
    expect(lines.map((line) => line.lineNumber)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const byName = [...roll.persons].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : 0));
    expect(new Set(lines.map((line) => line.personId))).toEqual(new Set(byName.map((p) => p.id)));
    for (const line of lines) {
      expect(line).toMatchObject({
        entry: 'PAYMENT',
        status: 'PLANNED',
        amountFen: roll.amountFen,
        proxyId: null,
      });
      expect(line.payeePersonId).toBe(line.personId);
      // The API shows the first and last four digits at most.
      expect(line.accountNumberMasked).toMatch(/^\d{4}\*+\d{4}$/);
      const person = roll.persons.find((p) => p.id === line.personId);
      expect(line.accountNumberMasked).not.toContain(person?.accountNumber.slice(4, 15));
    }
    expect(await auditCount('disbursementBatch.create', batch.id)).toBe(1);
  });

  it('refuses approval by its maker, through the API and through raw SQL as the app role', async () => {
    const own = await t.graphql(APPROVE_BATCH, { id: batch.id, key: key() }, await as(roll.users.township));
    expectRefused(own, 'FOUR_EYES', 'id');
    const maker = await moneyUser(t, roll.users.township);
    await expect(
      asUser(t, maker, (client) =>
        client.query(`update disbursement_batch set status = 'APPROVED', approved_by = $1 where id = $2`, [
          maker.id,
          batch.id,
        ]),
      ),
    ).rejects.toThrow();
    const [stored] = await t.ownerSql<{ status: string }>(
      'select status from disbursement_batch where id = $1',
      [batch.id],
    );
    expect(stored?.status).toBe('DRAFT');
  });

  it('is approved by someone else, exported once, and the file downloads byte for byte', async () => {
    const noFile = await t.fetch(`/disbursements/${batch.id}/payment-file`, {
      headers: { cookie: await as(roll.users.township) },
    });
    expect(noFile.status).toBe(404);

    const approved: BatchNode = await data(
      t.graphql(APPROVE_BATCH, { id: batch.id, key: key(), v: batch.version }, await as('county.admin')),
      'approveDisbursementBatch',
    );
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvedById).not.toBe(approved.createdById);

    const exported: BatchNode = await data(
      t.graphql(EXPORT_BATCH, { id: batch.id, key: key() }, await as(roll.users.township)),
      'exportDisbursementBatch',
    );
    expect(exported.status).toBe('EXPORTED');
    expect(exported.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(exported.downloadPath).toBe(`/disbursements/${batch.id}/payment-file`);

    const response = await t.fetch(exported.downloadPath as string, {
      headers: { cookie: await as(roll.users.township) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toContain(exported.fileName as string);
    fileBytes = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(fileBytes).digest('hex')).toBe(exported.fileSha256);
    expect([...fileBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(fileBytes.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['序号', '付款编号', '收款人', '账号', '开户行', '金额（元）', '摘要']);
    expect(rows).toHaveLength(13);
    // The file is for the bank: full account numbers, amounts in yuan.
    for (const row of rows.slice(1)) {
      const person = roll.persons.find((p) => lines.find((line) => line.id === row[1])?.personId === p.id);
      expect(row[3]).toBe(person?.accountNumber);
      expect(row[5]).toBe(formatYuan(roll.amountFen));
    }

    const again: BatchNode = await data(
      t.graphql(EXPORT_BATCH, { id: batch.id, key: key() }, await as('county.admin')),
      'exportDisbursementBatch',
    );
    expect(again.fileSha256).toBe(exported.fileSha256);
    expect(again.exportedById).toBe(exported.exportedById);
    const second = Buffer.from(
      await (
        await t.fetch(exported.downloadPath as string, { headers: { cookie: await as('county.admin') } })
      ).arrayBuffer(),
    );
    expect(second.equals(fileBytes)).toBe(true);
    const [events] = await t.ownerSql<{ n: number }>(
      `select count(*)::int as n from payment_event e join payment p on p.id = e.payment_id
        where p.batch_id = $1 and e.to_status = 'EXPORTED'`,
      [batch.id],
    );
    expect(events?.n).toBe(12);
  });

  it('keeps the file from those who may not take it', async () => {
    const path = `/disbursements/${batch.id}/payment-file`;
    expect((await t.fetch(path)).status).toBe(401);
    expect((await t.fetch(path, { headers: { cookie: await as(roll.users.clerk) } })).status).toBe(403);
    expect((await t.fetch(path, { headers: { cookie: await as('county.auditor') } })).status).toBe(403);
    const [other] = await t.ownerSql<{ username: string }>(
      `select u.username from app_user u join region r on r.id = u.region_id
        where u.role = 'TOWNSHIP_ADMIN' and r.code <> $1 order by r.code limit 1`,
      [roll.townshipCode],
    );
    expect((await t.fetch(path, { headers: { cookie: await as(other?.username as string) } })).status).toBe(
      404,
    );
  });

  it('settles lines from the bank return file and reconciles to the fen, per batch and per township', async () => {
    const [a, b, c, ...rest] = lines as [PaymentNode, PaymentNode, PaymentNode, ...PaymentNode[]];
    const file = bankReturnFile([
      { paymentId: a.id, result: '失败', reason: '账户已销户' },
      { paymentId: b.id, result: '退回', reference: 'R0002', reason: '户名不符' },
      { paymentId: c.id, result: 'SUCCESS', reference: 'R0003' },
      ...rest.map((line, i) => ({ paymentId: line.id, result: '成功', reference: `R1${i}` })),
    ]);
    const applied: BankReturnNode = await data(
      t.graphql(BANK_RETURN, { id: batch.id, file, key: key() }, await as(roll.users.township)),
      'recordBankReturn',
    );
    expect(applied).toMatchObject({
      accepted: true,
      paidCount: 10,
      failedCount: 1,
      returnedCount: 1,
      unchangedCount: 0,
    });
    const [sourced] = await t.ownerSql<{ n: number; shas: string[] }>(
      `select count(*)::int as n, array_agg(distinct source_sha256) as shas from payment_event e
        join payment p on p.id = e.payment_id where p.batch_id = $1 and e.to_status in ('PAID', 'FAILED', 'RETURNED')`,
      [batch.id],
    );
    expect(sourced?.n).toBe(12);
    expect(sourced?.shas).toEqual([createHash('sha256').update(file).digest('hex')]);

    // The same file again changes nothing.
    const replay: BankReturnNode = await data(
      t.graphql(BANK_RETURN, { id: batch.id, file, key: key() }, await as(roll.users.township)),
      'recordBankReturn',
    );
    expect(replay).toMatchObject({ accepted: true, paidCount: 0, unchangedCount: 12 });

    const reconciliation: { total: ReconciliationNode; townships: ReconciliationNode[] } = await data(
      t.graphql(RECONCILIATION, { id: batch.id }, await as('county.auditor')),
      'reconciliation',
    );
    expect(reconciliation.total).toMatchObject({
      plannedCount: 12,
      plannedFen: fen(12),
      paidCount: 10,
      paidFen: fen(10),
      failedFen: fen(1),
      returnedFen: fen(1),
      outstandingCount: 0,
      balanced: true,
    });
    expect(reconciliation.townships).toEqual([
      { ...reconciliation.total, regionCode: roll.townshipCode, regionName: expect.any(String) },
    ]);
  });

  it('corrects by new entries only: a reversal booked, a reissue approved and exported like any batch', async () => {
    const paid = lines[3] as PaymentNode;
    const failed = lines[0] as PaymentNode;
    const township = await as(roll.users.township);
    const reversal: PaymentNode = await data(
      t.graphql(REVERSE, { id: paid.id, reason: '受益人已于发放前去世，款项已追回', key: key() }, township),
      'reversePayment',
    );
    expect(reversal).toMatchObject({
      entry: 'REVERSAL',
      status: 'BOOKED',
      amountFen: `-${roll.amountFen}`,
      correctsId: paid.id,
    });
    const [original] = await t.ownerSql<{ status: string; amount_fen: string }>(
      'select status, amount_fen::text from payment where id = $1',
      [paid.id],
    );
    expect(original).toEqual({ status: 'REVERSED', amount_fen: roll.amountFen });
    expectRefused(
      await t.graphql(REVERSE, { id: paid.id, reason: '重复冲正', key: key() }, township),
      'INVALID_STATE',
      'paymentId',
    );

    const reissued: PaymentNode = await data(
      t.graphql(REISSUE, { id: failed.id, key: key() }, township),
      'reissuePayment',
    );
    const reissuedReversed: PaymentNode = await data(
      t.graphql(REISSUE, { id: paid.id, key: key() }, township),
      'reissuePayment',
    );
    expect(reissued).toMatchObject({
      entry: 'REISSUE',
      status: 'PLANNED',
      amountFen: roll.amountFen,
      correctsId: failed.id,
    });
    expect(reissuedReversed.batchId).toBe(reissued.batchId);
    expect(reissued.batchId).not.toBe(reversal.batchId);
    expectRefused(await t.graphql(REISSUE, { id: failed.id, key: key() }, township), 'CONFLICT', 'paymentId');

    const correction: BatchNode = await data(
      t.graphql(APPROVE_BATCH, { id: reissued.batchId, key: key() }, await as('county.admin')),
      'approveDisbursementBatch',
    );
    expect(correction).toMatchObject({
      purpose: 'CORRECTION',
      lineCount: 2,
      totalFen: fen(2),
      status: 'APPROVED',
    });
    // The reversal journal pays nothing: nothing to approve.
    expectRefused(
      await t.graphql(APPROVE_BATCH, { id: reversal.batchId, key: key() }, await as('county.admin')),
      'INVALID_STATE',
      'id',
    );
    const exported: BatchNode = await data(
      t.graphql(EXPORT_BATCH, { id: reissued.batchId, key: key() }, township),
      'exportDisbursementBatch',
    );
    const file = await (
      await t.fetch(exported.downloadPath as string, { headers: { cookie: township } })
    ).text();
    expect(file.trim().split('\r\n')).toHaveLength(3);
    expect(file).toContain('补发');
    await data(
      t.graphql(
        BANK_RETURN,
        {
          id: reissued.batchId,
          file: bankReturnFile([
            { paymentId: reissued.id, result: '成功' },
            { paymentId: reissuedReversed.id, result: '成功' },
          ]),
          key: key(),
        },
        township,
      ),
      'recordBankReturn',
    );
    const reconciliation: { total: ReconciliationNode } = await data(
      t.graphql(RECONCILIATION, { id: reissued.batchId }, township),
      'reconciliation',
    );
    expect(reconciliation.total).toMatchObject({ plannedFen: fen(2), paidFen: fen(2), balanced: true });
    const regular: { total: ReconciliationNode } = await data(
      t.graphql(RECONCILIATION, { id: batch.id }, township),
      'reconciliation',
    );
    expect(regular.total).toMatchObject({
      paidCount: 10,
      reversedCount: 1,
      reversedFen: fen(1),
      balanced: true,
    });
    const journal: { total: ReconciliationNode } = await data(
      t.graphql(RECONCILIATION, { id: reversal.batchId }, township),
      'reconciliation',
    );
    expect(journal.total).toMatchObject({
      plannedCount: 0,
      reversalCount: 1,
      reversalFen: fen(-1),
      balanced: true,
    });
  });

  it('wrote one audit row per mutation and no account number to the log', async () => {
    expect(await auditCount('disbursementBatch.approve', batch.id)).toBe(1);
    expect(await auditCount('disbursementBatch.export', batch.id)).toBe(1);
    expect(await auditCount('disbursementBatch.exportRepeated', batch.id)).toBe(1);
    expect(await auditCount('disbursementBatch.bankReturn', batch.id)).toBe(2);
    expect(await auditCount('payment.reverse')).toBe(1);
    expect(await auditCount('payment.reissue')).toBe(2);
    const log = t.logLines.join('\n');
    for (const person of roll.persons) {
      expect(log).not.toContain(person.accountNumber);
      expect(log).not.toContain(person.accountNumber.slice(4, 15));
    }
  });
});

describe('rules the database keeps whatever the code path', () => {
  let roll: ConfirmedRoll;
  let batch: BatchNode;
  let lines: PaymentNode[];

  beforeAll(async () => {
    roll = await confirmedRoll(t, { persons: 4, villageOffset: 1 });
    batch = await createBatch(roll, roll.users.township);
    lines = await allLines(t, await as(roll.users.township), batch.id);
  });

  /** Runs each statement in its own transaction as the app role; returns how many succeeded. */
  async function attempts(username: string, statements: [string, unknown[]][]): Promise<number> {
    const user = await moneyUser(t, username);
    let successes = 0;
    for (const [sql, params] of statements) {
      try {
        await asUser(t, user, (client) => client.query(sql, params));
        successes += 1;
      } catch (error) {
        // Refused by a guard, a check, a key or a policy: never by a mistake in the statement.
        expect(['42501', '23514', '23505', '23503'], String(error)).toContain(
          (error as { code?: string }).code,
        );
      }
    }
    return successes;
  }

  it('refuses editing, deleting, a second live payment, a stranger as payee and a line in an approved batch', async () => {
    const line = lines[0] as PaymentNode;
    const other = lines[1] as PaymentNode;
    const copy = `insert into payment (batch_id, line_number, program_id, period, person_id, enrollment_id, standard_id,
                     region_id, region_path, payee_person_id, proxy_id, bank, account_number, amount_fen, entry, created_by)
                  select batch_id, $2, program_id, period, person_id, enrollment_id, standard_id, region_id, region_path,
                         $3::uuid, $4::uuid, bank, account_number, amount_fen, 'PAYMENT', created_by
                    from payment where id = $1`;
    const statements: [string, unknown[]][] = [
      ['update payment set amount_fen = amount_fen + 100 where id = $1', [line.id]],
      [`update payment set account_number = '6228000000000000001' where id = $1`, [line.id]],
      ['update payment set payee_person_id = $2 where id = $1', [line.id, other.personId]],
      ['delete from payment where id = $1', [line.id]],
      // A second live payment for the same person, program and period.
      [copy, [line.id, 99, line.personId, null]],
      // Someone else as payee, with or without a made-up proxy.
      [copy, [line.id, 98, other.personId, null]],
      [copy, [line.id, 97, other.personId, '00000000-0000-4000-8000-000000000000']],
    ];
    expect(await attempts(roll.users.township, statements)).toBe(0);
    expect(await attempts('county.admin', statements)).toBe(0);

    await data(
      t.graphql(APPROVE_BATCH, { id: batch.id, key: key() }, await as('county.admin')),
      'approveDisbursementBatch',
    );
    // A fresh person's confirmed enrollment, but the batch is approved: no line may join it.
    const extra = await confirmedRoll(t, { persons: 1, villageOffset: 1 });
    const insertIntoApproved: [string, unknown[]] = [
      `insert into payment (batch_id, line_number, program_id, period, person_id, enrollment_id, standard_id, region_id,
                            region_path, payee_person_id, bank, account_number, amount_fen, entry, created_by)
       select $1, 50, program_id, period, $2, $3, standard_id, region_id, region_path, $2, bank, account_number,
              amount_fen, 'PAYMENT', created_by from payment where id = $4`,
      [batch.id, extra.persons[0]?.id, extra.persons[0]?.enrollmentId, line.id],
    ];
    expect(await attempts(roll.users.township, [insertIntoApproved])).toBe(0);
    const maker = await moneyUser(t, roll.users.township);
    const exportStatements: [string, unknown[]][] = [
      // Exported with a hash that is not the file's, or with no file at all.
      [
        `update disbursement_batch set status = 'EXPORTED', exported_by = $2, file_bytes = '\\x00'::bytea,
                file_sha256 = repeat('0', 64) where id = $1`,
        [batch.id, maker.id],
      ],
      // A line settled before its batch went to the bank.
      [`update payment set status = 'PAID' where id = $1`, [line.id]],
      [`update payment set status = 'EXPORTED' where id = $1`, [line.id]],
    ];
    expect(await attempts(roll.users.township, exportStatements)).toBe(0);
    await data(
      t.graphql(EXPORT_BATCH, { id: batch.id, key: key() }, await as(roll.users.township)),
      'exportDisbursementBatch',
    );
    // Exported once: the stored file never changes, and a paid line never goes back.
    const afterExport: [string, unknown[]][] = [
      [
        `update disbursement_batch set file_bytes = convert_to('x', 'UTF8'),
                file_sha256 = encode(sha256(convert_to('x', 'UTF8')), 'hex') where id = $1`,
        [batch.id],
      ],
      [`update disbursement_batch set status = 'APPROVED' where id = $1`, [batch.id]],
      [`update payment set status = 'PLANNED' where id = $1`, [line.id]],
      [`update payment set status = 'FAILED' where id = $1`, [line.id]],
    ];
    expect(await attempts(roll.users.township, afterExport)).toBe(0);
    expect(await attempts('county.admin', afterExport)).toBe(0);
    const [count] = await t.ownerSql<{ n: number; fen: string }>(
      'select count(*)::int as n, sum(amount_fen)::text as fen from payment where batch_id = $1',
      [batch.id],
    );
    expect(count).toEqual({ n: 4, fen: String(4 * Number(roll.amountFen)) });
  });

  it('refuses a payee who is not an approved proxy, and pays one once a second admin approves', async () => {
    const proxyRoll = await confirmedRoll(t, { persons: 3, villageOffset: 2 });
    const [beneficiary, proxy] = proxyRoll.persons as [
      ConfirmedRoll['persons'][number],
      ConfirmedRoll['persons'][number],
    ];
    const clerk = await as(proxyRoll.users.clerk);
    const registered = await data<{ id: string; status: string; version: number }>(
      t.graphql(
        `mutation($input: PayeeProxyInput!) { registerPayeeProxy(input: $input) { id status version } }`,
        {
          input: {
            personId: beneficiary.id,
            proxyPersonId: proxy.id,
            reason: '本人年迈行动不便，由子女代领',
          },
        },
        clerk,
      ),
      'registerPayeeProxy',
    );
    expect(registered.status).toBe('PENDING');
    const approveProxy = `mutation($id: ID!, $v: Int!) { approvePayeeProxy(id: $id, expectedVersion: $v) { id status approvedById } }`;
    expectRefused(
      await t.graphql(approveProxy, { id: registered.id, v: registered.version }, clerk),
      'FORBIDDEN',
    );
    await data(
      t.graphql(
        approveProxy,
        { id: registered.id, v: registered.version },
        await as(proxyRoll.users.township),
      ),
      'approvePayeeProxy',
    );
    const proxied = await createBatch(proxyRoll, proxyRoll.users.township);
    const proxiedLines = await allLines(t, await as(proxyRoll.users.township), proxied.id);
    const line = proxiedLines.find((l) => l.personId === beneficiary.id) as PaymentNode;
    expect(line).toMatchObject({ payeePersonId: proxy.id, payeeName: proxy.name });
    expect(line.proxyId).toBe(registered.id);
  });
});

describe('idempotency of money mutations', () => {
  it('replays the first response for the same key and parameters, and refuses the key with others', async () => {
    const roll = await confirmedRoll(t, { persons: 3, villageOffset: 3 });
    const cookie = await as(roll.users.township);
    const input = { programId: roll.programId, period: roll.period, regionCode: roll.villageCode };
    const k = key();
    const first = await t.graphql(CREATE_BATCH, { input, key: k }, cookie);
    const replay = await t.graphql(CREATE_BATCH, { input, key: k }, cookie);
    expect(first.errors).toBeUndefined();
    expect(replay).toEqual(first);
    const batch = (first.data as { createDisbursementBatch: BatchNode }).createDisbursementBatch;
    const [batches] = await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from disbursement_batch where program_id = $1',
      [roll.programId],
    );
    expect(batches?.n).toBe(1);
    expect(await auditCount('disbursementBatch.create', batch.id)).toBe(1);

    const otherParams = await t.graphql(
      CREATE_BATCH,
      { input: { ...input, regionCode: roll.townshipCode }, key: k },
      cookie,
    );
    expectRefused(otherParams, 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey');
    const otherOperation = await t.graphql(EXPORT_BATCH, { id: batch.id, key: k }, cookie);
    expectRefused(otherOperation, 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey');
    expectRefused(
      await t.graphql(CREATE_BATCH, { input, key: 'short' }, cookie),
      'BAD_INPUT',
      'idempotencyKey',
    );

    // Keys are per user: another admin's same key is their own.
    const approveKey = key();
    const approver = await as('county.admin');
    const approvals = await Promise.all(
      Array.from({ length: 8 }, () => t.graphql(APPROVE_BATCH, { id: batch.id, key: approveKey }, approver)),
    );
    for (const approval of approvals) expect(approval).toEqual(approvals[0]);
    expect(await auditCount('disbursementBatch.approve', batch.id)).toBe(1);

    const exportKey = key();
    const exports = await Promise.all(
      Array.from({ length: 8 }, () => t.graphql(EXPORT_BATCH, { id: batch.id, key: exportKey }, cookie)),
    );
    for (const response of exports) expect(response).toEqual(exports[0]);
    expect(await auditCount('disbursementBatch.export', batch.id)).toBe(1);
    expect(await auditCount('disbursementBatch.exportRepeated', batch.id)).toBe(0);
  });

  it('leaves no key behind when the mutation fails, so the client may retry with it', async () => {
    const roll = await confirmedRoll(t, { persons: 2, villageOffset: 4, withAccounts: false });
    const cookie = await as(roll.users.township);
    const input = { programId: roll.programId, period: roll.period, regionCode: roll.villageCode };
    const k = key();
    const refused = await t.graphql(CREATE_BATCH, { input, key: k }, cookie);
    expectRefused(refused, 'BAD_INPUT', 'input.regionCode');
    expect(refused.errors?.[0]?.message).toContain(roll.persons[0]?.enrollmentId.slice(0, 8) ?? '?');
    expect(refused.errors?.[0]?.message).toMatch(/2 /);
    const [nothing] = await t.ownerSql<{ batches: number; keys: number }>(
      `select (select count(*)::int from disbursement_batch where program_id = $1) as batches,
              (select count(*)::int from idempotency_key where key = $2) as keys`,
      [roll.programId, k],
    );
    expect(nothing).toEqual({ batches: 0, keys: 0 });
    await t.graphql(
      `mutation($input: PersonAccountInput!) { setPersonAccount(input: $input) { personId accountNumberMasked } }`,
      {
        input: {
          personId: roll.persons[0]?.id,
          bank: '中国农业银行示范县支行',
          accountNumber: '6228 4800 1234 5678 901',
        },
      },
      await as(roll.users.clerk),
    );
    await t.graphql(
      `mutation($input: PersonAccountInput!) { setPersonAccount(input: $input) { personId accountNumberMasked } }`,
      {
        input: {
          personId: roll.persons[1]?.id,
          bank: '中国农业银行示范县支行',
          accountNumber: '6228480012345678902',
        },
      },
      await as(roll.users.clerk),
    );
    const retried = await data<BatchNode>(
      t.graphql(CREATE_BATCH, { input, key: k }, cookie),
      'createDisbursementBatch',
    );
    expect(retried.lineCount).toBe(2);
  });
});

describe('bad input', () => {
  let roll: ConfirmedRoll;
  beforeAll(async () => {
    roll = await confirmedRoll(t, { persons: 2, villageOffset: 5 });
    await ensureUser(t, 'township.second.money', 'TOWNSHIP_ADMIN', roll.townshipCode);
  });

  it('names the field, in Chinese then English, and changes nothing', async () => {
    const cookie = await as(roll.users.township);
    const input = { programId: roll.programId, period: roll.period, regionCode: roll.villageCode };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...input, period: '2026-03' }, 'BAD_INPUT', 'input.period'],
      [{ ...input, period: '26' }, 'BAD_INPUT', 'input.period'],
      [{ ...input, programId: 'not-a-uuid' }, 'NOT_FOUND', 'input.programId'],
      [{ ...input, programId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.programId'],
      [{ ...input, regionCode: '999999999999' }, 'NOT_FOUND', 'input.regionCode'],
      [{ ...input, period: String(roll.year + 1) }, 'INVALID_STATE', 'input.regionCode'],
    ];
    for (const [variables, code, field] of cases) {
      expectRefused(await t.graphql(CREATE_BATCH, { input: variables, key: key() }, cookie), code, field);
    }
    expectRefused(
      await t.graphql(CREATE_BATCH, { input, key: key() }, await as(roll.users.clerk)),
      'FORBIDDEN',
    );
    expectRefused(
      await t.graphql(CREATE_BATCH, { input, key: key() }, await as('county.auditor')),
      'FORBIDDEN',
    );
    const [none] = await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from disbursement_batch where program_id = $1',
      [roll.programId],
    );
    expect(none?.n).toBe(0);

    const batch = await createBatch(roll, roll.users.township);
    expectRefused(
      await t.graphql(CREATE_BATCH, { input, key: key() }, await as('township.second.money')),
      'CONFLICT',
      'input.regionCode',
    );
    // Everyone in the township already holds a live payment: a township batch has nobody to pay.
    expectRefused(
      await t.graphql(
        CREATE_BATCH,
        { input: { ...input, regionCode: roll.townshipCode }, key: key() },
        cookie,
      ),
      'INVALID_STATE',
      'input.regionCode',
    );
    expectRefused(await t.graphql(EXPORT_BATCH, { id: batch.id, key: key() }, cookie), 'INVALID_STATE', 'id');
    expectRefused(
      await t.graphql(
        APPROVE_BATCH,
        { id: batch.id, key: key(), v: batch.version + 5 },
        await as('township.second.money'),
      ),
      'CONFLICT',
      'expectedVersion',
    );
    const approved = await data<BatchNode>(
      t.graphql(
        APPROVE_BATCH,
        { id: batch.id, key: key(), v: batch.version },
        await as('township.second.money'),
      ),
      'approveDisbursementBatch',
    );
    expect(approved.status).toBe('APPROVED');
    expectRefused(
      await t.graphql(BANK_RETURN, { id: batch.id, file: bankReturnFile([]), key: key() }, cookie),
      'INVALID_STATE',
      'batchId',
    );
  });

  it('refuses a whole bank return file with row errors that name row and column, never the cell', async () => {
    const batch = (
      await data<{ edges: { node: BatchNode }[] }>(
        t.graphql(
          `query($f: DisbursementBatchFilter) { disbursementBatches(filter: $f) { edges { node { id status } } } }`,
          { f: { programId: roll.programId } },
          await as(roll.users.township),
        ),
        'disbursementBatches',
      )
    ).edges[0]?.node as BatchNode;
    const cookie = await as(roll.users.township);
    await data(t.graphql(EXPORT_BATCH, { id: batch.id, key: key() }, cookie), 'exportDisbursementBatch');
    const lines = await allLines(t, cookie, batch.id);
    const [a, b] = lines as [PaymentNode, PaymentNode];
    const file = bankReturnFile([
      { paymentId: a.id, result: '成功' },
      { paymentId: a.id, result: '成功' },
      { paymentId: b.id, result: '失败' },
      { paymentId: '00000000-0000-4000-8000-000000000000', result: '成功' },
      { paymentId: 'abc', result: '也许' },
    ]);
    const refused: BankReturnNode = await data(
      t.graphql(BANK_RETURN, { id: batch.id, file, key: key() }, cookie),
      'recordBankReturn',
    );
    expect(refused.accepted).toBe(false);
    expect(refused.batch).toBeNull();
    expect(refused.rowErrors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '付款编号', 'DUPLICATE_IN_FILE'],
      [4, '原因', 'REASON_REQUIRED'],
      [5, '付款编号', 'UNKNOWN_PAYMENT'],
      [6, '付款编号', 'INVALID_PAYMENT_ID'],
      [6, '结果', 'INVALID_RESULT'],
    ]);
    for (const error of refused.rowErrors) {
      expect(error.messageZh).toMatch(/第 \d+ 行/);
      expect(error.messageEn).toMatch(/Row \d+/);
      expect(`${error.messageZh}${error.messageEn}`).not.toContain('abc');
    }
    const [moved] = await t.ownerSql<{ n: number }>(
      `select count(*)::int as n from payment where batch_id = $1 and status <> 'EXPORTED'`,
      [batch.id],
    );
    expect(moved?.n).toBe(0);
    const unknown: BankReturnNode = await data(
      t.graphql(
        BANK_RETURN,
        {
          id: batch.id,
          file: bankReturnFile([{ paymentId: '00000000-0000-4000-8000-000000000000', result: '成功' }]),
          key: key(),
        },
        cookie,
      ),
      'recordBankReturn',
    );
    expect(unknown.rowErrors.map((e) => e.code)).toEqual(['UNKNOWN_PAYMENT']);
  });
});

describe('a sensitive program (special assistance)', () => {
  it('pays the monthly standard twelve times a year and stays out of sight of those who may not know', async () => {
    const roll = await confirmedRoll(t, {
      persons: 3,
      villageOffset: 7,
      catalogueCode: 'SPECIAL-ASSISTANCE',
    });
    // The standard is per month; the program pays by the year: twelve months' worth.
    const [standard] = await t.ownerSql<{ yearly: string }>(
      `select (amount_fen * 12)::text as yearly from program_standard
        where program_id = $1 and variant = 'DIED_URBAN' and effective_until is null`,
      [roll.programId],
    );
    expect(roll.amountFen).toBe(standard?.yearly);
    expectRefused(
      await t.graphql(
        CREATE_BATCH,
        {
          input: { programId: roll.programId, period: roll.period, regionCode: roll.villageCode },
          key: key(),
        },
        await as(roll.users.clerk),
      ),
      'FORBIDDEN',
    );
    const batch = await createBatch(roll, 'county.admin');
    expect(batch).toMatchObject({ lineCount: 3, totalFen: String(3 * Number(roll.amountFen)) });
    const lines = await allLines(t, await as(roll.users.township), batch.id);
    expect(lines.map((line) => line.amountFen)).toEqual([roll.amountFen, roll.amountFen, roll.amountFen]);
    expectRefused(
      await t.graphql(RECONCILIATION, { id: batch.id }, await as(roll.users.clerk)),
      'NOT_FOUND',
      'batchId',
    );
    const clerkSees = await t.sqlAs<{ n: number }>(
      roll.users.clerk,
      'select (select count(*) from payment where batch_id = $1)::int + (select count(*) from disbursement_batch where id = $1)::int as n',
      [batch.id],
    );
    expect(clerkSees[0]?.n).toBe(0);
  });
});
