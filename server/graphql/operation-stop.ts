// Whether the operation must stop: its client went away or it ran OPERATION_TIMEOUT_MS. One per
// request, on the GraphQL context (ctx.stop). The deadline plugin (plugins/operation-deadline.ts)
// arms it when execution starts; the request's database clients ask it before every statement,
// so once it fires no new statement starts. What waits on the request's behalf (for a database
// client, for a turn at KPI admission) reads its signal and the time left to it.
export class OperationStop {
  private abortSignal: AbortSignal | undefined;
  private check: () => void = () => {};
  private deadline = Number.POSITIVE_INFINITY;

  /**
   * `check` throws the stop reason once the operation must stop (it may also look at the clock);
   * `deadline` is when it will (performance.now() time).
   */
  arm(signal: AbortSignal, check: () => void, deadline = Number.POSITIVE_INFINITY): void {
    this.abortSignal = signal;
    this.check = check;
    this.deadline = deadline;
  }

  /** Throws once the operation must stop; a no-op before it is armed. */
  throwIfStopped(): void {
    this.check();
  }

  /** Whether it was stopped (a statement of it may then still be on its way). */
  get stopped(): boolean {
    return this.abortSignal?.aborted ?? false;
  }

  /** Aborts when the operation stops; undefined before it is armed. */
  get signal(): AbortSignal | undefined {
    return this.abortSignal;
  }

  /** Milliseconds until the operation's deadline (Infinity before it is armed). */
  remainingMs(): number {
    return this.deadline - performance.now();
  }
}
