import { generateResidentId } from '@sunshine/identifiers/resident-id';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors/domain-error.ts';
import {
  containsPersonalNumber,
  validateAwardRecipientFields,
  validateAwardRoundFields,
} from './award.validation.ts';

const ID = generateResidentId({ regionCode: '330199', birthDate: '1975-03-09', sex: 'MALE', sequence: 12 });

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.field;
    throw error;
  }
  return undefined;
}

describe('containsPersonalNumber', () => {
  it('finds ID, phone and card numbers however they are grouped or written', () => {
    for (const text of [
      `身份证${ID}`,
      `身份证 ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`,
      '旧身份证 330199750309123',
      '电话13812345678',
      '电话 138-1234-5678',
      '电话（138）1234 5678',
      '电话１３８１２３４５６７８',
      '座机 0571-88889999',
      '卡号 6222 0212 3456 7890 123',
    ]) {
      expect({ text, found: containsPersonalNumber(text) }).toEqual({ text, found: true });
    }
  });

  it('lets counts, years, dates and amounts through', () => {
    for (const text of [
      '2024年全年开展活动18次，走访联系户120户次，发放宣传资料3000份。',
      '2024-05-29 会员活动日，服务 1,200 人次',
      '累计服务 160 小时，帮扶资金 12000000 分',
    ]) {
      expect({ text, found: containsPersonalNumber(text) }).toEqual({ text, found: false });
    }
  });
});

describe('award validation', () => {
  const round = {
    title: '关于表彰2025年度计生协工作先进集体和先进个人的决定',
    year: 2025,
    issuingBody: '青山县计划生育协会',
    documentNumber: '青计协发（2026）3号',
    issuedOn: '2026-02-10',
  };

  it('normalises a document number written with other brackets', () => {
    expect(validateAwardRoundFields(round).documentNumber).toBe('青计协发〔2026〕3号');
    expect(
      fieldOf(() => validateAwardRoundFields({ ...round, documentNumber: '青计协发〔2026〕03号' })),
    ).toBe('input.documentNumber');
  });

  it('dates consent no later than today in China, and only for persons', () => {
    const person = {
      category: 'EXCELLENT_MEMBER' as const,
      citation: '积极参加会员活动。',
      prizeFen: '',
      namePublicationConsent: true,
      consentRecordedOn: '2026-03-01',
    };
    expect(validateAwardRecipientFields(person, 'PERSON', '2026-03-01')).toMatchObject({ prizeFen: null });
    expect(fieldOf(() => validateAwardRecipientFields(person, 'PERSON', '2026-02-28'))).toBe(
      'input.consentRecordedOn',
    );
    expect(
      fieldOf(() =>
        validateAwardRecipientFields({ ...person, category: 'ADVANCED_UNIT' }, 'ASSOCIATION', '2026-03-01'),
      ),
    ).toBe('input.namePublicationConsent');
  });
});
