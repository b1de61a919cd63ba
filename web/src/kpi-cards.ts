// The headline cards: each KPI of the period, its change against the previous period (with an
// arrow and words, not colour alone), a low-sample marker when the API flags one, and a
// button on the number that opens the records behind it.
import type { Headline } from './dashboard-api.ts';
import type { DrillTarget } from './drill-target.ts';
import { h } from './dom.ts';
import { formatChange, formatValue, type Unit } from './format.ts';

type Kpis = Headline;
type ChangeKey = keyof Kpis['comparison']['change'];

interface CardSpec {
  key: ChangeKey;
  title: string;
  unit: Unit;
  /** Which way is good news; null when neither is (volume). */
  better: 'up' | 'down' | null;
  value: (k: Kpis) => number | null | undefined;
  /** The object the API would mark lowSample on (issue 12). */
  sample: (k: Kpis) => unknown;
  detail: (k: Kpis) => string;
  drill: DrillTarget;
}

const CARDS: CardSpec[] = [
  {
    key: 'ticketCount',
    title: 'Volume',
    unit: 'count',
    better: null,
    value: (k) => k.ticketCount,
    sample: () => null,
    detail: () => 'tickets created',
    drill: { kind: 'tickets', basis: 'CREATED', title: 'Tickets created' },
  },
  {
    key: 'resolvedCount',
    title: 'Resolved',
    unit: 'count',
    better: 'up',
    value: (k) => k.resolvedCount,
    sample: () => null,
    detail: () => 'tickets resolved',
    drill: { kind: 'tickets', basis: 'RESOLVED', title: 'Tickets resolved' },
  },
  {
    key: 'backlog',
    title: 'Backlog',
    unit: 'count',
    better: 'down',
    value: (k) => k.backlog,
    sample: () => null,
    detail: () => 'open at the end',
    drill: { kind: 'tickets', basis: 'BACKLOG', title: 'Tickets open at the end of the period' },
  },
  {
    key: 'firstContactResolution',
    title: 'First contact resolution',
    unit: 'rate',
    better: 'up',
    value: (k) => k.firstContactResolution.value,
    sample: (k) => k.firstContactResolution,
    detail: (k) =>
      `${formatValue(k.firstContactResolution.numerator, 'count')} of ${formatValue(k.firstContactResolution.denominator, 'count')}`,
    drill: { kind: 'tickets', basis: 'FCR_ELIGIBLE', title: 'Resolved tickets with an interaction (FCR sample)' },
  },
  {
    key: 'firstResponseTime',
    title: 'First response',
    unit: 'seconds',
    better: 'down',
    value: (k) => k.firstResponseTime.average,
    sample: (k) => k.firstResponseTime,
    detail: (k) => `average; median ${formatValue(k.firstResponseTime.median, 'seconds')}`,
    drill: { kind: 'tickets', basis: 'FIRST_RESPONDED', title: 'Tickets with a first response' },
  },
  {
    key: 'averageHandleTime',
    title: 'Handle time (AHT)',
    unit: 'seconds',
    better: 'down',
    value: (k) => k.averageHandleTime.average,
    sample: (k) => k.averageHandleTime,
    detail: (k) => `${formatValue(k.averageHandleTime.count, 'count')} interactions`,
    drill: { kind: 'interactions', title: 'Interactions' },
  },
  {
    key: 'csat',
    title: 'CSAT',
    unit: 'rate',
    better: 'up',
    value: (k) => k.csat.rate.value,
    sample: (k) => k.csat,
    detail: (k) => `${formatValue(k.csat.responses, 'count')} responses`,
    drill: { kind: 'surveys', kinds: ['CSAT'], title: 'CSAT responses' },
  },
  {
    key: 'nps',
    title: 'NPS',
    unit: 'nps',
    better: 'up',
    value: (k) => k.nps.score,
    sample: (k) => k.nps,
    detail: (k) => `${formatValue(k.nps.responses, 'count')} responses`,
    drill: { kind: 'surveys', kinds: ['NPS'], title: 'NPS responses' },
  },
  {
    key: 'ces',
    title: 'CES',
    unit: 'score',
    better: 'up',
    value: (k) => k.ces.average,
    sample: (k) => k.ces,
    detail: (k) => `average of 1–7; ${formatValue(k.ces.responses, 'count')} responses`,
    drill: { kind: 'surveys', kinds: ['CES'], title: 'CES responses' },
  },
  {
    key: 'selfServiceOpportunity',
    title: 'Self-service',
    unit: 'rate',
    better: 'up',
    value: (k) => k.selfServiceOpportunity.value,
    sample: (k) => k.selfServiceOpportunity,
    detail: (k) => `${formatValue(k.selfServiceOpportunity.numerator, 'count')} answered by an article`,
    drill: { kind: 'tickets', basis: 'SELF_SERVICE', title: 'Tickets an article answered' },
  },
];

/**
 * The low-sample hook: true when the API marked this value's sample too small to trust. The
 * field arrives with issue 12; until the dashboard's operation selects it, nothing is marked.
 */
export function isLowSample(sample: unknown): boolean {
  return typeof sample === 'object' && sample !== null && (sample as { lowSample?: unknown }).lowSample === true;
}

export function renderCards(container: HTMLElement, kpis: Kpis, onDrill: (target: DrillTarget) => void): void {
  container.replaceChildren(
    ...CARDS.map((spec) => {
      const value = spec.value(kpis);
      const change = kpis.comparison.change[spec.key];
      const direction =
        change.absolute === null || change.absolute === undefined || change.absolute === 0 ? 'flat' : change.absolute > 0 ? 'up' : 'down';
      const tone = spec.better === null || direction === 'flat' ? 'neutral' : direction === spec.better ? 'good' : 'bad';
      const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '•';
      const lowSample = isLowSample(spec.sample(kpis));
      const button = h(
        'button',
        {
          type: 'button',
          class: 'value',
          'data-kpi': spec.key,
          'data-value': value ?? '',
          'aria-label': `${spec.title}: ${formatValue(value, spec.unit)}. Show the records behind it`,
        },
        formatValue(value, spec.unit),
      );
      button.addEventListener('click', () => onDrill(spec.drill));
      return h(
        'article',
        { class: 'card', 'data-card': spec.key },
        h(
          'h3',
          {},
          spec.title,
          lowSample
            ? h('span', { class: 'low-sample', title: 'Small sample: treat with care', 'data-low-sample': true }, 'low sample')
            : null,
        ),
        button,
        h('p', { class: 'detail' }, spec.detail(kpis)),
        h(
          'p',
          { class: `change ${tone}`, 'data-change': change.absolute ?? '' },
          h('span', { 'aria-hidden': 'true' }, arrow, ' '),
          formatChange(change.absolute, change.relative, spec.unit),
          h('span', { class: 'visually-hidden' }, tone === 'good' ? ' (better)' : tone === 'bad' ? ' (worse)' : ''),
          ' vs previous period',
        ),
      );
    }),
  );
}
