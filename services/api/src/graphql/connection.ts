import type { Page } from './relay-cursor.ts';

/**
 * A Relay connection (edges, page info, total) from one page of nodes and their cursors, each node
 * mapped to its GraphQL type by `toNode`.
 */
export function connectionOf<T, N = T>(
  page: Page<T>,
  after: string | null | undefined,
  toNode: (node: T) => N = (node) => node as unknown as N,
) {
  return {
    edges: page.nodes.map((node, index) => ({ node: toNode(node), cursor: page.cursors[index] ?? '' })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: Boolean(after),
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    totalCount: page.totalCount,
  };
}
