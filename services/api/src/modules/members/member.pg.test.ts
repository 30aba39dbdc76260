import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.ts';
import {
  ADD_MEMBER,
  type AssociationNode,
  CREATE_ASSOCIATION,
  CREATE_MEMBER_GROUP,
  createHousehold,
  END_MEMBERSHIP,
  expectRefusal,
  LINK_CONTACT_HOUSEHOLD,
  MEMBER,
  MEMBERS,
  type MemberNode,
  personsIn,
  pickTownship,
  storedCounts,
  type TownshipFixture,
  UNLINK_CONTACT_HOUSEHOLD,
  UPDATE_MEMBER,
  type VillageFixture,
} from '../associations/registry-test-fixtures.ts';

let t: TestApi;
let township: TownshipFixture;
let villageA: VillageFixture;
let villageB: VillageFixture;
let clerkA: string;
let clerkB: string;
let townshipAdmin: string;
let auditor: string;
let association: AssociationNode;
let otherAssociation: AssociationNode;
let groupId: string;
let otherGroupId: string;
let personsA: { id: string; name: string }[];
let personsB: { id: string; name: string; current_path: string }[];
/** Registered in village B and not living in village A. */
let outsider: { id: string; name: string };
let householdA: { id: string; code: string };
let householdA2: { id: string; code: string };
let householdB: { id: string; code: string };

