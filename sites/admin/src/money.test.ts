import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './money.ts';

describe('fenToYuan', () => {
  it('shows fen as yuan with grouping and two decimals, exactly, beyond float precision', () => {
    expect(fenToYuan('8640000')).toBe('86,400.00');
    expect(fenToYuan('5')).toBe('0.05');
    expect(fenToYuan('-72000')).toBe('-720.00');
    expect(fenToYuan('0')).toBe('0.00');
    expect(fenToYuan('900719925474099312')).toBe('9,007,199,254,740,993.12');
  });

  it('leaves anything that is not a digit string as it is', () => {
    expect(fenToYuan('—')).toBe('—');
  });
});

describe('yuanToFen', () => {
  it('reads yuan with up to two decimals as fen digits, exactly', () => {
    expect(yuanToFen('500')).toBe('50000');
    expect(yuanToFen('500.5')).toBe('50050');
    expect(yuanToFen(' 0.05 ')).toBe('5');
    expect(yuanToFen('90071992547409.93')).toBe('9007199254740993');
  });

  it('passes anything else on for the API to refuse by name', () => {
    expect(yuanToFen('5.005')).toBe('5.005');
    expect(yuanToFen('-3')).toBe('-3');
  });
});
