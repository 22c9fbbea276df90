/**
 * The value below which `q` of `samples` fell (0.5: the median); 0 for none. Also for
 * latencies gathered from several processes' metrics.
 */
export const quantileOf = (samples: readonly number[], q: number): number => {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

/** The latencies kept: the most recent, so that a service running for months stays small. */
const kept = 100_000;

/** What the service counts about itself: decisions, their latency, and conflicts retried. */
export class Metrics {
  private readonly samples: number[] = [];
  private count = 0;
  conflicts = 0;

  /** A decision was stored, `ms` after its first load (conflicts retried included). */
  decided(ms: number): void {
    if (this.samples.length < kept) this.samples.push(ms);
    else this.samples[this.count % kept] = ms;
    this.count++;
  }

  conflict(): void {
    this.conflicts++;
  }

  /** The latest decisions' latencies (all of them, up to 100,000), in milliseconds. */
  latencies(): readonly number[] {
    return this.samples;
  }

  get decisions(): number {
    return this.count;
  }

  /** The latency below which `q` of the decisions fell (0.5: the median), in milliseconds. */
  quantile(q: number): number {
    return quantileOf(this.samples, q);
  }

  summary() {
    return {
      decisions: this.decisions,
      conflicts: this.conflicts,
      p50Ms: round(this.quantile(0.5)),
      p99Ms: round(this.quantile(0.99)),
    };
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
