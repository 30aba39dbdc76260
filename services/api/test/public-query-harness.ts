import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type Dataset, DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '@sunshine/disclosure/dataset';
import { type DisclosureDefinition, PUBLIC_DISCLOSURES } from '@sunshine/disclosure/disclosures';
import { execute, type GraphQLSchema, parse } from 'graphql';
import pg from 'pg';
import { expect } from 'vitest';
import { createOrm } from '../src/db/create-orm.ts';
import { type ScopeUser, withScope } from '../src/db/scoped-transaction.ts';
import { DEMO_AS_OF } from '../src/modules/demo-data/demo-calendar.ts';
import { analyzeDisclosureDocument } from '../src/modules/disclosures/analyze-disclosure-document.ts';
import { buildPublicSchema } from '../src/public-schema/build-public-schema.ts';
import type { PublicContext } from '../src/public-schema/public-context.ts';
import { COUNTY_CODE } from './graphql-documents.ts';
import { cloneDatabase } from './test-api.ts';

/** The registered disclosure of this slug; throws when there is none. */
export function disclosureDefinition(slug: string): DisclosureDefinition {
  const found = PUBLIC_DISCLOSURES.find((d) => d.slug === slug);
  if (!found) throw new Error(`no disclosure ${slug}`);
  return found;
}

export interface PublicRunOptions {
  /** The `$regionCode` variable; the demo county's by default. */
  regionCode?: string;
  /** The region the disclosure is approved for; the approver's by default. */
  regionPath?: string;
  policy?: DisclosurePolicy;
  /** The run date; the demo's today by default. */
  asOf?: string;
  /** The previous release, whose hidden cells stay hidden. */
  previous?: Dataset | null;
  /** Changes data for this run only: it is rolled back with the run. */
  before?: (em: EntityManager) => Promise<void>;
}

export interface PublicQueryHarness {
  schema: GraphQLSchema;
  /** The demo's `county.approver`, in whose scope every run reads. */
  approver: ScopeUser;
  /** Every region's path by its code. */
  regionPaths: Map<string, string>;
  /** The database owner (no row-level security), for fixtures written outside a run. */
  owner: pg.Pool;
  /** Runs a disclosure's approved text as a publication run does, and returns its root field's rows. */
  run<T>(disclosure: DisclosureDefinition, options?: PublicRunOptions): Promise<T[]>;
  /** What is really stored, read as the database owner. */
  ownerRows<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Carries the rows out of the scoped transaction, which it rolls back on the way. */
class RolledBack {
  constructor(readonly rows: unknown[]) {}
}

/** The public schema over a private copy of the demo county, read in the county approver's scope. */
export async function startPublicQueryHarness(): Promise<PublicQueryHarness> {
  const db = await cloneDatabase();
  const owner = new pg.Pool({ connectionString: db.ownerUrl, max: 2 });
  let orm: MikroORM | undefined;
  const close = async () => {
    await orm?.close(true);
    await owner.end();
    await db.drop();
  };
  try {
    orm = await createOrm(db.appUrl, { poolMax: 2 });
    const schema = await buildPublicSchema();
    const ownerRows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
      (await owner.query<T>(sql, params)).rows;
    const [approver] = await ownerRows<ScopeUser>(
      `select u.id, u.role, r.path::text as "regionPath" from app_user u join region r on r.id = u.region_id
        where u.username = 'county.approver'`,
    );
    if (!approver) throw new Error('the demo has no county.approver');
    const regions = await ownerRows<{ code: string; path: string }>(
      'select code, path::text as path from region',
    );
    const appOrm = orm;

    const run = async <T>(disclosure: DisclosureDefinition, options: PublicRunOptions = {}): Promise<T[]> => {
      const { rootField } = analyzeDisclosureDocument(schema, disclosure.document);
      try {
        await withScope(appOrm, approver, async (em) => {
          await options.before?.(em);
          const result = await execute({
            schema,
            document: parse(disclosure.document),
            variableValues: { regionCode: options.regionCode ?? COUNTY_CODE },
            contextValue: {
              em,
              regionPath: options.regionPath ?? approver.regionPath,
              policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY,
              asOf: options.asOf ?? DEMO_AS_OF,
              previous: options.previous ?? null,
            } satisfies PublicContext,
          });
          expect(result.errors).toBeUndefined();
          throw new RolledBack((result.data?.[rootField] ?? []) as unknown[]);
        });
      } catch (error) {
        if (error instanceof RolledBack) return error.rows as T[];
        throw error;
      }
      throw new Error('unreachable');
    };

    return {
      schema,
      approver,
      regionPaths: new Map(regions.map((r) => [r.code, r.path])),
      owner,
      run,
      ownerRows,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
