/**
 * A post is never published twice, and a live post is never left looking
 * failed or cancelled: the paths to a second copy and to a wrong outcome
 * that a simulated service found, each through `apply` as a service drives it.
 * The platform is the truth about what is live; a fact about an earlier
 * attempt or generation is news only when it says the post is live.
 */
import { describe, expect, it } from "vitest";
import {
  apply,
  type DeliveryFact,
  idempotencyKey,
  type Post,
  type PostEvent,
  type PublishError,
} from "../src/index.js";
import { failure } from "./support/alphabet.js";
import { draftOf } from "./support/draft.js";
import { accept, dest, kinds, ofType, reject, run } from "./support/seed-fixtures.js";

const T0 = "2026-04-20T14:00:00.000Z";
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const key = (generation: number) => idempotencyKey("post-1", "d-x", 0, generation);

const draft = (retry: { maxAttempts?: number } = {}): Post =>
  draftOf({
    id: "post-1",
    content: "We launched!",
    destinations: [{ id: "d-x", platform: "x", accountId: "1587354420" }],
    retry,
  });

const started = (generation: number, attempt: number, s: number): PostEvent => ({
  type: "DELIVERY_STARTED",
  destinationId: "d-x",
  attempt,
  idempotencyKey: key(generation),
  now: at(s),
});

const succeeded = (
  platformPostId: string,
  s: number,
  identity: { attempt?: number; idempotencyKey?: string; platformUrl?: string } = {},
): DeliveryFact => ({
  type: "DELIVERY_SUCCEEDED",
  destinationId: "d-x",
  platformPostId,
  now: at(s),
  ...identity,
});

/** Attempt 1 of generation 0 failed, as its worker reports it. */
const failedAttempt = (error: PublishError, s: number): PostEvent => ({
  type: "DELIVERY_FAILED",
  destinationId: "d-x",
  attempt: 1,
  error,
  now: at(s),
});

const ignored = (post: Post, event: PostEvent) => {
  const decision = apply(post, event);
  expect(decision.ok && decision.ignored, JSON.stringify(event)).toBeTruthy();
  return decision.ok ? decision : undefined;
};

describe("a failure that happened before the attempt in flight started is stale", () => {
  it("a late destination.failed webhook does not fail the manual retry in flight (postiz #1321: double publish after a retry)", () => {
    // Attempt 1 fails for good; a person retries by hand; the new generation's attempt starts.
    const retried = run(
      draft(),
      { type: "PUBLISH", now: T0 },
      started(0, 1, 1),
      failedAttempt(failure("PLATFORM_AUTH_EXPIRED", { failedAt: at(2) }), 2),
      { type: "RETRY_FAILED", now: at(60) },
      started(1, 1, 61),
    );
    expect(dest(retried, "d-x")).toMatchObject({ status: "publishing", startedAt: at(61) });
    // The vendor's webhook for the first failure arrives now, naming no attempt and no key.
    const late: PostEvent = {
      type: "DELIVERY_FAILED",
      destinationId: "d-x",
      error: failure("PLATFORM_AUTH_EXPIRED", { failedAt: at(2) }),
      now: at(62),
    };
    const decision = ignored(retried, late);
    expect(decision?.ignored).toBe("stale");
    expect(decision?.message).toContain("before attempt 1 of d-x started");
    // The attempt in flight still ends as the platform says: published, once.
    const done = accept(
      apply(retried, succeeded("1780", 63, { attempt: 1, idempotencyKey: key(1) })),
    );
    expect(done.post.status).toBe("published");
  });

  it("a failure that happened after the attempt started still fails it", () => {
    const publishing = run(draft(), { type: "PUBLISH", now: T0 }, started(0, 1, 1));
    const decision = accept(
      apply(publishing, {
        type: "DELIVERY_FAILED",
        destinationId: "d-x",
        error: failure("INVALID_CONTENT", { failedAt: at(2) }),
        now: at(3),
      }),
    );
    expect(dest(decision.post, "d-x").status).toBe("failed");
  });
});

