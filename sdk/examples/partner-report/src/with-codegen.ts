// A custom query written for graphql-codegen's client preset: the open backlog by channel,
// with its oldest tickets. `graphql-codegen` (npm run codegen) turns the document into a
// TypedDocumentNode in src/generated/codegen; client.execute() types the result from it.
import type { DeskqlClient } from '@deskql/sdk';
import { graphql } from './generated/codegen/index.js';

export const BacklogByChannelDocument = graphql(`
  query BacklogByChannel($period: PeriodInput!) {
    kpiSlices(period: $period, groupBy: [CHANNEL]) {
      group { channel }
      kpis { backlog }
      tickets(basis: BACKLOG, first: 3) { edges { node { subject createdAt } } }
    }
  }
`);

export async function backlogByChannel(client: DeskqlClient, period: { from: string; to: string }) {
  const { kpiSlices } = await client.execute(BacklogByChannelDocument, { period });
  return kpiSlices.map((slice) => ({
    channel: slice.group.channel ?? '(none)',
    backlog: slice.kpis.backlog,
    oldest: slice.tickets.edges.map((edge) => edge.node.subject).join('; '),
  }));
}
