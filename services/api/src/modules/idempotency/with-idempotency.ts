import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalSha256 } from '../../canonical-json.ts';
import { badInput, DomainError } from '../../errors/domain-error.ts';
import type { Actor } from '../identity/actor.ts';

// What clients send: a UUID, or any 8–100 letters, digits, hyphens and underscores.
const KEY = /^[A-Za-z0-9_-]{8,100}$/;

export interface IdempotentCall {
  /** The client's key, unique per user. */
  key: string;
  /** The mutation's name: a key is bound to one operation. */
  operation: string;
  /** The parameters that define the effect; a replay must repeat them exactly (compared by digest). */
  request: unknown;
}

/** The key as given, or BAD_INPUT naming `idempotencyKey`. */
export function checkIdempotencyKey(key: string): string {
  if (!KEY.test(key)) {
    throw badInput(
      'idempotencyKey',
      '幂等键应为 8–100 位字母、数字、“-”或“_”（建议使用 UUID）',
      'The idempotency key must be 8–100 letters, digits, "-" or "_" (a UUID is best)',
    );
  }
  return key;
}

/**
 * Runs a money mutation at most once per key. In the caller's scoped transaction, so the key, the
 * effect and its audit row commit or vanish together:
 * - the key is inserted first; a concurrent call with the same key waits on that insert until the
 *   first transaction ends, then sees the committed row (or inserts its own if the first rolled back);
 * - a key already used returns the first call's stored response, if the operation and the
 *   parameters' digest are the same, and is refused otherwise;
 * - a call that fails leaves no key behind, so the client may retry with the same key.
 * The response is stored as JSON and returned from its stored form, so the first call and every
 * replay answer the same thing.
 */
export async function withIdempotency<T>(
  em: EntityManager,
  actor: Actor,
  call: IdempotentCall,
  work: () => Promise<T>,
): Promise<T> {
  const key = checkIdempotencyKey(call.key);
  const requestSha256 = canonicalSha256(call.request);
  const inserted = (await em.execute(
    `insert into idempotency_key (user_id, key, operation, request_sha256) values (?, ?, ?, ?)
     on conflict (user_id, key) do nothing returning key`,
    [actor.user.id, key, call.operation, requestSha256],
  )) as { key: string }[];
  if (inserted.length === 0) {
    const [row] = (await em.execute(
      `select operation, request_sha256, response::text as response from idempotency_key
        where user_id = ? and key = ?`,
      [actor.user.id, key],
    )) as { operation: string; request_sha256: string; response: string | null }[];
    if (!row || row.operation !== call.operation || row.request_sha256 !== requestSha256 || !row.response) {
      throw keyReused();
    }
    return decodeResponse(row.response) as T;
  }
  const stored = encodeResponse(await work());
  await em.execute('update idempotency_key set response = ?::jsonb where user_id = ? and key = ?', [
    stored,
    actor.user.id,
    key,
  ]);
  return decodeResponse(stored) as T;
}

function keyReused(): DomainError {
  return new DomainError({
    code: 'IDEMPOTENCY_KEY_REUSED',
    field: 'idempotencyKey',
    messageZh: '该幂等键已用于另一项操作或另一组参数；新的操作请使用新的幂等键',
    messageEn: 'This idempotency key was used for another operation or other parameters; use a new key',
  });
}

// Dates survive the round trip through jsonb as {"$date": "…"}; everything else is plain JSON.
function encodeResponse(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, name, encoded) {
    const raw = this[name];
    return raw instanceof Date ? { $date: raw.toISOString() } : encoded;
  });
}

function decodeResponse(text: string): unknown {
  return JSON.parse(text, (_name, value) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { $date?: unknown }).$date === 'string'
      ? new Date((value as { $date: string }).$date)
      : value,
  );
}
