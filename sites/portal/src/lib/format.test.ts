import { findIdentifierLeaks } from '@sunshine/disclosure/find-identifier-leaks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeMediaType,
  formatCount,
  formatDate,
  formatDateTime,
  formatKilobytes,
  shortHash,
} from './format.ts';

describe('format', () => {
  it('shows instants in Beijing time whatever the machine zone', () => {
    expect(formatDateTime('2025-05-19T02:30:00.000Z')).toBe('2025-05-19 10:30（北京时间）');
    expect(formatDateTime('2025-05-19T20:05:00+00:00')).toBe('2025-05-20 04:05（北京时间）');
  });

  it('shows calendar dates without shifting them', () => {
    expect(formatDate('2025-03-10')).toBe('2025年3月10日');
  });

  it('shows sizes in KB and media types in words', () => {
    expect(formatKilobytes(24576)).toBe('24 KB');
    expect(formatKilobytes(1536)).toBe('1.5 KB');
    expect(describeMediaType('application/pdf')).toBe('PDF 文档');
    expect(describeMediaType('application/x-unknown')).toBe('application/x-unknown');
    expect(shortHash('85bedd1aab0fd8f84d93c32966d55f9920f6dabd2d23ea253323cd6252326460')).toBe('85bedd1aab');
  });

  // Regression: a release's shortened hash read `a13…` plus ten digits and the leak scan refused the
  // build as holding a mobile number (random, so one build in a few thousand).
  it('never shortens a hash into something the leak scan reads as an identifier', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), (sha256) => {
        const html = `<code title="x">${shortHash(sha256)}…</code>`;
        expect(findIdentifierLeaks(Buffer.from(html, 'utf8').toString('latin1'))).toEqual([]);
      }),
    );
    const worst = `a139${'1'.repeat(60)}`;
    expect(findIdentifierLeaks(`<code>${worst.slice(0, 12)}…</code>`)).not.toEqual([]);
    expect(findIdentifierLeaks(`<code>${shortHash(worst)}…</code>`)).toEqual([]);
  });
});

describe('formatCount', () => {
  it('groups thousands as Intl does, for whole and fractional counts', () => {
    const intl = new Intl.NumberFormat('en-US');
    for (const n of [
      0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 1_234_567_890, -1, -1234, -1_000_000, 2.5,
    ]) {
      expect(formatCount(n), String(n)).toBe(intl.format(n));
    }
  });
});