async function ok<T>(query: string, variables: Record<string, unknown>, cookie: string): Promise<T> {
  const response = await t.graphql<T>(query, variables, cookie);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

beforeAll(async () => {
  t = await startTestApi();
  township = await pickTownship(t, 6);
  [villageA, villageB] = township.villages as [VillageFixture, VillageFixture];
  [clerkA, clerkB, townshipAdmin, auditor] = await Promise.all([
    t.signIn(villageA.clerk),
    t.signIn(villageB.clerk),
    t.signIn(township.admin),
    t.signIn('county.auditor'),
  ]);
  const input = (regionCode: string, suffix: string) => ({
    regionCode,
    code: `${regionCode}-${suffix}`,
    name: `会员测试协会${suffix}`,
    kind: 'VILLAGE',
  });
  association = (
    await ok<{ createAssociation: AssociationNode }>(
      CREATE_ASSOCIATION,
      { input: input(villageA.code, 'M1') },
      clerkA,
    )
  ).createAssociation;
  otherAssociation = (
    await ok<{ createAssociation: AssociationNode }>(
      CREATE_ASSOCIATION,
      { input: input(villageA.code, 'M2') },
      clerkA,
    )
  ).createAssociation;
  groupId = (
    await ok<{ createMemberGroup: { id: string } }>(
      CREATE_MEMBER_GROUP,
      { associationId: association.id, name: '第一小组' },
      clerkA,
    )
  ).createMemberGroup.id;
  otherGroupId = (
    await ok<{ createMemberGroup: { id: string } }>(
      CREATE_MEMBER_GROUP,
      { associationId: otherAssociation.id, name: '第一小组' },
      clerkA,
    )
  ).createMemberGroup.id;
  personsA = await personsIn(t, villageA.code);
  personsB = await personsIn(t, villageB.code);
  const villageAPath =
    (
      await t.ownerSql<{ path: string }>('select path::text as path from region where id = $1', [villageA.id])
    )[0]?.path ?? '';
  outsider = personsB.find((p) => !`${p.current_path}.`.startsWith(`${villageAPath}.`)) as typeof outsider;
  householdA = await createHousehold(t, villageA.code);
  householdA2 = await createHousehold(t, villageA.code);
  householdB = await createHousehold(t, villageB.code);
});
afterAll(async () => t?.close());

describe('members of a village association', () => {
  let member: MemberNode;

  it('a clerk adds a member with a group and contact households, and reads them back', async () => {
    const before = await storedCounts(t, 'member');
    const person = personsA[0] as { id: string; name: string };
    member = (
      await ok<{ addMember: MemberNode }>(
        ADD_MEMBER,
        {
          input: {
            associationId: association.id,
            personId: person.id,
            role: 'PRESIDENT',
            cardNumber: ' hz-0001 ',
            duesPaidYear: 2024,
            groupId,
            joinedOn: '2020-05-29',
          },
        },
        clerkA,
      )
    ).addMember;
    expect(member).toMatchObject({
      role: 'PRESIDENT',
      cardNumber: 'HZ-0001',
      duesPaidYear: 2024,
      joinedOn: '2020-05-29',
      leftOn: null,
      active: true,
      version: 1,
      person: { id: person.id, name: person.name },
      association: { id: association.id, code: association.code },
      group: { id: groupId, name: '第一小组' },
      contactHouseholds: [],
    });
    const [stored] = await t.ownerSql<{ region_id: string }>('select region_id from member where id = $1', [
      member.id,
    ]);
    expect(stored?.region_id).toBe(villageA.id);

    await ok(
      LINK_CONTACT_HOUSEHOLD,
      { memberId: member.id, householdId: householdA2.id, since: '2021-03-01' },
      clerkA,
    );
    const linked = await ok<{ linkContactHousehold: MemberNode }>(
      LINK_CONTACT_HOUSEHOLD,
      { memberId: member.id, householdId: householdA.id },
      clerkA,
    );
    expect(linked.linkContactHousehold.contactHouseholds).toEqual([
      { since: null, household: { id: householdA.id, code: householdA.code } },
      { since: '2021-03-01', household: { id: householdA2.id, code: householdA2.code } },
    ]);
    const read = await ok<{ member: MemberNode }>(MEMBER, { id: member.id }, clerkA);
    expect(read.member.contactHouseholds).toHaveLength(2);
    // One audit row per change: the member and its two links.
    expect(await storedCounts(t, 'member')).toEqual({ rows: before.rows + 1, audit: before.audit + 3 });

    const unlinked = await ok<{ unlinkContactHousehold: MemberNode }>(
      UNLINK_CONTACT_HOUSEHOLD,
      { memberId: member.id, householdId: householdA2.id },
      clerkA,
    );
    expect(unlinked.unlinkContactHousehold.contactHouseholds.map((c) => c.household?.id)).toEqual([
      householdA.id,
    ]);
    expectRefusal(
      await t.graphql(UNLINK_CONTACT_HOUSEHOLD, { memberId: member.id, householdId: householdA2.id }, clerkA),
      'NOT_FOUND',
      'householdId',
    );
    expect((await storedCounts(t, 'contact_household')).rows).toBeGreaterThanOrEqual(1);
  });

  it('updates keep what is left out, refuse a stale version, and a membership ends once', async () => {
    const updated = await ok<{ updateMember: MemberNode }>(
      UPDATE_MEMBER,
      { id: member.id, v: 1, input: { role: 'SECRETARY_GENERAL', groupId: null, duesPaidYear: 2025 } },
      clerkA,
    );
    expect(updated.updateMember).toMatchObject({
      role: 'SECRETARY_GENERAL',
      cardNumber: 'HZ-0001',
      duesPaidYear: 2025,
      group: null,
      joinedOn: '2020-05-29',
      version: 2,
    });
    expectRefusal(
      await t.graphql(UPDATE_MEMBER, { id: member.id, v: 1, input: { role: 'MEMBER' } }, clerkA),
      'CONFLICT',
      'expectedVersion',
    );
    expectRefusal(
      await t.graphql(END_MEMBERSHIP, { id: member.id, v: 2, leftOn: '2019-12-31' }, clerkA),
      'BAD_INPUT',
      'leftOn',
    );
    const ended = await ok<{ endMembership: MemberNode }>(
      END_MEMBERSHIP,
      { id: member.id, v: 2, leftOn: '2024-12-31' },
      clerkA,
    );
    expect(ended.endMembership).toMatchObject({ leftOn: '2024-12-31', active: false, version: 3 });
    expectRefusal(
      await t.graphql(END_MEMBERSHIP, { id: member.id, v: 3, leftOn: '2025-01-01' }, clerkA),
      'INVALID_STATE',
    );
    expectRefusal(
      await t.graphql(LINK_CONTACT_HOUSEHOLD, { memberId: member.id, householdId: householdA2.id }, clerkA),
      'INVALID_STATE',
    );
    expectRefusal(
      await t.graphql(UPDATE_MEMBER, { id: member.id, v: 3, input: { joinedOn: '2025-01-01' } }, clerkA),
      'BAD_INPUT',
      'input.joinedOn',
    );
  });

  it('refuses bad input naming the field in Chinese and English, and changes nothing', async () => {
    const existing = await ok<{ addMember: MemberNode }>(
      ADD_MEMBER,
      { input: { associationId: association.id, personId: personsA[1]?.id, cardNumber: 'HZ-0002' } },
      clerkA,
    );
    const before = await storedCounts(t, 'member');
    const links = await storedCounts(t, 'contact_household');
    const base = { associationId: association.id, personId: personsA[2]?.id };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, cardNumber: 'HZ 01' }, 'BAD_INPUT', 'input.cardNumber'],
      [{ ...base, cardNumber: 'A1' }, 'BAD_INPUT', 'input.cardNumber'],
      [{ ...base, cardNumber: 'hz-0002' }, 'CONFLICT', 'input.cardNumber'],
      [{ ...base, personId: personsA[1]?.id }, 'CONFLICT', 'input.personId'],
      [{ ...base, personId: personsB[0]?.id }, 'NOT_FOUND', 'input.personId'],
      [{ ...base, personId: 'not-an-id' }, 'NOT_FOUND', 'input.personId'],
      [
        { ...base, associationId: '00000000-0000-4000-8000-000000000000' },
        'NOT_FOUND',
        'input.associationId',
      ],
      [{ ...base, groupId: otherGroupId }, 'BAD_INPUT', 'input.groupId'],
      [{ ...base, groupId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.groupId'],
      [{ ...base, joinedOn: '2023-02-29' }, 'BAD_INPUT', 'input.joinedOn'],
      [{ ...base, joinedOn: '2999-01-01' }, 'BAD_INPUT', 'input.joinedOn'],
      [{ ...base, duesPaidYear: 1970 }, 'BAD_INPUT', 'input.duesPaidYear'],
    ];
    for (const [input, code, field] of cases) {
      expectRefusal(await t.graphql(ADD_MEMBER, { input }, clerkA), code, field);
    }
    expectRefusal(
      await t.graphql(UPDATE_MEMBER, { id: existing.addMember.id, v: 1, input: { cardNumber: 'x' } }, clerkA),
      'BAD_INPUT',
      'input.cardNumber',
    );
    // Households: another village's is out of sight; the same link twice is a conflict.
    expectRefusal(
      await t.graphql(
        LINK_CONTACT_HOUSEHOLD,
        { memberId: existing.addMember.id, householdId: householdB.id },
        clerkA,
      ),
      'NOT_FOUND',
      'householdId',
    );
    expectRefusal(
      await t.graphql(
        LINK_CONTACT_HOUSEHOLD,
        { memberId: existing.addMember.id, householdId: householdA.id, since: '2024-13-01' },
        clerkA,
      ),
      'BAD_INPUT',
      'since',
    );
    expect(await storedCounts(t, 'member')).toEqual(before);
    expect(await storedCounts(t, 'contact_household')).toEqual(links);
    await ok(LINK_CONTACT_HOUSEHOLD, { memberId: existing.addMember.id, householdId: householdA.id }, clerkA);
    expectRefusal(
      await t.graphql(
        LINK_CONTACT_HOUSEHOLD,
        { memberId: existing.addMember.id, householdId: householdA.id },
        clerkA,
      ),
      'CONFLICT',
      'householdId',
    );
    // The township sees both villages, but a village's household is not another village's to help.
    expectRefusal(
      await t.graphql(
        LINK_CONTACT_HOUSEHOLD,
        { memberId: existing.addMember.id, householdId: householdB.id },
        townshipAdmin,
      ),
      'BAD_INPUT',
      'householdId',
    );
    expectRefusal(
      await t.graphql(ADD_MEMBER, { input: { ...base, personId: outsider.id } }, townshipAdmin),
      'BAD_INPUT',
      'input.personId',
    );
  });

  it('a clerk of another village can neither see nor change them, by the API or by SQL', async () => {
    const list = await ok<{ members: { totalCount: number } }>(
      MEMBERS,
      { filter: { associationId: association.id } },
      clerkB,
    );
    expect(list.members.totalCount).toBe(0);
    expectRefusal(await t.graphql(MEMBER, { id: member.id }, clerkB), 'NOT_FOUND');
    expectRefusal(
      await t.graphql(UPDATE_MEMBER, { id: member.id, v: 3, input: { role: 'MEMBER' } }, clerkB),
      'NOT_FOUND',
      'id',
    );
    expectRefusal(
      await t.graphql(
        ADD_MEMBER,
        { input: { associationId: association.id, personId: personsB[0]?.id } },
        clerkB,
      ),
      'NOT_FOUND',
      'input.associationId',
    );
    expectRefusal(
      await t.graphql(LINK_CONTACT_HOUSEHOLD, { memberId: member.id, householdId: householdB.id }, clerkB),
      'NOT_FOUND',
      'memberId',
    );
    expect(
      await t.sqlAs(villageB.clerk, 'select id from member where association_id = $1', [association.id]),
    ).toEqual([]);
    expect(
      await t.sqlAs(villageB.clerk, 'select member_id from contact_household where member_id = $1', [
        member.id,
      ]),
    ).toEqual([]);
    expect(
      await t.sqlAs(villageB.clerk, `update member set role = 'MEMBER' where id = $1 returning id`, [
        member.id,
      ]),
    ).toEqual([]);
    await expect(
      t.sqlAs(
        villageB.clerk,
        'insert into contact_household (member_id, household_id, region_id) values ($1, $2, $3)',
        [member.id, householdB.id, villageA.id],
      ),
    ).rejects.toThrow(/row-level security|null value/);
  });

  it('the township and the auditor read them; the auditor cannot write', async () => {
    for (const cookie of [townshipAdmin, auditor]) {
      const read = await ok<{ member: MemberNode }>(MEMBER, { id: member.id }, cookie);
      expect(read.member.person?.id).toBe(personsA[0]?.id);
    }
    const before = await storedCounts(t, 'member');
    expectRefusal(
      await t.graphql(
        ADD_MEMBER,
        { input: { associationId: association.id, personId: personsA[3]?.id } },
        auditor,
      ),
      'FORBIDDEN',
    );
    expectRefusal(
      await t.graphql(UPDATE_MEMBER, { id: member.id, v: 3, input: { role: 'MEMBER' } }, auditor),
      'FORBIDDEN',
    );
    expectRefusal(
      await t.graphql(LINK_CONTACT_HOUSEHOLD, { memberId: member.id, householdId: householdA2.id }, auditor),
      'FORBIDDEN',
    );
    expect(
      await t.sqlAs('county.auditor', `update member set role = 'MEMBER' where id = $1 returning id`, [
        member.id,
      ]),
    ).toEqual([]);
    expect(await storedCounts(t, 'member')).toEqual(before);
  });
});

