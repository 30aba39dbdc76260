import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { approvedQuerySchema, datasetSchema, manifestSchema } from '@sunshine/disclosure/dataset';
import { PUBLIC_DISCLOSURES } from '@sunshine/disclosure/disclosures';
import { POLICY_NOTICES_DISCLOSURE } from '@sunshine/disclosure/policy-notices-disclosure';
import { datasetFile, MANIFEST_FILE, queryFile } from '@sunshine/disclosure/publication-files';
import { scanForLeaks } from '@sunshine/disclosure/scan-for-leaks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPROVE_DISCLOSURE,
  COUNTY_CODE,
  CREATE_DISCLOSURE,
  CREATE_POLICY,
  type DisclosureNode,
  disclosureInput,
  type PolicyNode,
  PUBLISH_POLICY,
  policyInput,
  UPDATE_DISCLOSURE,
  WITHDRAW_POLICY,
} from '../../../test/graphql-documents.ts';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';

const RUN = 'mutation { runPublication { id runAt datasets { disclosureId slug rowCount datasetSha256 } } }';
const PUBLISHED = 'policy-notices-published';
const UNAPPROVED = 'policy-notices-unapproved';
const EDITED = 'policy-notices-edited';
const DRAFT_TITLE = '草稿标记ZQXDRAFT不应公开的通知';
const WITHDRAWN_TITLE = '撤回标记ZQXWITHDRAWN不应公开的通知';

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

let t: TestApi;
let admin: string;
let approver: string;
const disclosures: Record<string, DisclosureNode> = {};
let run: {
  id: string;
  datasets: { disclosureId: string; slug: string; rowCount: number; datasetSha256: string }[];
};

async function create(slug: string): Promise<DisclosureNode> {
  const res = await t.graphql<{ createDisclosure: DisclosureNode }>(
    CREATE_DISCLOSURE,
    { input: disclosureInput(slug) },
    admin,
  );
  expect(res.errors).toBeUndefined();
  return res.data?.createDisclosure as DisclosureNode;
}
async function approve(disclosure: DisclosureNode): Promise<DisclosureNode> {
  const res = await t.graphql<{ approveDisclosure: DisclosureNode }>(
    APPROVE_DISCLOSURE,
    { id: disclosure.id, sha: disclosure.documentSha256 },
    approver,
  );
  expect(res.errors).toBeUndefined();
  return res.data?.approveDisclosure as DisclosureNode;
}

beforeAll(async () => {
  t = await startTestApi();
  [admin, approver] = await Promise.all([t.signIn('county.admin'), t.signIn('county.approver')]);

  // Policies that must never reach the portal: a draft and a withdrawn one.
  const draft = await t.graphql(CREATE_POLICY, { input: policyInput({ title: DRAFT_TITLE }) }, admin);
  expect(draft.errors).toBeUndefined();
  const toWithdraw = await t.graphql<{ createPolicy: PolicyNode }>(
    CREATE_POLICY,
    { input: policyInput({ title: WITHDRAWN_TITLE }) },
    admin,
  );
  const id = toWithdraw.data?.createPolicy.id;
  await t.graphql(PUBLISH_POLICY, { id, v: 1 }, admin);
  const withdrawn = await t.graphql(WITHDRAW_POLICY, { id, v: 2, reason: '测试撤回' }, admin);
  expect(withdrawn.errors).toBeUndefined();

  disclosures[PUBLISHED] = await approve(await create(PUBLISHED));
  disclosures[UNAPPROVED] = await create(UNAPPROVED);
  const edited = await approve(await create(EDITED));
  const res = await t.graphql<{ updateDisclosure: DisclosureNode }>(
    UPDATE_DISCLOSURE,
    {
      id: edited.id,
      v: edited.version,
      input: disclosureInput(EDITED, {
        document: POLICY_NOTICES_DISCLOSURE.document.replace('    bodyMarkdown\n', ''),
        outputFields: POLICY_NOTICES_DISCLOSURE.outputFields.filter((field) => field !== 'bodyMarkdown'),
      }),
    },
    admin,
  );
  expect(res.data?.updateDisclosure.runnable).toBe(false);
  disclosures[EDITED] = res.data?.updateDisclosure as DisclosureNode;

  const ran = await t.graphql<{ runPublication: typeof run }>(RUN, {}, approver);
  expect(ran.errors).toBeUndefined();
  run = ran.data?.runPublication as typeof run;
});
afterAll(async () => t?.close());

