// Generates the demo help desk's tickets with their interactions and surveys: a daily and
// weekly rhythm, channel-specific response and handle times, agents of different speed and
// quality, transfers, reopens, knowledge-base answers and surveys after resolution.
import type { Channel, Priority, TicketStatus } from '../generated/prisma/enums.js';
import { CATEGORIES, CSAT_COMMENTS, ARTICLES_PER_CATEGORY, type Category } from './catalog.js';
import type { AgentTraits } from './directory.js';
import type { Random } from './random.js';
import type { ActivityBatch, AgentRow, CustomerRow, Directory, InteractionRow, SurveyRow, TicketRow } from './rows.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ActivityOptions {
  tickets: number;
  start: Date;
  until: Date;
  batchSize: number;
}

const CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ['EMAIL', 35],
  ['CHAT', 30],
  ['PHONE', 18],
  ['WEB', 11],
  ['SOCIAL', 6],
];
const PRIORITIES: ReadonlyArray<readonly [Priority, number]> = [
  ['LOW', 20],
  ['NORMAL', 55],
  ['HIGH', 20],
  ['URGENT', 5],
];
const PRIORITY_SPEED: Record<Priority, number> = { LOW: 1.6, NORMAL: 1, HIGH: 0.6, URGENT: 0.3 };
const FIRST_RESPONSE_MEAN: Record<Channel, number> = {
  PHONE: 0.5 * MINUTE,
  CHAT: 1.5 * MINUTE,
  SOCIAL: 40 * MINUTE,
  WEB: 2 * HOUR,
  EMAIL: 3 * HOUR,
};
const TALK_MEDIAN_SECONDS: Record<Channel, number> = { PHONE: 360, CHAT: 540, EMAIL: 240, WEB: 240, SOCIAL: 150 };
const HOLD_CHANCE: Record<Channel, number> = { PHONE: 0.45, CHAT: 0.2, EMAIL: 0, WEB: 0, SOCIAL: 0 };
const FOLLOW_UP_GAP: Record<Channel, number> = { PHONE: 2 * HOUR, CHAT: 20 * MINUTE, EMAIL: 8 * HOUR, WEB: 6 * HOUR, SOCIAL: 3 * HOUR };
// Demand by hour of the day in the help desk's local time (UTC-3), and by weekday (Monday first).
const LOCAL_OFFSET_HOURS = -3;
const HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 3, 6, 8, 9, 9, 7, 7.5, 8.5, 8.5, 8, 7, 5.5, 4, 3.2, 2.6, 2, 1.4];
const WEEKDAY_WEIGHTS = [1.15, 1.1, 1.05, 1.0, 0.95, 0.45, 0.35];

/** Yields the tickets of the period in creation order, in batches of `batchSize`. */
export function* generateActivity(
  random: Random,
  directory: Directory,
  traits: Map<number, AgentTraits>,
  options: ActivityOptions,
): Generator<ActivityBatch> {
  const context = new ActivityContext(random, directory, traits, options.until);
  let batch: ActivityBatch = { tickets: [], interactions: [], surveys: [] };
  for (const createdAt of ticketTimes(random, options)) {
    context.addTicket(createdAt, batch);
    if (batch.tickets.length >= options.batchSize) {
      yield batch;
      batch = { tickets: [], interactions: [], surveys: [] };
    }
  }
  if (batch.tickets.length > 0) yield batch;
  const nps = context.relationshipSurveys(options.start);
  for (let index = 0; index < nps.length; index += options.batchSize * 2) {
    yield { tickets: [], interactions: [], surveys: nps.slice(index, index + options.batchSize * 2) };
  }
}

