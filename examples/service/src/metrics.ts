/** What the service counts about itself: decisions, their latency, and conflicts retried. */
export class Metrics {
  private readonly samples: number[] = [];
  conflicts = 0;

  /** A decision was stored, `ms` after its first load (conflicts retried included). */
  decided(ms: number): void {
    this.samples.push(ms);
  }

  conflict(): void {
    this.conflicts++;
  }

  /** Every decision's latency, in milliseconds, in the order they were stored. */
  latencies(): readonly number[] {
    return this.samples;
  }

  get decisions(): number {
    return this.samples.length;
  }

  /** The latency below which `q` of the decisions fell (0.5: the median), in milliseconds. */
  quantile(q: number): number {
    if (this.samples.length === 0) return 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
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
