/**
 * Nothing stays in flight forever. postlife reads no clock, so every status
 * that waits on the outside world arms its own deadline in the outbox
 * (`arm_deadline`), disarms it when it moves on (`disarm_deadline`), and
 * takes the timer's `DEADLINE_PASSED`: a lost worker, a lost report and an
 * unanswered look-up all end, and nothing is ever sent blindly. Waits the
 * platform asks for are capped too.
 */
import { describe, expect, it } from "vitest";
import { inWords } from "../src/destination/internal/duration.js";
import { isInstant } from "../src/domain/instant.js";
import {
  apply,
  type DeadlinePassedEvent,
  type Destination,
  defaultRetryPolicy,
  idempotencyKey,
  type Post,
  type PostEvent,
  stepDestination,
} from "../src/index.js";
import { failure } from "./support/alphabet.js";
import { draftOf } from "./support/draft.js";
import { accept, dest, kinds, ofType, reject, run } from "./support/seed-fixtures.js";

const T0 = "2026-04-20T14:00:00.000Z";
const plus = (from: string, ms: number) => new Date(Date.parse(from) + ms).toISOString();
const KEY = idempotencyKey("post-1", "d-x", 0, 0);

const draft = (retry: Record<string, number> = {}): Post =>
  draftOf({
    id: "post-1",
    content: "We launched!",
    destinations: [{ id: "d-x", platform: "x", accountId: "1587354420" }],
    retry,
  });

/** The job key of the last `arm_deadline` in each post's history, as a service's timer holds it. */
const armed = new WeakMap<Post, string>();

/** What the timer of the deadline the post waits under sends, at `now` (its time by default). */
const deadlineOf = (post: Post, now?: string): DeadlinePassedEvent => ({
  type: "DEADLINE_PASSED",
  destinationId: "d-x",
  jobKey: armed.get(post) ?? "",
  now: now ?? dest(post, "d-x").deadlineAt ?? T0,
});

/** Like `run`, remembering the job key each post's deadline was armed under. */
const drive = (post: Post, ...events: readonly PostEvent[]): Post =>
  events.reduce((p, e) => {
    const decision = accept(apply(p, e));
    const arm = ofType(decision.outbox, "arm_deadline").at(-1);
    const previous = armed.get(p);
    if (arm !== undefined) armed.set(decision.post, arm.jobKey);
    else if (previous !== undefined) armed.set(decision.post, previous);
    return decision.post;
  }, post);

const publishNow: PostEvent = { type: "PUBLISH", now: T0 };
const start = (attempt: number, now: string): PostEvent => ({
  type: "DELIVERY_STARTED",
  destinationId: "d-x",
  attempt,
  idempotencyKey: KEY,
  now,
});

