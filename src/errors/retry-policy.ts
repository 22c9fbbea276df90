/**
 * The retry policy: capped exponential backoff with deterministic jitter.
 *
 * Jitter spreads retries of many destinations that failed together (a platform
 * outage) so they do not return in one burst. It is derived from the delivery's
 * idempotency key and attempt number, never from a random source, so replaying
 * the same events gives the same `nextRetryAt` (and the core stays safe inside
 * durable-workflow engines that replay code).
 */

import { textOf } from "../internal/text-of.js";
import { platformOf } from "../platforms/registry.js";
import { isRecord } from "../rules/checks.js";
import { errorCodeRow, type PublishError, publishErrorFrom } from "./publish-error.js";

/**
 * How often and how patiently a destination is retried, and how long each
 * wait on the outside world may last before postlife acts on its own.
 *
 * postlife reads no clock: every wait is a deadline in the outbox
 * (`arm_deadline`), and the shell's timer reports it (`DEADLINE_PASSED`).
 * With every instruction carried out, a destination therefore reaches a
 * final status within `maxAttempts` rounds of at most `maxHandOuts`
 * hand-outs, one call and `maxLookups` look-ups, whatever the workers and
 * platforms do.
 *
 * @example
 * ```ts
 * import { defaultRetryPolicy, type RetryPolicy } from "postlife";
 * const patient: RetryPolicy = {
 *   ...defaultRetryPolicy,
 *   maxAttempts: 5,
 *   baseDelayMs: 60_000,
 *   maxDelayMs: 3_600_000,
 *   callTimeoutMsByPlatform: { youtube: 4 * 3_600_000 },
 * };
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
  /**
   * The longest wait before a retry, the platform's retry-after included: a
   * longer one fails the destination (`WAIT_TOO_LONG`) instead of leaving it
   * retrying for months. Default: 3 days.
   */
  readonly maxWaitMs: number;
  /**
   * How long a queued delivery may wait for a worker to start it before it
   * is handed out again (same key, same attempt). Default: 15 minutes.
   */
  readonly startWithinMs: number;
  /**
   * How many times a delivery is handed out before, with no worker having
   * started it, it fails (`NEVER_STARTED`). Default: 4.
   */
  readonly maxHandOuts: number;
  /**
   * How long a started attempt may go without a report before it counts as
   * a timeout after sending (`unconfirmed`: looked up, never sent blindly).
   * Default: 10 minutes; `callTimeoutMsByPlatform` overrides it per platform.
   */
  readonly callTimeoutMs: number;
  /** `callTimeoutMs` for platforms whose calls take longer (video uploads). */
  readonly callTimeoutMsByPlatform: { readonly [platform: string]: number };
  /**
   * How long the first look-up of an unconfirmed delivery may go unanswered
   * before it is asked again; each next one waits twice as long. Default: 2 minutes.
   */
  readonly lookupTimeoutMs: number;
  /**
   * How many look-ups go unanswered before the destination fails with its
   * outcome unknown (`OUTCOME_UNKNOWN`: a person must check; never sent
   * again). Default: 5.
   */
  readonly maxLookups: number;
}

/**
 * The policy a post gets when `createPost` is given no `retry` options:
 * three attempts, 30 s doubling, capped at 15 minutes, no wait beyond 3
 * days; a worker must start a delivery within 15 minutes (handed out 4
 * times) and report within 10 (an hour for YouTube, half an hour for
 * TikTok's video uploads); a look-up must answer within 2 minutes, doubling,
 * 5 times.
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
  maxWaitMs: 3 * 24 * 3_600_000,
  startWithinMs: 15 * 60_000,
  maxHandOuts: 4,
  callTimeoutMs: 10 * 60_000,
  // Uploads whose bytes travel inside the call: YouTube's resumable upload of a long video,
  // TikTok's FILE_UPLOAD chunks. The others take a URL or a container id and answer in seconds.
  callTimeoutMsByPlatform: { youtube: 60 * 60_000, tiktok: 30 * 60_000 },
  lookupTimeoutMs: 2 * 60_000,
  maxLookups: 5,
};

/**
 * A stored policy with every field, those it lacks taken from
 * `defaultRetryPolicy` (a post stored before a field existed keeps working).
 */
