import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicObjectionToken, storedObjectionToken } from './objection-token.ts';

const storedToken = fc.stringMatching(/^[0-9a-f]{32}$/);

describe('objection tokens as published', () => {
  it('never carry a digit, so no run of them can read as a phone or card number', () => {
    fc.assert(
      fc.property(storedToken, (token) => {
        expect(publicObjectionToken(token)).toMatch(/^[a-p]{32}$/);
      }),
    );
  });

  it('come back to the stored token, in either form and any case', () => {
    fc.assert(
      fc.property(storedToken, (token) => {
        const shown = publicObjectionToken(token);
        expect(storedObjectionToken(shown)).toBe(token);
        expect(storedObjectionToken(` ${shown.toUpperCase()} `)).toBe(token);
        expect(storedObjectionToken(token)).toBe(token);
      }),
    );
  });

  it('maps the example a clerk reads out', () => {
    expect(publicObjectionToken('0123456789abcdef0123456789abcdef')).toBe('ghijklmnopabcdefghijklmnopabcdef');
  });
});
