import type { Page } from './relay-cursor.ts';

/** A Relay connection (edges, page info, total) from one page of nodes and their cursors. */
export function connectionOf<T>(page: Page<T>, after: string | null | undefined) {
  return {
    edges: page.nodes.map((node, index) => ({ node, cursor: page.cursors[index] ?? '' })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: Boolean(after),
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    totalCount: page.totalCount,
  };
}
