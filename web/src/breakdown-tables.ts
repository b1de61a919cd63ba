// The team, agent and channel tables: one row per group with its headline KPIs, the volume a
// button that opens that group's tickets.
import type { AgentRows, Breakdown, KpiFilter } from './dashboard-api.ts';
import type { DrillTarget } from './drill-target.ts';
import { h } from './dom.ts';
import { formatValue } from './format.ts';

type KpiRow = Breakdown['byTeam'][number]['kpis'];

const PERFORMANCE_COLUMNS: Array<{ title: string; value: (k: KpiRow) => string }> = [
  { title: 'Resolved', value: (k) => formatValue(k.resolvedCount, 'count') },
  { title: 'Backlog', value: (k) => formatValue(k.backlog, 'count') },
  { title: 'FCR', value: (k) => formatValue(k.firstContactResolution.value, 'rate') },
  { title: 'First response', value: (k) => formatValue(k.firstResponseTime.average, 'seconds') },
  { title: 'AHT', value: (k) => formatValue(k.averageHandleTime.average, 'seconds') },
  { title: 'CSAT', value: (k) => formatValue(k.csat.rate.value, 'rate') },
  { title: 'NPS', value: (k) => formatValue(k.nps.score, 'nps') },
];

function volumeButton(name: string, count: number, drill: DrillTarget, onDrill: (target: DrillTarget) => void, testId: string) {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'link',
      'data-volume': testId,
      'data-value': count,
      'aria-label': `${name}: ${formatValue(count, 'count')} tickets. Show them`,
    },
    formatValue(count, 'count'),
  );
  button.addEventListener('click', () => onDrill(drill));
  return button;
}

function performanceTable(
  caption: string,
  rows: Array<{ name: string; sub?: string; id: string; filter: KpiFilter; kpis: KpiRow }>,
  onDrill: (target: DrillTarget) => void,
): HTMLTableElement {
  const sorted = [...rows].sort((a, b) => b.kpis.ticketCount - a.kpis.ticketCount);
  return h(
    'table',
    {},
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col', class: 'num' }, 'Volume'),
        ...PERFORMANCE_COLUMNS.map((c) => h('th', { scope: 'col', class: 'num' }, c.title)),
      ),
    ),
    h(
      'tbody',
      {},
      ...sorted.map((row) =>
        h(
          'tr',
          { 'data-row': row.id },
          h('th', { scope: 'row' }, row.name, row.sub ? h('span', { class: 'muted small block' }, row.sub) : null),
          h(
            'td',
            { class: 'num' },
            volumeButton(
              row.name,
              row.kpis.ticketCount,
              { kind: 'tickets', basis: 'CREATED', title: `Tickets created — ${row.name}`, filter: row.filter },
              onDrill,
              row.id,
            ),
          ),
          ...PERFORMANCE_COLUMNS.map((c) => h('td', { class: 'num' }, c.value(row.kpis))),
        ),
      ),
    ),
  );
}

export function renderTeams(container: HTMLElement, slices: Breakdown['byTeam'], onDrill: (target: DrillTarget) => void): void {
  const rows = slices
    .filter((slice) => slice.group.team)
    .map((slice) => ({
      name: slice.group.team!.name,
      id: slice.group.team!.id,
      filter: { teamIds: [slice.group.team!.id] },
      kpis: slice.kpis,
    }));
  container.replaceChildren(
    rows.length ? performanceTable('KPIs by team', rows, onDrill) : h('p', { class: 'muted' }, 'No team has tickets in this period.'),
  );
}

export function renderAgents(
  container: HTMLElement,
  slices: AgentRows,
  teamFilter: KpiFilter | undefined,
  onDrill: (target: DrillTarget) => void,
): void {
  const rows = slices
    .filter((slice) => slice.group.agent)
    .map((slice) => ({
      name: slice.group.agent!.name,
      sub: slice.group.agent!.team?.name,
      id: slice.group.agent!.id,
      filter: { ...teamFilter, agentIds: [slice.group.agent!.id] },
      kpis: slice.kpis,
    }));
  container.replaceChildren(
    rows.length ? performanceTable('KPIs by agent', rows, onDrill) : h('p', { class: 'muted' }, 'No agent has work in this period.'),
  );
}

const CHANNEL_NAMES: Record<string, string> = {
  EMAIL: 'E-mail',
  CHAT: 'Chat',
  PHONE: 'Phone',
  SOCIAL: 'Social',
  WEB: 'Web form',
  SMS: 'SMS',
};

export function renderChannels(
  container: HTMLElement,
  slices: Breakdown['byChannel'],
  teamFilter: KpiFilter | undefined,
  onDrill: (target: DrillTarget) => void,
): void {
  const total = slices.reduce((sum, slice) => sum + slice.kpis.ticketCount, 0);
  // Tickets without a channel are shown only when there are some.
  const sorted = [...slices]
    .filter((slice) => slice.group.channel || slice.kpis.ticketCount > 0)
    .sort((a, b) => b.kpis.ticketCount - a.kpis.ticketCount);
  container.replaceChildren(
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, 'Tickets by channel'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Channel'),
          h('th', { scope: 'col', class: 'num' }, 'Volume'),
          h('th', { scope: 'col' }, 'Share'),
          h('th', { scope: 'col', class: 'num' }, 'FCR'),
          h('th', { scope: 'col', class: 'num' }, 'CSAT'),
        ),
      ),
      h(
        'tbody',
        {},
        ...sorted.map((slice) => {
          const channel = slice.group.channel;
          const name = channel ? (CHANNEL_NAMES[channel] ?? channel) : 'No channel';
          const share = total > 0 ? slice.kpis.ticketCount / total : 0;
          const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
          // CSSOM, not a style attribute: allowed by a strict CSP.
          bar.style.width = `${(share * 100).toFixed(1)}%`;
          const filter: KpiFilter = { ...teamFilter, ...(channel ? { channels: [channel] } : {}) };
          return h(
            'tr',
            { 'data-row': channel ?? 'none' },
            h('th', { scope: 'row' }, name),
            h(
              'td',
              { class: 'num' },
              volumeButton(
                name,
                slice.kpis.ticketCount,
                { kind: 'tickets', basis: 'CREATED', title: `Tickets created — ${name}`, filter },
                onDrill,
                channel ?? 'none',
              ),
            ),
            h('td', { class: 'share' }, h('span', { class: 'bar-track' }, bar), h('span', { class: 'small' }, formatValue(share, 'rate'))),
            h('td', { class: 'num' }, formatValue(slice.kpis.firstContactResolution.value, 'rate')),
            h('td', { class: 'num' }, formatValue(slice.kpis.csat.rate.value, 'rate')),
          );
        }),
      ),
    ),
  );
}
