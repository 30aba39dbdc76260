/**
 * A refusal the user can act on. Only the GraphQL edge turns it into a GraphQL error; messages
 * name the field and the reason but never echo the submitted value.
 */
export type DomainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_INPUT'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'FOUR_EYES'
  | 'RATE_LIMITED'
  /** A money mutation's idempotency key was used before with another operation or parameters. */
  | 'IDEMPOTENCY_KEY_REUSED';

export interface DomainErrorDetails {
  code: DomainErrorCode;
  /** Chinese first. */
  messageZh: string;
  messageEn: string;
  /** The input field at fault, e.g. `input.documentNumber`. */
  field?: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly field: string | undefined;

  constructor(details: DomainErrorDetails) {
    super(`${details.messageZh} / ${details.messageEn}`);
    this.name = 'DomainError';
    this.code = details.code;
    this.messageZh = details.messageZh;
    this.messageEn = details.messageEn;
    this.field = details.field;
  }
}

export function badInput(field: string, messageZh: string, messageEn: string): DomainError {
  return new DomainError({ code: 'BAD_INPUT', field, messageZh, messageEn });
}

export function notFound(what: { zh: string; en: string }, field?: string): DomainError {
  return new DomainError({
    code: 'NOT_FOUND',
    field,
    messageZh: `${what.zh}不存在或不在您的管辖范围内`,
    messageEn: `${what.en} not found or outside your jurisdiction`,
  });
}
