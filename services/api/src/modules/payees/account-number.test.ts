import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors/domain-error.ts';
import { maskAccountNumber, parseAccountNumber } from './account-number.ts';

describe('account numbers', () => {
  it('keeps at most the first four and last four digits in a view', () => {
    expect(maskAccountNumber('6228480012345678901')).toBe('6228***********8901');
    expect(maskAccountNumber('622848001234')).toBe('6228****1234');
  });

  it('takes digits written in groups of four and refuses anything else without echoing it', () => {
    expect(parseAccountNumber('input.accountNumber', '6228 4800 1234 5678 901')).toBe('6228480012345678901');
    for (const bad of [
      '12345678901',
      '6228-4800-1234-5678',
      '６２２８４８００１２３４５６７８',
      '6228480012345678901234567890123',
    ]) {
      let error: unknown;
      try {
        parseAccountNumber('input.accountNumber', bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).field).toBe('input.accountNumber');
      expect((error as DomainError).message).not.toContain(bad.slice(0, 8));
    }
  });
});
