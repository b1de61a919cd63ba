// Generates the demo help desk's teams, agents, customers and knowledge-base articles.
import {
  ARTICLES_PER_CATEGORY,
  CATEGORIES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  LAST_NAMES,
  SEGMENTS,
  TEAM_SIZES,
  TEAMS,
} from './catalog.js';
import type { Random } from './random.js';
import type { AgentRow, ArticleRow, CustomerRow, Directory, TeamRow } from './rows.js';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

export interface DirectoryOptions {
  agents: number;
  customers: number;
  /** Customers join from this long before `start` up to `until`. */
  start: Date;
  until: Date;
}

/** Per-agent traits that shape their tickets; not stored, only used while generating. */
export interface AgentTraits {
  /** Multiplies handle and response times: < 1 is faster. */
  speed: number;
  /** 0.5..1: higher resolves on first contact more often and earns better scores. */
  quality: number;
}

export function generateDirectory(
  random: Random,
  options: DirectoryOptions,
): {
  directory: Directory;
  traits: Map<number, AgentTraits>;
} {
  const teams: TeamRow[] = TEAMS.map((name, index) => ({ id: index + 1, externalId: `demo-t-${index + 1}`, name }));
  const teamId = new Map(teams.map((team) => [team.name, team.id]));

  const agents: AgentRow[] = [];
  const traits = new Map<number, AgentTraits>();
  // Every team gets at least one agent, the rest follow the team sizes.
  const teamOfAgent = (index: number) => (index < TEAMS.length ? TEAMS[index]! : random.weighted(TEAM_SIZES));
  for (let index = 0; index < options.agents; index++) {
    const id = index + 1;
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length + index * 7) % LAST_NAMES.length]!;
    agents.push({
      id,
      externalId: `demo-a-${id}`,
      name: `${first} ${last}`,
      email: `${first}.${last}.${id}@deskql.example`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      teamId: teamId.get(teamOfAgent(index))!,
      active: !random.chance(0.06),
    });
    traits.set(id, { speed: Math.min(1.8, Math.max(0.55, random.logNormal(1, 0.25))), quality: 0.5 + random.next() * 0.5 });
  }

  const customers: CustomerRow[] = [];
  const earliest = options.start.getTime() - 3 * YEAR;
  const span = options.until.getTime() - earliest;
  const segmentWeights = SEGMENTS.map((segment) => [segment, segment.share] as const);
  for (let index = 0; index < options.customers; index++) {
    const id = index + 1;
    const segment = random.weighted(segmentWeights);
    // More customers join recently: the business grows.
    const createdAt = earliest + span * Math.sqrt(random.next());
    const churnAt = createdAt + random.exponential(YEAR / segment.churnPerYear);
    const name = `${random.pick(COMPANY_PREFIXES)} ${random.pick(COMPANY_SUFFIXES)}`;
    customers.push({
      id,
      externalId: `demo-c-${id}`,
      name: `${name} ${id}`,
      email: `support@${name.toLowerCase().replace(/\s+/g, '-')}-${id}.example`,
      segment: segment.name,
      createdAt: new Date(Math.floor(createdAt)),
      churnedAt: churnAt < options.until.getTime() ? new Date(Math.floor(churnAt)) : null,
    });
  }
  customers.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  customers.forEach((customer, index) => {
    customer.id = index + 1;
    customer.externalId = `demo-c-${index + 1}`;
  });

  const articles: ArticleRow[] = [];
  for (const category of CATEGORIES) {
    if (!category.name) continue;
    for (let n = 1; n <= ARTICLES_PER_CATEGORY; n++) {
      const id = articles.length + 1;
      articles.push({
        id,
        externalId: `demo-kb-${id}`,
        title: `${category.subjects[(n - 1) % category.subjects.length]!.replace(/\?$/, '')}: step by step`,
        url: `https://help.deskql.example/kb/${category.name}/${n}`,
      });
    }
  }
  return { directory: { teams, agents, customers, articles }, traits };
}
