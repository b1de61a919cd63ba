// The time series: tickets created and resolved per bucket, and the backlog at each bucket's
// end, drawn with uPlot (small and fast: the chart is ready in the same frame as the data).
// The same numbers are in a table beside it, for screen readers and for clicking through.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Breakdown, PeriodInput } from './dashboard-api.ts';
import type { DrillTarget } from './drill-target.ts';
import { h } from './dom.ts';
import { formatInstant, formatValue } from './format.ts';

type Bucket = Breakdown['series'][number];

export interface BucketDrill {
  period: PeriodInput;
  target: DrillTarget;
}

const COLORS = { created: '#1f5fa8', resolved: '#1a7f4b', backlog: '#b3261e' };

export class SeriesChart {
  private plot: uPlot | null = null;
  private readonly resize = new ResizeObserver(() => this.plot?.setSize(this.size()));

  constructor(private readonly target: HTMLElement) {
    this.resize.observe(target);
  }

  render(buckets: Bucket[], period: PeriodInput, granularity: string, onDrill: (drill: BucketDrill) => void): void {
    const data: uPlot.AlignedData = [
      buckets.map((b) => Date.parse(b.bucketStart ?? period.from) / 1000),
      buckets.map((b) => b.kpis.ticketCount),
      buckets.map((b) => b.kpis.resolvedCount),
      buckets.map((b) => b.kpis.backlog),
    ];
    this.plot?.destroy();
    const timeZone = period.timeZone ?? 'UTC';
    this.plot = new uPlot(
      {
        ...this.size(),
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), timeZone),
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, count: { auto: true }, backlog: { auto: true } },
        axes: [
          { stroke: '#333' },
          { scale: 'count', label: 'Tickets per bucket', stroke: '#333', size: 60 },
          { scale: 'backlog', side: 1, label: 'Backlog', stroke: COLORS.backlog, size: 60, grid: { show: false } },
        ],
        series: [
          { label: granularity.toLowerCase() },
          { label: 'Created', scale: 'count', stroke: COLORS.created, width: 2, fill: 'rgba(31,95,168,0.08)' },
          { label: 'Resolved', scale: 'count', stroke: COLORS.resolved, width: 2, dash: [6, 3] },
          { label: 'Backlog', scale: 'backlog', stroke: COLORS.backlog, width: 2 },
        ],
      },
      data,
      this.target,
    );
    const plot = this.plot;
    plot.over.addEventListener('click', () => {
      const index = plot.cursor.idx;
      const bucket = index === null || index === undefined ? undefined : buckets[index];
      if (bucket) onDrill(bucketDrill(bucket, period, 'created'));
    });
  }

  private size(): { width: number; height: number } {
    const width = Math.max(280, this.target.clientWidth);
    return { width, height: width < 600 ? 220 : 280 };
  }
}

function bucketDrill(bucket: Bucket, period: PeriodInput, what: 'created' | 'resolved' | 'backlog'): BucketDrill {
  // The first bucket may start before the period: its numbers count from period.from only.
  const from = bucket.bucketStart && bucket.bucketStart > period.from ? bucket.bucketStart : period.from;
  const to = bucket.bucketEnd ?? period.to;
  const label = `${formatInstant(from, period.timeZone ?? 'UTC')} – ${formatInstant(to, period.timeZone ?? 'UTC')}`;
  const target: DrillTarget =
    what === 'created'
      ? { kind: 'tickets', basis: 'CREATED', title: `Tickets created, ${label}` }
      : what === 'resolved'
        ? { kind: 'tickets', basis: 'RESOLVED', title: `Tickets resolved, ${label}` }
        : { kind: 'tickets', basis: 'BACKLOG', title: `Backlog at ${formatInstant(to, period.timeZone ?? 'UTC')}` };
  return { period: { from, to, timeZone: period.timeZone }, target };
}

/** The series as a table: the accessible view of the chart, and a way to click any bucket. */
export function renderSeriesTable(
  container: HTMLElement,
  buckets: Bucket[],
  period: PeriodInput,
  onDrill: (drill: BucketDrill) => void,
): void {
  const cell = (bucket: Bucket, what: 'created' | 'resolved' | 'backlog', value: number) => {
    const button = h('button', { type: 'button', class: 'link' }, formatValue(value, 'count'));
    button.addEventListener('click', () => onDrill(bucketDrill(bucket, period, what)));
    return h('td', { class: 'num' }, button);
  };
  container.replaceChildren(
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, 'Tickets created, resolved and backlog per bucket'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Bucket start'),
          h('th', { scope: 'col', class: 'num' }, 'Created'),
          h('th', { scope: 'col', class: 'num' }, 'Resolved'),
          h('th', { scope: 'col', class: 'num' }, 'Backlog'),
        ),
      ),
      h(
        'tbody',
        {},
        ...buckets.map((bucket) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, formatInstant(bucket.bucketStart, period.timeZone ?? 'UTC')),
            cell(bucket, 'created', bucket.kpis.ticketCount),
            cell(bucket, 'resolved', bucket.kpis.resolvedCount),
            cell(bucket, 'backlog', bucket.kpis.backlog),
          ),
        ),
      ),
    ),
  );
}
