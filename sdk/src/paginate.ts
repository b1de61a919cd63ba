/** The page shape every DeskQL connection returns. */
export interface Page<TNode> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: Array<{ node: TNode }>;
}

/** Iterates every node of a connection, fetching pages lazily as the loop advances. */
export async function* allNodes<TNode>(fetchPage: (after: string | null) => Promise<Page<TNode>>): AsyncGenerator<TNode, void, undefined> {
  let after: string | null = null;
  for (;;) {
    const page: Page<TNode> = await fetchPage(after);
    for (const edge of page.edges) yield edge.node;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}