describe("a confirmed success is the platform's truth", () => {
  /** Failed for good, then retried by hand: generation 1 is queued. */
  const retriedByHand = () =>
    run(
      draft(),
      { type: "PUBLISH", now: T0 },
      started(0, 1, 1),
      failedAttempt({ ...failure("UNKNOWN_ERROR"), retryable: false }, 2),
      { type: "RETRY_FAILED", now: at(60) },
    );

  it("a success of the generation before a manual retry publishes it and cancels the queued retry (postiz PR #1813)", () => {
    const queued = retriedByHand();
    expect(dest(queued, "d-x")).toMatchObject({ status: "queued", generation: 1 });
    const decision = accept(apply(queued, succeeded("1780", 61, { idempotencyKey: key(0) })));
    expect(dest(decision.post, "d-x")).toMatchObject({
      status: "published",
      platformPostId: "1780",
    });
    expect(decision.post.status).toBe("published");
    expect(kinds(decision.outbox)).toEqual([
      "disarm_deadline",
      "cancel_delivery",
      "webhook:destination.published",
      "webhook:post.published",
    ]);
    expect(ofType(decision.outbox, "cancel_delivery")).toEqual([
      { type: "cancel_delivery", postId: "post-1", destinationId: "d-x", idempotencyKey: key(1) },
    ]);
    // The queued delivery's worker, if it still runs, is turned away before the platform call.
    expect(ignored(decision.post, started(1, 1, 62))?.ignored).toBe("stale");
  });

  it("with its key or without, the same success has the same outcome", () => {
    const queued = retriedByHand();
    const withKey = accept(apply(queued, succeeded("1780", 61, { idempotencyKey: key(0) })));
    const without = accept(apply(queued, succeeded("1780", 61)));
    expect(dest(withKey.post, "d-x").status).toBe(dest(without.post, "d-x").status);
    expect(kinds(withKey.outbox)).toEqual(kinds(without.outbox));
  });

  it("a late success for a destination cancelled while retrying publishes it (postiz PR #1681: marked failed although live)", () => {
    const cancelled = run(
      draft(),
      { type: "PUBLISH", now: T0 },
      started(0, 1, 1),
      failedAttempt(failure("PLATFORM_SERVER_ERROR"), 2),
      { type: "CANCEL" },
    );
    expect(cancelled.status).toBe("cancelled");
    const decision = accept(
      apply(cancelled, succeeded("1780", 30, { attempt: 1, idempotencyKey: key(0) })),
    );
    expect(decision.post.status).toBe("published");
    expect(dest(decision.post, "d-x")).toMatchObject({
      status: "published",
      platformPostId: "1780",
    });
  });

  it("a destination cancelled before it was ever handed out takes no success: nothing of it was sent", () => {
    const cancelled = run(draft(), { type: "SCHEDULE", at: at(3600), now: T0 }, { type: "CANCEL" });
    expect(ignored(cancelled, succeeded("1780", 30))?.ignored).toBe("stale");
  });

  it("a second success naming another platform post is surfaced as a duplicate, once (postiz #1144: contradictory outcomes)", () => {
    const published = run(
      draft(),
      { type: "PUBLISH", now: T0 },
      started(0, 1, 1),
      succeeded("1780", 2, { attempt: 1 }),
    );
    const decision = accept(
      apply(published, succeeded("1781", 3, { platformUrl: "https://x.com/acme/status/1781" })),
    );
    expect(decision.post.status).toBe("published");
    expect(dest(decision.post, "d-x")).toMatchObject({
      platformPostId: "1780",
      duplicates: [{ platformPostId: "1781", platformUrl: "https://x.com/acme/status/1781" }],
    });
    expect(ofType(decision.outbox, "report_duplicate")).toEqual([
      {
        type: "report_duplicate",
        postId: "post-1",
        destinationId: "d-x",
        platform: "x",
        accountId: "1587354420",
        platformPostId: "1780",
        duplicatePlatformPostId: "1781",
        duplicatePlatformUrl: "https://x.com/acme/status/1781",
      },
    ]);
    expect(ofType(decision.outbox, "webhook")).toEqual([
      expect.objectContaining({
        event: "destination.duplicated",
        destinationId: "d-x",
        platformPostIds: ["1780", "1781"],
      }),
    ]);
    expect(ignored(decision.post, succeeded("1781", 4))?.ignored).toBe("duplicate");
    expect(ignored(decision.post, succeeded("1780", 4))?.ignored).toBe("duplicate");
  });

  it("a deleted post whose failed destination turns out live is told so, and stays deleted (postiz #1213)", () => {
    const deleted = run(
      draft(),
      { type: "PUBLISH", now: T0 },
      started(0, 1, 1),
      failedAttempt(failure("INVALID_CONTENT"), 2),
      { type: "DELETE" },
    );
    const decision = accept(apply(deleted, succeeded("1780", 30, { attempt: 1 })));
    expect(decision.post.status).toBe("deleted");
    expect(dest(decision.post, "d-x")).toMatchObject({
      status: "published",
      platformPostId: "1780",
    });
    expect(kinds(decision.outbox)).toEqual(["webhook:destination.published"]);
  });
});

