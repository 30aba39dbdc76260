import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBand, ageOn, regionForProgram } from './generalise.ts';

describe('ageBand', () => {
  it.each([
    ['2010-06-15', '2026-06-14', '0–17'],
    ['2008-06-15', '2026-06-15', '18–39'],
    ['1987-01-01', '2026-12-31', '18–39'],
    ['1986-01-01', '2026-01-01', '40–59'],
    ['1966-11-23', '2026-11-23', '60–69'],
    ['1956-11-24', '2026-11-23', '60–69'],
    ['1947-03-01', '2026-11-23', '70–79'],
    ['1930-02-28', '2026-11-23', '80+'],
  ])('born %s, on %s: %s', (birth, on, band) => {
    expect(ageBand(birth, on)).toBe(band);
  });

  it('counts a 29 February birthday as passed on 1 March', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it.each([
    ['2026-02-30', '2026-03-01'],
    ['2026/01/01', '2026-03-01'],
    ['2026-03-02', '2026-03-01'],
  ])('refuses birth date %s on %s', (birth, on) => {
    expect(() => ageBand(birth, on)).toThrow(RangeError);
  });

  it('is monotone: an older person never falls in a younger band', () => {
    const date = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, date, (a, b, on) => {
        const [older, younger] = a <= b ? [a, b] : [b, a];
        fc.pre(younger <= on);
        expect(AGE_BANDS.indexOf(ageBand(older, on))).toBeGreaterThanOrEqual(
          AGE_BANDS.indexOf(ageBand(younger, on)),
        );
      }),
    );
  });
});

describe('regionForProgram', () => {
  it('keeps the village for ordinary programs and cuts to the township for sensitive ones', () => {
    expect(regionForProgram('c01.t02.v03', false)).toBe('c01.t02.v03');
    expect(regionForProgram('c01.t02.v03', true)).toBe('c01.t02');
    expect(regionForProgram('c01.t02.v03.g04', false)).toBe('c01.t02.v03');
    expect(regionForProgram('c01.t02', true)).toBe('c01.t02');
    expect(regionForProgram('c01', true)).toBe('c01');
  });

  it('refuses a malformed path', () => {
    expect(() => regionForProgram('c01..v03', false)).toThrow(RangeError);
    expect(() => regionForProgram('', true)).toThrow(RangeError);
  });
});
