// A partner app built on @deskql/sdk, installed from its packed tarball like any third-party
// dependency: this month's KPIs per team next to last month's (the SDK's typed methods), then
// two custom typed queries (gql.tada, graphql-codegen's client preset) run with execute().
//
//   DESKQL_URL=http://localhost:4000/graphql [DESKQL_API_KEY=…] [REPORT_FORMAT=json] npm start
import { createClient, DeskqlError, type KpiSlicesQuery } from '@deskql/sdk';
import { backlogByChannel } from './with-codegen.js';
import { topAgentsByCsat } from './with-tada.js';

type Slice = KpiSlicesQuery['kpiSlices'][number];

const client = createClient({
  url: process.env.DESKQL_URL ?? 'http://localhost:4000/graphql',
  ...(process.env.DESKQL_API_KEY ? { apiKey: process.env.DESKQL_API_KEY } : {}),
});

const now = new Date();
const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const seconds = (value: number | null) => (value === null ? '—' : `${Math.round(value)} s`);
const points = (now: number | null, before: number | null) =>
  now === null || before === null ? '' : ` (${now >= before ? '+' : ''}${((now - before) * 100).toFixed(1)} pts)`;

async function byTeam(from: Date, to: Date): Promise<Map<string, Slice>> {
  const slices = await client.kpiSlices({ period: { from: from.toISOString(), to: to.toISOString() }, groupBy: ['TEAM'] });
  return new Map(slices.map((slice) => [slice.group.team?.name ?? '(no team)', slice]));
}

try {
  const [current, previous] = await Promise.all([byTeam(thisMonth, now), byTeam(lastMonth, thisMonth)]);
  const teams = [...current.entries()].map(([team, slice]) => {
    const before = previous.get(team)?.kpis;
    const k = slice.kpis;
    return {
      team,
      tickets: `${k.ticketCount} (last month ${before?.ticketCount ?? 0})`,
      FCR: percent(k.firstContactResolution.value) + points(k.firstContactResolution.value, before?.firstContactResolution.value ?? null),
      AHT: seconds(k.averageHandleTime.average),
      CSAT: percent(k.csat.rate.value) + points(k.csat.rate.value, before?.csat.rate.value ?? null),
      backlog: k.backlog,
    };
  });
  const monthSoFar = { from: thisMonth.toISOString(), to: now.toISOString() };
  const [agents, backlog] = await Promise.all([topAgentsByCsat(client, monthSoFar, 5), backlogByChannel(client, monthSoFar)]);

  if (process.env.REPORT_FORMAT === 'json') {
    console.log(JSON.stringify({ teams, agents, backlog }));
  } else {
    console.log(`DeskQL report: ${thisMonth.toISOString().slice(0, 7)} so far, against ${lastMonth.toISOString().slice(0, 7)}\n`);
    console.table(teams);
    console.log('\nBest CSAT this month (gql.tada query)');
    console.table(agents.map((row) => ({ ...row, csat: percent(row.csat) })));
    console.log('\nOpen backlog by channel (graphql-codegen query)');
    console.table(backlog);
  }
} catch (error) {
  if (error instanceof DeskqlError) {
    console.error(`DeskQL said ${error.code}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
