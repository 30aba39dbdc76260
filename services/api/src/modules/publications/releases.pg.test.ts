import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Dataset, datasetSchema, manifestSchema } from '@sunshine/disclosure/dataset';
import { type DisclosureDefinition, PUBLIC_DISCLOSURES } from '@sunshine/disclosure/disclosures';
import { MANIFEST_FILE, queryFile, releaseFile } from '@sunshine/disclosure/publication-files';
import { diffDatasets } from '@sunshine/disclosure/releases/diff-datasets';
import { PERSONAL_REASONS } from '@sunshine/disclosure/releases/reason-codes';
import {
  type ReleaseDiff,
  releaseDiffSchema,
  releaseHistorySchema,
} from '@sunshine/disclosure/releases/release-diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILINGUAL, COUNTY_CODE, type DisclosureNode } from '../../../test/graphql-documents.ts';
import { sessionUser, startTestApi, type TestApi } from '../../../test/test-api.ts';
import { DEMO_AS_OF } from '../demo-data/demo-calendar.ts';

const RUN = 'mutation { runPublication { id runAt datasets { disclosureId slug rowCount datasetSha256 } } }';
const RELEASES = `query($id: ID!) { disclosureReleases(disclosureId: $id) {
  runId runAt previousRunId documentSha256 datasetSha256 rowCount policy { k sensitiveK } diff } }`;
const PREVIEW = `query($id: ID!) { previewDisclosure(id: $id) {
  asOf rowCount dataset diff refusal isolationFindings { kind field key } } }`;