const read = (file: string) => readFile(path.join(t.publicationsDir, file));
const readJson = async (file: string) => JSON.parse((await read(file)).toString('utf8'));

async function allFiles(dir = t.publicationsDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? allFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    ),
  );
  return files.flat();
}

describe('a publication run', () => {
  it('runs only approved, unchanged disclosures', async () => {
    // The demo county's own disclosures (every public dataset) and the one approved here.
    const expected = [...PUBLIC_DISCLOSURES.map((d) => d.slug), PUBLISHED].sort();
    const slugs = run.datasets.map((dataset) => dataset.slug).sort();
    expect(slugs).toEqual(expected);
    const stored = await t.ownerSql<{ slug: string }>(
      `select d.slug from publication p join disclosure d on d.id = p.disclosure_id where p.run_id = $1 order by 1`,
      [run.id],
    );
    expect(stored.map((row) => row.slug)).toEqual(expected);
    const [never] = await t.ownerSql<{ n: number }>(
      'select count(*)::int as n from publication where disclosure_id = any($1::uuid[])',
      [[disclosures[UNAPPROVED]?.id, disclosures[EDITED]?.id]],
    );
    expect(never?.n).toBe(0);
    const files = (await allFiles()).map((file) => path.relative(t.publicationsDir, file));
    for (const slug of [UNAPPROVED, EDITED]) {
      expect(files).not.toContain(datasetFile(slug));
      expect(files).not.toContain(queryFile(slug));
    }
  });

  it('writes a dataset, its approved query and the manifest, all valid against the portal’s schemas', async () => {
    const dataset = datasetSchema.parse(await readJson(datasetFile(PUBLISHED)));
    const query = approvedQuerySchema.parse(await readJson(queryFile(PUBLISHED)));
    manifestSchema.parse(await readJson(MANIFEST_FILE));
    expect(dataset.provenance).toMatchObject({
      slug: PUBLISHED,
      runId: run.id,
      disclosureId: disclosures[PUBLISHED]?.id,
    });
    expect(dataset.provenance.rowCount).toBe(dataset.rows.length);
    expect(query.document).toBe(POLICY_NOTICES_DISCLOSURE.document);
  });

  it('pins the sha256 of the published query text, the one that was approved', async () => {
    const dataset = datasetSchema.parse(await readJson(datasetFile(PUBLISHED)));
    const query = approvedQuerySchema.parse(await readJson(queryFile(PUBLISHED)));
    const textHash = sha256(Buffer.from(query.document, 'utf8'));
    expect(dataset.provenance.documentSha256).toBe(textHash);
    expect(query.documentSha256).toBe(textHash);
    const [row] = await t.ownerSql<{ approved_sha256: string; document_sha256: string }>(
      `select d.approved_sha256, p.document_sha256 from disclosure d join publication p on p.disclosure_id = d.id
        where d.slug = $1 and p.run_id = $2`,
      [PUBLISHED, run.id],
    );
    expect(row).toEqual({ approved_sha256: textHash, document_sha256: textHash });
  });

  it('names the approver by role and region only: no person’s name or id in any file', async () => {
    const dataset = datasetSchema.parse(await readJson(datasetFile(PUBLISHED)));
    expect(Object.keys(dataset.provenance.approvedBy).sort()).toEqual([
      'regionCode',
      'regionName',
      'role',
      'roleLabel',
    ]);
    expect(dataset.provenance.approvedBy).toMatchObject({ role: 'COUNTY_ADMIN', regionCode: COUNTY_CODE });
    const users = await t.ownerSql<{ id: string; username: string; display_name: string }>(
      'select id::text, username, display_name from app_user',
    );
    expect(users.length).toBeGreaterThan(10);
    const files = await allFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = (await readFile(file)).toString('utf8');
      for (const user of users) {
        if (text.includes(user.id) || text.includes(`"${user.username}"`)) {
          throw new Error(`${path.basename(file)} names user ${user.username}`);
        }
      }
    }
    // Staff names as the portal's leak scan looks for them: a two-character name counts where it
    // stands alone, not inside a place name (王家 in 王家村).
    const scan = await scanForLeaks(t.publicationsDir, {
      protectedNames: users.map((user) => user.display_name),
    });
    expect(scan.hits.filter((hit) => hit.kind === 'NAME')).toEqual([]);
  });

  it('lists every published file in the manifest with the sha256 and size of its bytes', async () => {
    const manifest = manifestSchema.parse(await readJson(MANIFEST_FILE));
    expect(manifest.runId).toBe(run.id);
    const onDisk = (await allFiles())
      .map((file) => path.relative(t.publicationsDir, file).split(path.sep).join('/'))
      .filter((file) => file !== MANIFEST_FILE)
      .sort();
    expect(manifest.files.map((file) => file.path).sort()).toEqual(onDisk);
    for (const entry of manifest.files) {
      const bytes = await read(entry.path);
      expect({ path: entry.path, sha256: sha256(bytes), bytes: bytes.length }).toEqual(entry);
    }
    const datasetEntry = manifest.files.find((file) => file.path === datasetFile(PUBLISHED));
    expect(run.datasets.find((d) => d.slug === PUBLISHED)?.datasetSha256).toBe(datasetEntry?.sha256);
  });

  // ADR 0007: whoever holds a publication can later ask whether the audit log still passes through
  // the head it carries; rewriting history before the publication would change that row's digest.
  it('carries the audit chain head of its run, a row the chain verifiably passes through', async () => {
    const manifest = (await readJson(MANIFEST_FILE)) as { auditChainHead?: { seq: string; sha256: string } };
    const [stored] = await t.ownerSql<{ seq: string; sha256: string; run_audit_seq: string }>(
      `select r.audit_chain_seq::text as seq, r.audit_chain_sha256 as sha256,
              (select a.chain_seq::text from audit_event a where a.entity = 'publication_run' and a.entity_id = r.id::text)
                as run_audit_seq
         from publication_run r where r.id = $1`,
      [run.id],
    );
    expect(manifest.auditChainHead).toEqual({ seq: stored?.seq, sha256: stored?.sha256 });
    const [row] = await t.ownerSql<{ row_sha256: string }>(
      'select row_sha256 from audit_event where chain_seq = $1::bigint',
      [stored?.seq],
    );
    expect(row?.row_sha256).toBe(stored?.sha256);
    // The run's own audit row is chained after the head it published.
    expect(BigInt(stored?.run_audit_seq ?? '0')).toBeGreaterThan(BigInt(stored?.seq ?? '0'));
    const [verification] = await t.ownerSql<{ intact: boolean }>('select intact from audit_chain_verify()');
    expect(verification?.intact).toBe(true);
  });

  it('holds exactly the published policies, only the allowlisted fields, and documents every column', async () => {
    const dataset = datasetSchema.parse(await readJson(datasetFile(PUBLISHED)));
    const expected = await t.ownerSql<{ id: string }>(
      `select p.id from policy p where p.status = 'PUBLISHED' order by p.issue_date desc, p.id`,
    );
    expect(dataset.rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    const text = (await read(datasetFile(PUBLISHED))).toString('utf8');
    expect(text).not.toContain('ZQXDRAFT');
    expect(text).not.toContain('ZQXWITHDRAWN');

    expect(dataset.columns.map((column) => column.name)).toEqual([...POLICY_NOTICES_DISCLOSURE.outputFields]);
    for (const column of dataset.columns)
      expect({ column: column.name, described: column.description.trim().length > 0 }).toEqual({
        column: column.name,
        described: true,
      });

    const allowed = new Set<string>(POLICY_NOTICES_DISCLOSURE.outputFields);
    const leaves = (value: unknown, prefix: string): string[] => {
      if (Array.isArray(value)) return value.flatMap((item) => leaves(item, prefix));
      if (value !== null && typeof value === 'object') {
        return Object.entries(value).flatMap(([key, child]) =>
          leaves(child, prefix ? `${prefix}.${key}` : key),
        );
      }
      return [prefix];
    };
    for (const row of dataset.rows) {
      for (const leaf of leaves(row, '')) expect(allowed.has(leaf)).toBe(true);
    }
  });
});

