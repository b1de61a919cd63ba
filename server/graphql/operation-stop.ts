// Whether the operation must stop: its client went away or it ran OPERATION_TIMEOUT_MS. One per
// request, on the GraphQL context (ctx.stop). The deadline plugin (plugins/operation-deadline.ts)
// arms it when execution starts; the request's database clients ask it before every statement,
// so once it fires no new statement starts.
export class OperationStop {
  private signal: AbortSignal | undefined;
  private check: () => void = () => {};

  /** `check` throws the stop reason once the operation must stop (it may also look at the clock). */
  arm(signal: AbortSignal, check: () => void): void {
    this.signal = signal;
    this.check = check;
  }

  /** Throws once the operation must stop; a no-op before it is armed. */
  throwIfStopped(): void {
    this.check();
  }

  /** Whether it was stopped (a statement of it may then still be on its way). */
  get stopped(): boolean {
    return this.signal?.aborted ?? false;
  }
}