describe("a start that names no attempt, after a first attempt, is a late copy", () => {
  it("a vendor poll's late 'publishing' does not take the worker's start of the retry (mixpost #150: stuck in publishing)", () => {
    const requeued = run(
      draft(),
      { type: "PUBLISH", now: T0 },
      started(0, 1, 1),
      failedAttempt(failure("PLATFORM_SERVER_ERROR"), 2),
    );
    const nextRetryAt = dest(requeued, "d-x").nextRetryAt as string;
    const queued = run(requeued, {
      type: "RETRY_DUE",
      destinationId: "d-x",
      attempt: 2,
      idempotencyKey: key(0),
      now: nextRetryAt,
    });
    const poll: PostEvent = { type: "DELIVERY_STARTED", destinationId: "d-x", now: nextRetryAt };
    expect(ignored(queued, poll)?.ignored).toBe("stale");
    // The worker's own start of attempt 2 is taken, and it goes on to the platform call.
    const taken = accept(
      apply(queued, {
        type: "DELIVERY_STARTED",
        destinationId: "d-x",
        attempt: 2,
        idempotencyKey: key(0),
        now: nextRetryAt,
      }),
    );
    expect(dest(taken.post, "d-x")).toMatchObject({ status: "publishing", attempts: 2 });
  });

  it("a first start that names no attempt is still taken (a vendor reporting its own delivery)", () => {
    const queued = run(draft(), { type: "PUBLISH", now: T0 });
    const decision = accept(
      apply(queued, { type: "DELIVERY_STARTED", destinationId: "d-x", now: at(1) }),
    );
    expect(dest(decision.post, "d-x").status).toBe("publishing");
  });
});

describe("a look-up that finds the post publishes it, whatever answered before", () => {
  const timedOut = (maxAttempts: number) =>
    run(draft({ maxAttempts }), { type: "PUBLISH", now: T0 }, started(0, 1, 1), {
      type: "DELIVERY_FAILED",
      destinationId: "d-x",
      attempt: 1,
      failure: { transportError: "ETIMEDOUT", requestSent: true },
      now: at(31),
    });
  const lookUp = (found: { platformPostId: string } | null, s: number): PostEvent => ({
    type: "RECONCILED",
    destinationId: "d-x",
    attempt: 1,
    idempotencyKey: key(0),
    found,
    now: at(s),
  });

  it("found after a not-found failed it: published, so a manual retry cannot send it again (postiz #1172)", () => {
    const failed = run(timedOut(1), lookUp(null, 40));
    expect(dest(failed, "d-x").status).toBe("failed");
    const decision = accept(apply(failed, lookUp({ platformPostId: "1780" }, 41)));
    expect(decision.post.status).toBe("published");
    expect(reject(apply(decision.post, { type: "RETRY_FAILED", now: at(50) })).reason).toBe(
      "not_allowed_in_status",
    );
  });

  it("found after a not-found re-queued it: published, and the queued delivery cancelled", () => {
    const requeued = run(timedOut(3), lookUp(null, 40));
    expect(dest(requeued, "d-x").status).toBe("queued");
    const decision = accept(apply(requeued, lookUp({ platformPostId: "1780" }, 41)));
    expect(dest(decision.post, "d-x").status).toBe("published");
    expect(kinds(decision.outbox)).toContain("cancel_delivery");
  });

  it("the two answers in either order end published (postiz #1040: contradictory outcomes)", () => {
    const post = timedOut(1);
    const answers = [lookUp(null, 40), lookUp({ platformPostId: "1780" }, 41)];
    for (const order of [answers, [...answers].reverse()]) {
      const end = order.reduce((p: Post, e: PostEvent) => {
        const d = apply(p, e);
        return d.ok ? d.post : p;
      }, post);
      expect(end.status).toBe("published");
    }
  });
});