export const policyOf = (stored: Partial<RetryPolicy>): RetryPolicy => {
  // A frozen policy (a post postlife made) cannot change: filled once, then remembered.
  const frozen = typeof stored === "object" && stored !== null && Object.isFrozen(stored);
  const known = frozen ? filled.get(stored) : undefined;
  if (known !== undefined) return known;
  const policy: Record<string, unknown> = { ...defaultRetryPolicy };
  for (const key in stored) {
    const value = stored[key as keyof RetryPolicy];
    if (value !== undefined) policy[key] = value;
  }
  if (frozen) filled.set(stored, policy as unknown as RetryPolicy);
  return policy as unknown as RetryPolicy;
};

const filled = new WeakMap<object, RetryPolicy>();

/** How long an attempt on `platform` (an id or an alias such as `twitter`) may go without a report. */
export const callTimeoutOf = (policy: RetryPolicy, platform: string): number => {
  const id = platformOf(platform)?.id ?? platform;
  const byPlatform = policy.callTimeoutMsByPlatform;
  return Object.hasOwn(byPlatform, id) ? (byPlatform[id] as number) : policy.callTimeoutMs;
};

/** How long look-up number `lookup` (1-based) may go unanswered: doubling from the first. */
export const lookupTimeoutOf = (policy: RetryPolicy, lookup: number): number =>
  policy.lookupTimeoutMs * 2 ** Math.max(0, lookup - 1);

/**
 * `true` when a wait is longer than the policy allows (`maxWaitMs`): the
 * destination fails (`WAIT_TOO_LONG`) rather than wait.
 */
export const exceedsMaxWait = (policy: RetryPolicy, waitMs: number): boolean =>
  !(waitMs <= policy.maxWaitMs);

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
  fnv1a(`${textOf(key)}#${textOf(attempt)}`) / 0x1_0000_0000;

/**
 * The wait before the next attempt, after attempt number `attempt` (1-based)
 * failed: `base * 2^(attempt-1)`, scaled by "equal jitter" into its upper half,
 * capped at `maxDelayMs`, and never less than the platform's `retryAfterMs`.
 *
 * Jitter is applied before the cap, so delays never shrink as attempts grow.
 * A policy field that is not a usable number counts as the default's; an
 * attempt that is not one counts as the first.
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
  const { baseDelayMs, maxDelayMs } = policyFrom(policy);
  const given: Partial<Record<string, unknown>> = isRecord(failure) ? failure : {};
  const attempt = countFrom(given.attempt, 1);
  const retryAfterMs = countFrom(given.retryAfterMs, 0);
  const exponential = baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const jittered = exponential * (0.5 + 0.5 * jitterOf(textOf(given.key), attempt));
  const capped = Math.min(maxDelayMs, Math.ceil(jittered));
  return Math.max(1, capped, Math.ceil(retryAfterMs));
};

/** A number a caller gave, or `fallback` where it gave none a computation can use. */
const countFrom = (value: unknown, fallback: number): number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : fallback;

/**
 * A policy as given, every field a computation can use kept and the
 * default's taken for the rest (absent, not a number, negative): the retry
 * functions answer for any value and never throw.
 */
const policyFrom = (value: unknown): RetryPolicy => {
  if (!isRecord(value)) return defaultRetryPolicy;
  const byPlatform = value.callTimeoutMsByPlatform;
  const policy: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaultRetryPolicy)) {
    policy[key] = typeof fallback === "number" ? countFrom(value[key], fallback) : fallback;
  }
  policy.callTimeoutMsByPlatform = isRecord(byPlatform)
    ? Object.fromEntries(Object.entries(byPlatform).filter(([, ms]) => countFrom(ms, -1) >= 0))
    : defaultRetryPolicy.callTimeoutMsByPlatform;
  return policy as unknown as RetryPolicy;
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
  const { maxAttempts } = policyFrom(policy);
  const maxRetries = errorCodeRow(code)?.maxRetries;
  return maxRetries === undefined ? maxAttempts : Math.min(maxAttempts, 1 + maxRetries);
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
 * knows follows its flag. A value that is not a `PublishError`, or attempts
 * that are not a number, fail: nothing is retried on what cannot be read.
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
  given: PublishError,
): "unconfirmed" | "retrying" | "failed" => {
  const error = publishErrorFrom(given);
  return error.outcomeUnknown === true
    ? "unconfirmed"
    : error.retryable &&
        errorCodeRow(error.code)?.retryable !== false &&
        typeof attempts === "number" &&
        attempts < attemptsAllowed(policy, error.code)
      ? "retrying"
      : "failed";
};
