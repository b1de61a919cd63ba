// The results of one KPI request, family by family: each family's statement runs at most
// once, when the first KPI of it is read, and every slice (or entity) of the request shares it;
// a derived family (registry.ts) shares the statement of the family it is read from.
import { comparedWindow, type ComparisonBasis } from './comparison.js';
import { unsupportedDimensions } from './facts.js';
import { FAMILIES, type DerivedFamily, type FamilyName, type FamilyValues } from './families/registry.js';
import type { FamilyCell, FamilyResult, KpiRequest } from './request.js';

/** Where, among a request's windows, the compared windows of each basis start. */
export type ComparisonOffsets = Partial<Record<ComparisonBasis, number>>;

/** Told how long each family's statement took (the server's /metrics). */
export type FamilyObserver = (family: FamilyName, seconds: number) => void;

export class KpiSource {
  private readonly results = new Map<FamilyName, Promise<FamilyResult<unknown>>>();

  private readonly siblings = new Map<ComparisonBasis, KpiSource>();

  /**
   * `offsets`: when the request's windows are followed by the compared window of each current
   * window (so one statement per family serves all of them), where each basis's part starts.
   */
  constructor(
    readonly request: KpiRequest,
    readonly offsets: ComparisonOffsets = {},
    private readonly observe?: FamilyObserver,
  ) {}

  /** Where the compared window of window `index` is: in this request, or in a sibling one. */
  comparedOf(index: number, basis: ComparisonBasis): { source: KpiSource; window: number } {
    const offset = this.offsets[basis];
    if (offset !== undefined) return { source: this, window: index + offset };
    let sibling = this.siblings.get(basis);
    if (!sibling) {
      const timeZone = this.request.timeZone ?? 'UTC';
      sibling = new KpiSource(
        { ...this.request, windows: this.request.windows.map((w) => comparedWindow(w, basis, timeZone)) },
        {},
        this.observe,
      );
      this.siblings.set(basis, sibling);
    }
    return { source: sibling, window: index };
  }

  family<N extends FamilyName>(name: N): Promise<FamilyResult<FamilyValues[N]>> {
    let result = this.results.get(name);
    if (!result) {
      const family = FAMILIES[name];
      if ('from' in family) {
        result = this.derived(family as DerivedFamily<FamilyName>);
      } else {
        const started = performance.now();
        result = family.query(this.request) as Promise<FamilyResult<unknown>>;
        if (this.observe) {
          const done = () => this.observe!(name, (performance.now() - started) / 1000);
          result.then(done, done);
        }
      }
      this.results.set(name, result);
    }
    return result as Promise<FamilyResult<FamilyValues[N]>>;
  }

  /** A derived family's cells, read from those of the family whose statement computes it. */
  private async derived(family: DerivedFamily<FamilyName>): Promise<FamilyResult<unknown>> {
    const derive = family.derive as (values: unknown) => unknown;
    const source = await this.family(family.from);
    return source.map((cells) => {
      const derived = new Map<string, FamilyCell<unknown>>();
      for (const [key, cell] of cells) {
        const values = derive(cell.values);
        if (values !== null) derived.set(key, { group: cell.group, values });
      }
      return derived;
    });
  }

  /** The values of a family for one window and group, or its empty values. */
  async values<N extends FamilyName>(name: N, window: number, group: string): Promise<FamilyValues[N]> {
    const result = await this.family(name);
    return result[window]?.get(group)?.values ?? FAMILIES[name].empty();
  }

  /** Why this request cannot compute `name` (dimensions its fact does not have); [] when it can. */
  unsupported(name: FamilyName): string[] {
    return unsupportedDimensions(FAMILIES[name].fact, this.request.groupBy, this.request.filter, FAMILIES[name].placed);
  }
}

/**
 * A source over `windows` followed by the compared windows of each basis in `bases`, so that a
 * comparison costs no statement of its own.
 */
export function sourceWithComparisons(request: KpiRequest, bases: Iterable<ComparisonBasis>, observe?: FamilyObserver): KpiSource {
  const timeZone = request.timeZone ?? 'UTC';
  const current = request.windows;
  const windows = [...current];
  const offsets: ComparisonOffsets = {};
  for (const basis of new Set(bases)) {
    offsets[basis] = windows.length;
    windows.push(...current.map((w) => comparedWindow(w, basis, timeZone)));
  }
  return new KpiSource({ ...request, windows }, offsets, observe);
}
