import { readFile } from 'node:fs/promises';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_OPERATIONS,
  type ApiTriple,
  type ApiWorld,
  describeApiTriple,
  expectedOf,
  extendWorldForApi,
  generateApiTriples,
  type RunContext,
  runApiTriples,
  runContext,
} from './jurisdiction-oracle/oracle-api.ts';
import { buildOracleWorld } from './jurisdiction-oracle/oracle-fixture.ts';
import { within } from './jurisdiction-oracle/oracle-rules.ts';
import { startTestApi, type TestApi } from './test-api.ts';

/**
 * The randomized jurisdiction oracle through the GraphQL API: 10,000 generated (admin, operation,
 * row) triples over every registry query and mutation, each admin signed in once over HTTP, each
 * answer compared with the region-path rule of oracle-rules.ts (the rule the raw-SQL oracle checks
 * the database against, plus the few rules only the services add). A refusal is NOT_FOUND or
 * FORBIDDEN (or, for a read, the row missing from the answer); any other error means the generator
 * asked for something invalid, which fails the test as surely as a wrong answer does. Each answer
 * is also checked against what the owner then finds stored: a refusal changed nothing, a success
 * changed exactly what it says; and no refusal names a place outside the caller's region or a person.
 */
const TRIPLES = 10_000;
const SEED = 20261123;
/** Two calls in flight: the machine has two cores, and each call waits on the database half the time. */
const WORKERS = 2;

/** Root fields outside the registry's jurisdiction question, and why. */
const NOT_REGISTRY: Record<string, string> = {
  signIn: 'identity',
  signOut: 'identity',
  viewer: 'identity',
  evaluationChecklist: 'the same fixed checklist for everyone',
  policyPreview: 'renders the given text, reads no record (issue 6): tested in policies/policy.pg.test.ts',
  disclosure: 'disclosures (issue 2), tested in disclosure.pg.test.ts',
  disclosures: 'disclosures (issue 2)',
  createDisclosure: 'disclosures (issue 2)',
  updateDisclosure: 'disclosures (issue 2)',
  approveDisclosure: 'disclosures (issue 2)',
  runPublication: 'publications (issue 2)',
  // Issue 5: history readable by every role within the disclosure's subtree, preview for county and
  // township admins only; both tried in and out of scope in publications/releases.pg.test.ts.
  disclosureReleases: 'releases (issue 5): scope tested in publications/releases.pg.test.ts',
  previewDisclosure: 'releases (issue 5): roles and scope tested in publications/releases.pg.test.ts',
  // Issue 4: tried in and out of scope, by every role, in each module's own tests.
  auditChainVerification: 'audit chain (issue 4): roles tested in audit/audit.pg.test.ts',
  auditEvents: 'audit log (issue 4): subtree and sensitive rows tested in audit/audit.pg.test.ts',
  awardRounds: 'awards (issue 4): scope tested in awards/award.pg.test.ts',
  awardRound: 'awards (issue 4)',
  createAwardRound: 'awards (issue 4)',
  updateAwardRound: 'awards (issue 4)',
  addAwardRecipient: 'awards (issue 4)',
  updateAwardRecipient: 'awards (issue 4)',
  removeAwardRecipient: 'awards (issue 4)',
  // Money (issue 4): not yet drawn by this oracle's generator. Each is tried by callers in and out of
  // scope, the auditor and (for sensitive programs) the family's own village clerk in
  // test/money-jurisdiction.pg.test.ts, which checks that every refusal changed nothing.
  programs: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  program: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  enrollments: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  enrollment: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  notices: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  notice: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  createProgram: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  addProgramStandard: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  loadProgramCatalogue: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  submitEnrollment: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  resubmitEnrollment: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  reviewEnrollment: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  approveEnrollment: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  rejectEnrollment: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  openNotice: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  recordObjection: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  resolveObjection: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  confirmNotice: 'the roll (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  disbursementBatches: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  disbursementBatch: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  reconciliation: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  personAccount: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  payeeProxies: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  setPersonAccount: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  registerPayeeProxy: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  approvePayeeProxy: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  revokePayeeProxy: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  createDisbursementBatch: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  approveDisbursementBatch: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  exportDisbursementBatch: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  recordBankReturn: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  reversePayment: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
  reissuePayment: 'payments (issue 4): matrix in test/money-jurisdiction.pg.test.ts',
};

