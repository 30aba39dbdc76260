import { describe, expect, it } from 'vitest';
import { withoutRunStamps } from './compare-builds.ts';

const first = { runId: 'run-7', runAt: '2026-11-23T08:00:00.000Z', manifestSha256: 'ab'.repeat(32) };
const next = { runId: 'run-7-next-1', runAt: '2026-11-23T09:00:00.000Z', manifestSha256: 'cd'.repeat(32) };

describe('withoutRunStamps', () => {
  it('masks the stamps of any of the runs, whichever run rendered the page', () => {
    const page = (run: typeof first) =>
      `<p>发布批次 <span>${run.runId}</span> · SHA-256 ${run.manifestSha256}</p>` +
      `<time datetime="${run.runAt}">${run.runAt.slice(11, 16)}</time>`;
    // A run id that begins with another's must not leave its tail behind (`RUN_ID-next-1`).
    expect(withoutRunStamps(page(first), [first, next])).toBe(withoutRunStamps(page(next), [first, next]));
    expect(withoutRunStamps(page(next), [first, next])).not.toContain('next');
  });

  it('leaves every other difference visible', () => {
    const a = `<td>12</td><span>${first.runId}</span>`;
    const b = `<td>13</td><span>${next.runId}</span>`;
    expect(withoutRunStamps(a, [first, next])).not.toBe(withoutRunStamps(b, [first, next]));
  });
});
