/**
 * One destination taking one event (src/destination/step.ts), through
 * `stepDestination` and through `destinationMachine` in an actor: retries
 * and their timing, the unconfirmed outcome and its reconciliation,
 * duplicate and stale facts, early timers, and which failures are retried.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import {
  apply,
  attemptsAllowed,
  type Destination,
  type DestinationContext,
  type DestinationEvent,
  type DestinationMachineInput,
  type DestinationStep,
  defaultRetryPolicy,
  destinationMachine,
  errorCodeTable,
  failureOutcome,
  type Instruction,
  idempotencyKey,
  type PublishError,
  type RetryPolicy,
  retryDelay,
  stepDestination,
} from "../src/index.js";
import { failure } from "./support/alphabet.js";
import { stepOutcome } from "./support/outcome.js";
import { accept, dest, failed, postIn, reject, run, serverError } from "./support/seed-fixtures.js";

const POST = "post-1";
const KEY = idempotencyKey(POST, "d-x", 2, 0);
const NOW = "2026-04-20T14:00:00.000Z";
const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();

const destination = (overrides: Partial<Destination> = {}): Destination => ({
  id: "d-x",
  platform: "x",
  accountId: "acct-1",
  postType: "post",
  status: "queued",
  attempts: 0,
  generation: 0,
  idempotencyKey: KEY,
  ...overrides,
});

const contextFor = (
  d: Destination,
  retry: RetryPolicy = defaultRetryPolicy,
): DestinationContext => ({
  postId: POST,
  revision: 2,
  retry,
  destination: d,
});

const step = (d: Destination, event: DestinationEvent, retry?: RetryPolicy): DestinationStep =>
  stepDestination(contextFor(d, retry), event);

/** The accepted step's destination and outbox; fails the test otherwise. */
const taken = (s: DestinationStep) => {
  if (s.kind !== "accepted") throw new Error(`expected accepted, got ${s.kind}: ${s.message}`);
  return s;
};

const failedWith = (
  error: PublishError,
  extra: { attempt?: number; idempotencyKey?: string } = {},
) => ({ type: "DELIVERY_FAILED", destinationId: "d-x", error, now: NOW, ...extra }) as const;

const publishing = (attempts = 1, extra: Partial<Destination> = {}) =>
  destination({ status: "publishing", attempts, ...extra });