let t: TestApi;
let owner: pg.Client;
let world: ApiWorld;
let ctx: RunContext;
const cookies = new Map<string, string>();
beforeAll(async () => {
  t = await startTestApi();
  owner = new pg.Client({ connectionString: t.db.ownerUrl });
  await owner.connect();
  world = await extendWorldForApi(owner, await buildOracleWorld(owner));
  ctx = runContext(t, owner, world);
  for (const admin of world.admins) cookies.set(admin.username, await t.signIn(admin.username));
});
afterAll(async () => {
  await owner?.end();
  await t?.close();
});

describe('the jurisdiction oracle, through the GraphQL API', () => {
  it('covers every registry query and mutation of the admin schema', async () => {
    const schema = buildSchema(
      await readFile(new URL('../../../packages/schema/schema.graphql', import.meta.url), 'utf8'),
    );
    const roots = [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[];
    const registry = roots
      .flatMap((type) => Object.keys(type.getFields()))
      .filter((field) => !(field in NOT_REGISTRY));
    const covered = new Set(API_OPERATIONS.flatMap((operation) => operation.fields));
    expect(registry.filter((field) => !covered.has(field))).toEqual([]);
  });

  it(`agrees with the region-path rule on ${TRIPLES.toLocaleString('en')} generated triples`, async () => {
    const triples = generateApiTriples(world, TRIPLES, SEED);
    const mismatches: string[] = [];
    const invalid: string[] = [];
    const problems: string[] = [];
    const outcomes = new Map<string, Set<string>>();
    const expectations = new Map<string, Set<boolean>>();
    const refusalMessages = new Map<string, ApiTriple>();
    await runApiTriples(
      ctx,
      triples,
      (admin) => cookies.get(admin.username) as string,
      WORKERS,
      (triple, { outcome, messages, problem }) => {
        const name = triple.operation.name;
        const rule = expectedOf(triple);
        expectations.set(name, (expectations.get(name) ?? new Set()).add(rule));
        if (problem) problems.push(`${describeApiTriple(triple)}: ${problem}`);
        for (const message of messages) refusalMessages.set(`${triple.admin.username}\n${message}`, triple);
        if (typeof outcome === 'object') {
          invalid.push(`${describeApiTriple(triple)}: ${outcome.invalid}`);
          return;
        }
        outcomes.set(name, (outcomes.get(name) ?? new Set()).add(outcome));
        if ((outcome === 'allowed') !== rule) {
          mismatches.push(
            `${describeApiTriple(triple)}: ${outcome}, rule says ${rule ? 'allowed' : 'refused'}`,
          );
        }
      },
    );
    expect(invalid.slice(0, 10)).toEqual([]);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(problems.slice(0, 10)).toEqual([]);
    // Not vacuous: every operation met admins the rule lets through and admins it refuses, and
    // the API answered both ways.
    for (const operation of API_OPERATIONS) {
      expect({ operation: operation.name, rule: expectations.get(operation.name) }).toEqual({
        operation: operation.name,
        rule: new Set([true, false]),
      });
      expect({ operation: operation.name, seen: outcomes.get(operation.name) }).toEqual({
        operation: operation.name,
        seen: new Set(['allowed', 'refused']),
      });
    }

    // No refusal names a place outside the caller's region or any person.
    const regions = (await owner.query<{ name: string; path: string }>('select name, path::text from region'))
      .rows;
    const names = new Set(
      (await owner.query<{ name: string }>('select distinct name from person')).rows.map((row) => row.name),
    );
    const longest = Math.max(...[...names].map((name) => name.length));
    const leaks: string[] = [];
    for (const [key, triple] of refusalMessages) {
      const message = key.slice(key.indexOf('\n') + 1);
      for (const region of regions) {
        if (!within(region.path, triple.admin.scope) && message.includes(region.name))
          leaks.push(`${describeApiTriple(triple)}: "${message}" names region ${region.name}`);
      }
      // Every substring of the message that could be a name, looked up among the persons' names.
      for (let start = 0; start < message.length; start++) {
        for (let end = start + 2; end <= Math.min(message.length, start + longest); end++) {
          const name = message.slice(start, end);
          if (names.has(name)) leaks.push(`${describeApiTriple(triple)}: "${message}" names person ${name}`);
        }
      }
    }
    expect(refusalMessages.size).toBeGreaterThan(5);
    expect(leaks).toEqual([]);
  }, 600_000);
});
