import { DomainError } from '../../errors/domain-error.ts';
import type { BankReturnRowError } from './bank-return-file.ts';

export const BATCH = { zh: '发放批次', en: 'Disbursement batch' };
export const PAYMENT = { zh: '付款', en: 'Payment' };
export const PROGRAM = { zh: '扶助项目', en: 'Program' };

export function invalidState(field: string, messageZh: string, messageEn: string): DomainError {
  return new DomainError({ code: 'INVALID_STATE', field, messageZh, messageEn });
}

/** A batch the caller can see (it concerns their region) but that belongs to a level above them. */
export function batchAboveYou(field: string): DomainError {
  return new DomainError({
    code: 'FORBIDDEN',
    field,
    messageZh: '该发放批次属于上级，只能查看，不能操作',
    messageEn: 'This batch belongs to a higher level: you may read it, not act on it',
  });
}

export function sensitiveProgram(field: string): DomainError {
  return new DomainError({
    code: 'FORBIDDEN',
    field,
    messageZh: '特别扶助等敏感项目的发放只能由县级或乡镇管理员办理',
    messageEn: 'Disbursements of a sensitive program are handled by county or township admins only',
  });
}

/**
 * A bank return file with anything wrong in it: nothing is applied. Thrown inside the transaction so
 * that the transaction (and the idempotency key with it) rolls back; the service answers with the
 * row errors.
 */
export class BankFileRefused extends Error {
  constructor(readonly rowErrors: BankReturnRowError[]) {
    super('bank return file refused');
    this.name = 'BankFileRefused';
  }
}
