import { describe, expect, it } from 'vitest';
import { diffDatasets } from './diff-datasets.ts';
import { findIsolatingChanges } from './find-isolating-changes.ts';
import type { ReleaseDiff } from './release-diff.ts';
import { POLICY, PREVIOUS_REF, totals, totalsKey } from './release-fixtures.ts';

const options = { rootField: 'benefitTotals', policy: POLICY };

function diffOf(previous: ReturnType<typeof totals>, current: ReturnType<typeof totals>, people = {}) {
  return diffDatasets(previous, current, {
    ...options,
    previousRef: PREVIOUS_REF,
    attributions: new Map(Object.entries(people)) as never,
  });
}

describe('findIsolatingChanges', () => {
  const previous = totals([{ region: 'B', count: 30 }]);
  const current = totals([{ region: 'B', count: 29 }]);

  it('finds nothing in the diff the builder makes', () => {
    const diff = diffOf(previous, current, {
      [totalsKey('B')]: { people: [{ code: 'EXIT_DEATH', count: -1 }] },
    });
    expect(findIsolatingChanges(previous, current, diff, options)).toEqual([]);
  });

  it('refuses a count that moved by one with its reason published, naming the cell and not a person', () => {
    const diff = diffOf(previous, current);
    const crafted: ReleaseDiff = {
      ...diff,
      changed: diff.changed.map((change) =>
        change.field === 'recipientCount'
          ? { ...change, reasons: [{ code: 'EXIT_DEATH', count: -1 }] }
          : change,
      ),
    };
    const findings = findIsolatingChanges(previous, current, crafted, options);
    expect(findings.map(({ kind, key, field }) => ({ kind, key, field }))).toEqual([
      {
        kind: 'SMALL_MOVE_WITH_REASON',
        key: { 'region.code': 'B', 'program.code': 'REWARD', year: 2025 },
        field: 'recipientCount',
      },
      {
        kind: 'SMALL_REASON',
        key: { 'region.code': 'B', 'program.code': 'REWARD', year: 2025 },
        field: 'recipientCount',
      },
    ]);
  });

  it('refuses a reason itemised for fewer than k people even inside a large move', () => {
    const before = totals([{ region: 'B', count: 30 }]);
    const after = totals([{ region: 'B', count: 50 }]);
    const diff = diffOf(before, after);
    const crafted: ReleaseDiff = {
      ...diff,
      changed: diff.changed.map((change) =>
        change.field === 'recipientCount'
          ? {
              ...change,
              reasons: [
                { code: 'NEW_ENROLLMENT', count: 21 },
                { code: 'EXIT_MOVED', count: -1 },
              ],
            }
          : change,
      ),
    };
    expect(findIsolatingChanges(before, after, crafted, options).map((f) => f.kind)).toEqual([
      'SMALL_REASON',
    ]);
  });

  it('refuses a cell hidden in the previous release and shown now', () => {
    const before = totals([{ region: 'B', count: null }]);
    const after = totals([{ region: 'B', count: 6 }]);
    const findings = findIsolatingChanges(before, after, diffOf(before, after), options);
    expect(findings.map(({ kind, field }) => ({ kind, field }))).toEqual([
      { kind: 'SUPPRESSION_LIFTED', field: 'recipientCount' },
      { kind: 'SUPPRESSION_LIFTED', field: 'suppressed' },
    ]);
  });

  it('lets a published cell become hidden', () => {
    const before = totals([{ region: 'B', count: 6 }]);
    const after = totals([{ region: 'B', count: null }]);
    expect(findIsolatingChanges(before, after, diffOf(before, after), options)).toEqual([]);
  });

  it('judges a sensitive program by sensitiveK', () => {
    const before = totals([{ region: 'S', program: 'SPECIAL', sensitive: true, count: 20 }]);
    const after = totals([{ region: 'S', program: 'SPECIAL', sensitive: true, count: 27 }]);
    const diff = diffOf(before, after);
    const crafted: ReleaseDiff = {
      ...diff,
      changed: diff.changed.map((change) =>
        change.field === 'recipientCount'
          ? { ...change, reasons: [{ code: 'NEW_ENROLLMENT', count: 7 }] }
          : change,
      ),
    };
    expect(findIsolatingChanges(before, after, crafted, options).map((f) => f.kind)).toEqual([
      'SMALL_MOVE_WITH_REASON',
      'SMALL_REASON',
    ]);
  });

  it('finds nothing for a first release', () => {
    const after = totals([{ region: 'B', count: 6 }]);
    const diff = diffDatasets(null, after, { ...options, previousRef: null });
    expect(findIsolatingChanges(null, after, diff, options)).toEqual([]);
  });
});
