// Cooperative time slicing for long work on the server's one thread: work calls checkpoint()
// between units (a YAML document, an object); once a slice is used up, checkpoint() waits for
// setImmediate, so the messages that arrived meanwhile (a hover on another document) are read
// and answered before the work goes on. Cancellation is checked at the same points.

/** Milliseconds of work between two yields. */
export const WORK_SLICE_MS = 15;

export class Cancelled extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

export class TimeBudget {
  private sliceStart = performance.now();
  /** How many times the work gave way (for tests and benches). */
  yields = 0;
  /** Called each time the work gives way (a diagnostics pull reports its progress there). */
  onGiveWay?: () => void;

  constructor(
    /** Returns why the work is no longer wanted (cancelled, a newer version), or undefined. */
    private readonly stale: () => string | undefined = () => undefined,
    private readonly sliceMs = WORK_SLICE_MS,
  ) {}

  /** Gives way when the slice is used up; throws Cancelled when the work is no longer wanted. */
  async checkpoint(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await this.giveWay();
  }

  /** Gives way now: requests that already arrived (a hover sent with the pull) go first. */
  async giveWay(): Promise<void> {
    this.onGiveWay?.();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.yields++;
    this.sliceStart = performance.now();
    const why = this.stale();
    if (why !== undefined) throw new Cancelled(why);
  }
}
