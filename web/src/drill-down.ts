// The records behind a number, in a modal dialog: its total (which equals the number clicked),
// then 50 records at a time. <dialog> gives keyboard focus, Escape and a focus trap for free.
import type { DashboardApi, InteractionPage, KpiFilter, PeriodInput, SurveyPage, TicketPage } from './dashboard-api.ts';
import type { DrillTarget } from './drill-target.ts';
import { byId, h } from './dom.ts';
import { EMPTY, formatDuration, formatInstant, formatValue } from './format.ts';

type AnyPage = TicketPage | SurveyPage | InteractionPage;

export class DrillDown {
  private readonly dialog = byId<HTMLDialogElement>('drill');
  private readonly title = byId('drill-title');
  private readonly summary = byId('drill-summary');
  private readonly body = byId('drill-body');
  private readonly more = byId<HTMLButtonElement>('drill-more');
  private generation = 0;
  private loadNext: (() => Promise<void>) | null = null;

  constructor(private readonly onError: (error: unknown) => void) {
    byId('drill-close').addEventListener('click', () => this.dialog.close());
    this.more.addEventListener('click', () => void this.loadNext?.());
  }

  async open(api: DashboardApi, period: PeriodInput, filter: KpiFilter | undefined, target: DrillTarget): Promise<void> {
    const generation = ++this.generation;
    const timeZone = period.timeZone ?? 'UTC';
    this.title.textContent = target.title;
    this.summary.textContent = `Loading… (${formatInstant(period.from, timeZone)} – ${formatInstant(period.to, timeZone)})`;
    this.body.replaceChildren();
    this.more.hidden = true;
    if (!this.dialog.open) this.dialog.showModal();
    const merged: KpiFilter | undefined = target.filter ? { ...filter, ...target.filter } : filter;
    const fetchPage = (after?: string): Promise<AnyPage> =>
      target.kind === 'tickets'
        ? api.tickets(period, merged, target.basis, after)
        : target.kind === 'surveys'
          ? api.surveys(period, merged, target.kinds, after)
          : api.interactions(period, merged, after);
    const table = h('table', {}, h('thead', {}, headerRow(target)));
    const tbody = h('tbody');
    table.append(tbody);
    let shown = 0;
    const load = async (after?: string) => {
      this.more.disabled = true;
      try {
        const page = await fetchPage(after);
        if (generation !== this.generation) return;
        for (const edge of page.edges) tbody.append(recordRow(edge.node, timeZone));
        shown += page.edges.length;
        this.summary.replaceChildren(
          h('strong', { 'data-total': page.totalCount }, formatValue(page.totalCount, 'count')),
          ` records (${formatInstant(period.from, timeZone)} – ${formatInstant(period.to, timeZone)}); showing ${formatValue(shown, 'count')}.`,
        );
        if (!this.body.contains(table)) this.body.replaceChildren(table);
        this.more.hidden = !page.pageInfo.hasNextPage;
        this.loadNext = page.pageInfo.endCursor ? () => load(page.pageInfo.endCursor ?? undefined) : null;
      } catch (error) {
        if (generation !== this.generation) return;
        this.summary.textContent = '';
        this.onError(error);
        this.dialog.close();
      } finally {
        this.more.disabled = false;
      }
    };
    await load();
  }
}

function headerRow(target: DrillTarget): HTMLTableRowElement {
  const columns =
    target.kind === 'tickets'
      ? ['Subject', 'Channel', 'Status', 'Created', 'Resolved', 'Team', 'Assignee']
      : target.kind === 'surveys'
        ? ['Kind', 'Score', 'Responded', 'Comment']
        : ['Started', 'Agent', 'Handle time', 'Talk', 'Hold', 'Wrap-up'];
  return h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)));
}

function recordRow(node: AnyPage['edges'][number]['node'], timeZone: string): HTMLTableRowElement {
  if ('subject' in node) {
    return h(
      'tr',
      { 'data-record': node.id },
      h('td', {}, node.subject),
      h('td', {}, node.channel),
      h('td', {}, node.status),
      h('td', {}, formatInstant(node.createdAt, timeZone)),
      h('td', {}, formatInstant(node.resolvedAt, timeZone)),
      h('td', {}, node.team?.name ?? EMPTY),
      h('td', {}, node.assignee?.name ?? EMPTY),
    );
  }
  if ('score' in node) {
    return h(
      'tr',
      { 'data-record': node.id },
      h('td', {}, node.kind),
      h('td', { class: 'num' }, node.score),
      h('td', {}, formatInstant(node.respondedAt, timeZone)),
      h('td', {}, node.comment ?? ''),
    );
  }
  const total = node.talkSeconds + node.holdSeconds + node.wrapUpSeconds;
  return h(
    'tr',
    { 'data-record': node.id },
    h('td', {}, formatInstant(node.startedAt, timeZone)),
    h('td', {}, node.agent.name),
    h('td', { class: 'num' }, formatDuration(total)),
    h('td', { class: 'num' }, formatDuration(node.talkSeconds)),
    h('td', { class: 'num' }, formatDuration(node.holdSeconds)),
    h('td', { class: 'num' }, formatDuration(node.wrapUpSeconds)),
  );
}
