/**
 * Where every random choice of a scenario comes from: a list of numbers, read
 * in order, then zeros. A zero is always the plainest choice (the first
 * action that can run, no fault), so fast-check shrinking the list toward
 * shorter and smaller numbers shrinks the scenario toward the plainest run
 * that still fails.
 */
export class Choices {
  private next = 0;

  constructor(private readonly values: readonly number[]) {}

  /** An integer in [0, n): 0 once the list is spent. */
  below(n: number): number {
    const value = this.values[this.next++];
    return value === undefined || n <= 1 ? 0 : value % n;
  }

  /** `true` with probability `p` (to a 1/1024): never for a 0, nor once the list is spent. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    const value = this.values[this.next++];
    return value !== undefined && 1023 - (value % 1024) < p * 1024;
  }

  /** One of `items` (which must not be empty). */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  /** How many numbers were read: the part of the list the scenario depends on. */
  get used(): number {
    return Math.min(this.next, this.values.length);
  }
}
