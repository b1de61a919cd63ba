// The results of one KPI request, family by family: each family's statement runs at most
// once, when the first KPI of it is read, and every slice (or entity) of the request shares it.
import { unsupportedDimensions } from './facts.js';
import { previousWindow } from './period.js';
import { FAMILIES, type FamilyName, type FamilyValues } from './families/registry.js';
import type { FamilyResult, KpiRequest } from './request.js';

/** Told how long each family's statement took (the server's /metrics). */
export type FamilyObserver = (family: FamilyName, seconds: number) => void;

export class KpiSource {
  private readonly results = new Map<FamilyName, Promise<FamilyResult<unknown>>>();

  private previousSource: KpiSource | undefined;

  /**
   * `previousOffset`: when the request's windows end with the previous period of each current
   * window (so one statement per family serves both), where that second half starts.
   */
  constructor(
    readonly request: KpiRequest,
    readonly previousOffset?: number,
    private readonly observe?: FamilyObserver,
  ) {}

  /** Where the previous period of window `index` is: in this request, or in a sibling one. */
  previousOf(index: number): { source: KpiSource; window: number } {
    if (this.previousOffset !== undefined) return { source: this, window: index + this.previousOffset };
    this.previousSource ??= new KpiSource({ ...this.request, windows: this.request.windows.map(previousWindow) }, undefined, this.observe);
    return { source: this.previousSource, window: index };
  }

  family<N extends FamilyName>(name: N): Promise<FamilyResult<FamilyValues[N]>> {
    let result = this.results.get(name);
    if (!result) {
      const started = performance.now();
      result = FAMILIES[name].query(this.request) as Promise<FamilyResult<unknown>>;
      if (this.observe) {
        const done = () => this.observe!(name, (performance.now() - started) / 1000);
        result.then(done, done);
      }
      this.results.set(name, result);
    }
    return result as Promise<FamilyResult<FamilyValues[N]>>;
  }

  /** The values of a family for one window and group, or its empty values. */
  async values<N extends FamilyName>(name: N, window: number, group: string): Promise<FamilyValues[N]> {
    const result = await this.family(name);
    return result[window]?.get(group)?.values ?? FAMILIES[name].empty();
  }

  /** Why this request cannot compute `name` (dimensions its fact does not have); [] when it can. */
  unsupported(name: FamilyName): string[] {
    return unsupportedDimensions(FAMILIES[name].fact, this.request.groupBy, this.request.filter);
  }
}
