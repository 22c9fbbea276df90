import type { Decision, DestinationStep, TransitionCell } from "../../src/index.js";

/** One outcome in the tables' words: `to:queued`, `reject:too_early`, `ignore:stale`. */
export type Outcome = `to:${string}` | `reject:${string}` | `ignore:${string}`;

export const outcomeOf = (decision: Decision): Outcome =>
  !decision.ok
    ? `reject:${decision.rejection.reason}`
    : decision.ignored !== undefined
      ? `ignore:${decision.ignored}`
      : `to:${decision.post.status}`;

export const stepOutcome = (step: DestinationStep): Outcome =>
  step.kind === "accepted"
    ? `to:${step.destination.status}`
    : step.kind === "ignored"
      ? `ignore:${step.ignored}`
      : `reject:${step.reason}`;

export const cellOutcomes = (cell: TransitionCell<string>): Set<Outcome> =>
  new Set<Outcome>([
    ...(cell.to ?? []).map((s) => `to:${s}` as const),
    ...(cell.reject ?? []).map((r) => `reject:${r}` as const),
    ...(cell.ignore ?? []).map((i) => `ignore:${i}` as const),
  ]);

/** Records, per status and event type, the outcomes seen. */
export class OutcomeLog {
  private readonly seen = new Map<string, Set<Outcome>>();

  record(status: string, eventType: string, outcome: Outcome): void {
    const key = `${status} × ${eventType}`;
    const set = this.seen.get(key) ?? new Set<Outcome>();
    set.add(outcome);
    this.seen.set(key, set);
  }

  get(status: string, eventType: string): Set<Outcome> {
    return this.seen.get(`${status} × ${eventType}`) ?? new Set();
  }
}
