import { createHmac } from 'node:crypto';

/**
 * The keyed hash that makes a resident ID number unique county-wide without storing a plain hash
 * (which anyone could reverse by hashing every possible number: there are only about 10^10).
 * The caller passes a number already normalised by `parseResidentId`.
 */
export function residentIdHmac(key: string, residentId: string): Buffer {
  return createHmac('sha256', key).update(residentId).digest();
}

/** Enough of the HMAC to tie log and audit rows together, never enough to find the number. */
export function residentIdHmacPrefix(hmac: Buffer): string {
  return hmac.subarray(0, 4).toString('hex');
}
