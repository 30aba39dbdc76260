import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPersonalData } from './logger.ts';

describe('maskPersonalData', () => {
  it('masks 18-character resident IDs, including a final X, and mainland mobile numbers', () => {
    expect(maskPersonalData('身份证330199193903041792，')).toBe('身份证330199********1792，');
    expect(maskPersonalData('id 11010519491231002X end')).toBe('id 110105********002X end');
    expect(maskPersonalData('电话19820387244。')).toBe('电话198****7244。');
  });

  it('masks bank card numbers with a valid Luhn check digit, the accounts payments go to', () => {
    expect(maskPersonalData('账号6228480402564890018退回')).toBe('账号6228***********0018退回');
    expect(maskPersonalData('card 4111111111111111.')).toBe('card 4111********1111.');
    // The same length with a wrong check digit is some other number: left alone.
    expect(maskPersonalData('6228480402564890017')).toBe('6228480402564890017');
  });

  it('leaves other numbers alone: dates, amounts, request ids', () => {
    for (const text of [
      '2024-06-01',
      '金额 1234567 分',
      'uuid 3f2a9c1e-0b7d-4e8a-9c1e-0b7d4e8a9c1e',
      '12345678901234567890',
    ]) {
      expect(maskPersonalData(text)).toBe(text);
    }
  });
});

describe('createLogger', () => {
  it('redacts secrets in structured fields and masks identifiers in messages and errors', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const logger = createLogger('info', sink);
    logger.info({ user: { password: 'ZQX-secret', token: 'ZQX-token', phone: '13912345678' } }, 'sign-in');
    logger.info('resident 330199193903041792 called from 13912345678');
    logger.error({ err: new Error('insert failed for 330199193903041792') }, 'internal error');
    const text = lines.join('');
    expect(text).not.toMatch(/ZQX-secret|ZQX-token|13912345678|330199193903041792/);
    expect(text).toContain('330199********1792');
  });
});
