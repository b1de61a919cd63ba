// Per-request KPI state: resolved filters and the DataLoaders behind Agent.kpis, Team.kpis and
// Customer.kpis, so a page of entities costs one statement per selected KPI family, not one
// per entity.
import DataLoader from 'dataloader';
import type { DbClient } from '../db/db-client.js';
import type { AnswerFreshness } from './answer-freshness.js';
import type { ResolvedKpiFilter } from '../kpi/dimensions.js';
import { sourceWithComparisons, type FamilyObserver } from '../kpi/kpi-source.js';
import { validatePeriod, type Period, type Window } from '../kpi/period.js';
import { durationPercentilesFor, integerPercentilesFor, type DurationPercentiles, type IntegerPercentiles } from '../kpi/request.js';
import type { KpiSelection } from './kpi-selection.js';
import type { KpiSetRef } from './types/kpi-set.js';
import { resolveKpiFilter, type KpiFilterInput } from './types/kpi-inputs.js';

export type EntityScope = 'AGENT' | 'TEAM' | 'CUSTOMER';

const SCOPE_FILTER = { AGENT: 'agentIds', TEAM: 'teamIds', CUSTOMER: 'customerIds' } as const;

export class KpiRequestCache {
  /** validatePeriod, noting periods whose end is still to come. */
  validatePeriod(periodInput: Period): Period {
    const period = validatePeriod(periodInput);
    if (this.freshness && period.to.getTime() > Date.now()) this.freshness.dependsOnNow = true;
    return period;
  }

  private readonly filters = new Map<string, Promise<ResolvedKpiFilter>>();
  private readonly loaders = new Map<string, DataLoader<number, KpiSetRef>>();

  /** The time of this request: every KPI and drill-down that depends on it (pending SLA targets) agrees. */
  readonly now = new Date();

  /** Hears how long each KPI family's statement took (the server's /metrics). */
  readonly observeFamily: FamilyObserver;

  /** How this request's database computes percentiles of handle seconds (KpiRequest.integerPercentiles). */
  readonly integerPercentiles: IntegerPercentiles;

  /** Where this request's database takes exact duration percentiles from (KpiRequest.durationPercentiles). */
  readonly durationPercentiles: DurationPercentiles;

  /**
   * `observe` hears how long each KPI family's statement took; `freshness` is told when an
   * answer may change as time passes: a period reaching past now, or SLA attainment. `database`:
   * the kind of database query answers read. `rollups`: KPIs may read the daily rollups
   * (KpiRequest.rollups), which only an unrestricted caller may.
   */
  constructor(
    observe?: FamilyObserver,
    private readonly freshness?: AnswerFreshness,
    database: 'embedded' | 'postgres' = 'postgres',
    readonly rollups = false,
  ) {
    this.integerPercentiles = integerPercentilesFor(database);
    this.durationPercentiles = durationPercentilesFor(database);
    this.observeFamily = (family, seconds) => {
      if (family === 'sla') this.noteDependsOnNow();
      observe?.(family, seconds);
    };
  }

  /** Pending SLA targets turn into breaches as time passes, without any write. */
  noteDependsOnNow(): void {
    if (this.freshness) this.freshness.dependsOnNow = true;
  }

  /** The filter with its IDs decoded and checked (on `db`, the request's client); once per distinct filter. */
  resolveFilter(db: DbClient, filter: KpiFilterInput | null | undefined): Promise<ResolvedKpiFilter> {
    const key = JSON.stringify(filter ?? null);
    let resolved = this.filters.get(key);
    if (!resolved) {
      resolved = resolveKpiFilter(db, filter);
      this.filters.set(key, resolved);
    }
    return resolved;
  }

  /** The KPI set of one entity; entities asked for with the same arguments share one source. */
  async entityKpis(
    db: DbClient,
    scope: EntityScope,
    id: number,
    periodInput: Period,
    filterInput: KpiFilterInput | null | undefined,
    selection: Pick<KpiSelection, 'comparisons' | 'percentiles'>,
  ) {
    const period = this.validatePeriod(periodInput);
    const filter = await this.resolveFilter(db, filterInput);
    const bases = [...selection.comparisons].sort();
    const percentiles = selection.percentiles && [...selection.percentiles].sort();
    const key = JSON.stringify([scope, period.from, period.to, period.timeZone, filterInput ?? null, bases, percentiles ?? 'all']);
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, KpiSetRef>(async (ids) => {
        const window: Window = { label: period.from, start: period.from, end: period.to };
        const field = SCOPE_FILTER[scope];
        const asked = filter[field];
        const scoped = { ...filter, [field]: asked ? ids.filter((id) => asked.includes(id)) : [...ids] };
        const source = sourceWithComparisons(
          {
            db,
            windows: [window],
            groupBy: [scope],
            filter: scoped,
            timeZone: period.timeZone,
            now: this.now,
            percentiles: selection.percentiles,
            integerPercentiles: this.integerPercentiles,
            rollups: this.rollups,
            durationPercentiles: this.durationPercentiles,
          },
          bases,
          this.observeFamily,
        );
        return ids.map((entityId) => ({ source, window: 0, group: JSON.stringify([entityId]), scope }));
      });
      this.loaders.set(key, loader);
    }
    return loader.load(id);
  }
}