describe("a retryable failure: retrying, at now + retryDelay", () => {
  it("sets nextRetryAt to now plus exactly retryDelay(policy, attempt, key) and arms the retry", () => {
    const s = taken(step(publishing(1), failedWith(failure("PLATFORM_SERVER_ERROR"))));
    const at = iso(ms(NOW) + retryDelay(defaultRetryPolicy, { attempt: 1, key: KEY }));
    expect(s.destination).toMatchObject({ status: "retrying", attempts: 1, nextRetryAt: at });
    expect(s.destination.error).toMatchObject({ code: "PLATFORM_SERVER_ERROR", failedAt: NOW });
    expect(s.outbox).toEqual([
      {
        type: "schedule_retry",
        postId: POST,
        destinationId: "d-x",
        idempotencyKey: KEY,
        attempt: 2,
        at,
      },
    ]);
  });

  test.prop([
    fc.integer({ min: 1, max: 9 }),
    fc.integer({ min: 1, max: 120_000 }),
    fc.integer({ min: 0, max: 3_600_000 }),
    fc.integer({ min: ms("2026-01-01T00:00:00Z"), max: ms("2027-01-01T00:00:00Z") }),
    fc.option(fc.integer({ min: 0, max: 7_200_000 }), { nil: undefined }),
    fc.nat({ max: 5 }),
  ])(
    "for any attempt with attempts left, nextRetryAt = now + retryDelay exactly, with retry-after honoured",
    (attempts, baseDelayMs, extra, nowMs, retryAfterMs, generation) => {
      const policy = {
        ...defaultRetryPolicy,
        maxAttempts: attempts + 1,
        baseDelayMs,
        maxDelayMs: baseDelayMs + extra,
      };
      const key = idempotencyKey(POST, "d-x", 0, generation);
      const error = failure("RATE_LIMITED", retryAfterMs === undefined ? {} : { retryAfterMs });
      const now = iso(nowMs);
      const s = taken(
        step(publishing(attempts, { idempotencyKey: key }), { ...failedWith(error), now }, policy),
      );
      const delay = retryDelay(policy, {
        attempt: attempts,
        key,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
      expect(s.destination.nextRetryAt).toBe(iso(nowMs + delay));
      expect(ms(s.destination.nextRetryAt as string) - nowMs).toBeGreaterThanOrEqual(
        retryAfterMs ?? 1,
      );
      expect(s.outbox).toEqual([
        expect.objectContaining({
          type: "schedule_retry",
          attempt: attempts + 1,
          at: s.destination.nextRetryAt,
        }),
      ]);
    },
  );

  it("RATE_LIMITED with a reset an hour away waits the hour, above the 15-minute cap", () => {
    const error = failure("RATE_LIMITED", { retryAfterMs: 3_600_000, platformStatusCode: 429 });
    const s = taken(step(publishing(1), failedWith(error)));
    expect(s.destination.nextRetryAt).toBe(iso(ms(NOW) + 3_600_000));
  });

  it("RATE_LIMITED with a short retry-after still waits the computed backoff", () => {
    const error = failure("RATE_LIMITED", { retryAfterMs: 1 });
    const s = taken(step(publishing(1), failedWith(error)));
    const computed = retryDelay(defaultRetryPolicy, { attempt: 1, key: KEY });
    expect(s.destination.nextRetryAt).toBe(iso(ms(NOW) + computed));
  });

  it("the last attempt's retryable failure fails the destination and announces it", () => {
    const s = taken(step(publishing(3), failedWith(failure("TIMEOUT_ERROR"))));
    expect(s.destination.status).toBe("failed");
    expect(s.destination.nextRetryAt).toBeUndefined();
    expect(s.outbox).toEqual([
      {
        type: "webhook",
        event: "destination.failed",
        postId: POST,
        revision: 2,
        destinationId: "d-x",
      },
    ]);
  });

  it("keeps the failure's own failedAt (a late webhook), in canonical UTC, else stamps now", () => {
    const late = failure("TIMEOUT_ERROR", { failedAt: "2026-04-20T15:59:00+02:00" });
    expect(taken(step(publishing(1), failedWith(late))).destination.error?.failedAt).toBe(
      "2026-04-20T13:59:00.000Z",
    );
    expect(
      taken(step(publishing(1), failedWith(failure("TIMEOUT_ERROR")))).destination.error?.failedAt,
    ).toBe(NOW);
  });
});

describe("which failures are retried", () => {
  it.each(["INVALID_CONTENT", "CONTENT_TOO_LARGE", "PLATFORM_AUTH_EXPIRED"] as const)(
    "%s is never retried, even when its retryable flag says true",
    (code) => {
      const error = { ...failure(code), retryable: true };
      expect(failureOutcome(defaultRetryPolicy, 1, error)).toBe("failed");
      expect(taken(step(publishing(1), failedWith(error))).destination.status).toBe("failed");
    },
  );

  it.each(
    (Object.keys(errorCodeTable) as (keyof typeof errorCodeTable)[]).filter(
      (code) => errorCodeTable[code].retryable,
    ),
  )("%s, a retryable code, fails at once when the error says retryable: false", (code) => {
    const error = { ...failure(code), retryable: false };
    expect(failureOutcome(defaultRetryPolicy, 1, error)).toBe("failed");
    expect(taken(step(publishing(1), failedWith(error))).destination.status).toBe("failed");
  });

  it("an unknown code follows its retryable flag", () => {
    const vendor = {
      code: "MEDIA_PROCESSING_FAILED",
      message: "The vendor could not process the media",
    };
    expect(failureOutcome(defaultRetryPolicy, 1, { ...vendor, retryable: true })).toBe("retrying");
    expect(failureOutcome(defaultRetryPolicy, 1, { ...vendor, retryable: false })).toBe("failed");
    const kept = taken(step(publishing(1), failedWith({ ...vendor, retryable: true })));
    expect(kept.destination).toMatchObject({
      status: "retrying",
      error: { code: "MEDIA_PROCESSING_FAILED" },
    });
  });

  it("a code postlife adds follows its own row: a duplicate is never retried", () => {
    const duplicate = {
      code: "DUPLICATE_CONTENT",
      message: "Status is a duplicate",
      retryable: true,
    };
    expect(failureOutcome(defaultRetryPolicy, 1, duplicate)).toBe("failed");
  });

  it("an expired token fails and asks for the account to be reconnected", () => {
    const s = taken(step(publishing(1), failedWith(failure("PLATFORM_AUTH_EXPIRED"))));
    expect(s.destination.status).toBe("failed");
    expect(s.outbox).toContainEqual({
      type: "request_reconnect",
      postId: POST,
      destinationId: "d-x",
      platform: "x",
      accountId: "acct-1",
    });
  });

  it("other permanent failures do not ask for a reconnect", () => {
    const s = taken(step(publishing(1), failedWith(failure("INVALID_CONTENT"))));
    expect(s.outbox.map((i) => i.type)).toEqual(["webhook"]);
  });
});

describe("an outcome that may have reached the platform: unconfirmed", () => {
  const unknown = failure("TIMEOUT_ERROR", { outcomeUnknown: true });

  it("goes unconfirmed and asks for a reconciliation, never a blind retry", () => {
    const s = taken(step(publishing(1), failedWith(unknown)));
    expect(s.destination.status).toBe("unconfirmed");
    expect(s.destination.nextRetryAt).toBeUndefined();
    const deadline = iso(ms(NOW) + defaultRetryPolicy.lookupTimeoutMs);
    expect(s.destination).toMatchObject({ lookups: 1, deadlineAt: deadline });
    expect(s.outbox).toEqual([
      {
        type: "request_reconciliation",
        postId: POST,
        destinationId: "d-x",
        platform: "x",
        accountId: "acct-1",
        idempotencyKey: KEY,
        attempt: 1,
        lookup: 1,
      },
      {
        type: "arm_deadline",
        postId: POST,
        destinationId: "d-x",
        jobKey: `${KEY}:lookup:1:1`,
        at: deadline,
      },
    ]);
  });

  it("is unconfirmed even on the last attempt and even when not retryable: it may be published", () => {
    expect(failureOutcome(defaultRetryPolicy, 3, unknown)).toBe("unconfirmed");
    expect(failureOutcome(defaultRetryPolicy, 1, { ...unknown, retryable: false })).toBe(
      "unconfirmed",
    );
  });

  const unconfirmed = (attempts: number) =>
    destination({ status: "unconfirmed", attempts, error: { ...unknown, failedAt: NOW } });
  const reconciled = (found: { platformPostId: string; platformUrl?: string } | null) =>
    ({
      type: "RECONCILED",
      destinationId: "d-x",
      found,
      now: "2026-04-20T14:05:00+00:00",
    }) as const;

  it("RECONCILED found: published with the platform's id and URL, the error dropped", () => {
    const s = taken(
      step(
        unconfirmed(1),
        reconciled({ platformPostId: "1780", platformUrl: "https://x.com/i/1780" }),
      ),
    );
    expect(s.destination).toMatchObject({
      status: "published",
      attempts: 1,
      platformPostId: "1780",
      platformUrl: "https://x.com/i/1780",
      publishedAt: "2026-04-20T14:05:00.000Z",
    });
    expect(s.destination.error).toBeUndefined();
    expect(s.outbox).toEqual([
      {
        type: "webhook",
        event: "destination.published",
        postId: POST,
        revision: 2,
        destinationId: "d-x",
      },
    ]);
  });

  it("RECONCILED not found with attempts left: queued again under the same key", () => {
    const s = taken(step(unconfirmed(1), reconciled(null)));
    expect(s.destination).toMatchObject({ status: "queued", attempts: 1, idempotencyKey: KEY });
    expect(s.destination.error).toBeUndefined();
    expect(s.outbox).toEqual([
      {
        type: "enqueue_delivery",
        postId: POST,
        destinationId: "d-x",
        platform: "x",
        accountId: "acct-1",
        idempotencyKey: KEY,
        attempt: 2,
      },
      {
        type: "arm_deadline",
        postId: POST,
        destinationId: "d-x",
        jobKey: `${KEY}:start:2:1`,
        at: iso(ms("2026-04-20T14:05:00Z") + defaultRetryPolicy.startWithinMs),
      },
    ]);
  });

  it("RECONCILED not found with attempts left counts them by the code's limit, as failures do", () => {
    // UNKNOWN_ERROR allows one retry: two attempts in all, whatever the policy's maxAttempts.
    const unclassified = failure("UNKNOWN_ERROR", { outcomeUnknown: true, failedAt: NOW });
    expect(attemptsAllowed(defaultRetryPolicy, "UNKNOWN_ERROR")).toBe(2);
    const second = destination({ status: "unconfirmed", attempts: 2, error: unclassified });
    expect(taken(step(second, reconciled(null))).destination.status).toBe("failed");
    const first = destination({ status: "unconfirmed", attempts: 1, error: unclassified });
    expect(taken(step(first, reconciled(null))).destination.status).toBe("queued");
  });

  test.prop([
    fc.constantFrom(...Object.keys(errorCodeTable), "SOMETHING_NEW"),
    fc.integer({ min: 1, max: 6 }),
    fc.integer({ min: 1, max: 6 }),
  ])(
    "a not-found reconciliation re-queues exactly while the recorded code has attempts left",
    (code, attempts, maxAttempts) => {
      const policy = { ...defaultRetryPolicy, maxAttempts };
      const error = { ...failure("TIMEOUT_ERROR", { outcomeUnknown: true }), code };
      const d = destination({ status: "unconfirmed", attempts, error });
      const s = taken(step(d, reconciled(null), policy));
      expect(s.destination.status).toBe(
        attempts < attemptsAllowed(policy, code) ? "queued" : "failed",
      );
    },
  );

  it("RECONCILED not found with no attempt left: failed, keeping the error, its outcome now known", () => {
    const s = taken(step(unconfirmed(3), reconciled(null)));
    expect(s.destination).toMatchObject({ status: "failed", error: { code: "TIMEOUT_ERROR" } });
    // The look-up settled it: the post is not on the platform, so the outcome is no longer unknown.
    expect(s.destination.error).not.toHaveProperty("outcomeUnknown");
    expect(s.outbox).toEqual([
      {
        type: "webhook",
        event: "destination.failed",
        postId: POST,
        revision: 2,
        destinationId: "d-x",
      },
    ]);
  });

  it("each look-up names the attempt it is about; RECONCILED echoing another attempt is stale", () => {
    const second = taken(step(publishing(2), failedWith(unknown)));
    expect(second.outbox).toMatchObject([
      { type: "request_reconciliation", attempt: 2, lookup: 1 },
      { type: "arm_deadline" },
    ]);
    // A late answer to attempt 1's look-up must not decide attempt 2: it was sent after that look-up.
    const late = step(unconfirmed(2), { ...reconciled(null), attempt: 1 });
    expect(stepOutcome(late)).toBe("ignore:stale");
    expect(late.kind === "ignored" && late.message).toContain("attempt 1");
    expect(stepOutcome(step(unconfirmed(2), { ...reconciled(null), attempt: 2 }))).toBe(
      "to:queued",
    );
    expect(stepOutcome(step(unconfirmed(2), reconciled(null)))).toBe("to:queued");
  });

  it("RECONCILED on a destination published as the same post is a duplicate; another post is surfaced", () => {
    const published = destination({ status: "published", attempts: 1, platformPostId: "1780" });
    expect(stepOutcome(step(published, reconciled({ platformPostId: "1780" })))).toBe(
      "ignore:duplicate",
    );
    const other = taken(step(published, reconciled({ platformPostId: "9999" })));
    expect(other.destination).toMatchObject({
      status: "published",
      platformPostId: "1780",
      duplicates: [{ platformPostId: "9999" }],
    });
    expect(other.outbox.map((i) => i.type)).toEqual(["report_duplicate", "webhook"]);
    expect(stepOutcome(step(published, reconciled(null)))).toBe("ignore:stale");
    expect(stepOutcome(step(destination(), reconciled(null)))).toBe("ignore:stale");
  });
});

describe("duplicate and stale facts", () => {
  const succeeded = (platformPostId: string, extra: object = {}) =>
    ({
      type: "DELIVERY_SUCCEEDED",
      destinationId: "d-x",
      platformPostId,
      now: NOW,
      ...extra,
    }) as const;
  const started = (extra: { attempt?: number; idempotencyKey?: string } = {}) =>
    ({ type: "DELIVERY_STARTED", destinationId: "d-x", now: NOW, ...extra }) as const;

  it("a success for a published destination: duplicate with the same platformPostId, surfaced with another", () => {
    const published = destination({ status: "published", attempts: 1, platformPostId: "1780" });
    expect(stepOutcome(step(published, succeeded("1780")))).toBe("ignore:duplicate");
    const other = taken(
      step(published, succeeded("1781", { platformUrl: "https://x.com/i/1781" })),
    );
    expect(other.destination.platformPostId).toBe("1780");
    expect(other.outbox).toEqual([
      {
        type: "report_duplicate",
        postId: POST,
        destinationId: "d-x",
        platform: "x",
        accountId: "acct-1",
        platformPostId: "1780",
        duplicatePlatformPostId: "1781",
        duplicatePlatformUrl: "https://x.com/i/1781",
      },
      {
        type: "webhook",
        event: "destination.duplicated",
        postId: POST,
        revision: 2,
        destinationId: "d-x",
        platformPostIds: ["1780", "1781"],
      },
    ]);
    // Reported again, it is the duplicate recorded: surfaced once.
    expect(stepOutcome(step(other.destination, succeeded("1781")))).toBe("ignore:duplicate");
  });

  it("a failure for a failed destination: duplicate with the same code, stale with another", () => {
    const failedD = destination({
      status: "failed",
      attempts: 1,
      error: failure("INVALID_CONTENT"),
    });
    expect(stepOutcome(step(failedD, failedWith(failure("INVALID_CONTENT"))))).toBe(
      "ignore:duplicate",
    );
    expect(stepOutcome(step(failedD, failedWith(failure("CONTENT_TOO_LARGE"))))).toBe(
      "ignore:stale",
    );
  });

  it("a failure naming an attempt is a duplicate only for the attempt recorded", () => {
    const retrying = destination({
      status: "retrying",
      attempts: 2,
      error: failure("TIMEOUT_ERROR"),
    });
    const same = failure("TIMEOUT_ERROR");
    expect(stepOutcome(step(retrying, failedWith(same, { attempt: 2 })))).toBe("ignore:duplicate");
    expect(stepOutcome(step(retrying, failedWith(same, { attempt: 1 })))).toBe("ignore:stale");
  });

  it("a failure of another attempt than the one in flight is stale", () => {
    expect(
      stepOutcome(step(publishing(2), failedWith(failure("TIMEOUT_ERROR"), { attempt: 1 }))),
    ).toBe("ignore:stale");
    expect(
      stepOutcome(step(publishing(2), failedWith(failure("TIMEOUT_ERROR"), { attempt: 2 }))),
    ).toBe("to:retrying");
  });

  it("DELIVERY_STARTED twice for the attempt in flight is a duplicate; for another attempt, stale", () => {
    expect(stepOutcome(step(publishing(2), started()))).toBe("ignore:duplicate");
    expect(stepOutcome(step(publishing(2), started({ attempt: 2 })))).toBe("ignore:duplicate");
    expect(stepOutcome(step(publishing(2), started({ attempt: 3 })))).toBe("ignore:stale");
    expect(stepOutcome(step(publishing(2), started({ attempt: 1 })))).toBe("ignore:stale");
  });

  it("DELIVERY_STARTED of an attempt already concluded is stale; the next attempt starts and counts", () => {
    const requeued = destination({ attempts: 1 });
    expect(stepOutcome(step(requeued, started({ attempt: 1 })))).toBe("ignore:stale");
    const next = taken(step(requeued, started({ attempt: 2 })));
    expect(next.destination).toMatchObject({ status: "publishing", attempts: 2, startedAt: NOW });
    // The report is due within X's call timeout.
    expect(next.outbox).toEqual([
      {
        type: "arm_deadline",
        postId: POST,
        destinationId: "d-x",
        jobKey: `${KEY}:report:2:1`,
        at: iso(ms(NOW) + defaultRetryPolicy.callTimeoutMs),
      },
    ]);
  });

  it("a failure reported before DELIVERY_STARTED counts as the attempt it ended", () => {
    const s = taken(step(destination(), failedWith(failure("TIMEOUT_ERROR"))));
    expect(s.destination).toMatchObject({ status: "retrying", attempts: 1 });
  });

  it("an unnumbered failure for a re-queued destination is a late copy of an old one: stale", () => {
    const afterRetry = destination({ attempts: 1 });
    const afterManualRetry = destination({ attempts: 0, generation: 1 });
    for (const d of [afterRetry, afterManualRetry]) {
      expect(stepOutcome(step(d, failedWith(failure("TIMEOUT_ERROR"))))).toBe("ignore:stale");
    }
    expect(
      stepOutcome(step(afterRetry, failedWith(failure("TIMEOUT_ERROR"), { attempt: 1 }))),
    ).toBe("ignore:stale");
    expect(
      stepOutcome(step(afterRetry, failedWith(failure("TIMEOUT_ERROR"), { attempt: 2 }))),
    ).toBe("to:retrying");
  });

  it("a fact for another delivery (a foreign idempotencyKey) is stale, whatever it says", () => {
    const facts: DestinationEvent[] = [
      started({ idempotencyKey: "post-1:d-x:1:0" }),
      succeeded("1780", { idempotencyKey: "post-1:d-x:1:0" }),
      failedWith(failure("TIMEOUT_ERROR"), { idempotencyKey: "post-1:d-x:1:0" }),
    ];
    for (const fact of facts) {
      const s = step(destination(), fact);
      expect(stepOutcome(s), fact.type).toBe("ignore:stale");
      expect(s.kind === "ignored" && s.message).toContain("post-1:d-x:1:0");
    }
    expect(stepOutcome(step(destination(), started({ idempotencyKey: KEY })))).toBe(
      "to:publishing",
    );
  });

  it("a success is taken in any open status; from queued it counts the attempt it ended", () => {
    expect(taken(step(destination(), succeeded("1"))).destination.attempts).toBe(1);
    const retrying = destination({
      status: "retrying",
      attempts: 1,
      nextRetryAt: NOW,
      error: failure("TIMEOUT_ERROR"),
    });
    const s = taken(step(retrying, succeeded("1", { platformUrl: "https://x.com/i/1" })));
    expect(s.destination).toMatchObject({
      status: "published",
      attempts: 1,
      platformUrl: "https://x.com/i/1",
    });
    expect(s.destination.nextRetryAt).toBeUndefined();
    expect(s.destination.error).toBeUndefined();
  });

  it("a published, failed or cancelled destination takes only the platform's word that a post is live", () => {
    const failedD = destination({ status: "failed", attempts: 3, error: failure("TIMEOUT_ERROR") });
    const ends = [
      destination({ status: "published", attempts: 1, platformPostId: "1" }),
      failedD,
      destination({ status: "cancelled" }),
    ];
    const facts: DestinationEvent[] = [
      started(),
      succeeded("2"),
      failedWith(failure("NETWORK_ERROR")),
      { type: "RETRY_DUE", destinationId: "d-x", now: NOW },
      { type: "RECONCILED", destinationId: "d-x", found: null, now: NOW },
      { type: "DEADLINE_PASSED", destinationId: "d-x", jobKey: `${KEY}:report:1:1`, now: NOW },
    ];
    for (const d of ends) {
      for (const fact of facts) {
        // A success is news to each: the failed and the cancelled one are published after all,
        // the published one has a second post (surfaced).
        const expected = fact.type === "DELIVERY_SUCCEEDED" ? "accepted" : "ignored";
        expect(step(d, fact).kind, `${d.status} × ${fact.type}`).toBe(expected);
      }
    }
  });

  it("a late success for a failed destination publishes it: the platform is the truth", () => {
    // A vendor's destination.failed (final), then its post after all.
    const failedD = destination({
      status: "failed",
      attempts: 1,
      error: { ...failure("UNKNOWN_ERROR"), retryable: false, failedAt: NOW },
    });
    const s = taken(
      step(
        failedD,
        succeeded("1780", { idempotencyKey: KEY, platformUrl: "https://x.com/i/1780" }),
      ),
    );
    expect(s.destination).toMatchObject({
      status: "published",
      attempts: 1,
      generation: 0,
      idempotencyKey: KEY,
      platformPostId: "1780",
      platformUrl: "https://x.com/i/1780",
      publishedAt: NOW,
    });
    expect(s.destination.error).toBeUndefined();
    expect(s.outbox).toEqual([
      {
        type: "webhook",
        event: "destination.published",
        postId: POST,
        revision: 2,
        destinationId: "d-x",
      },
    ]);
    // Without a key it is taken too, and so is the key of a generation before a manual retry:
    // that delivery may well be live. A key postlife never gave this destination proves nothing.
    expect(stepOutcome(step(failedD, succeeded("1780")))).toBe("to:published");
    const retried = destination({
      ...failedD,
      generation: 1,
      idempotencyKey: idempotencyKey(POST, "d-x", 2, 1),
    });
    expect(stepOutcome(step(retried, succeeded("1780", { idempotencyKey: KEY })))).toBe(
      "to:published",
    );
    const foreign = idempotencyKey("post-2", "d-x", 2, 0);
    expect(stepOutcome(step(retried, succeeded("1780", { idempotencyKey: foreign })))).toBe(
      "ignore:stale",
    );
  });
});

describe("RETRY_DUE", () => {
  const at = "2026-04-20T14:00:30.000Z";
  const retrying = destination({
    status: "retrying",
    attempts: 1,
    nextRetryAt: at,
    error: failure("TIMEOUT_ERROR"),
  });
  const due = (now: string, extra: { attempt?: number } = {}) =>
    ({ type: "RETRY_DUE", destinationId: "d-x", now, ...extra }) as const;

  it("before nextRetryAt is refused as too_early, saying when it is accepted", () => {
    const s = step(retrying, due("2026-04-20T14:00:29.999Z"));
    expect(s).toMatchObject({ kind: "rejected", reason: "too_early", acceptedFrom: at });
  });

  it("from nextRetryAt re-queues under the same key, dropping the timer and the error", () => {
    const s = taken(step(retrying, due("2026-04-20T16:00:30+02:00")));
    expect(s.destination).toMatchObject({ status: "queued", attempts: 1, idempotencyKey: KEY });
    expect(s.destination.nextRetryAt).toBeUndefined();
    expect(s.destination.error).toBeUndefined();
    expect(s.outbox).toEqual([
      expect.objectContaining({ type: "enqueue_delivery", idempotencyKey: KEY, attempt: 2 }),
      expect.objectContaining({ type: "arm_deadline", jobKey: `${KEY}:start:2:1` }),
    ]);
  });

  it("a timer armed for another attempt is stale", () => {
    expect(stepOutcome(step(retrying, due(at, { attempt: 3 })))).toBe("ignore:stale");
    expect(stepOutcome(step(retrying, due(at, { attempt: 2 })))).toBe("to:queued");
  });

  it("a second RETRY_DUE after the re-queue is a duplicate; for a fresh queued destination, stale", () => {
    const requeued = taken(step(retrying, due(at))).destination;
    expect(stepOutcome(step(requeued, due(at)))).toBe("ignore:duplicate");
    expect(stepOutcome(step(destination(), due(at)))).toBe("ignore:stale");
  });

  it("through apply, an early RETRY_DUE is refused with acceptedFrom and the destination named", () => {
    const post = run(postIn("queued"), failed("d-x", serverError, "2026-04-19T09:00:03.000Z"));
    const nextRetryAt = dest(post, "d-x").nextRetryAt as string;
    const rejection = reject(
      apply(post, { type: "RETRY_DUE", destinationId: "d-x", now: "2026-04-19T09:00:03.000Z" }),
    );
    expect(rejection).toMatchObject({
      reason: "too_early",
      acceptedFrom: nextRetryAt,
      destinationId: "d-x",
      status: "publishing",
    });
    const later = accept(
      apply(post, { type: "RETRY_DUE", destinationId: "d-x", now: nextRetryAt }),
    );
    expect(dest(later.post, "d-x").status).toBe("queued");
  });
});

describe("the post's commands, as a destination takes them", () => {
  it("CANCEL of a queued destination asks for its delivery to be removed; of a draft, nothing", () => {
    const s = taken(step(destination(), { type: "CANCEL" }));
    expect(s.destination.status).toBe("cancelled");
    expect(s.outbox).toEqual([
      { type: "cancel_delivery", postId: POST, destinationId: "d-x", idempotencyKey: KEY },
    ]);
    const draft = destination({ status: "draft" });
    delete (draft as { idempotencyKey?: string }).idempotencyKey;
    expect(taken(step(draft, { type: "CANCEL" })).outbox).toEqual([]);
  });

  it("an attempt in flight or unconfirmed cannot be cancelled", () => {
    for (const status of ["publishing", "unconfirmed"] as const) {
      expect(step(destination({ status, attempts: 1 }), { type: "CANCEL" })).toMatchObject({
        kind: "rejected",
        reason: "not_allowed_in_status",
      });
    }
  });

  it("RETRY_FAILED re-queues a failed destination with a new key, a new generation and a fresh budget", () => {
    const failedD = destination({ status: "failed", attempts: 3, error: failure("TIMEOUT_ERROR") });
    const key = idempotencyKey(POST, "d-x", 2, 1);
    const s = taken(step(failedD, { type: "RETRY_FAILED", idempotencyKey: key, now: NOW }));
    expect(s.destination).toMatchObject({
      status: "queued",
      attempts: 0,
      generation: 1,
      idempotencyKey: key,
    });
    expect(s.destination.error).toBeUndefined();
    expect(s.outbox).toEqual([
      expect.objectContaining({ type: "enqueue_delivery", idempotencyKey: key, attempt: 1 }),
      expect.objectContaining({ type: "arm_deadline", jobKey: `${key}:start:1:1` }),
    ]);
  });

  it("a delivery fact for a destination still in the editorial phase is refused", () => {
    const draft = destination({ status: "draft" });
    expect(step(draft, { type: "DELIVERY_STARTED", destinationId: "d-x", now: NOW })).toMatchObject(
      {
        kind: "rejected",
        reason: "not_allowed_in_status",
      },
    );
  });
});

describe("destinationMachine in an actor", () => {
  const draft = destination({ status: "draft" });
  delete (draft as { idempotencyKey?: string }).idempotencyKey;

  const start = (input: Partial<DestinationMachineInput> = {}) => {
    const emitted: Instruction[] = [];
    const actor = createActor(destinationMachine, {
      input: { postId: POST, destination: draft, ...input },
    });
    actor.on("*", (instruction) => emitted.push(instruction));
    actor.start();
    const send = (event: DestinationEvent) => {
      actor.send(event);
      const snapshot = actor.getSnapshot();
      // The state the machine shows is always the destination's own status.
      expect(snapshot.value).toBe(snapshot.context.destination.status);
      return snapshot;
    };
    return { actor, emitted, send };
  };

  const enqueue = { type: "ENQUEUE", idempotencyKey: KEY, now: NOW } as const;
  const started = { type: "DELIVERY_STARTED", destinationId: "d-x", now: NOW } as const;

  it("starts in draft, and goes through pending_approval and scheduled back to draft", () => {
    const { actor, send } = start();
    expect(actor.getSnapshot().value).toBe("draft");
    expect(send({ type: "SUBMIT_FOR_APPROVAL" }).value).toBe("pending_approval");
    expect(send({ type: "SCHEDULE" }).value).toBe("scheduled");
    expect(send({ type: "RETURN_TO_DRAFT" }).value).toBe("draft");
  });

  it("queued → publishing → retrying → queued → publishing → unconfirmed → published, emitting the outbox", () => {
    const { send, emitted } = start({ revision: 7 });
    expect(send(enqueue).value).toBe("queued");
    expect(send(started).value).toBe("publishing");
    const retrying = send(failedWith(failure("NETWORK_ERROR")));
    expect(retrying.value).toBe("retrying");
    const nextRetryAt = retrying.context.destination.nextRetryAt as string;
    // Early: refused, nothing changes.
    expect(send({ type: "RETRY_DUE", destinationId: "d-x", now: NOW }).value).toBe("retrying");
    expect(send({ type: "RETRY_DUE", destinationId: "d-x", now: nextRetryAt }).value).toBe(
      "queued",
    );
    // The second attempt names itself: a start with no attempt after a first one is a late copy.
    expect(send(started).context.destination.attempts).toBe(1);
    expect(send({ ...started, attempt: 2 }).context.destination.attempts).toBe(2);
    expect(send(failedWith(failure("TIMEOUT_ERROR", { outcomeUnknown: true }))).value).toBe(
      "unconfirmed",
    );
    const done = send({
      type: "RECONCILED",
      destinationId: "d-x",
      found: { platformPostId: "1780" },
      now: NOW,
    });
    expect(done.value).toBe("published");
    // Published is never sent again, but still hears of a second post (a duplicate).
    expect(done.status).toBe("active");
    expect(emitted.map((i) => i.type)).toEqual([
      "enqueue_delivery",
      "arm_deadline", // a worker must start it
      "disarm_deadline",
      "arm_deadline", // its report is due
      "disarm_deadline",
      "schedule_retry",
      "enqueue_delivery",
      "arm_deadline",
      "disarm_deadline",
      "arm_deadline",
      "disarm_deadline",
      "request_reconciliation",
      "arm_deadline", // the look-up must answer
      "disarm_deadline",
      "webhook",
    ]);
    expect(emitted.at(-1)).toMatchObject({ event: "destination.published", revision: 7 });
  });

  it("an unconfirmed destination not found is queued while attempts are left", () => {
    const { send } = start();
    send(enqueue);
    send(started);
    send(failedWith(failure("TIMEOUT_ERROR", { outcomeUnknown: true })));
    expect(send({ type: "RECONCILED", destinationId: "d-x", found: null, now: NOW }).value).toBe(
      "queued",
    );
  });

  it("with one attempt allowed, an unconfirmed destination not found fails; RETRY_FAILED re-queues it", () => {
    const { send, emitted } = start({ retry: { maxAttempts: 1 } });
    send(enqueue);
    send(started);
    send(failedWith(failure("TIMEOUT_ERROR", { outcomeUnknown: true })));
    expect(send({ type: "RECONCILED", destinationId: "d-x", found: null, now: NOW }).value).toBe(
      "failed",
    );
    const again = send({
      type: "RETRY_FAILED",
      idempotencyKey: idempotencyKey(POST, "d-x", 0, 1),
      now: NOW,
    });
    expect(again.value).toBe("queued");
    expect(again.context.destination.generation).toBe(1);
    expect(emitted.filter((i) => i.type === "webhook")).toEqual([
      expect.objectContaining({ event: "destination.failed", revision: 0 }),
    ]);
  });

  it("a permanent failure goes straight to failed; a retryable one on the last attempt too", () => {
    const permanent = start();
    permanent.send(enqueue);
    permanent.send(started);
    expect(permanent.send(failedWith(failure("INVALID_CONTENT"))).value).toBe("failed");

    const exhausted = start({ retry: { maxAttempts: 1 } });
    exhausted.send(enqueue);
    expect(exhausted.send(failedWith(failure("TIMEOUT_ERROR"))).value).toBe("failed");
  });

  it("a queued or retrying destination can be cancelled; one in flight cannot", () => {
    const queued = start();
    queued.send(enqueue);
    expect(queued.send({ type: "CANCEL" }).value).toBe("cancelled");

    const retrying = start();
    retrying.send(enqueue);
    retrying.send(started);
    retrying.send(failedWith(failure("NETWORK_ERROR")));
    expect(retrying.send({ type: "CANCEL" }).value).toBe("cancelled");

    const inFlight = start();
    inFlight.send(enqueue);
    inFlight.send(started);
    expect(inFlight.send({ type: "CANCEL" }).value).toBe("publishing");
  });

  it("a success straight from queued publishes", () => {
    const { send } = start();
    send(enqueue);
    expect(
      send({ type: "DELIVERY_SUCCEEDED", destinationId: "d-x", platformPostId: "1", now: NOW })
        .value,
    ).toBe("published");
  });

  // BUG: the machine always starts in "draft", whatever status the destination it is given has:
  // with DestinationMachineInput's own documented example (a queued destination), the actor shows
  // "draft" while its context says "queued", and DELIVERY_STARTED is then dropped (draft has no
  // such transition). Expected: the actor starts in the destination's status.
  it("an actor started from a queued destination starts in queued and takes its attempt", () => {
    const { actor, send } = start({
      destination: destination({
        status: "queued",
        idempotencyKey: idempotencyKey(POST, "d-x", 0, 0),
      }),
    });
    expect(actor.getSnapshot().value).toBe("queued");
    expect(send(started).value).toBe("publishing");
  });
});