describe("publishing: a worker that never reports (postiz #1724, #818: stuck in publishing)", () => {
  it("DELIVERY_STARTED arms the report deadline at the platform's call timeout", () => {
    const queued = drive(draft(), publishNow);
    const decision = accept(apply(queued, start(1, plus(T0, 1000))));
    const at = plus(T0, 1000 + defaultRetryPolicy.callTimeoutMs);
    expect(decision.outbox).toEqual([
      {
        type: "disarm_deadline",
        postId: "post-1",
        destinationId: "d-x",
        jobKey: `${KEY}:start:1:1`,
      },
      {
        type: "arm_deadline",
        postId: "post-1",
        destinationId: "d-x",
        jobKey: `${KEY}:report:1:1`,
        at,
      },
    ]);
    expect(dest(decision.post, "d-x")).toMatchObject({
      startedAt: plus(T0, 1000),
      deadlineAt: at,
    });
  });

  it("a slower platform gets its own call timeout (YouTube's uploads)", () => {
    const youtube = draftOf({
      id: "post-1",
      content: "Launch video",
      media: [{ kind: "video", url: "https://cdn.example.com/launch.mp4" }],
      destinations: [{ id: "d-x", platform: "youtube", accountId: "UC1" }],
    });
    const publishing = run(youtube, publishNow, start(1, T0));
    expect(dest(publishing, "d-x").deadlineAt).toBe(plus(T0, 60 * 60_000));
  });

  it("when it passes with no report, the attempt is a timeout after sending: looked up, never retried blindly", () => {
    const publishing = drive(draft(), publishNow, start(1, T0));
    const decision = accept(apply(publishing, deadlineOf(publishing)));
    expect(dest(decision.post, "d-x")).toMatchObject({
      status: "unconfirmed",
      lookups: 1,
      error: { code: "TIMEOUT_ERROR", outcomeUnknown: true },
    });
    expect(kinds(decision.outbox)).toEqual(["request_reconciliation", "arm_deadline"]);
    expect(kinds(decision.outbox)).not.toContain("enqueue_delivery");
    // The lost report turns up after all: still taken.
    const late = accept(
      apply(decision.post, {
        type: "DELIVERY_SUCCEEDED",
        destinationId: "d-x",
        attempt: 1,
        platformPostId: "1780",
        now: plus(T0, 11 * 60_000),
      }),
    );
    expect(late.post.status).toBe("published");
  });

  it("a deadline that fires early is refused as too_early, with the time it is taken from", () => {
    const publishing = drive(draft(), publishNow, start(1, T0));
    const deadlineAt = dest(publishing, "d-x").deadlineAt as string;
    const early = reject(apply(publishing, deadlineOf(publishing, plus(deadlineAt, -1))));
    expect(early).toMatchObject({
      reason: "too_early",
      acceptedFrom: deadlineAt,
      destinationId: "d-x",
    });
  });

  it("a deadline whose wait is over is stale: the report came first", () => {
    const publishing = drive(draft(), publishNow, start(1, T0));
    const published = run(publishing, {
      type: "DELIVERY_SUCCEEDED",
      destinationId: "d-x",
      attempt: 1,
      platformPostId: "1780",
      now: plus(T0, 2000),
    });
    const decision = apply(published, deadlineOf(publishing));
    expect(decision.ok && decision.ignored).toBe("stale");
  });
});

describe("unconfirmed: a look-up that never answers", () => {
  const unconfirmed = (retry: Record<string, number> = {}) =>
    drive(draft(retry), publishNow, start(1, T0), {
      type: "DELIVERY_FAILED",
      destinationId: "d-x",
      attempt: 1,
      failure: { transportError: "ETIMEDOUT", requestSent: true },
      now: plus(T0, 30_000),
    });

  it("is asked again, each deadline twice as long, then fails OUTCOME_UNKNOWN and is never sent again", () => {
    let post = unconfirmed({ maxLookups: 3 });
    const deadlines: string[] = [dest(post, "d-x").deadlineAt as string];
    for (let lookup = 2; lookup <= 3; lookup++) {
      const decision = accept(apply(post, deadlineOf(post)));
      expect(ofType(decision.outbox, "request_reconciliation")).toEqual([
        expect.objectContaining({ attempt: 1, lookup }),
      ]);
      post = drive(post, deadlineOf(post));
      deadlines.push(dest(post, "d-x").deadlineAt as string);
    }
    const waits = deadlines
      .slice(1)
      .map((d, i) => Date.parse(d) - Date.parse(deadlines[i] as string));
    expect(waits).toEqual([
      2 * defaultRetryPolicy.lookupTimeoutMs,
      4 * defaultRetryPolicy.lookupTimeoutMs,
    ]);
    const last = accept(apply(post, deadlineOf(post)));
    expect(dest(last.post, "d-x")).toMatchObject({
      status: "failed",
      error: { code: "OUTCOME_UNKNOWN", outcomeUnknown: true, retryable: false },
    });
    expect(last.post.status).toBe("failed");
    expect(kinds(last.outbox)).toEqual(["webhook:destination.failed", "webhook:post.failed"]);
    // A person must check: no manual retry, no delete, until someone answers the look-up.
    expect(
      reject(apply(last.post, { type: "RETRY_FAILED", now: plus(T0, 3_600_000) })).reason,
    ).toBe("outcome_unknown");
    expect(reject(apply(last.post, { type: "DELETE" })).reason).toBe("delivery_under_way");
    const answered = run(last.post, {
      type: "RECONCILED",
      destinationId: "d-x",
      found: null,
      now: plus(T0, 3_600_000),
    });
    expect(dest(answered, "d-x").error).not.toHaveProperty("outcomeUnknown");
    expect(
      accept(apply(answered, { type: "RETRY_FAILED", now: plus(T0, 3_600_001) })).post.status,
    ).toBe("queued");
  });

  it("an answer to any of the look-ups of the attempt in doubt is taken", () => {
    const post = drive(unconfirmed(), deadlineOf(unconfirmed()));
    expect(dest(post, "d-x").lookups).toBe(2);
    const decision = accept(
      apply(post, {
        type: "RECONCILED",
        destinationId: "d-x",
        attempt: 1,
        found: { platformPostId: "1780" },
        now: plus(T0, 10 * 60_000),
      }),
    );
    expect(decision.post.status).toBe("published");
    expect(kinds(decision.outbox)[0]).toBe("disarm_deadline");
  });
});

