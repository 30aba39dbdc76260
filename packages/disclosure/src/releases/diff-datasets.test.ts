import { describe, expect, it } from 'vitest';
import type { Column } from '../dataset.ts';
import { diffDatasets, publishableReasons } from './diff-datasets.ts';
import { releaseDiffSchema } from './release-diff.ts';
import { dataset, POLICY, PREVIOUS_REF, totals, totalsKey } from './release-fixtures.ts';

const options = (attributions: Record<string, { people?: unknown[]; amounts?: unknown[] }> = {}) => ({
  rootField: 'benefitTotals',
  policy: POLICY,
  previousRef: PREVIOUS_REF,
  attributions: new Map(Object.entries(attributions)) as never,
});

describe('diffDatasets', () => {
  it('lists nothing for the first release: every row is new', () => {
    const diff = diffDatasets(null, totals([{ region: 'A', count: 12 }]), {
      ...options(),
      previousRef: null,
    });
    expect(diff).toMatchObject({ previous: null, summary: { added: 1, removed: 0, changed: 0 }, added: [] });
    expect(releaseDiffSchema.parse(diff)).toEqual(diff);
  });

  it('matches rows on region, program and year, and gives each changed field before and after', () => {
    const previous = totals([
      { region: 'A', count: 12 },
      { region: 'B', count: 30 },
      { region: 'C', count: 8 },
    ]);
    const current = totals([
      { region: 'A', count: 12 },
      { region: 'B', count: 40 },
      { region: 'D', count: 9 },
    ]);
    const diff = diffDatasets(previous, current, options());
    expect(diff.rowKey).toEqual(['region.code', 'program.code', 'year']);
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(diff.added.map((row) => row.key)).toEqual([
      { 'region.code': 'D', 'program.code': 'REWARD', year: 2025 },
    ]);
    expect(diff.removed.map((row) => row.key['region.code'])).toEqual(['C']);
    expect(diff.changed.map(({ field, before, after }) => ({ field, before, after }))).toEqual([
      { field: 'recipientCount', before: 30, after: 40 },
      { field: 'amountFen', before: '2160000', after: '2880000' },
    ]);
  });

  it('publishes reasons read from the data, and calls what they do not explain a correction', () => {
    const previous = totals([{ region: 'B', count: 30 }]);
    const current = totals([{ region: 'B', count: 40 }]);
    const diff = diffDatasets(
      previous,
      current,
      options({
        [totalsKey('B')]: {
          people: [{ code: 'NEW_ENROLLMENT', count: 6 }],
          amounts: [
            { code: 'NEW_ENROLLMENT', count: 6 },
            { code: 'CONTINUING', count: 24 },
          ],
        },
      }),
    );
    const [count, amount] = diff.changed;
    expect(count?.reasons).toEqual([
      { code: 'NEW_ENROLLMENT', count: 6 },
      { code: 'SMALL_CHANGE_WITHHELD', count: 4 },
    ]);
    expect(amount?.reasons).toEqual([
      { code: 'NEW_ENROLLMENT', count: 6 },
      { code: 'CONTINUING', count: 24 },
    ]);
    expect(diff.reasons).toEqual([
      { code: 'NEW_ENROLLMENT', label: '新增享受对象', count: 2 },
      { code: 'CONTINUING', label: '继续享受对象按期发放', count: 1 },
      { code: 'SMALL_CHANGE_WITHHELD', label: '变动人数少于5人，原因不单列', count: 1 },
    ]);
  });

  it('withholds every reason when a count moves by fewer than k people', () => {
    const diff = diffDatasets(
      totals([{ region: 'B', count: 30 }]),
      totals([{ region: 'B', count: 29 }]),
      options({ [totalsKey('B')]: { people: [{ code: 'EXIT_DEATH', count: -1 }] } }),
    );
    expect(diff.changed[0]).toMatchObject({
      field: 'recipientCount',
      reasons: [{ code: 'SMALL_CHANGE_WITHHELD', count: -1 }],
    });
    expect(JSON.stringify(diff)).not.toContain('EXIT_DEATH');
  });

  it('uses sensitiveK for a sensitive program and k for the others', () => {
    const attributions = {
      [totalsKey('S', 'SPECIAL')]: { people: [{ code: 'NEW_ENROLLMENT', count: 7 }] },
      [totalsKey('R')]: { people: [{ code: 'NEW_ENROLLMENT', count: 7 }] },
    };
    const diff = diffDatasets(
      totals([
        { region: 'S', program: 'SPECIAL', sensitive: true, count: 20 },
        { region: 'R', count: 20 },
      ]),
      totals([
        { region: 'S', program: 'SPECIAL', sensitive: true, count: 27 },
        { region: 'R', count: 27 },
      ]),
      options(attributions),
    );
    const counts = diff.changed.filter((change) => change.field === 'recipientCount');
    expect(counts.map((change) => change.reasons)).toEqual([
      [{ code: 'SMALL_CHANGE_WITHHELD', count: 7 }],
      [{ code: 'NEW_ENROLLMENT', count: 7 }],
    ]);
  });

  it('gives no reason for a cell that is or becomes hidden, which would give its count back', () => {
    const diff = diffDatasets(
      totals([
        { region: 'A', count: 12 },
        { region: 'B', count: null },
      ]),
      totals([
        { region: 'A', count: null },
        { region: 'B', count: null },
        { region: 'C', count: null },
      ]),
      options({
        [totalsKey('A')]: { people: [{ code: 'EXIT_MOVED', count: -9 }] },
        [totalsKey('C')]: { people: [{ code: 'NEW_ENROLLMENT', count: 3 }] },
      }),
    );
    expect(diff.changed.every((change) => change.reasons.length === 0)).toBe(true);
    expect(diff.added).toEqual([{ key: expect.any(Object), reasons: [] }]);
  });

  it('keeps the keys of a list that names people out of the diff, and pools its small reasons', () => {
    const columns: Column[] = [
      { name: 'token', description: '异议编号', kind: 'TEXT' },
      { name: 'maskedName', description: '姓名（已遮蔽）', kind: 'MASKED_NAME' },
    ];
    const row = (n: number) => ({ token: `t${n}`, maskedName: `张*${n}` });
    const previous = dataset(
      Array.from({ length: 12 }, (_, n) => row(n)),
      columns,
    );
    const current = dataset(
      Array.from({ length: 6 }, (_, n) => row(n + 20)),
      columns,
    );
    const attributions: Record<string, { people: unknown[] }> = {};
    for (let n = 0; n < 12; n++) {
      attributions[JSON.stringify({ token: `t${n}` })] = {
        people: [{ code: n === 0 ? 'OBJECTION_UPHELD' : 'NOTICE_ENDED', count: -1 }],
      };
    }
    for (let n = 20; n < 26; n++) {
      attributions[JSON.stringify({ token: `t${n}` })] = { people: [{ code: 'NEW_ENROLLMENT', count: 1 }] };
    }
    const diff = diffDatasets(previous, current, { ...options(attributions), rootField: 'noticeRecipients' });
    expect(diff).toMatchObject({
      keysWithheld: true,
      summary: { added: 6, removed: 12, changed: 0 },
      added: [],
      removed: [],
      changed: [],
    });
    expect(diff.reasons.map(({ code, count }) => ({ code, count }))).toEqual([
      { code: 'NEW_ENROLLMENT', count: 6 },
      { code: 'NOTICE_ENDED', count: 11 },
      { code: 'SMALL_CHANGE_WITHHELD', count: 1 },
    ]);
    expect(JSON.stringify(diff)).not.toMatch(/张|"t\d+"/);
  });

  it('matches whole rows when the disclosure does not select the key', () => {
    const columns: Column[] = [{ name: 'title', description: '标题', kind: 'TEXT' }];
    const diff = diffDatasets(
      dataset([{ title: '甲' }, { title: '乙' }], columns),
      dataset([{ title: '甲' }, { title: '丙' }], columns),
      { ...options(), rootField: 'policies' },
    );
    expect(diff.rowKey).toEqual([]);
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(diff.added[0]?.key).toEqual({ rowSha256: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });
});

describe('publishableReasons', () => {
  it('pools personal reasons of fewer than k people, keeps reasons about the list itself', () => {
    expect(
      publishableReasons(
        [
          { code: 'NEW_ENROLLMENT', count: 8 },
          { code: 'EXIT_DEATH', count: -2 },
          { code: 'CORRECTION', count: 1 },
          { code: 'NOTICE_ENDED', count: -3 },
        ],
        5,
      ),
    ).toEqual([
      { code: 'NEW_ENROLLMENT', count: 8 },
      { code: 'NOTICE_ENDED', count: -3 },
      { code: 'SMALL_CHANGE_WITHHELD', count: -1 },
    ]);
  });

  it('merges a code before judging its size, and drops what nets to zero', () => {
    expect(
      publishableReasons(
        [
          { code: 'CORRECTION', count: 3 },
          { code: 'CORRECTION', count: 3 },
          { code: 'NEW_ENROLLMENT', count: 2 },
          { code: 'NEW_ENROLLMENT', count: -2 },
        ],
        5,
      ),
    ).toEqual([{ code: 'CORRECTION', count: 6 }]);
  });
});