/** Creation instants of `options.tickets` tickets, ascending, following the demand rhythm. */
function* ticketTimes(random: Random, options: ActivityOptions): Generator<Date> {
  const firstDay = Math.floor(options.start.getTime() / DAY) * DAY;
  const days = Math.max(1, Math.ceil((options.until.getTime() - firstDay) / DAY));
  // Day weights: weekday rhythm, 30% growth over the period, and some day-to-day noise.
  const weights = Array.from({ length: days }, (_, day) => {
    const weekday = (new Date(firstDay + day * DAY).getUTCDay() + 6) % 7;
    return WEEKDAY_WEIGHTS[weekday]! * (1 + (0.3 * day) / days) * Math.max(0.3, random.normal(1, 0.12));
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  // Largest-remainder rounding, so the days add up to exactly the requested number.
  const exact = weights.map((w) => (w / total) * options.tickets);
  const counts = exact.map(Math.floor);
  let missing = options.tickets - counts.reduce((sum, c) => sum + c, 0);
  const byRemainder = exact.map((value, day) => [value - Math.floor(value), day] as const).sort((a, b) => b[0] - a[0]);
  for (let i = 0; missing > 0; i = (i + 1) % days, missing--) counts[byRemainder[i]![1]]! += 1;

  const hourEntries = HOUR_WEIGHTS.map((weight, localHour) => [localHour, weight] as const);
  for (let day = 0; day < days; day++) {
    const times: number[] = [];
    for (let n = 0; n < counts[day]!; n++) {
      const utcHour = (random.weighted(hourEntries) - LOCAL_OFFSET_HOURS + 24) % 24;
      times.push(firstDay + day * DAY + utcHour * HOUR + Math.floor(random.next() * HOUR));
    }
    times.sort((a, b) => a - b);
    for (const time of times) {
      const clamped = Math.min(Math.max(time, options.start.getTime()), options.until.getTime() - 1);
      yield new Date(clamped);
    }
  }
}

class ActivityContext {
  private nextTicketId = 1;
  private nextInteractionId = 1;
  private nextSurveyId = 1;
  private readonly agentsByTeam = new Map<number, AgentRow[]>();
  private readonly teamByName: Map<string, number>;
  private readonly articlesByCategory = new Map<string, number[]>();
  private readonly categoryWeights: ReadonlyArray<readonly [Category, number]>;
  private readonly customerCreated: number[];

  constructor(
    private readonly random: Random,
    private readonly directory: Directory,
    private readonly traits: Map<number, AgentTraits>,
    private readonly until: Date,
  ) {
    for (const agent of directory.agents.filter((a) => a.active)) {
      const list = this.agentsByTeam.get(agent.teamId) ?? [];
      list.push(agent);
      this.agentsByTeam.set(agent.teamId, list);
    }
    this.teamByName = new Map(directory.teams.map((team) => [team.name, team.id]));
    let articleId = 1;
    for (const category of CATEGORIES) {
      if (!category.name) continue;
      this.articlesByCategory.set(
        category.name,
        Array.from({ length: ARTICLES_PER_CATEGORY }, () => articleId++),
      );
    }
    this.categoryWeights = CATEGORIES.map((category) => [category, category.share] as const);
    this.customerCreated = directory.customers.map((c) => c.createdAt.getTime());
  }

  addTicket(createdAt: Date, batch: ActivityBatch): void {
    const random = this.random;
    const id = this.nextTicketId++;
    const customer = this.customerAt(createdAt.getTime());
    const category = random.weighted(this.categoryWeights);
    const channel = random.weighted(CHANNELS);
    let priority = random.weighted(PRIORITIES);
    if (customer.segment === 'enterprise' && priority === 'NORMAL' && random.chance(0.3)) priority = 'HIGH';
    const teamName =
      customer.segment === 'enterprise' && (priority === 'HIGH' || priority === 'URGENT') ? 'Enterprise Success' : category.team;
    let teamId: number | null = random.chance(0.02) ? null : this.teamByName.get(teamName)!;
    const articles = category.name ? this.articlesByCategory.get(category.name) : undefined;
    const knowledgeArticleId = articles && random.chance(category.articleShare) ? random.pick(articles) : null;

    const ticket: TicketRow = {
      id,
      externalId: `demo-tk-${id}`,
      subject: random.pick(category.subjects),
      channel,
      priority,
      category: category.name,
      status: 'NEW',
      customerId: customer.id,
      assigneeId: null,
      teamId,
      createdAt,
      firstResponseAt: null,
      resolvedAt: null,
      reopenCount: 0,
      knowledgeArticleId,
    };
    batch.tickets.push(ticket);

    // Some customers find the answer in the linked article and close the ticket themselves.
    if (knowledgeArticleId && random.chance(0.3)) {
      this.resolve(ticket, createdAt.getTime() + random.exponential(40 * MINUTE));
      return;
    }
    const pool = teamId ? this.agentsByTeam.get(teamId) : undefined;
    if (!pool || pool.length === 0 || random.chance(0.02)) return; // unassigned: waits in the queue

    let agent = random.pick(pool);
    const firstResponse =
      createdAt.getTime() + random.exponential(FIRST_RESPONSE_MEAN[channel] * PRIORITY_SPEED[priority] * this.traitsOf(agent).speed);
    if (firstResponse >= this.until.getTime()) {
      ticket.assigneeId = agent.id;
      return;
    }
    ticket.firstResponseAt = new Date(Math.floor(firstResponse));
    ticket.status = 'OPEN';

    const quality = this.traitsOf(agent).quality;
    let contacts = 1;
    while (contacts < 5 && random.chance(Math.max(0.05, 0.45 - 0.35 * quality + category.difficulty) / contacts)) contacts++;
    const reopens = random.chance(0.04 + 0.12 * (1 - quality)) ? (random.chance(0.2) ? 2 : 1) : 0;

    let start = firstResponse;
    let transferred = false;
    const interactions: InteractionRow[] = [];
    for (let n = 0; n < contacts + reopens; n++) {
      if (n === contacts) {
        // The ticket was solved, then reopened: the customer comes back days later.
        start += random.exponential(2 * DAY);
      }
      if (start >= this.until.getTime()) break;
      const speed = this.traitsOf(agent).speed;
      const interaction: InteractionRow = {
        id: this.nextInteractionId++,
        externalId: '',
        ticketId: id,
        agentId: agent.id,
        startedAt: new Date(Math.floor(start)),
        talkSeconds: Math.round(random.logNormal(TALK_MEDIAN_SECONDS[channel] * speed, 0.5)),
        holdSeconds: random.chance(HOLD_CHANCE[channel]) ? Math.round(random.logNormal(60, 0.7)) : 0,
        wrapUpSeconds: Math.round(random.logNormal(90 * speed, 0.4)),
        transferred: false,
      };
      interaction.externalId = `demo-i-${interaction.id}`;
      interactions.push(interaction);
      start += (interaction.talkSeconds + interaction.holdSeconds + interaction.wrapUpSeconds) * 1000;
      const isLast = n === contacts + reopens - 1;
      // Hard tickets get passed on to a second-line team.
      if (!isLast && random.chance(0.06 + category.difficulty * 0.4)) {
        const target = this.agentsByTeam.get(this.teamByName.get(category.name === 'bug' ? 'Technical' : 'Tier 2')!) ?? pool;
        const next = random.pick(target);
        if (next.id !== agent.id) {
          interaction.transferred = true;
          transferred = true;
          agent = next;
          teamId = next.teamId;
        }
      }
      if (!isLast) start += random.exponential(FOLLOW_UP_GAP[channel]);
    }
    batch.interactions.push(...interactions);
    ticket.assigneeId = agent.id;
    ticket.teamId = teamId;

    const finished = interactions.length === contacts + reopens;
    const resolvedAt = start + random.exponential(channel === 'EMAIL' || channel === 'WEB' ? 2 * HOUR : 10 * MINUTE);
    if (!finished || resolvedAt >= this.until.getTime()) {
      ticket.status = random.weighted<TicketStatus>([
        ['OPEN', 60],
        ['PENDING', 30],
        ['ON_HOLD', 10],
      ]);
      return;
    }
    ticket.reopenCount = reopens;
    this.resolve(ticket, resolvedAt);
    this.ticketSurveys(ticket, interactions.length, transferred, this.traitsOf(agent).quality, batch.surveys);
  }

  private resolve(ticket: TicketRow, resolvedAt: number): void {
    if (resolvedAt >= this.until.getTime()) return;
    ticket.resolvedAt = new Date(Math.floor(resolvedAt));
    ticket.status = resolvedAt < this.until.getTime() - 4 * DAY ? 'CLOSED' : 'SOLVED';
  }

  /** CSAT and CES surveys sent after resolution; about a third of customers answer. */
  private ticketSurveys(ticket: TicketRow, contacts: number, transferred: boolean, quality: number, out: SurveyRow[]): void {
    const random = this.random;
    const resolved = ticket.resolvedAt!.getTime();
    const slow = resolved - ticket.createdAt.getTime() > 3 * DAY;
    if (random.chance(0.33)) {
      const satisfaction =
        3.1 + 1.7 * quality - 0.7 * ticket.reopenCount - 0.35 * (contacts - 1) - (slow ? 0.4 : 0) + random.normal(0, 0.8);
      const score = clamp(Math.round(satisfaction), 1, 5);
      this.addSurvey(out, 'CSAT', score, ticket, resolved + random.exponential(3 * HOUR), this.comment(score, 5));
    }
    if (random.chance(0.15)) {
      const ease = 6 - 0.8 * (contacts - 1) - (transferred ? 1 : 0) - 0.8 * ticket.reopenCount + random.normal(0, 1);
      this.addSurvey(out, 'CES', clamp(Math.round(ease), 1, 7), ticket, resolved + random.exponential(4 * HOUR), null);
    }
  }

  /** NPS relationship surveys: each customer may answer once a quarter while a customer. */
  relationshipSurveys(start: Date): SurveyRow[] {
    const random = this.random;
    const surveys: SurveyRow[] = [];
    const quarter = 91 * DAY;
    for (const customer of this.directory.customers) {
      const from = Math.max(customer.createdAt.getTime(), start.getTime());
      const to = Math.min(customer.churnedAt?.getTime() ?? Infinity, this.until.getTime());
      for (let at = from + random.next() * quarter; at < to; at += quarter) {
        if (!random.chance(0.22)) continue;
        const base = customer.segment === 'enterprise' ? 8.2 : customer.segment === 'smb' ? 7 : 7.6;
        const churning = customer.churnedAt && customer.churnedAt.getTime() - at < 120 * DAY ? 2.5 : 0;
        const score = clamp(Math.round(base - churning + random.normal(0, 1.8)), 0, 10);
        surveys.push(this.survey('NPS', score, customer.id, null, at, this.comment(score, 10)));
      }
    }
    return surveys.sort((a, b) => a.respondedAt.getTime() - b.respondedAt.getTime());
  }

  private addSurvey(out: SurveyRow[], kind: 'CSAT' | 'CES', score: number, ticket: TicketRow, at: number, comment: string | null) {
    if (at < this.until.getTime()) out.push(this.survey(kind, score, ticket.customerId, ticket.id, at, comment));
  }

  private survey(
    kind: SurveyRow['kind'],
    score: number,
    customerId: number,
    ticketId: number | null,
    at: number,
    comment: string | null,
  ): SurveyRow {
    const id = this.nextSurveyId++;
    return { id, externalId: `demo-s-${id}`, kind, score, customerId, ticketId, respondedAt: new Date(Math.floor(at)), comment };
  }

  private comment(score: number, max: number): string | null {
    if (!this.random.chance(0.2)) return null;
    const share = score / max;
    return this.random.pick(CSAT_COMMENTS[share < 0.5 ? 'low' : share < 0.8 ? 'mid' : 'high']);
  }

  /** A customer who was a customer at `time` (customers are sorted by createdAt). */
  private customerAt(time: number): CustomerRow {
    const customers = this.directory.customers;
    let low = 0;
    let high = this.customerCreated.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.customerCreated[mid]! <= time) low = mid + 1;
      else high = mid;
    }
    const joined = Math.max(1, low);
    let candidate = customers[this.random.int(0, joined - 1)]!;
    for (let attempt = 0; attempt < 6 && candidate.churnedAt && candidate.churnedAt.getTime() <= time; attempt++) {
      candidate = customers[this.random.int(0, joined - 1)]!;
    }
    return candidate;
  }

  private traitsOf(agent: AgentRow): AgentTraits {
    return this.traits.get(agent.id)!;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