describe('the publication table', () => {
  // As a run would store it: the latest release of the disclosure as previous, a diff, the policy.
  const insert = `
    with run as (
      insert into publication_run (region_id, region_path, started_by)
        select id, path, app_user_id() from region where code = $1
      returning id, region_id)
    insert into publication (run_id, disclosure_id, region_id, region_path, document_sha256, dataset, dataset_sha256,
                             row_count, run_at, diff, previous_publication_id, policy)
      select run.id, $2, run.region_id, '', $3, '{}'::jsonb, repeat('0', 64), 0, now(), $4::jsonb,
             case when $5::boolean then (select p.id from publication p where p.disclosure_id = $2
                                           order by p.run_at desc, p.id desc limit 1) end,
             coalesce($6::jsonb, (select d.policy from disclosure d where d.id = $2))
        from run
    returning id`;
  const stored = (
    disclosure: DisclosureNode,
    sha: string,
    options: { diff?: string | null; latest?: boolean; policy?: string } = {},
  ) => [
    COUNTY_CODE,
    disclosure.id,
    sha,
    options.diff === undefined ? '{}' : options.diff,
    options.latest ?? true,
    options.policy ?? null,
  ];

  it('refuses, in the database, a publication of text that was not approved', async () => {
    const published = disclosures[PUBLISHED] as DisclosureNode;
    await expect(t.sqlAs('county.approver', insert, stored(published, 'f'.repeat(64)))).rejects.toMatchObject(
      {
        code: '42501',
      },
    );
    const unapproved = disclosures[UNAPPROVED] as DisclosureNode;
    await expect(
      t.sqlAs('county.approver', insert, stored(unapproved, unapproved.documentSha256)),
    ).rejects.toMatchObject({ code: '42501' });
    const edited = disclosures[EDITED] as DisclosureNode;
    const [original] = await t.ownerSql<{ sha: string }>('select utf8_sha256($1) as sha', [
      POLICY_NOTICES_DISCLOSURE.document,
    ]);
    await expect(
      t.sqlAs('county.approver', insert, stored(edited, original?.sha ?? '')),
    ).rejects.toMatchObject({
      code: '42501',
    });
    // The same statement with the approved hash goes through: the refusals above are about the hash.
    await expect(
      t.sqlAs('county.approver', insert, stored(published, published.documentSha256)),
    ).resolves.toHaveLength(1);
  });

  it('refuses a publication under another policy than the approved one', async () => {
    const published = disclosures[PUBLISHED] as DisclosureNode;
    await expect(
      t.sqlAs(
        'county.approver',
        insert,
        stored(published, published.documentSha256, { policy: '{"k": 6, "sensitiveK": 10}' }),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses a publication that skips the comparison with the latest release, or has no diff', async () => {
    const published = disclosures[PUBLISHED] as DisclosureNode;
    await expect(
      t.sqlAs('county.approver', insert, stored(published, published.documentSha256, { latest: false })),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      t.sqlAs('county.approver', insert, stored(published, published.documentSha256, { diff: null })),
    ).rejects.toMatchObject({ code: '23514' });
  });
});
