/**
 * The retry policy: capped exponential backoff with deterministic jitter.
 *
 * Jitter spreads retries of many destinations that failed together (a platform
 * outage) so they do not return in one burst. It is derived from the delivery's
 * idempotency key and attempt number, never from a random source, so replaying
 * the same events gives the same `nextRetryAt` (and the core stays safe inside
 * durable-workflow engines that replay code).
 */

import { errorCodeRow, type PublishError } from "./publish-error.js";

/**
 * How often and how patiently a destination is retried.
 *
 * @example
 * ```ts
 * import type { RetryPolicy } from "postlife";
 * const patient: RetryPolicy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };
 * ```
 * @since 0.1.0
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** The delay after the first failed attempt, before jitter. */
  readonly baseDelayMs: number;
  /** No computed delay exceeds this (a platform's retry-after may). */
  readonly maxDelayMs: number;
}

/**
 * The policy a post gets when `createPost` is given no `retry` options:
 * three attempts, 30 s doubling, capped at 15 minutes.
 *
 * @example
 * ```ts
 * import { defaultRetryPolicy } from "postlife";
 * defaultRetryPolicy.maxAttempts; // 3
 * ```
 * @since 0.1.0
 */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
};

/** FNV-1a, 32 bits: a fast, well-spread hash of a short string. */
const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

/**
 * The jitter fraction, in [0, 1), of one attempt of one delivery.
 *
 * @example
 * ```ts
 * import { jitterOf } from "postlife";
 * jitterOf("post-1:x:1:0", 1) === jitterOf("post-1:x:1:0", 1); // true
 * ```
 * @since 0.1.0
 */
export const jitterOf = (key: string, attempt: number): number =>
  fnv1a(`${key}#${attempt}`) / 0x1_0000_0000;

/**
 * The wait before the next attempt, after attempt number `attempt` (1-based)
 * failed: `base * 2^(attempt-1)`, scaled by "equal jitter" into its upper half,
 * capped at `maxDelayMs`, and never less than the platform's `retryAfterMs`.
 *
 * Jitter is applied before the cap, so delays never shrink as attempts grow.
 *
 * @example
 * ```ts
 * import { defaultRetryPolicy, retryDelay } from "postlife";
 * const ms = retryDelay(defaultRetryPolicy, { attempt: 1, key: "post-1:x:1:0" });
 * ms >= 15_000 && ms <= 30_000; // true
 * ```
 * @since 0.1.0
 */
export const retryDelay = (
  policy: RetryPolicy,
  failure: { readonly attempt: number; readonly key: string; readonly retryAfterMs?: number },
): number => {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, failure.attempt - 1);
  const jittered = exponential * (0.5 + 0.5 * jitterOf(failure.key, failure.attempt));
  const capped = Math.min(policy.maxDelayMs, Math.ceil(jittered));
  return Math.max(1, capped, Math.ceil(failure.retryAfterMs ?? 0));
};

/**
 * How many attempts a failure with this code may use in all: the policy's
 * `maxAttempts`, or fewer where the code's row caps its retries (an
 * `UNKNOWN_ERROR` is retried once).
 *
 * @example
 * ```ts
 * import { attemptsAllowed, defaultRetryPolicy } from "postlife";
 * attemptsAllowed(defaultRetryPolicy, "TIMEOUT_ERROR"); // 3
 * attemptsAllowed(defaultRetryPolicy, "UNKNOWN_ERROR"); // 2
 * ```
 * @since 0.1.0
 */
export const attemptsAllowed = (policy: RetryPolicy, code: string): number => {
  const maxRetries = errorCodeRow(code)?.maxRetries;
  return maxRetries === undefined
    ? policy.maxAttempts
    : Math.min(policy.maxAttempts, 1 + maxRetries);
};

/**
 * What becomes of a destination whose attempt number `attempts` failed with
 * `error`: `unconfirmed` when the request may have reached the platform (a
 * blind retry could publish twice), `retrying` while the error is retryable
 * and attempts are left, else `failed`.
 *
 * A code no retry can cure (its row says `retryable: false`: an expired
 * token, rejected content) is never retried, whatever the error's own flag
 * says; the flag may still veto a retry of any other code, and a code nobody
 * knows follows its flag.
 *
 * @example
 * ```ts
 * import { defaultRetryPolicy, failureOutcome } from "postlife";
 * failureOutcome(defaultRetryPolicy, 1, { code: "TIMEOUT_ERROR", message: "", retryable: true }); // "retrying"
 * failureOutcome(defaultRetryPolicy, 3, { code: "TIMEOUT_ERROR", message: "", retryable: true }); // "failed"
 * failureOutcome(defaultRetryPolicy, 1, { code: "INVALID_CONTENT", message: "", retryable: true }); // "failed"
 * ```
 * @since 0.1.0
 */
export const failureOutcome = (
  policy: RetryPolicy,
  attempts: number,
  error: PublishError,
): "unconfirmed" | "retrying" | "failed" =>
  error.outcomeUnknown === true
    ? "unconfirmed"
    : error.retryable &&
        errorCodeRow(error.code)?.retryable !== false &&
        attempts < attemptsAllowed(policy, error.code)
      ? "retrying"
      : "failed";
