import type { LinearConstraint } from './find-determined-cells.ts';
import type { CountRange } from './suppression-reason.ts';

/**
 * Which hidden cells can be narrowed to one value by the published totals together with what a
 * reader knows about every hidden cell beforehand (its `CountRange`: at least 1, since zeros are
 * always published)?
 *
 * Linear algebra alone (find-determined-cells.ts) misses these: two hidden villages whose
 * township total leaves 2 for them are 1 and 1, although neither is a linear combination of
 * published totals.
 *
 * Interval propagation (bounds consistency): every constraint `total − Σ parts = 0` narrows each
 * of its hidden cells to what the others' ranges allow, over and over until nothing changes (or
 * `maxPasses`). It is sound (a range always holds the true value) but not complete: an exact
 * answer needs integer programming. A cell whose range was one value to begin with is not
 * reported: no complement can help it.
 */
export function findPinnedCells(
  constraints: readonly LinearConstraint[],
  known: ReadonlyMap<number, number>,
  hidden: ReadonlyMap<number, CountRange>,
  options: { maxPasses?: number } = {},
): number[] {
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  for (const [id, range] of hidden) {
    lo.set(id, range.lo);
    hi.set(id, range.hi);
  }

  interface Term {
    readonly id: number;
    readonly sign: 1 | -1;
  }
  // Σ sign·x over hidden cells = rhs. A constraint naming a cell neither known nor hidden is not
  // published, so it tells nothing.
  const rows: { terms: Term[]; rhs: number }[] = [];
  for (const constraint of constraints) {
    const terms: Term[] = [];
    let rhs = 0;
    let complete = true;
    constraint.cells.forEach((id, i) => {
      const sign = i === 0 ? 1 : -1;
      const value = known.get(id);
      if (value !== undefined) rhs -= sign * value;
      else if (hidden.has(id)) terms.push({ id, sign });
      else complete = false;
    });
    if (complete && terms.length > 0) rows.push({ terms, rhs });
  }

  const maxPasses = options.maxPasses ?? 100;
  for (let pass = 0, changed = true; changed && pass < maxPasses; pass++) {
    changed = false;
    for (const { terms, rhs } of rows) {
      // The smallest and largest Σ sign·x can be, as finite parts plus counts of infinite terms.
      // Ranges narrowed below still count with their old width until the next pass: sound.
      let minFinite = 0;
      let minInfinite = 0;
      let maxFinite = 0;
      let maxInfinite = 0;
      const low = (t: Term) => (t.sign === 1 ? (lo.get(t.id) as number) : -(hi.get(t.id) as number));
      const high = (t: Term) => (t.sign === 1 ? (hi.get(t.id) as number) : -(lo.get(t.id) as number));
      for (const t of terms) {
        const l = low(t);
        const h = high(t);
        if (Number.isFinite(l)) minFinite += l;
        else minInfinite++;
        if (Number.isFinite(h)) maxFinite += h;
        else maxInfinite++;
      }
      for (const t of terms) {
        const l = low(t);
        const h = high(t);
        // The others' range, without this term.
        const othersMin =
          minInfinite - (Number.isFinite(l) ? 0 : 1) > 0
            ? Number.NEGATIVE_INFINITY
            : minFinite - (Number.isFinite(l) ? l : 0);
        const othersMax =
          maxInfinite - (Number.isFinite(h) ? 0 : 1) > 0
            ? Number.POSITIVE_INFINITY
            : maxFinite - (Number.isFinite(h) ? h : 0);
        // sign·x = rhs − others
        const termLow = rhs - othersMax;
        const termHigh = rhs - othersMin;
        const newLo = t.sign === 1 ? termLow : -termHigh;
        const newHi = t.sign === 1 ? termHigh : -termLow;
        const curLo = lo.get(t.id) as number;
        const curHi = hi.get(t.id) as number;
        const nextLo = Math.max(curLo, Math.ceil(newLo));
        const nextHi = Math.min(curHi, Math.floor(newHi));
        // An empty range means the reader's assumptions do not hold for this table (a hidden 0 in
        // a table made by hand, say); keep what is known rather than reason from a contradiction.
        if (nextLo > nextHi) continue;
        if (nextLo !== curLo || nextHi !== curHi) {
          lo.set(t.id, nextLo);
          hi.set(t.id, nextHi);
          changed = true;
        }
      }
    }
  }

  return [...hidden]
    .filter(([id, range]) => range.lo !== range.hi && lo.get(id) === hi.get(id))
    .map(([id]) => id)
    .sort((a, b) => a - b);
}
