import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type ApprovedQuery,
  approvedQuerySchema,
  COLUMN_KINDS,
  type Dataset,
  datasetSchema,
  manifestSchema,
} from '@sunshine/disclosure/dataset';
import { PUBLIC_DISCLOSURES } from '@sunshine/disclosure/disclosures';
import { datasetFile, MANIFEST_FILE, queryFile, releaseFile } from '@sunshine/disclosure/publication-files';
import { releaseHistorySchema } from '@sunshine/disclosure/releases/release-diff';
import { valueAt } from '@sunshine/disclosure/releases/row-values';
import { type LeakScanResult, scanForLeaks } from '@sunshine/disclosure/scan-for-leaks';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF } from '../src/modules/demo-data/demo-calendar.ts';
import { analyzeDisclosureDocument } from '../src/modules/disclosures/analyze-disclosure-document.ts';
import { readProtectedNames } from '../src/modules/publications/export-protected-names.ts';
import { buildPublicSchema } from '../src/public-schema/build-public-schema.ts';
import { sessionUser, startTestApi, type TestApi } from './test-api.ts';

/**
 * The one contract every published dataset passes (style.md, issue 5 item 8), whatever public
 * datasets exist: each definition in PUBLIC_DISCLOSURES, drafted and approved by the demo loader,
 * is run over the demo county and its files are checked. Nothing unapproved; the hashes published
 * are the hashes of what was approved and stored; no direct identifier and no full name of a
 * person who did not consent, anywhere in the files; no count of people from 1 to k − 1; every
 * column described and typed as the public schema declares it.
 *
 * Two runs: on the demo's own date, when a public notice is still open and its names list is
 * published, and on the real date (the names lists may have closed since).
 */
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

let t: TestApi;
let publicSchema: GraphQLSchema;
let protectedNames: string[];
let sensitivePrograms: Set<string>;

beforeAll(async () => {
  t = await startTestApi();
  publicSchema = await buildPublicSchema();
  protectedNames = await readProtectedNames(t.db.ownerUrl);
  sensitivePrograms = new Set(
    (await t.ownerSql<{ code: string }>('select code from program where sensitive')).map((row) => row.code),
  );
});
afterAll(async () => t?.close());

interface Published {
  dataset: Dataset;
  bytes: Buffer;
  query: ApprovedQuery;
}

async function readPublished(slug: string): Promise<Published> {
  const bytes = await readFile(path.join(t.publicationsDir, datasetFile(slug)));
  const query = approvedQuerySchema.parse(
    JSON.parse(await readFile(path.join(t.publicationsDir, queryFile(slug)), 'utf8')),
  );
  return { dataset: datasetSchema.parse(JSON.parse(bytes.toString('utf8'))), bytes, query };
}

/** Every value of a column in a row (a column under a list of objects has several). */
function valuesOf(row: Record<string, unknown>, column: string): unknown[] {
  const value = valueAt(row, column);
  return Array.isArray(value) ? value.flat(Number.POSITIVE_INFINITY) : [value];
}

function isSensitive(row: Record<string, unknown>): boolean {
  const code = valueAt(row, 'program.code');
  return (
    valueAt(row, 'program.sensitive') === true || (typeof code === 'string' && sensitivePrograms.has(code))
  );
}

