import { badInput } from '../errors/domain-error.ts';
import { isUuid } from '../validation/field-checks.ts';

export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(
      'first',
      `每页条数应为 1–${MAX_PAGE_SIZE}`,
      `first must be between 1 and ${MAX_PAGE_SIZE}`,
    );
  }
  return size;
}

/** Opaque keyset cursor: the sort key and id of the last row seen. */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // The id goes to SQL as a uuid: a forged one must be refused here, not fail there as an internal error.
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((part) => typeof part === 'string') &&
      isUuid(value[1] as string)
    ) {
      return { sortValue: value[0] as string, id: value[1] as string };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after', '分页游标无效', 'The cursor is invalid');
}
