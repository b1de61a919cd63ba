// A custom query written with gql.tada: the agents with the best CSAT over a period, with
// fields the SDK's built-in methods do not select. Result and variables types come from the
// document itself; a misspelt field fails `tsc`.
import type { DeskqlClient } from '@deskql/sdk';
import { graphql } from './tada.js';

export const AgentCsatDocument = graphql(`
  query AgentCsat($period: PeriodInput!) {
    agents(first: 100, filter: { active: true }) {
      edges { node { name team { name } kpis(period: $period) { csat { rate { value } responses } ticketCount } } }
    }
  }
`);

export async function topAgentsByCsat(client: DeskqlClient, period: { from: string; to: string }, count: number) {
  const { agents } = await client.execute(AgentCsatDocument, { period });
  return agents.edges
    .map(({ node }) => ({
      agent: node.name,
      team: node.team?.name ?? '(no team)',
      csat: node.kpis.csat.rate.value,
      responses: node.kpis.csat.responses,
    }))
    .filter((row): row is typeof row & { csat: number } => row.csat !== null)
    .sort((a, b) => b.csat - a.csat)
    .slice(0, count);
}