describe.each([
  { when: 'on the demo’s date, with a names list open', asOf: DEMO_AS_OF as string | undefined },
  { when: 'on the real date', asOf: undefined },
])('every dataset of a publication run $when', ({ asOf }) => {
  let scan: LeakScanResult;
  let runId: string;

  beforeAll(async () => {
    const approver = await sessionUser(t, 'county.approver');
    const run = await t.api.services.publications.run({ user: approver }, undefined, { asOf });
    runId = run.runId;
    expect(run.datasets.map((d) => d.slug).sort()).toEqual(PUBLIC_DISCLOSURES.map((d) => d.slug).sort());
    scan = await scanForLeaks(t.publicationsDir, { protectedNames });
  });

  it('publishes masked names while a names list is open, and none once every names window has closed', async () => {
    const named = await Promise.all(
      PUBLIC_DISCLOSURES.map(async (definition) => {
        const { dataset } = await readPublished(definition.slug);
        const columns = dataset.columns.filter((column) => column.kind === 'MASKED_NAME');
        return dataset.rows.flatMap((row) => columns.flatMap((column) => valuesOf(row, column.name)));
      }),
    );
    const masked = named.flat().filter((value): value is string => typeof value === 'string');
    // Award recipients are named (masked, or in full with consent) whatever the date.
    expect(masked.length).toBeGreaterThan(0);
    const [open] = await t.ownerSql<{ n: number }>(
      `select count(*)::int as n from notice n join program p on p.id = n.program_id
        where not p.sensitive and coalesce($1::date, china_today()) between n.starts_on and n.ends_on`,
      [asOf ?? null],
    );
    if ((open?.n ?? 0) > 0 && PUBLIC_DISCLOSURES.some((d) => d.slug === 'notice-recipients')) {
      const { dataset } = await readPublished('notice-recipients');
      expect(dataset.rows.length).toBeGreaterThan(0);
    }
  });

  it('holds no ID number, mobile number, card number or non-consenting person’s full name in any file', () => {
    expect(protectedNames.length).toBeGreaterThan(1000);
    expect(scan.filesScanned).toBeGreaterThanOrEqual(3 * PUBLIC_DISCLOSURES.length + 1);
    expect(scan.unreadable).toEqual([]);
    // File, offset and kind only: the scanner never reports the value.
    expect(scan.hits).toEqual([]);
  });

  it('publishes nothing but approved disclosures, each under the hashes it was approved and stored with', async () => {
    const manifest = manifestSchema.parse(
      JSON.parse(await readFile(path.join(t.publicationsDir, MANIFEST_FILE), 'utf8')),
    );
    expect(manifest.runId).toBe(runId);
    const files = (await readdir(path.join(t.publicationsDir, 'datasets'))).sort();
    expect(files).toEqual(PUBLIC_DISCLOSURES.map((d) => `${d.slug}.json`).sort());
    for (const definition of PUBLIC_DISCLOSURES) {
      const { dataset, bytes, query } = await readPublished(definition.slug);
      const [row] = await t.ownerSql<{
        approved: boolean;
        four_eyes: boolean;
        document_sha256: string;
        policy: unknown;
        dataset_sha256: string;
        published_sha256: string;
        run_id: string;
      }>(
        `select d.approved_by is not null and d.approved_sha256 = d.document_sha256 as approved,
                d.approved_by <> d.drafted_by as four_eyes, d.document_sha256, d.policy,
                p.dataset_sha256, p.document_sha256 as published_sha256, p.run_id
           from disclosure d join publication p on p.disclosure_id = d.id
          where d.slug = $1 order by p.run_at desc, p.id desc limit 1`,
        [definition.slug],
      );
      const slug = definition.slug;
      expect({ slug, approved: row?.approved, fourEyes: row?.four_eyes, run: row?.run_id }).toEqual({
        slug,
        approved: true,
        fourEyes: true,
        run: runId,
      });
      // The text approved is the definition's, byte for byte, and every published hash says so.
      const documentSha256 = sha256(definition.document);
      expect([
        row?.document_sha256,
        row?.published_sha256,
        dataset.provenance.documentSha256,
        query.documentSha256,
        sha256(query.document),
      ]).toEqual(Array(5).fill(documentSha256));
      // The dataset file is the stored dataset, and the manifest and history vouch for those bytes.
      const entry = manifest.files.find((file) => file.path === datasetFile(slug));
      const history = releaseHistorySchema.parse(
        JSON.parse(await readFile(path.join(t.publicationsDir, releaseFile(slug)), 'utf8')),
      );
      expect([row?.dataset_sha256, entry?.sha256, history[0]?.datasetSha256]).toEqual(
        Array(3).fill(sha256(bytes)),
      );
      expect(query.policy).toEqual(row?.policy);
      expect(dataset.provenance.rowCount).toBe(dataset.rows.length);
    }
  });

  it('publishes no count of people from 1 to k − 1 (sensitive programs: sensitiveK, never below a township)', async () => {
    for (const definition of PUBLIC_DISCLOSURES) {
      const { dataset, query } = await readPublished(definition.slug);
      const counts = dataset.columns.filter((column) => column.kind === 'PERSON_COUNT');
      const named = dataset.columns.some((column) => column.kind === 'MASKED_NAME');
      for (const [index, row] of dataset.rows.entries()) {
        const sensitive = isSensitive(row);
        const k = sensitive ? query.policy.sensitiveK : query.policy.k;
        for (const column of counts) {
          for (const value of valuesOf(row, column.name)) {
            if (typeof value !== 'number') continue;
            expect({
              dataset: definition.slug,
              index,
              column: column.name,
              small: value >= 1 && value < k,
            }).toEqual({
              dataset: definition.slug,
              index,
              column: column.name,
              small: false,
            });
          }
        }
        // Special assistance and care payments: township level at most, and never a names list.
        if (sensitive) {
          expect({ dataset: definition.slug, index, level: valueAt(row, 'region.level') }).not.toEqual({
            dataset: definition.slug,
            index,
            level: 'VILLAGE',
          });
          expect({ dataset: definition.slug, index, named }).toEqual({
            dataset: definition.slug,
            index,
            named: false,
          });
        }
      }
    }
  });

  it('describes and types every column as the public schema declares it, and publishes only those', async () => {
    for (const definition of PUBLIC_DISCLOSURES) {
      const { dataset, query } = await readPublished(definition.slug);
      const analysis = analyzeDisclosureDocument(publicSchema, query.document);
      expect(dataset.columns.map((column) => column.name)).toEqual(query.outputFields);
      for (const column of dataset.columns) {
        expect({
          dataset: definition.slug,
          column: column.name,
          described: column.description.trim().length > 0,
          typed: (COLUMN_KINDS as readonly string[]).includes(column.kind),
        }).toEqual({ dataset: definition.slug, column: column.name, described: true, typed: true });
        expect({ column: column.name, description: column.description, kind: column.kind }).toEqual({
          column: column.name,
          description: analysis.descriptions[column.name],
          kind: analysis.kinds[column.name],
        });
      }
      const allowed = new Set(query.outputFields);
      const leaves = (value: unknown, prefix: string): string[] => {
        if (Array.isArray(value)) return value.flatMap((item) => leaves(item, prefix));
        if (value !== null && typeof value === 'object') {
          return Object.entries(value).flatMap(([key, child]) =>
            leaves(child, prefix ? `${prefix}.${key}` : key),
          );
        }
        return [prefix];
      };
      // A null object (an optional nested field) is a leaf of its own; it publishes nothing more.
      const isAllowed = (leaf: string) =>
        allowed.has(leaf) || [...allowed].some((field) => field.startsWith(`${leaf}.`));
      const extra = new Set(
        dataset.rows.flatMap((row) => leaves(row, '')).filter((leaf) => !isAllowed(leaf)),
      );
      expect({ dataset: definition.slug, extra: [...extra] }).toEqual({
        dataset: definition.slug,
        extra: [],
      });
    }
  });
});