describe('member lists', () => {
  it('pages with keyset cursors and filters by role, group, dues, activity, words and region', async () => {
    const listed = personsA.slice(3, 6);
    const added: MemberNode[] = [];
    for (const [i, person] of listed.entries()) {
      added.push(
        (
          await ok<{ addMember: MemberNode }>(
            ADD_MEMBER,
            {
              input: {
                associationId: otherAssociation.id,
                personId: person.id,
                role: i === 0 ? 'GROUP_LEADER' : 'MEMBER',
                cardNumber: `LS-${i}00${i}`,
                duesPaidYear: 2023 + i,
                groupId: i === 0 ? otherGroupId : null,
                joinedOn: `2019-0${i + 1}-01`,
              },
            },
            townshipAdmin,
          )
        ).addMember,
      );
    }
    await ok(END_MEMBERSHIP, { id: added[2]?.id, v: 1, leftOn: '2025-01-01' }, townshipAdmin);

    type Page = {
      members: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: MemberNode }[];
      };
    };
    async function all(filter: Record<string, unknown>, orderBy?: Record<string, string>) {
      const seen: MemberNode[] = [];
      let after: string | null = null;
      for (let round = 0; round < 10; round++) {
        const page: Page = await ok<Page>(MEMBERS, { first: 2, after, filter, orderBy }, clerkA);
        seen.push(...page.members.edges.map((edge) => edge.node));
        if (!page.members.pageInfo.hasNextPage) {
          expect(seen).toHaveLength(page.members.totalCount);
          return seen;
        }
        after = page.members.pageInfo.endCursor;
      }
      throw new Error('paging did not end');
    }
    const inAssociation = { associationId: otherAssociation.id };
    const cards = async (filter: Record<string, unknown>, orderBy?: Record<string, string>) =>
      (await all({ ...inAssociation, ...filter }, orderBy)).map((m) => m.cardNumber);

    expect(await cards({}, { field: 'CARD_NUMBER', direction: 'ASC' })).toEqual([
      'LS-0000',
      'LS-1001',
      'LS-2002',
    ]);
    expect(await cards({}, { field: 'JOINED_ON', direction: 'DESC' })).toEqual([
      'LS-2002',
      'LS-1001',
      'LS-0000',
    ]);
    const byName = await all(inAssociation);
    expect(byName.map((m) => m.person?.name)).toEqual(listed.map((p) => p.name).sort());
    expect(await cards({ role: 'GROUP_LEADER' })).toEqual(['LS-0000']);
    expect(await cards({ groupId: otherGroupId })).toEqual(['LS-0000']);
    expect((await cards({ duesUnpaidForYear: 2024 })).sort()).toEqual(['LS-0000']);
    expect((await cards({ duesUnpaidForYear: 2025 })).sort()).toEqual(['LS-0000', 'LS-1001']);
    expect((await cards({ active: false })).sort()).toEqual(['LS-2002']);
    expect((await cards({ active: true })).sort()).toEqual(['LS-0000', 'LS-1001']);
    expect(await cards({ search: 'ls-100' })).toEqual(['LS-1001']);
    expect(await cards({ search: listed[1]?.name })).toContain('LS-1001');
    expect((await cards({ regionCode: villageA.code })).length).toBe(3);
    const count = await ok<{ association: { memberCount: number } }>(
      'query($id: ID!) { association(id: $id) { memberCount } }',
      { id: otherAssociation.id },
      clerkA,
    );
    expect(count.association.memberCount).toBe(2);

    // The nested connection pages the same way, and counts every member whatever the cursor.
    type Nested = {
      association: {
        members: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: { cardNumber: string } }[];
        };
      };
    };
    const NESTED = `query($id: ID!, $after: String) { association(id: $id) {
      members(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { cardNumber } } } } }`;
    const first = await ok<Nested>(NESTED, { id: otherAssociation.id }, clerkA);
    expect(first.association.members).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const rest = await ok<Nested>(
      NESTED,
      { id: otherAssociation.id, after: first.association.members.pageInfo.endCursor },
      clerkA,
    );
    expect(rest.association.members).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(
      [...first.association.members.edges, ...rest.association.members.edges]
        .map((e) => e.node.cardNumber)
        .sort(),
    ).toEqual(['LS-0000', 'LS-1001', 'LS-2002']);
    const past = await ok<Nested>(
      NESTED,
      { id: otherAssociation.id, after: rest.association.members.pageInfo.endCursor },
      clerkA,
    );
    expect(past.association.members).toMatchObject({ totalCount: 3, edges: [] });

    // The township sees the village's members; the other village's clerk none of them.
    const township = await ok<Page>(MEMBERS, { filter: { regionCode: villageA.code } }, townshipAdmin);
    expect(township.members.totalCount).toBeGreaterThanOrEqual(5);
    const other = await ok<Page>(MEMBERS, { first: 100 }, clerkB);
    expect(other.members.edges.map((edge) => edge.node.id)).not.toContain(added[0]?.id);

    expectRefusal(await t.graphql(MEMBERS, { first: 0 }, clerkA), 'BAD_INPUT', 'first');
    expectRefusal(await t.graphql(MEMBERS, { after: 'x' }, clerkA), 'BAD_INPUT', 'after');
    expectRefusal(
      await t.graphql(MEMBERS, { filter: { regionCode: villageB.code } }, clerkA),
      'NOT_FOUND',
      'filter.regionCode',
    );
  });
});
