import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDatasets, type RowAttribution } from './diff-datasets.ts';
import { findIsolatingChanges } from './find-isolating-changes.ts';
import { matchReleases } from './match-releases.ts';
import { PERSONAL_REASONS, REASON_CODES, type ReasonCount } from './reason-codes.ts';
import type { ReleaseDiff } from './release-diff.ts';
import { PREVIOUS_REF, type TotalsCell, totals, totalsKey } from './release-fixtures.ts';
import { stableJson } from './row-values.ts';

/**
 * Generated pairs of benefit-totals releases (regions × programs × years, some cells hidden, hidden
 * cells staying hidden as the resolvers keep them) with arbitrary reasons read from "the data".
 */
const REGIONS = ['A', 'B', 'C', 'D', 'E', 'F'];
const PROGRAMS = [
  { code: 'REWARD', sensitive: false },
  { code: 'SPECIAL', sensitive: true },
];
const YEARS = [2024, 2025];
const CELLS = REGIONS.flatMap((region) =>
  PROGRAMS.flatMap((program) => YEARS.map((year) => ({ region, program, year }))),
);

const count = fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 1, max: 80 }));
const reasons = fc.array(
  fc.record({ code: fc.constantFrom(...REASON_CODES), count: fc.integer({ min: -25, max: 25 }) }),
  { maxLength: 4 },
);

const scenario = fc
  .record({
    policy: fc.record({ k: fc.integer({ min: 5, max: 12 }), sensitiveK: fc.integer({ min: 10, max: 20 }) }),
    cells: fc.array(
      fc.record({
        before: fc.option(count, { nil: undefined }),
        after: fc.option(count, { nil: undefined }),
        people: reasons,
        amounts: reasons,
      }),
      { minLength: CELLS.length, maxLength: CELLS.length },
    ),
  })
  .map(({ policy, cells }) => {
    const previous: TotalsCell[] = [];
    const current: TotalsCell[] = [];
    const attributions = new Map<string, RowAttribution>();
    cells.forEach((cell, i) => {
      const { region, program, year } = CELLS[i] as (typeof CELLS)[number];
      const at = { region, program: program.code, sensitive: program.sensitive, year };
      if (cell.before !== undefined) previous.push({ ...at, count: cell.before });
      // Sticky suppression, as the resolvers implement it.
      const after = cell.before === null && cell.after !== undefined ? null : cell.after;
      if (after !== undefined) current.push({ ...at, count: after });
      attributions.set(totalsKey(region, program.code, year), {
        people: cell.people as ReasonCount[],
        amounts: cell.amounts as ReasonCount[],
      });
    });
    return { policy, previous: totals(previous, 'r1'), current: totals(current), attributions };
  });

const options = (s: { policy: { k: number; sensitiveK: number } }) => ({
  rootField: 'benefitTotals',
  policy: s.policy,
});

describe('releases, over generated tables', () => {
  it('the diff the builder makes is never refused by the safety net', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const diff = diffDatasets(s.previous, s.current, {
          ...options(s),
          previousRef: PREVIOUS_REF,
          attributions: s.attributions,
        });
        expect(findIsolatingChanges(s.previous, s.current, diff, options(s))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('accounts for every row, every changed field, and the whole of every published count move', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const diff = diffDatasets(s.previous, s.current, {
          ...options(s),
          previousRef: PREVIOUS_REF,
          attributions: s.attributions,
        });
        const matched = matchReleases(s.previous, s.current, 'benefitTotals');
        expect(diff.summary.added).toBe(matched.added.length);
        expect(diff.summary.removed).toBe(matched.removed.length);
        for (const change of diff.changed) {
          const key = stableJson(change.key);
          const before = matched.previous.get(key) as Record<string, unknown>;
          const after = matched.current.get(key) as Record<string, unknown>;
          if (change.field === 'recipientCount') {
            expect([change.before, change.after]).toEqual([before.recipientCount, after.recipientCount]);
            if (typeof change.before === 'number' && typeof change.after === 'number') {
              const sum = change.reasons.reduce((total, reason) => total + reason.count, 0);
              expect(sum).toBe(change.after - change.before);
            } else {
              expect(change.reasons).toEqual([]);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never itemises a personal reason for fewer than k people', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const diff = diffDatasets(s.previous, s.current, {
          ...options(s),
          previousRef: PREVIOUS_REF,
          attributions: s.attributions,
        });
        for (const entry of [...diff.added, ...diff.removed, ...diff.changed]) {
          const k =
            entry.key['program.code'] === 'SPECIAL' ? Math.max(s.policy.k, s.policy.sensitiveK) : s.policy.k;
          for (const reason of entry.reasons) {
            if (PERSONAL_REASONS.has(reason.code)) expect(Math.abs(reason.count)).toBeGreaterThanOrEqual(k);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the safety net catches a published reason on any count that moved by 1…k−1', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom(...REASON_CODES.filter((c) => c !== 'SMALL_CHANGE_WITHHELD')),
        (s, code) => {
          const diff = diffDatasets(s.previous, s.current, {
            ...options(s),
            previousRef: PREVIOUS_REF,
            attributions: s.attributions,
          });
          const small = diff.changed.filter((change) => {
            if (change.field !== 'recipientCount') return false;
            if (typeof change.before !== 'number' || typeof change.after !== 'number') return false;
            const k =
              change.key['program.code'] === 'SPECIAL'
                ? Math.max(s.policy.k, s.policy.sensitiveK)
                : s.policy.k;
            const move = Math.abs(change.after - change.before);
            return move > 0 && move < k;
          });
          const crafted: ReleaseDiff = {
            ...diff,
            changed: diff.changed.map((change) =>
              small.includes(change) ? { ...change, reasons: [{ code, count: 0 }] } : change,
            ),
          };
          const caught = findIsolatingChanges(s.previous, s.current, crafted, options(s)).filter(
            (finding) => finding.kind === 'SMALL_MOVE_WITH_REASON',
          );
          expect(caught.length).toBe(small.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