describe("queued: a delivery no worker starts", () => {
  it("is handed out again under the same key and attempt, then fails NEVER_STARTED", () => {
    let post = drive(draft({ maxHandOuts: 3 }), publishNow);
    for (let handOut = 2; handOut <= 3; handOut++) {
      const decision = accept(apply(post, deadlineOf(post)));
      expect(ofType(decision.outbox, "enqueue_delivery")).toEqual([
        expect.objectContaining({ idempotencyKey: KEY, attempt: 1 }),
      ]);
      expect(ofType(decision.outbox, "arm_deadline")).toEqual([
        expect.objectContaining({ jobKey: `${KEY}:start:1:${handOut}` }),
      ]);
      post = drive(post, deadlineOf(post));
    }
    const last = accept(apply(post, deadlineOf(post)));
    expect(dest(last.post, "d-x")).toMatchObject({
      status: "failed",
      attempts: 0,
      error: { code: "NEVER_STARTED", retryable: false },
    });
    expect(kinds(last.outbox)).toEqual([
      "cancel_delivery",
      "webhook:destination.failed",
      "webhook:post.failed",
    ]);
    // Nothing was sent: a manual retry is safe.
    expect(
      accept(apply(last.post, { type: "RETRY_FAILED", now: plus(T0, 7_200_000) })).post.status,
    ).toBe("queued");
  });
});

describe("CANCEL and DELETE disarm everything armed (postiz #1213: a deleted post still published)", () => {
  it("cancelling a queued post removes its deliveries and their deadlines", () => {
    const queued = drive(draft(), publishNow);
    const decision = accept(apply(queued, { type: "CANCEL" }));
    expect(kinds(decision.outbox)).toEqual([
      "disarm_deadline",
      "cancel_delivery",
      "webhook:post.cancelled",
    ]);
    expect(ofType(decision.outbox, "disarm_deadline")).toEqual([
      expect.objectContaining({ jobKey: `${KEY}:start:1:1` }),
    ]);
  });

  it("deleting a scheduled post disarms its job", () => {
    const scheduled = run(draft(), { type: "SCHEDULE", at: plus(T0, 3_600_000), now: T0 });
    expect(kinds(accept(apply(scheduled, { type: "DELETE" })).outbox)).toEqual(["disarm_schedule"]);
  });
});

describe("waits the platform asks for are capped (a Retry-After of centuries)", () => {
  const publishing = () => run(draft(), publishNow, start(1, T0));
  const rateLimited = (retryAfterMs: number): PostEvent => ({
    type: "DELIVERY_FAILED",
    destinationId: "d-x",
    attempt: 1,
    error: failure("RATE_LIMITED", { retryAfterMs }),
    now: plus(T0, 1000),
  });

  it("a wait within the policy's longest is honoured", () => {
    const twoDays = 2 * 24 * 3_600_000;
    const post = run(publishing(), rateLimited(twoDays));
    expect(dest(post, "d-x")).toMatchObject({
      status: "retrying",
      nextRetryAt: plus(T0, 1000 + twoDays),
    });
  });

  it.each([99_999_999_999, 1e17, Number.MAX_SAFE_INTEGER])(
    "Retry-After of %d ms fails the destination as WAIT_TOO_LONG, keeping what the platform said",
    (retryAfterMs) => {
      const decision = accept(apply(publishing(), rateLimited(retryAfterMs)));
      const d = dest(decision.post, "d-x");
      expect(d).toMatchObject({
        status: "failed",
        error: { code: "WAIT_TOO_LONG", retryable: false, retryAfterMs },
      });
      expect(d.nextRetryAt).toBeUndefined();
      expect(d.error?.message).toContain("longer than the retry policy's longest wait of 3 days");
      expect(kinds(decision.outbox)).not.toContain("schedule_retry");
    },
  );

  it("every instant postlife stores is one it accepts back, whatever the wait", () => {
    for (const retryAfterMs of [0, 1, 2 ** 40, 1e17, 8.64e15]) {
      const post = run(publishing(), rateLimited(retryAfterMs));
      const d = dest(post, "d-x");
      for (const value of [d.nextRetryAt, d.deadlineAt, d.startedAt, d.error?.failedAt]) {
        if (value !== undefined) expect(isInstant(value), value).toBe(true);
      }
    }
  });

  it("a wait that would run past the last instant postlife stores fails too", () => {
    const late = "9999-12-31T23:00:00.000Z";
    const post = run(draft(), { type: "PUBLISH", now: late }, start(1, late));
    const decision = accept(
      apply(post, {
        type: "DELIVERY_FAILED",
        destinationId: "d-x",
        attempt: 1,
        error: failure("RATE_LIMITED", { retryAfterMs: 2 * 3_600_000 }),
        now: late,
      }),
    );
    expect(dest(decision.post, "d-x").error?.code).toBe("WAIT_TOO_LONG");
  });
});

