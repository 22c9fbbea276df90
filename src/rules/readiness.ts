import type { Rejection, RejectionReason } from "../domain/decision.js";
import type { RetryPolicy } from "../errors/retry-policy.js";

/**
 * A rule broken by the post as a whole, found before anything is sent. Each
 * command turns it into a rejection with its status and event type.
 */
export type Problem = {
  readonly [R in RejectionReason]: Omit<Extract<Rejection, { reason: R }>, "status" | "eventType">;
}[RejectionReason];

const isWhole = (n: unknown, min: number): boolean => Number.isInteger(n) && (n as number) >= min;

const milliseconds = "a whole number of milliseconds, at least 1";

/** The first field of a retry policy that cannot work, and what it must be. */
export const policyProblem = (policy: RetryPolicy): readonly [string, string] | undefined => {
  const counts = [
    ["maxAttempts", policy.maxAttempts],
    ["maxHandOuts", policy.maxHandOuts],
    ["maxLookups", policy.maxLookups],
  ] as const;
  for (const [key, value] of counts) {
    if (!isWhole(value, 1)) return [key, "a whole number of at least 1"];
  }
  if (!isWhole(policy.baseDelayMs, 1)) return ["baseDelayMs", milliseconds];
  if (!isWhole(policy.maxDelayMs, policy.baseDelayMs)) {
    return ["maxDelayMs", "a whole number of milliseconds, at least baseDelayMs"];
  }
  const waits = [
    ["maxWaitMs", policy.maxWaitMs],
    ["startWithinMs", policy.startWithinMs],
    ["callTimeoutMs", policy.callTimeoutMs],
    ["lookupTimeoutMs", policy.lookupTimeoutMs],
    ...Object.entries(policy.callTimeoutMsByPlatform).map(
      ([platform, ms]) => [`callTimeoutMsByPlatform.${platform}`, ms] as const,
    ),
  ] as const;
  for (const [key, value] of waits) {
    if (!isWhole(value, 1)) return [key, milliseconds];
  }
  return undefined;
};
