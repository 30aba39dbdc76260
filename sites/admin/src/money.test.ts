import { describe, expect, it } from 'vitest';
import { fenToYuan } from './money.ts';

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