describe("one destination's waits, step by step (stepDestination)", () => {
  const key = "post-1:d-x:0:0";
  const at = "2026-04-20T14:15:00.000Z";
  const context = (destination: Destination) => ({
    postId: "post-1",
    revision: 0,
    retry: { ...defaultRetryPolicy, maxHandOuts: 2, maxLookups: 2 },
    destination,
  });
  const waiting = (
    status: Destination["status"],
    extra: Partial<Destination> = {},
  ): Destination => ({
    id: "d-x",
    platform: "x",
    accountId: "a",
    postType: "post",
    status,
    attempts: status === "queued" ? 0 : 1,
    generation: 0,
    idempotencyKey: key,
    deadlineAt: at,
    ...extra,
  });
  const passed = (jobKey: string, now = at): DeadlinePassedEvent => ({
    type: "DEADLINE_PASSED",
    destinationId: "d-x",
    jobKey,
    now,
  });

  it("a destination stored without its count is on its first hand-out or look-up", () => {
    const queued = stepDestination(context(waiting("queued")), passed(`${key}:start:1:1`));
    expect(queued.kind === "accepted" && queued.destination).toMatchObject({
      status: "queued",
      handOuts: 2,
    });
    const unconfirmed = stepDestination(
      context(
        waiting("unconfirmed", { error: failure("TIMEOUT_ERROR", { outcomeUnknown: true }) }),
      ),
      passed(`${key}:lookup:1:1`),
    );
    expect(unconfirmed.kind === "accepted" && unconfirmed.destination).toMatchObject({
      status: "unconfirmed",
      lookups: 2,
    });
  });

  it("no deadline is armed outside queued, publishing and unconfirmed, nor without deadlineAt", () => {
    const retrying = stepDestination(context(waiting("retrying")), passed(`${key}:report:1:1`));
    expect(retrying).toMatchObject({ kind: "ignored", ignored: "stale" });
    const { deadlineAt: _, ...unarmed } = waiting("publishing");
    const step = stepDestination(context(unarmed), passed(`${key}:report:1:1`));
    expect(step).toMatchObject({ kind: "ignored", ignored: "stale" });
    expect(step.kind === "ignored" && step.message).toContain("waits under no deadline");
  });

  it("an unconfirmed destination stored without its error is queued again while attempts are left", () => {
    const step = stepDestination(context(waiting("unconfirmed", { lookups: 1 })), {
      type: "RECONCILED",
      destinationId: "d-x",
      found: null,
      now: at,
    });
    expect(step.kind === "accepted" && step.destination.status).toBe("queued");
  });

  it("a retry timer for a destination stored without nextRetryAt is taken when it fires", () => {
    const { deadlineAt: _, ...retrying } = waiting("retrying");
    const step = stepDestination(context(retrying), {
      type: "RETRY_DUE",
      destinationId: "d-x",
      now: at,
    });
    expect(step.kind === "accepted" && step.destination.status).toBe("queued");
  });
});

describe("waits in words", () => {
  it.each([
    [1_500, "1.5 s"],
    [60_000, "1 minute"],
    [90 * 60_000, "1.5 hours"],
    [3 * 86_400_000, "3 days"],
    [Number.POSITIVE_INFINITY, "Infinity ms"],
  ])("%d ms is %s", (ms, words) => {
    expect(inWords(ms)).toBe(words);
  });
});