const FIELDS = 'id slug documentSha256 runnable version policy { k sensitiveK }';
const CREATE = `mutation($input: DisclosureInput!) { createDisclosure(input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $sha: String!) { approveDisclosure(id: $id, documentSha256: $sha) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: DisclosureInput!) {
  updateDisclosure(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;

interface Node extends Pick<DisclosureNode, 'id' | 'slug' | 'documentSha256' | 'runnable' | 'version'> {
  policy: { k: number; sensitiveK: number };
}
interface Run {
  id: string;
  datasets: { disclosureId: string; slug: string; rowCount: number; datasetSha256: string }[];
}

const BENEFIT_TOTALS_DISCLOSURE = PUBLIC_DISCLOSURES.find(
  (definition) => definition.slug === 'benefit-totals',
) as DisclosureDefinition;

let t: TestApi;
let admin: string;
let approver: string;

beforeAll(async () => {
  t = await startTestApi();
  [admin, approver] = await Promise.all([t.signIn('county.admin'), t.signIn('county.approver')]);
});
afterAll(async () => t?.close());

function totalsInput(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    slug,
    name: `${BENEFIT_TOTALS_DISCLOSURE.name}（${slug}）`,
    description: BENEFIT_TOTALS_DISCLOSURE.description,
    regionCode: COUNTY_CODE,
    pageKind: BENEFIT_TOTALS_DISCLOSURE.pageKind,
    document: BENEFIT_TOTALS_DISCLOSURE.document,
    parameters: { regionCode: COUNTY_CODE },
    outputFields: [...BENEFIT_TOTALS_DISCLOSURE.outputFields],
    ...overrides,
  };
}

async function draftAndApprove(input: Record<string, unknown>): Promise<Node> {
  const created = await t.graphql<{ createDisclosure: Node }>(CREATE, { input }, admin);
  expect(created.errors).toBeUndefined();
  const draft = created.data?.createDisclosure as Node;
  const approved = await t.graphql<{ approveDisclosure: Node }>(
    APPROVE,
    { id: draft.id, sha: draft.documentSha256 },
    approver,
  );
  expect(approved.errors).toBeUndefined();
  return approved.data?.approveDisclosure as Node;
}

async function runPublication(): Promise<Run> {
  const res = await t.graphql<{ runPublication: Run }>(RUN, {}, approver);
  expect(res.errors).toBeUndefined();
  return res.data?.runPublication as Run;
}

async function latestDiff(disclosureId: string): Promise<ReleaseDiff> {
  const [row] = await t.ownerSql<{ diff: ReleaseDiff }>(
    'select diff from publication where disclosure_id = $1 order by run_at desc, id desc limit 1',
    [disclosureId],
  );
  return releaseDiffSchema.parse(row?.diff);
}

const readJson = async (file: string) =>
  JSON.parse(await readFile(path.join(t.publicationsDir, file), 'utf8')) as unknown;

interface Cell {
  region: { code: string; level: string };
  program: { code: string; sensitive: boolean };
  year: number;
  recipientCount: number | null;
}

/** The cells of a benefit-totals dataset by `region.code|program.code|year`. */
function cellsOf(dataset: { rows: Record<string, unknown>[] }): Map<string, Cell> {
  return new Map(
    dataset.rows.map((row) => {
      const cell = row as unknown as Cell;
      return [`${cell.region.code}|${cell.program.code}|${cell.year}`, cell];
    }),
  );
}

describe('release history', () => {
  let first: Run;
  let second: Run;
  beforeAll(async () => {
    first = await runPublication();
    second = await runPublication();
  });

  it('publishes every disclosure’s releases newest first, each compared with the one before', async () => {
    const [demo] = await t.ownerSql<{ id: string }>(
      "select id from disclosure where slug = 'benefit-totals'",
    );
    const history = releaseHistorySchema.parse(await readJson(releaseFile('benefit-totals')));
    // The demo loader's first release, then the two runs of this test.
    expect(history.map((release) => release.runId).slice(0, 2)).toEqual([second.id, first.id]);
    expect(history).toHaveLength(3);
    expect(history[0]?.diff?.previous?.runId).toBe(first.id);
    expect(history[1]?.diff?.previous?.runId).toBe(history[2]?.runId);
    expect(history[2]?.diff).toMatchObject({ previous: null, added: [], removed: [], changed: [] });
    // Nothing changed in the data between this test's two runs.
    expect(history[0]?.diff?.summary).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(history[0]?.datasetSha256).toBe(
      second.datasets.find((d) => d.disclosureId === demo?.id)?.datasetSha256,
    );

    const stored = await t.ownerSql<{ run_id: string; previous_run_id: string | null }>(
      `select p.run_id, prev.run_id as previous_run_id from publication p
         left join publication prev on prev.id = p.previous_publication_id
        where p.disclosure_id = $1 order by p.run_at desc`,
      [demo?.id],
    );
    expect(stored.map((row) => row.previous_run_id)).toEqual([first.id, history[2]?.runId, null]);
  });

  it('lists every release file in the manifest with its sha256', async () => {
    const manifest = manifestSchema.parse(await readJson(MANIFEST_FILE));
    const releases = manifest.files.filter((file) => file.path.startsWith('releases/'));
    expect(releases.map((file) => file.path)).toContain(releaseFile('benefit-totals'));
    expect(releases.length).toBe(second.datasets.length);
  });

  it('answers disclosureReleases with the same history, to admins who can see the disclosure', async () => {
    const [demo] = await t.ownerSql<{ id: string }>(
      "select id from disclosure where slug = 'benefit-totals'",
    );
    const res = await t.graphql<{
      disclosureReleases: { runId: string; previousRunId: string | null; policy: unknown; diff: unknown }[];
    }>(RELEASES, { id: demo?.id }, await t.signIn('county.auditor'));
    expect(res.errors).toBeUndefined();
    const history = releaseHistorySchema.parse(await readJson(releaseFile('benefit-totals')));
    expect(res.data?.disclosureReleases.map((r) => r.runId)).toEqual(history.map((r) => r.runId));
    expect(res.data?.disclosureReleases[0]).toMatchObject({
      previousRunId: first.id,
      policy: { k: 5, sensitiveK: 10 },
      diff: history[0]?.diff,
    });
    // A township admin cannot see a county disclosure: not found, whether it exists or not.
    const township = await t.graphql(RELEASES, { id: demo?.id }, await t.signIn('township.101'));
    expect(township.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(township.errors?.[0]?.message).toMatch(BILINGUAL);
  });
});

describe('a disclosure’s policy', () => {
  it('runs with the policy it was approved with, and publishes that policy beside the dataset', async () => {
    const strict = await draftAndApprove(
      totalsInput('benefit-totals-k8', { policy: { k: 8, sensitiveK: 12 } }),
    );
    expect(strict.policy).toEqual({ k: 8, sensitiveK: 12 });
    await runPublication();
    const query = (await readJson(queryFile(strict.slug))) as { policy: unknown };
    expect(query.policy).toEqual({ k: 8, sensitiveK: 12 });
    const dataset = datasetSchema.parse(await readJson(`datasets/${strict.slug}.json`));
    const counts = dataset.rows.map((row) => ({
      count: row.recipientCount as number | null,
      sensitive: (row.program as { sensitive: boolean }).sensitive,
    }));
    expect(counts.some(({ count }) => count !== null)).toBe(true);
    for (const { count, sensitive } of counts) {
      if (count !== null && count > 0) expect(count).toBeGreaterThanOrEqual(sensitive ? 12 : 8);
    }
    // A cell the default policy shows and this one hides: the policy really ran.
    const loose = cellsOf(datasetSchema.parse(await readJson('datasets/benefit-totals.json')));
    const hiddenHere = [...cellsOf(dataset)].filter(
      ([key, row]) => row.recipientCount === null && typeof loose.get(key)?.recipientCount === 'number',
    );
    expect(hiddenHere.length).toBeGreaterThan(0);
  });
});

describe('reasons from the data', () => {
  it('explains a new year’s totals by enrollment: new, continuing, and the exits of its roll', async () => {
    const disclosure = await draftAndApprove(totalsInput('benefit-totals-reasons'));
    // A first release made before 2025 was paid: this year's totals are all news to the next run.
    const preview = await t.graphql<{ previewDisclosure: { dataset: Dataset } }>(
      PREVIEW,
      { id: disclosure.id },
      approver,
    );
    expect(preview.errors).toBeUndefined();
    const now = preview.data?.previewDisclosure.dataset as Dataset;
    const before = { ...now, rows: now.rows.filter((row) => row.year !== 2025) };
    const runAt = '2025-06-30T16:00:00.000Z';
    const diff = diffDatasets(null, before, {
      rootField: 'benefitTotals',
      policy: disclosure.policy,
      previousRef: null,
    });
    await t.ownerSql(
      `with run as (
         insert into publication_run (region_id, region_path, started_by, started_at, finished_at, status,
                                      audit_chain_seq, audit_chain_sha256)
           select r.id, r.path, u.id, $3, $3, 'SUCCEEDED', a.chain_seq, a.row_sha256
             from region r, app_user u, (select chain_seq, row_sha256 from audit_event
                                          order by chain_seq limit 1) a
            where r.code = $1 and u.username = 'county.approver'
         returning id, region_id)
       insert into publication (run_id, disclosure_id, region_id, region_path, document_sha256, dataset,
                                dataset_sha256, row_count, run_at, diff, previous_publication_id, policy)
       select run.id, d.id, run.region_id, '', d.document_sha256, $4::jsonb, repeat('c', 64), $5, $3, $6::jsonb,
              null, d.policy
         from run, disclosure d where d.id = $2`,
      [COUNTY_CODE, disclosure.id, runAt, JSON.stringify(before), before.rows.length, JSON.stringify(diff)],
    );

    await runPublication();
    const release = await latestDiff(disclosure.id);
    expect(release.previous?.runAt).toBe(runAt);
    const current = cellsOf(datasetSchema.parse(await readJson(`datasets/${disclosure.slug}.json`)));
    const added = release.added.filter((row) => row.key.year === 2025);
    expect(added.length).toBeGreaterThan(0);
    // Earlier years did not change, though their hidden cells now say they stay hidden from last time.
    expect(release.changed.filter((change) => change.field !== 'suppressionReason')).toEqual([]);

    // The county's cell of each program: everyone paid in 2025 entered since mid-2025, by the kind
    // of their enrollment (or a correction, for a reissue), and the roll's exits are counted apart.
    const county = added.filter((row) => row.key['region.code'] === COUNTY_CODE);
    expect(county.length).toBeGreaterThan(0);
    let sawNew = false;
    for (const row of county) {
      const cell = current.get(`${COUNTY_CODE}|${row.key['program.code']}|2025`);
      if (typeof cell?.recipientCount !== 'number') continue;
      sawNew ||= row.reasons.some((reason) => reason.code === 'NEW_ENROLLMENT');
      const exits = await t.ownerSql<{ reason: string; n: number }>(
        `select e.exit_reason as reason, count(*)::int as n from enrollment e join program p on p.id = e.program_id
          where p.code = $1 and e.year = 2025 and e.kind = 'EXITED' and e.status = 'CONFIRMED'
          group by 1`,
        [row.key['program.code']],
      );
      // Everyone counted entered (+), the roll's exits left (−); pooling keeps the sum.
      const total = row.reasons.reduce((sum, reason) => sum + reason.count, 0);
      const exited = exits.reduce((sum, exit) => sum + exit.n, 0);
      expect(total, String(row.key['program.code'])).toBe(cell.recipientCount - exited);
      const k = cell.program.sensitive ? disclosure.policy.sensitiveK : disclosure.policy.k;
      for (const exit of exits) {
        const published = row.reasons.find((reason) => reason.code === `EXIT_${exit.reason}`);
        // Fewer than k exits of one kind are pooled, never itemised.
        if (exit.n >= k) expect(published?.count).toBe(-exit.n);
        else expect(published).toBeUndefined();
      }
    }
    expect(sawNew).toBe(true);
    for (const entry of release.added) {
      for (const reason of entry.reasons) {
        if (PERSONAL_REASONS.has(reason.code)) expect(Math.abs(reason.count)).toBeGreaterThanOrEqual(5);
      }
    }
    expect(
      release.reasons.map((reason) => reason.label).every((label) => /[\u4e00-\u9fff]/.test(label)),
    ).toBe(true);
  });

  it('shows reversed payments as corrections, and withholds the reason when fewer than k people moved', async () => {
    // The village with most people paid once in 2025 under one program, and six of those payments.
    const payments = await t.ownerSql<{ id: string; village: string; program: string }>(
      `with once as (
         select p.person_id, p.program_id, (array_agg(p.id))[1] as id, (array_agg(r.code))[1] as village,
                (array_agg(g.code))[1] as program
           from payment p join region r on r.id = p.region_id join program g on g.id = p.program_id
          where left(p.period, 4) = '2025' and not g.sensitive
          group by p.person_id, p.program_id
         having count(*) = 1 and bool_and(p.entry = 'PAYMENT' and p.status = 'PAID'))
       , best as (select village, program from once group by 1, 2 order by count(*) desc, 1, 2 limit 1)
       select o.id, o.village, o.program from once o join best b using (village, program) order by o.id limit 7`,
    );
    expect(payments).toHaveLength(7);
    const { village, program } = payments[0] as { village: string; program: string };
    const [demo] = await t.ownerSql<{ id: string }>(
      "select id from disclosure where slug = 'benefit-totals'",
    );
    const key = `${village}|${program}|2025`;
    const before = cellsOf(datasetSchema.parse(await readJson('datasets/benefit-totals.json'))).get(key);
    expect(before?.recipientCount).toBeGreaterThanOrEqual(11 + 6);

    const user = { user: await sessionUser(t, 'county.approver') };
    for (const payment of payments.slice(0, 6)) {
      await t.api.services.disbursements.reversePayment(
        user,
        payment.id,
        '发放后核实不符合条件，款项追回',
        randomUUID(),
      );
    }
    await runPublication();
    const six = await latestDiff(demo?.id as string);
    const villageChange = six.changed.find(
      (change) =>
        change.field === 'recipientCount' &&
        change.key['region.code'] === village &&
        change.key['program.code'] === program &&
        change.key.year === 2025,
    );
    expect(villageChange).toMatchObject({
      before: before?.recipientCount,
      after: (before?.recipientCount as number) - 6,
      reasons: [{ code: 'CORRECTION', count: -6 }],
    });
    expect(six.reasons.find((reason) => reason.code === 'CORRECTION')?.label).toBe(
      '更正（冲正、补发或数据更正）',
    );

    await t.api.services.disbursements.reversePayment(
      user,
      (payments[6] as { id: string }).id,
      '发放后核实不符合条件，款项追回',
      randomUUID(),
    );
    await runPublication();
    const one = await latestDiff(demo?.id as string);
    const moved = one.changed.filter((change) => change.field === 'recipientCount');
    expect(moved.length).toBeGreaterThanOrEqual(3); // the village, its township, the county
    for (const change of moved) {
      expect(change.reasons).toEqual([{ code: 'SMALL_CHANGE_WITHHELD', count: -1 }]);
    }
    expect(JSON.stringify(one)).not.toContain('CORRECTION');
  });
});

describe('previewDisclosure', () => {
  it('runs a draft read-only and stores nothing, for the drafter and for an approver', async () => {
    const created = await t.graphql<{ createDisclosure: Node }>(
      CREATE,
      { input: totalsInput('benefit-totals-draft') },
      admin,
    );
    const draft = created.data?.createDisclosure as Node;
    const count = async () =>
      (
        await t.ownerSql<{ n: number }>(
          `select (select count(*) from publication) + (select count(*) from publication_run)
                  + (select count(*) from audit_event) as n`,
        )
      )[0]?.n;
    const before = await count();
    for (const cookie of [admin, approver]) {
      const res = await t.graphql<{
        previewDisclosure: { rowCount: number; dataset: Dataset; diff: ReleaseDiff; refusal: string | null };
      }>(PREVIEW, { id: draft.id }, cookie);
      expect(res.errors).toBeUndefined();
      const preview = res.data?.previewDisclosure;
      expect(preview?.rowCount).toBeGreaterThan(0);
      expect(preview?.dataset.rows).toHaveLength(preview?.rowCount as number);
      expect(preview?.diff).toMatchObject({ previous: null });
      expect(preview?.refusal).toBeNull();
    }
    expect(await count()).toBe(before);
  });

  it('is refused to a village clerk and the auditor, and is not found outside the caller’s region', async () => {
    const [demo] = await t.ownerSql<{ id: string }>(
      "select id from disclosure where slug = 'benefit-totals'",
    );
    for (const user of ['clerk.102.204', 'county.auditor']) {
      const res = await t.graphql(PREVIEW, { id: demo?.id }, await t.signIn(user));
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const township = await t.graphql(PREVIEW, { id: demo?.id }, await t.signIn('township.101'));
    expect(township.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('a release that would single a person out', () => {
  it('is refused, naming the disclosure and the cell, never a person, and nothing is published', {
    timeout: 240_000,
  }, async () => {
    // A version of the totals without the `suppressed` column, first under a strict policy…
    const document = BENEFIT_TOTALS_DISCLOSURE.document.replace(
      '    suppressed\n    suppressionReason\n',
      '',
    );
    const outputFields = BENEFIT_TOTALS_DISCLOSURE.outputFields.filter(
      (field: string) => field !== 'suppressed' && field !== 'suppressionReason',
    );
    const input = totalsInput('benefit-totals-lowered', {
      document,
      outputFields,
      policy: { k: 10, sensitiveK: 20 },
    });
    const strict = await draftAndApprove(input);
    await runPublication();
    // …then lowered to the floors: cells hidden last time would now be shown, which, read with the
    // previous release, tells that each held fewer than 10 (20) people. The check refuses it.
    const edited = await t.graphql<{ updateDisclosure: Node }>(
      UPDATE,
      { id: strict.id, v: strict.version, input: { ...input, policy: { k: 5, sensitiveK: 10 } } },
      admin,
    );
    expect(edited.data?.updateDisclosure).toMatchObject({
      runnable: false,
      policy: { k: 5, sensitiveK: 10 },
    });
    const edit = edited.data?.updateDisclosure as Node;
    const reapproved = await t.graphql<{ approveDisclosure: Node }>(
      APPROVE,
      { id: edit.id, sha: edit.documentSha256 },
      approver,
    );
    const lowered = reapproved.data?.approveDisclosure as Node;
    expect(lowered.runnable).toBe(true);

    const counts = async () =>
      t.ownerSql<{ publications: number; runs: number }>(
        `select (select count(*) from publication)::int as publications,
                (select count(*) from publication_run)::int as runs`,
      );
    const stored = await counts();
    const manifest = await readFile(path.join(t.publicationsDir, MANIFEST_FILE), 'utf8');

    const preview = await t.graphql<{
      previewDisclosure: { refusal: string | null; isolationFindings: { kind: string; field: string }[] };
    }>(PREVIEW, { id: lowered.id }, approver);
    expect(preview.data?.previewDisclosure.isolationFindings[0]).toMatchObject({
      kind: 'SUPPRESSION_LIFTED',
      field: 'recipientCount',
    });

    const res = await t.graphql(RUN, {}, approver);
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('INVALID_STATE');
    expect(error?.message).toMatch(BILINGUAL);
    expect(error?.message).toContain(strict.slug);
    expect(error?.message).toContain('recipientCount');
    expect(error?.message).toMatch(/（\d{12}）/);
    expect(error?.message).toBe(preview.data?.previewDisclosure.refusal);
    const names = await t.ownerSql<{ name: string }>(
      'select distinct name from person where length(name) >= 3',
    );
    for (const { name } of names) expect(error?.message).not.toContain(name);

    expect(await counts()).toEqual(stored);
    expect(await readFile(path.join(t.publicationsDir, MANIFEST_FILE), 'utf8')).toBe(manifest);

    // Withdrawn from running (its text edited), the rest of the county publishes again.
    await t.graphql(
      UPDATE,
      {
        id: lowered.id,
        v: lowered.version,
        input: { ...input, description: '已停用', document: `${document} ` },
      },
      admin,
    );
    await runPublication();
  });
});

describe('a names list whose window has closed', () => {
  it('is dropped with the reason NOTICE_ENDED, and no release history keeps a token or a name', async () => {
    const user = { user: await sessionUser(t, 'county.approver') };
    const [list] = await t.ownerSql<{ id: string }>(
      "select id from disclosure where slug = 'notice-recipients'",
    );
    await t.api.services.publications.run(user, undefined, { asOf: DEMO_AS_OF });
    const open = datasetSchema.parse(await readJson('datasets/notice-recipients.json'));
    expect(open.rows.length).toBeGreaterThan(0);

    // The notice's last day has passed; its objections are dealt with (dismissed), so its names go.
    const admin = { user: await sessionUser(t, 'county.admin') };
    const objections = await t.ownerSql<{ id: string; version: number }>(
      "select id, version from objection where status = 'OPEN'",
    );
    for (const objection of objections) {
      await t.api.services.notices.resolveObjection(
        admin,
        objection.id,
        objection.version,
        'DISMISSED',
        '经核实不成立',
      );
    }
    await t.api.services.publications.run(user, undefined, { asOf: '2027-03-31' });
    const closed = datasetSchema.parse(await readJson('datasets/notice-recipients.json'));
    const diff = await latestDiff(list?.id as string);
    const removed = open.rows.length - closed.rows.length;
    expect(removed).toBeGreaterThan(0);
    expect(diff).toMatchObject({
      keysWithheld: true,
      summary: { added: 0, removed },
      added: [],
      removed: [],
      changed: [],
    });
    expect(diff.reasons).toContainEqual({
      code: 'NOTICE_ENDED',
      label: '公示期已结束，名单不再公开',
      count: removed,
    });
    const history = await readFile(path.join(t.publicationsDir, releaseFile('notice-recipients')), 'utf8');
    for (const row of open.rows) {
      expect(history).not.toContain(String(row.token));
      expect(history).not.toContain(String(row.maskedName));
    }
  });
});
