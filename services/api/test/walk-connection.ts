import { expect } from 'vitest';
import type { GraphQLResponse, TestApi } from './test-api.ts';

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

/**
 * Follows a Relay connection's `after` cursor to the end, `first` rows at a time, and returns the
 * ids in the order served. Checks on the way what a client relies on: every page agrees on the
 * total, and every page but the last is full.
 */
export async function walkConnection(
  t: TestApi,
  query: { document: string; field: string; first: number },
  variables: { filter?: Record<string, unknown> | null; orderBy?: Record<string, unknown> | null },
  cookie: string,
): Promise<{ ids: string[]; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 200; page++) {
    const res: GraphQLResponse<Record<string, Connection>> = await t.graphql<Record<string, Connection>>(
      query.document,
      { first: query.first, after, filter: variables.filter ?? null, orderBy: variables.orderBy ?? null },
      cookie,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const connection = res.data?.[query.field] as Connection;
    if (totalCount === -1) totalCount = connection.totalCount;
    expect(connection.totalCount).toBe(totalCount);
    expect(connection.edges.length).toBeLessThanOrEqual(query.first);
    ids.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return { ids, totalCount };
    expect(connection.edges).toHaveLength(query.first);
    after = connection.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}
