/**
 * The retry policy as an Effect `Schedule`, for a worker that retries a
 * publish call inside one Effect (`Effect.retry`) rather than through the
 * outbox's `schedule_retry`.
 *
 * It asks the plain policy at every step and nothing else: `failureOutcome`
 * decides whether there is another attempt, `retryDelay` how long to wait
 * for it. So the Schedule and the plain functions cannot drift apart, and
 * the jitter stays the deterministic one of the key and attempt (no
 * `Random`, nothing to seed).
 */

import * as Cause from "effect/Cause";
import * as Duration from "effect/Duration";
import * as Effect from "effect/Effect";
import * as Schedule from "effect/Schedule";
import type { PublishError } from "../errors/publish-error.js";
import {
  exceedsMaxWait,
  failureOutcome,
  type RetryPolicy,
  retryDelay,
} from "../errors/retry-policy.js";

/**
 * The retry policy as a `Schedule` fed with the failures (as `Effect.retry`
 * feeds it). After the n-th failed attempt it waits exactly
 * `retryDelay(policy, { attempt: n, key, retryAfterMs })` (the platform's
 * `retryAfterMs` is a floor), and it stops, leaving the failure to the
 * caller, where `failureOutcome(policy, n, failure)` is not `"retrying"`:
 *
 * - a code no retry cures (`PLATFORM_AUTH_EXPIRED`, `INVALID_CONTENT`, …),
 *   or a failure whose own `retryable` says no;
 * - attempts used up (`policy.maxAttempts` in all, the first included; an
 *   `UNKNOWN_ERROR` is retried once);
 * - `outcomeUnknown`: the request may have reached the platform, so a blind
 *   retry could publish twice. Reconcile first (`unconfirmed`);
 * - a wait longer than `policy.maxWaitMs` (a retry-after of days): the plain
 *   policy fails the destination (`WAIT_TOO_LONG`) rather than wait.
 *
 * Its input is any `PublishError`, so every `PublishFailure` class (and a
 * plain `PublishError` value) can feed it. Its output is the number of
 * attempts that failed so far. `key` is the delivery's idempotency key: the
 * jitter is derived from it, as the plain policy does.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { classify, defaultRetryPolicy, idempotencyKey, retrySchedule } from "postlife";
 * const key = idempotencyKey("post-1", "d-x", 0, 0);
 * const publishOnce = classify({ platform: "x", httpStatus: 503 }); // a publish call that fails
 * const publish = publishOnce.pipe(
 *   Effect.retry(retrySchedule(defaultRetryPolicy, key)), // 3 attempts: waits 15-30 s, then 30-60 s
 *   Effect.catchTag("PlatformServerError", (e) => Effect.succeed(`gave up: ${e.message}`)),
 * );
 * ```
 * @since 0.1.0
 */
export const retrySchedule = (
  policy: RetryPolicy,
  key: string,
): Schedule.Schedule<number, PublishError> =>
  Schedule.fromStepWithMetadata(
    Effect.succeed(({ attempt, input }: Schedule.InputMetadata<PublishError>) => {
      if (failureOutcome(policy, attempt, input) !== "retrying") return Cause.done(attempt);
      const delay = retryDelay(policy, {
        attempt,
        key,
        ...(input.retryAfterMs === undefined ? {} : { retryAfterMs: input.retryAfterMs }),
      });
      // A wait beyond the policy's longest is not waited: the failure goes to the caller.
      if (exceedsMaxWait(policy, delay)) return Cause.done(attempt);
      return Effect.succeed<[number, Duration.Duration]>([attempt, Duration.millis(delay)]);
    }),
  );
