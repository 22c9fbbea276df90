/**
 * Every rule of seeds 000, 001 and 002 (/work/shared/seeds), one named test
 * each. Each test quotes the seed sentence it proves, drives postlife through
 * `apply` only, and asserts what postlife produced: statuses, rejection
 * reasons and outbox instructions.
 */
import { describe, expect, it } from "vitest";
import {
  aggregateStatus,
  apply,
  attemptsMade,
  can,
  editableFields,
  errorCodeTable,
  failuresOf,
  type PostEvent,
  type PostStatus,
  type PublishError,
  statusOf,
  wireErrorCodes,
} from "../src/index.js";
import { violationsOf } from "./support/draft.js";
import {
  AT,
  accept,
  CONTENT,
  dest,
  failed,
  invalidContent,
  kinds,
  LINKEDIN,
  launchDraft,
  NOW,
  ofType,
  POST_ID,
  postIn,
  reject,
  run,
  serverError,
  started,
  succeeded,
  THREADS,
  withoutDeadlines,
  X,
} from "./support/seed-fixtures.js";

const ms = (iso: string): number => Date.parse(iso);

describe("seed 000 — publish_post, get_post_status, update_post, delete_post", () => {
  it('"draft" (saved, not queued)', () => {
    // "draft" (saved, not queued) ... "draft— sitting in the drafts table."
    const draft = launchDraft();
    expect(draft.status).toBe("draft");
    expect(draft.destinations.map((d) => d.status)).toEqual(["draft", "draft", "draft"]);
    expect(draft.destinations.some((d) => d.idempotencyKey !== undefined)).toBe(false);

    const edited = accept(apply(draft, { type: "EDIT", changes: { content: `${CONTENT} v2` } }));
    expect(edited.post.status).toBe("draft");
    expect(edited.outbox).toEqual([]);
    expect(edited.post.destinations.some((d) => d.idempotencyKey !== undefined)).toBe(false);
  });

  it('publish_post creates and queues a post for delivery: "pending" (queued)', () => {
    // "Creates and queues a post for delivery to a social platform. Returns immediately
    // with status "pending" — delivery is asynchronous." / "publish_post → { postId, status: "queued" }"
    const decision = accept(apply(launchDraft(), { type: "PUBLISH", now: NOW }));
    expect(decision.post.status).toBe("queued");
    expect(decision.post.destinations.map((d) => d.status)).toEqual(["queued", "queued", "queued"]);
    expect(withoutDeadlines(decision.outbox)).toEqual([
      {
        type: "enqueue_delivery",
        postId: POST_ID,
        destinationId: "d-x",
        platform: "x",
        accountId: "123456789",
        idempotencyKey: `${POST_ID}:d-x:0:0`,
        attempt: 1,
      },
      {
        type: "enqueue_delivery",
        postId: POST_ID,
        destinationId: "d-li",
        platform: "linkedin",
        accountId: "urn:li:person:ABC123",
        idempotencyKey: `${POST_ID}:d-li:0:0`,
        attempt: 1,
      },
      {
        type: "enqueue_delivery",
        postId: POST_ID,
        destinationId: "d-threads",
        platform: "threads",
        accountId: "17841412345678",
        idempotencyKey: `${POST_ID}:d-threads:0:0`,
        attempt: 1,
      },
    ]);
  });

  it('"processing" (being sent)', () => {
    // Status values: ... "processing" (being sent) / get_post_status(postId) → { status: "publishing" }
    const queued = run(launchDraft({ destinations: [X] }), { type: "PUBLISH", now: NOW });
    const decision = accept(apply(queued, started("d-x", "2026-04-19T09:00:01.000Z")));
    expect(decision.post.status).toBe("publishing");
    expect(dest(decision.post, "d-x")).toMatchObject({ status: "publishing", attempts: 1 });
    expect(withoutDeadlines(decision.outbox)).toEqual([]);
  });

  it("typical flow: queued → publishing → published", () => {
    // "publish_post → { postId, status: "queued" } ... get_post_status(postId) → { status: "publishing" }
    // ... get_post_status(postId) → { status: "published", externalId, externalUrl }"
    const seen: PostStatus[] = [];
    let post = launchDraft({ destinations: [X] });
    for (const event of [
      { type: "PUBLISH", now: NOW } as const,
      started("d-x", "2026-04-19T09:00:01.000Z"),
      succeeded(
        "d-x",
        "1780123456789012345",
        "2026-04-19T09:00:03.000Z",
        "https://x.com/acme/status/1780123456789012345",
      ),
    ]) {
      post = accept(apply(post, event)).post;
      seen.push(post.status);
    }
    expect(seen).toEqual(["queued", "publishing", "published"]);
  });

  it('"published" (delivered): when published, platformPostId and platformUrl are available', () => {
    // "When published, platformPostId and platformUrl are available."
    // "published— successfully delivered; externalUrl points at the post on the network."
    const publishing = run(
      launchDraft({ destinations: [X] }),
      { type: "PUBLISH", now: NOW },
      started("d-x", "2026-04-19T09:00:01.000Z"),
    );
    const decision = accept(
      apply(
        publishing,
        succeeded(
          "d-x",
          "1780123456789012345",
          "2026-04-19T09:00:03.000Z",
          "https://x.com/acme/status/1780123456789012345",
        ),
      ),
    );
    expect(decision.post.status).toBe("published");
    expect(dest(decision.post, "d-x")).toMatchObject({
      status: "published",
      platformPostId: "1780123456789012345",
      platformUrl: "https://x.com/acme/status/1780123456789012345",
      publishedAt: "2026-04-19T09:00:03.000Z",
    });
  });

  it('externalUrl is populated only after the network has confirmed the post (status === "published")', () => {
    // "externalUrl is populated only after the network has confirmed the post; don't assume it
    // exists until status === "published"."
    const queued = run(launchDraft({ destinations: [X] }), { type: "PUBLISH", now: NOW });
    const publishing = run(queued, started("d-x", "2026-04-19T09:00:01.000Z"));
    for (const post of [launchDraft({ destinations: [X] }), queued, publishing]) {
      expect(dest(post, "d-x")).not.toHaveProperty("platformUrl");
      expect(dest(post, "d-x")).not.toHaveProperty("platformPostId");
    }
    const published = run(
      publishing,
      succeeded(
        "d-x",
        "1780123456789012345",
        "2026-04-19T09:00:03.000Z",
        "https://x.com/acme/status/1780123456789012345",
      ),
    );
    expect(dest(published, "d-x").platformUrl).toBe(
      "https://x.com/acme/status/1780123456789012345",
    );
  });

  it('"failed" (all retries exhausted): a retryable error fails only after the 3rd attempt', () => {
    // Status values: ... "failed" (all retries exhausted)
    let post = run(launchDraft({ destinations: [X] }), { type: "PUBLISH", now: NOW });
    const attempts: { start: string; fail: string; due: string }[] = [
      {
        start: "2026-04-20T14:00:01.000Z",
        fail: "2026-04-20T14:00:02.000Z",
        due: "2026-04-20T14:05:00.000Z",
      },
      {
        start: "2026-04-20T14:05:01.000Z",
        fail: "2026-04-20T14:05:02.000Z",
        due: "2026-04-20T14:10:00.000Z",
      },
    ];
    for (const [i, a] of attempts.entries()) {
      post = run(post, started("d-x", a.start, i + 1));
      const failure = accept(apply(post, failed("d-x", serverError, a.fail)));
      expect(failure.post.status).toBe("publishing");
      expect(dest(failure.post, "d-x")).toMatchObject({ status: "retrying", attempts: i + 1 });
      expect(kinds(withoutDeadlines(failure.outbox))).toEqual(["schedule_retry"]);
      post = run(failure.post, { type: "RETRY_DUE", destinationId: "d-x", now: a.due });
      expect(dest(post, "d-x").status).toBe("queued");
    }
    post = run(post, started("d-x", "2026-04-20T14:10:01.000Z", 3));
    const last = accept(apply(post, failed("d-x", serverError, "2026-04-20T14:10:02.000Z")));
    expect(last.post.status).toBe("failed");
    expect(dest(last.post, "d-x")).toMatchObject({
      status: "failed",
      attempts: 3,
      error: { code: "PLATFORM_SERVER_ERROR", failedAt: "2026-04-20T14:10:02.000Z" },
    });
    expect(kinds(withoutDeadlines(last.outbox))).toEqual([
      "webhook:destination.failed",
      "webhook:post.failed",
    ]);
  });

  it("failed — permanent failure; error describes why", () => {
    // "failed— permanent failure;errordescribes why."
    const post = run(
      launchDraft({ destinations: [X] }),
      { type: "PUBLISH", now: NOW },
      started("d-x", "2026-04-19T09:00:01.000Z"),
    );
    const decision = accept(apply(post, failed("d-x", invalidContent, "2026-04-19T09:00:02.000Z")));
    expect(decision.post.status).toBe("failed");
    expect(dest(decision.post, "d-x")).toMatchObject({
      status: "failed",
      attempts: 1,
      error: { code: "INVALID_CONTENT", platformError: "Status is a duplicate." },
    });
  });

  it("retrying the same idempotencyKey will not cause a new attempt", () => {
    // "failed— permanent failure; ... Retrying the same idempotencyKey will not cause a new attempt."
    const post = run(
      launchDraft({ destinations: [X] }),
      { type: "PUBLISH", now: NOW },
      started("d-x", "2026-04-19T09:00:01.000Z"),
      failed("d-x", invalidContent, "2026-04-19T09:00:02.000Z"),
    );
    const key = dest(post, "d-x").idempotencyKey;
    expect(key).toBe(`${POST_ID}:d-x:0:0`);
    const again = {
      type: "DELIVERY_STARTED",
      destinationId: "d-x",
      now: "2026-04-19T09:10:00.000Z",
      ...(key === undefined ? {} : { idempotencyKey: key }),
    } as const;
    const decision = apply(post, again);
    expect(decision).toMatchObject({ ok: true, ignored: "stale", outbox: [] });
    expect(decision.ok && decision.post).toBe(post);
    expect(can(post, again)).toBe(false);
    expect(
      can(post, { type: "RETRY_DUE", destinationId: "d-x", now: "2026-04-19T09:10:00.000Z" }),
    ).toBe(false);
  });

  it("idempotency keys are deterministic and the same across automatic retries", () => {
    // "Retrying the same idempotencyKey will not cause a new attempt." (design: keys are a pure
    // function of post, destination, revision and generation, the same across automatic retries)
    const queued = accept(apply(launchDraft({ destinations: [X] }), { type: "PUBLISH", now: NOW }));
    const retrying = accept(
      apply(
        run(queued.post, started("d-x", "2026-04-20T14:00:01.000Z")),
        failed("d-x", serverError, "2026-04-20T14:00:02.000Z"),
      ),
    );
    const requeued = accept(
      apply(retrying.post, {
        type: "RETRY_DUE",
        destinationId: "d-x",
        now: "2026-04-20T14:05:00.000Z",
      }),
    );
    const keys = [
      ...ofType(queued.outbox, "enqueue_delivery"),
      ...ofType(retrying.outbox, "schedule_retry"),
      ...ofType(requeued.outbox, "enqueue_delivery"),
    ].map((i) => [i.idempotencyKey, i.attempt]);
    expect(keys).toEqual([
      [`${POST_ID}:d-x:0:0`, 1],
      [`${POST_ID}:d-x:0:0`, 2],
      [`${POST_ID}:d-x:0:0`, 2],
    ]);
  });

  it("a failed destination is re-enqueued only by RETRY_FAILED, under a new key", () => {
    // "Retrying the same idempotencyKey will not cause a new attempt." — a new attempt needs a
    // new key: the manual RETRY_FAILED, which never sends a published destination again.
    const partial = postIn("partially_published");
    const oldKey = dest(partial, "d-threads").idempotencyKey;
    const decision = accept(
      apply(partial, { type: "RETRY_FAILED", now: "2026-04-19T10:00:00.000Z" }),
    );
    expect(withoutDeadlines(decision.outbox)).toEqual([
      {
        type: "enqueue_delivery",
        postId: POST_ID,
        destinationId: "d-threads",
        platform: "threads",
        accountId: "17841412345678",
        idempotencyKey: `${POST_ID}:d-threads:0:1`,
        attempt: 1,
      },
    ]);
    expect(dest(decision.post, "d-threads").idempotencyKey).not.toBe(oldKey);
    expect(dest(decision.post, "d-threads")).toMatchObject({ status: "queued", generation: 1 });
    expect(decision.post.status).toBe("publishing");
    expect(dest(decision.post, "d-x")).toBe(dest(partial, "d-x"));
  });

  it('"scheduled" — awaiting scheduledAt; comes back to queued at that time', () => {
    // "scheduled— awaiting scheduledAt. Comes back to queued at that time."
    const scheduled = accept(apply(launchDraft(), { type: "SCHEDULE", at: AT, now: NOW }));
    expect(scheduled.post.status).toBe("scheduled");
    expect(withoutDeadlines(scheduled.outbox)).toEqual([
      { type: "arm_schedule", postId: POST_ID, jobKey: `${POST_ID}:due:0`, revision: 0, at: AT },
      { type: "webhook", event: "post.scheduled", postId: POST_ID, revision: 0, at: AT },
    ]);

    const early = reject(
      apply(scheduled.post, { type: "DUE", now: "2026-04-20T13:59:59.000Z", revision: 0 }),
    );
    expect(early).toMatchObject({
      reason: "too_early",
      acceptedFrom: AT,
      status: "scheduled",
      eventType: "DUE",
    });

    const due = accept(apply(scheduled.post, { type: "DUE", now: AT, revision: 0 }));
    expect(due.post.status).toBe("queued");
    expect(due.post.destinations.map((d) => d.status)).toEqual(["queued", "queued", "queued"]);
    expect(kinds(withoutDeadlines(due.outbox))).toEqual([
      "enqueue_delivery",
      "enqueue_delivery",
      "enqueue_delivery",
    ]);
  });

  it('"draft" — change status to publish it', () => {
    // "draft— sitting in the drafts table. Change status to publish it."
    const edited = run(launchDraft(), {
      type: "EDIT",
      changes: { content: `${CONTENT} Live now.` },
    });
    const decision = accept(apply(edited, { type: "PUBLISH", now: NOW }));
    expect(decision.post.status).toBe("queued");
    expect(ofType(decision.outbox, "enqueue_delivery").map((i) => i.idempotencyKey)).toEqual([
      `${POST_ID}:d-x:1:0`,
      `${POST_ID}:d-li:1:0`,
      `${POST_ID}:d-threads:1:0`,
    ]);
  });

  it('"pending_approval" — waiting on a reviewer; decision posts back to the queue', () => {
    // "pending_approval— waiting on a reviewer. Decision posts back to the queue."
    const draft = launchDraft({ requiresApproval: true });
    expect(reject(apply(draft, { type: "PUBLISH", now: NOW })).reason).toBe("approval_required");

    const submitted = accept(apply(draft, { type: "SUBMIT_FOR_APPROVAL", now: NOW }));
    expect(submitted.post.status).toBe("pending_approval");
    expect(submitted.outbox).toEqual([]);

    const approved = accept(
      apply(submitted.post, { type: "APPROVE", now: "2026-04-19T11:00:00.000Z" }),
    );
    expect(approved.post.status).toBe("queued");
    expect(ofType(approved.outbox, "enqueue_delivery").map((i) => i.destinationId)).toEqual([
      "d-x",
      "d-li",
      "d-threads",
    ]);
  });

  it("webhooks post.published / post.failed are emitted when the post reaches that state", () => {
    // "Prefer webhooks (post.published / post.failed) for production — they deliver state
    // changes in real time without polling overhead."
    const queued = run(launchDraft(), { type: "PUBLISH", now: NOW });
    const a = accept(
      apply(queued, succeeded("d-x", "1780123456789012345", "2026-04-19T09:00:03.000Z")),
    );
    const b = accept(
      apply(a.post, succeeded("d-li", "urn:li:share:7654321", "2026-04-19T09:00:04.000Z")),
    );
    const c = accept(
      apply(b.post, succeeded("d-threads", "18054123456789012", "2026-04-19T09:00:05.000Z")),
    );
    // (Each success also cancels its queued delivery: no worker had started it.)
    expect([a, b, c].map((d) => kinds(ofType(d.outbox, "webhook")))).toEqual([
      ["webhook:destination.published"],
      ["webhook:destination.published"],
      ["webhook:destination.published", "webhook:post.published"],
    ]);
    expect(c.outbox.at(-1)).toEqual({
      type: "webhook",
      event: "post.published",
      postId: POST_ID,
      revision: 0,
    });

    const f1 = accept(apply(queued, failed("d-x", invalidContent, "2026-04-19T09:00:03.000Z")));
    const f2 = accept(apply(f1.post, failed("d-li", invalidContent, "2026-04-19T09:00:04.000Z")));
    const f3 = accept(
      apply(f2.post, failed("d-threads", invalidContent, "2026-04-19T09:00:05.000Z")),
    );
    expect([f1, f2, f3].map((d) => kinds(withoutDeadlines(d.outbox)))).toEqual([
      ["webhook:destination.failed"],
      ["webhook:destination.failed"],
      ["webhook:destination.failed", "webhook:post.failed"],
    ]);
    expect(f3.outbox.at(-1)).toEqual({
      type: "webhook",
      event: "post.failed",
      postId: POST_ID,
      revision: 0,
    });
  });
});

/** Seed 001's error-code table, column by column, as the seed prints it. */
const seedErrorTable = [
  {
    code: "PLATFORM_AUTH_EXPIRED",
    description: "Access token expired or revoked",
    retryable: "No",
    platformStatusCode: 401,
  },
  {
    code: "RATE_LIMITED",
    description: "Platform rate limit exceeded",
    retryable: "Yes",
    platformStatusCode: 429,
  },
  {
    code: "INVALID_CONTENT",
    description: "Content rejected by platform (e.g., too long, banned words)",
    retryable: "No",
    platformStatusCode: 400,
  },
  {
    code: "CONTENT_TOO_LARGE",
    description: "Media file exceeds platform limits",
    retryable: "No",
    platformStatusCode: 413,
  },
  {
    code: "PLATFORM_SERVER_ERROR",
    description: "Platform API returned 5xx error",
    retryable: "Yes",
    platformStatusCode: 502,
  },
  {
    code: "NETWORK_ERROR",
    description: "Could not reach platform API",
    retryable: "Yes",
    platformStatusCode: undefined,
  },
  {
    code: "TIMEOUT_ERROR",
    description: "Request timed out",
    retryable: "Yes",
    platformStatusCode: undefined,
  },
  {
    code: "UNKNOWN_ERROR",
    description: "Unclassified error",
    retryable: "Maybe",
    platformStatusCode: 500,
  },
] as const;

describe("seed 001 — get-post: post group, error object, error codes", () => {
  /** Threads' failure exactly as seed 001's "Failed Post Response" shows it (without failedAt). */
  const threadsAuthExpired: PublishError = {
    code: "PLATFORM_AUTH_EXPIRED",
    message: "Error validating access token",
    platformStatusCode: 401,
    platformError: "Invalid OAuth access token",
    retryable: false,
  };

  /** The Twitter/LinkedIn/Threads group with Twitter and LinkedIn published. */
  const twoPublished = () =>
    run(
      launchDraft(),
      { type: "PUBLISH", now: "2026-02-22T14:29:50.000Z" },
      started("d-x", "2026-02-22T14:29:51.000Z"),
      started("d-li", "2026-02-22T14:29:51.000Z"),
      started("d-threads", "2026-02-22T14:29:51.000Z"),
      succeeded("d-x", "1234567890123456789", "2026-02-22T14:29:53.000Z"),
      succeeded("d-li", "urn:li:share:7654321", "2026-02-22T14:29:54.000Z"),
    );

  it("partially_published: Twitter and LinkedIn succeed, Threads fails", () => {
    // "The post group itself can also have a status of partially_published, which occurs when some
    // platform posts in the group succeeded while others failed. For example, if a post group
    // targets Twitter, LinkedIn, and Threads, and the Threads post fails while the others
    // succeed, the group status will be partially_published."
    const decision = accept(
      apply(twoPublished(), failed("d-threads", threadsAuthExpired, "2026-02-22T14:30:00.000Z")),
    );
    expect(decision.post.status).toBe("partially_published");
    expect(statusOf(decision.post)).toBe("partially_published");
    expect(decision.post.destinations.map((d) => [d.platform, d.status])).toEqual([
      ["x", "published"],
      ["linkedin", "published"],
      ["threads", "failed"],
    ]);
    expect(decision.post.counts).toMatchObject({ published: 2, failed: 1 });
    expect(decision.outbox.at(-1)).toEqual({
      type: "webhook",
      event: "post.partially_published",
      postId: POST_ID,
      revision: 0,
    });
    expect(aggregateStatus(["failed", "published", "published"])).toBe("partially_published");
  });

  it("query individual posts within the group to determine which platforms succeeded or failed", () => {
    // "Query individual posts within the group to determine which platforms succeeded or failed."
    const post = run(
      twoPublished(),
      failed("d-threads", threadsAuthExpired, "2026-02-22T14:30:00.000Z"),
    );
    expect(failuresOf(post).map((d) => [d.platform, d.error?.code])).toEqual([
      ["threads", "PLATFORM_AUTH_EXPIRED"],
    ]);
  });

  it("the failed post's error object carries code, message, platformStatusCode, platformError, failedAt, retryable", () => {
    // "When status is failed, the error object contains: code, message, platformStatusCode,
    // platformError, failedAt (Timestamp when the failure occurred), retryable"
    const post = run(
      twoPublished(),
      failed("d-threads", threadsAuthExpired, "2026-02-22T14:30:00.000Z"),
    );
    expect(dest(post, "d-threads").error).toEqual({
      code: "PLATFORM_AUTH_EXPIRED",
      message: "Error validating access token",
      platformStatusCode: 401,
      platformError: "Invalid OAuth access token",
      failedAt: "2026-02-22T14:30:00.000Z",
      retryable: false,
    });
  });

  it("platformStatusCode may be absent rather than null; platformError may be null", () => {
    // "platformStatusCode | number/undefined | HTTP status code from the platform API (field may
    // be absent rather than explicitly null)" / "platformError | string/null"
    const post = run(
      launchDraft({ destinations: [THREADS] }),
      { type: "PUBLISH", now: "2026-02-22T14:29:50.000Z" },
      started("d-threads", "2026-02-22T14:29:51.000Z"),
    );
    const decision = accept(
      apply(
        post,
        failed(
          "d-threads",
          {
            code: "CONTENT_TOO_LARGE",
            message: "Video is 1.4 GB; Threads accepts up to 1 GB",
            platformError: null,
            retryable: false,
          },
          "2026-02-22T14:30:00.000Z",
        ),
      ),
    );
    const error = dest(decision.post, "d-threads").error;
    expect(error).not.toHaveProperty("platformStatusCode");
    expect(error?.platformError).toBeNull();
    expect(error?.failedAt).toBe("2026-02-22T14:30:00.000Z");
    expect(decision.post.status).toBe("failed");
  });

  it("the error field is absent for non-failed posts and present on the failed one", () => {
    // "the error field may be absent (undefined) for non-failed posts ... When a post has
    // failed, the error field contains an error object with details about the failure."
    const retried = run(
      launchDraft(),
      { type: "PUBLISH", now: "2026-02-22T14:29:50.000Z" },
      started("d-x", "2026-02-22T14:29:51.000Z"),
      failed(
        "d-x",
        {
          code: "RATE_LIMITED",
          message: "Rate limit exceeded",
          platformStatusCode: 429,
          platformError: "Too Many Requests",
          retryable: true,
        },
        "2026-02-22T14:29:52.000Z",
      ),
    );
    expect(dest(retried, "d-x").error?.code).toBe("RATE_LIMITED");
    const post = run(
      retried,
      { type: "RETRY_DUE", destinationId: "d-x", now: "2026-02-22T14:35:00.000Z" },
      started("d-x", "2026-02-22T14:35:01.000Z", 2),
      succeeded("d-x", "1234567890123456789", "2026-02-22T14:35:02.000Z"),
      succeeded("d-li", "urn:li:share:7654321", "2026-02-22T14:35:03.000Z"),
      failed("d-threads", threadsAuthExpired, "2026-02-22T14:35:04.000Z"),
    );
    expect(post.status).toBe("partially_published");
    expect(dest(post, "d-x")).not.toHaveProperty("error");
    expect(dest(post, "d-li")).not.toHaveProperty("error");
    expect(dest(post, "d-threads").error?.code).toBe("PLATFORM_AUTH_EXPIRED");
  });

  it("the error codes are the seed's eight, with its descriptions and retryable column", () => {
    // "Error Code | Description | Retryable" (eight rows)
    expect([...wireErrorCodes]).toEqual(seedErrorTable.map((row) => row.code));
    for (const row of seedErrorTable) {
      const entry = errorCodeTable[row.code];
      expect(entry.description, row.code).toBe(row.description);
      if (row.retryable !== "Maybe")
        expect(entry.retryable, row.code).toBe(row.retryable === "Yes");
    }
  });

  /** A Threads-only post with its first attempt in flight. */
  const threadsInFlight = () =>
    run(
      launchDraft({ destinations: [THREADS] }),
      { type: "PUBLISH", now: "2026-02-22T14:29:50.000Z" },
      started("d-threads", "2026-02-22T14:29:51.000Z"),
    );
  const FAILED_AT = "2026-02-22T14:30:00.000Z";
  const errorFor = (
    code: string,
    retryable: boolean,
    platformStatusCode?: number,
  ): PublishError => ({
    code,
    message: `${code} from Threads`,
    retryable,
    platformError: "Graph API error",
    ...(platformStatusCode === undefined ? {} : { platformStatusCode }),
  });

  /** A retryable failure on attempt 1 of 3: retrying, a retry scheduled for attempt 2. */
  const expectRetrying = (code: string, platformStatusCode?: number) => {
    const decision = accept(
      apply(
        threadsInFlight(),
        failed("d-threads", errorFor(code, true, platformStatusCode), FAILED_AT),
      ),
    );
    expect(decision.post.status).toBe("publishing");
    const d = dest(decision.post, "d-threads");
    expect(d).toMatchObject({
      status: "retrying",
      attempts: 1,
      error: { code, failedAt: FAILED_AT },
    });
    const [retry, ...rest] = withoutDeadlines(decision.outbox);
    expect(rest).toEqual([]);
    expect(retry).toMatchObject({
      type: "schedule_retry",
      postId: POST_ID,
      destinationId: "d-threads",
      idempotencyKey: `${POST_ID}:d-threads:0:0`,
      attempt: 2,
      at: d.nextRetryAt,
    });
    const wait = ms(d.nextRetryAt ?? "") - ms(FAILED_AT);
    expect(wait).toBeGreaterThanOrEqual(15_000);
    expect(wait).toBeLessThanOrEqual(30_000);
  };

  /** A non-retryable failure on attempt 1: failed at once, no retry. */
  const expectFailedAtOnce = (code: string, platformStatusCode?: number) => {
    const decision = accept(
      apply(
        threadsInFlight(),
        failed("d-threads", errorFor(code, false, platformStatusCode), FAILED_AT),
      ),
    );
    expect(decision.post.status).toBe("failed");
    expect(dest(decision.post, "d-threads")).toMatchObject({
      status: "failed",
      attempts: 1,
      error: { code, retryable: false, failedAt: FAILED_AT },
    });
    expect(dest(decision.post, "d-threads")).not.toHaveProperty("nextRetryAt");
    return decision;
  };

  for (const row of seedErrorTable) {
    if (row.retryable === "Yes") {
      it(`${row.code} — Retryable: Yes — retried while attempts remain`, () => {
        // The seed table row "<code> | <description> | Yes", e.g. "RATE_LIMITED | Platform rate limit exceeded | Yes"
        expectRetrying(row.code, row.platformStatusCode);
      });
    } else if (row.retryable === "No" && row.code !== "PLATFORM_AUTH_EXPIRED") {
      it(`${row.code} — Retryable: No — failed at once`, () => {
        // The seed table row "<code> | <description> | No", e.g. "INVALID_CONTENT | Content rejected by platform (e.g., too long, banned words) | No"
        const decision = expectFailedAtOnce(row.code, row.platformStatusCode);
        expect(kinds(withoutDeadlines(decision.outbox))).toEqual([
          "webhook:destination.failed",
          "webhook:post.failed",
        ]);
      });
    }
  }

  it("PLATFORM_AUTH_EXPIRED — Retryable: No — failed at once, and the account is to be reconnected", () => {
    // "PLATFORM_AUTH_EXPIRED | Access token expired or revoked | No"
    const decision = expectFailedAtOnce("PLATFORM_AUTH_EXPIRED", 401);
    expect(withoutDeadlines(decision.outbox)).toEqual([
      {
        type: "webhook",
        event: "destination.failed",
        postId: POST_ID,
        revision: 0,
        destinationId: "d-threads",
      },
      {
        type: "request_reconnect",
        postId: POST_ID,
        destinationId: "d-threads",
        platform: "threads",
        accountId: "17841412345678",
      },
      { type: "webhook", event: "post.failed", postId: POST_ID, revision: 0 },
    ]);
  });

  it("PLATFORM_AUTH_EXPIRED is never retried, even when marked retryable", () => {
    // "PLATFORM_AUTH_EXPIRED | Access token expired or revoked | No"
    const decision = accept(
      apply(
        threadsInFlight(),
        failed("d-threads", errorFor("PLATFORM_AUTH_EXPIRED", true, 401), FAILED_AT),
      ),
    );
    expect(dest(decision.post, "d-threads").status).toBe("failed");
    expect(kinds(decision.outbox)).toContain("request_reconnect");
  });

  it("UNKNOWN_ERROR — Retryable: Maybe — retried when the error says retryable", () => {
    // "UNKNOWN_ERROR | Unclassified error | Maybe" / "retryable | boolean | Whether the error
    // might succeed on retry"
    expectRetrying("UNKNOWN_ERROR", 500);
  });

  it("UNKNOWN_ERROR — Retryable: Maybe — failed at once when the error says not retryable", () => {
    // "UNKNOWN_ERROR | Unclassified error | Maybe"
    const decision = expectFailedAtOnce("UNKNOWN_ERROR", 500);
    expect(kinds(withoutDeadlines(decision.outbox))).toEqual([
      "webhook:destination.failed",
      "webhook:post.failed",
    ]);
  });

  it("a retryable error on the last allowed attempt fails the destination", () => {
    // "retryable | boolean | Whether the error might succeed on retry" — might, within the
    // attempt budget: seed 000's "failed" (all retries exhausted)
    const post = run(
      launchDraft({ destinations: [THREADS], retry: { maxAttempts: 1 } }),
      { type: "PUBLISH", now: "2026-02-22T14:29:50.000Z" },
      started("d-threads", "2026-02-22T14:29:51.000Z"),
    );
    const decision = accept(
      apply(post, failed("d-threads", errorFor("TIMEOUT_ERROR", true), FAILED_AT)),
    );
    expect(dest(decision.post, "d-threads").status).toBe("failed");
    expect(kinds(withoutDeadlines(decision.outbox))).toEqual([
      "webhook:destination.failed",
      "webhook:post.failed",
    ]);
  });

  it("unknown error codes are kept and handled gracefully: not retryable → failed", () => {
    // "The error codes listed above are not exhaustive. The schema does not validate error codes,
    // so additional codes beyond these eight may appear in the response. Always handle unknown
    // codes gracefully."
    const decision = accept(
      apply(
        threadsInFlight(),
        failed("d-threads", errorFor("MEDIA_PROCESSING_FAILED", false, 400), FAILED_AT),
      ),
    );
    expect(decision.post.status).toBe("failed");
    expect(dest(decision.post, "d-threads").error).toEqual({
      code: "MEDIA_PROCESSING_FAILED",
      message: "MEDIA_PROCESSING_FAILED from Threads",
      platformStatusCode: 400,
      platformError: "Graph API error",
      retryable: false,
      failedAt: FAILED_AT,
    });
  });

  it("unknown error codes are kept and handled gracefully: retryable → retried", () => {
    // "additional codes beyond these eight may appear in the response. Always handle unknown
    // codes gracefully."
    expectRetrying("PLATFORM_MAINTENANCE", 503);
  });

  it("postedId is absent for draft and scheduled posts; only published posts include it", () => {
    // "For draft and scheduled posts, the postedId field will be absent from the response since
    // the post has not yet been published to the platform. Only published posts include a postedId."
    for (const status of ["draft", "scheduled", "queued"] as const) {
      for (const d of postIn(status).destinations) {
        expect(d, `${status} ${d.id}`).not.toHaveProperty("platformPostId");
      }
    }
    const group = run(
      twoPublished(),
      failed("d-threads", threadsAuthExpired, "2026-02-22T14:30:00.000Z"),
    );
    expect(group.destinations.map((d) => [d.id, d.platformPostId])).toEqual([
      ["d-x", "1234567890123456789"],
      ["d-li", "urn:li:share:7654321"],
      ["d-threads", undefined],
    ]);
    expect(dest(group, "d-threads")).not.toHaveProperty("platformPostId");
  });
});

describe("seed 002 — update_post / delete_post", () => {
  const scheduledAt = "2026-04-20T10:00:00.000Z";
  const scheduledPost = () => run(launchDraft(), { type: "SCHEDULE", at: scheduledAt, now: NOW });

  it.each(["draft", "scheduled"] as const)(
    "drafts and scheduled posts are mutable: %s",
    (status) => {
      // "Edit a post that hasn't been published yet. Drafts and scheduled posts are mutable"
      const post = status === "draft" ? launchDraft() : scheduledPost();
      expect(editableFields(post)).toEqual(
        expect.arrayContaining(["content", "media", "scheduledAt"]),
      );
      const decision = accept(
        apply(post, {
          type: "EDIT",
          changes: { content: "Excited to share our new product launch! 🚀 Pricing inside." },
          now: NOW,
        }),
      );
      expect(decision.post.status).toBe(status);
      expect(decision.post.revision).toBe(post.revision + 1);
      expect(decision.post.content).toBe(
        "Excited to share our new product launch! 🚀 Pricing inside.",
      );
    },
  );

  const frozenStatuses = ["queued", "publishing", "published", "failed"] as const;
  const edits = [
    { field: "content", changes: { content: "Fixed typo" } },
    {
      field: "media",
      changes: { media: [{ kind: "image", url: "https://cdn.example.com/launch-v2.jpg" }] },
    },
    { field: "scheduledAt", changes: { scheduledAt: "2026-04-21T14:00:00.000Z" } },
  ] as const;

  it.each(frozenStatuses)(
    "cannot update a post that's already %s: every edit is rejected",
    (status) => {
      // "Cannot update a post that's already in queued, publishing, published, or failed. Those
      // are terminal from a mutation standpoint." / "anything already queued for delivery or
      // published is not [mutable]"
      const post = postIn(status);
      expect(editableFields(post)).toEqual([]);
      for (const { field, changes } of edits) {
        expect(
          reject(apply(post, { type: "EDIT", changes, now: "2026-04-19T12:00:00.000Z" })),
          field,
        ).toMatchObject({ reason: "not_allowed_in_status", status, eventType: "EDIT" });
      }
      for (const event of [
        { type: "SCHEDULE", at: "2026-04-21T14:00:00.000Z", now: "2026-04-19T12:00:00.000Z" },
        { type: "UNSCHEDULE" },
      ] as const) {
        expect(reject(apply(post, event)), event.type).toMatchObject({
          reason: "not_allowed_in_status",
          status,
          eventType: event.type,
        });
      }
    },
  );

  it("content — full replacement of the body", () => {
    // "content— full replacement of the body"
    const draft = launchDraft({ content: `${CONTENT}\n\nRead more: https://acme.example/launch` });
    const post = run(draft, { type: "EDIT", changes: { content: "Launch moved to Tuesday." } });
    expect(post.content).toBe("Launch moved to Tuesday.");
  });

  it("media — reattach media items", () => {
    // "media— reattach media items"
    const draft = launchDraft({
      media: [{ kind: "image", url: "https://cdn.example.com/teaser.jpg", sizeBytes: 420_000 }],
    });
    const post = run(draft, {
      type: "EDIT",
      changes: {
        media: [
          { kind: "video", url: "https://cdn.example.com/launch.mp4", durationMs: 42_000 },
          { kind: "image", url: "https://cdn.example.com/launch.jpg", altText: "The new product" },
        ],
      },
    });
    expect(post.media.map((m) => m.url)).toEqual([
      "https://cdn.example.com/launch.mp4",
      "https://cdn.example.com/launch.jpg",
    ]);
  });

  it("scheduledAt — move in or out of the future (a draft)", () => {
    // "scheduledAt— move in or out of the future"
    const planned = accept(
      apply(launchDraft(), { type: "EDIT", changes: { scheduledAt: AT }, now: NOW }),
    );
    expect(planned.post).toMatchObject({ status: "draft", scheduledAt: AT });
    expect(planned.outbox).toEqual([]);
    const unplanned = accept(apply(planned.post, { type: "EDIT", changes: { scheduledAt: null } }));
    expect(unplanned.post).toMatchObject({ status: "draft", scheduledAt: null });
  });

  it("reschedule a scheduled post to a new time", () => {
    // "Reschedule a scheduled post to a new time" — { "scheduledAt": "2026-04-20T14:00:00Z" }
    const post = scheduledPost();
    const decision = accept(
      apply(post, { type: "EDIT", changes: { scheduledAt: AT }, now: "2026-04-19T12:00:00.000Z" }),
    );
    expect(decision.post).toMatchObject({ status: "scheduled", scheduledAt: AT, revision: 1 });
    expect(withoutDeadlines(decision.outbox)).toEqual([
      { type: "disarm_schedule", postId: POST_ID, jobKey: `${POST_ID}:due:0` },
      { type: "arm_schedule", postId: POST_ID, jobKey: `${POST_ID}:due:1`, revision: 1, at: AT },
      // Subscribers hear of the new time.
      { type: "webhook", event: "post.scheduled", postId: POST_ID, revision: 1, at: AT },
    ]);
  });

  const fixedFields = [
    { field: "platform", input: { ...X, platform: "bluesky" } },
    { field: "accountId", input: { ...X, accountId: "987654321" } },
    { field: "postType", input: { ...X, postType: "thread" } },
  ] as const;

  it.each(
    (["draft", "scheduled"] as const).flatMap((status) =>
      fixedFields.map(({ field, input }) => ({ status, field, input })),
    ),
  )("$field is NOT editable ($status)", ({ status, field, input }) => {
    // "Platform, accountId, and postType are NOT editable. To change those, delete and recreate."
    const post = status === "draft" ? launchDraft() : scheduledPost();
    const rejection = reject(
      apply(post, {
        type: "EDIT",
        changes: { destinations: [input, LINKEDIN, THREADS] },
        now: "2026-04-19T12:00:00.000Z",
      }),
    );
    expect(rejection).toMatchObject({
      reason: "field_not_editable",
      status,
      eventType: "EDIT",
      path: `changes.destinations[0].${field}`,
      destinationId: "d-x",
    });
  });

  it("to change platform, accountId or postType, remove the destination and add another", () => {
    // "Platform, accountId, and postType are NOT editable. To change those, delete and recreate."
    const decision = accept(
      apply(scheduledPost(), {
        type: "EDIT",
        changes: {
          destinations: [
            LINKEDIN,
            THREADS,
            { id: "d-x-brand", platform: "x", accountId: "987654321", postType: "thread" },
          ],
        },
        now: "2026-04-19T12:00:00.000Z",
      }),
    );
    expect(
      decision.post.destinations.map((d) => [d.id, d.platform, d.accountId, d.postType, d.status]),
    ).toEqual([
      ["d-li", "linkedin", "urn:li:person:ABC123", "post", "scheduled"],
      ["d-threads", "threads", "17841412345678", "post", "scheduled"],
      ["d-x-brand", "x", "987654321", "thread", "scheduled"],
    ]);
    expect(kinds(decision.outbox)).toEqual(["disarm_schedule", "arm_schedule"]);
  });

  it("status transition draft → scheduled (promote a draft to a scheduled post)", () => {
    // "status— transitions: draft → scheduled" / "Promote a draft to a scheduled post"
    const decision = accept(apply(launchDraft(), { type: "SCHEDULE", at: AT, now: NOW }));
    expect(decision.post.status).toBe("scheduled");
    expect(decision.post.destinations.map((d) => d.status)).toEqual([
      "scheduled",
      "scheduled",
      "scheduled",
    ]);
    expect(withoutDeadlines(decision.outbox)).toEqual([
      { type: "arm_schedule", postId: POST_ID, jobKey: `${POST_ID}:due:0`, revision: 0, at: AT },
      { type: "webhook", event: "post.scheduled", postId: POST_ID, revision: 0, at: AT },
    ]);
  });

  it("status transition draft → publish (enqueues it for delivery)", () => {
    // "status— transitions: ... draft → publish" / ""publish": publishes a draft post (enqueues
    // it for delivery)."
    const decision = accept(apply(launchDraft(), { type: "PUBLISH", now: NOW }));
    expect(decision.post.status).toBe("queued");
    expect(kinds(withoutDeadlines(decision.outbox))).toEqual([
      "enqueue_delivery",
      "enqueue_delivery",
      "enqueue_delivery",
    ]);
  });

  it("status transition scheduled → publish (convert a scheduled post into an immediate publish)", () => {
    // "status— transitions: ... scheduled → publish" / "Convert a scheduled post into an
    // immediate publish"
    const decision = accept(apply(scheduledPost(), { type: "PUBLISH", now: NOW }));
    expect(decision.post.status).toBe("queued");
    expect(decision.outbox[0]).toEqual({
      type: "disarm_schedule",
      postId: POST_ID,
      jobKey: `${POST_ID}:due:0`,
    });
    expect(ofType(decision.outbox, "enqueue_delivery").map((i) => i.idempotencyKey)).toEqual([
      `${POST_ID}:d-x:0:0`,
      `${POST_ID}:d-li:0:0`,
      `${POST_ID}:d-threads:0:0`,
    ]);
    expect(withoutDeadlines(decision.outbox)).toHaveLength(4);
  });

  it("status transition scheduled → draft", () => {
    // "status— transitions: ... scheduled → draft"
    const decision = accept(apply(scheduledPost(), { type: "UNSCHEDULE" }));
    expect(decision.post.status).toBe("draft");
    expect(decision.post.destinations.map((d) => d.status)).toEqual(["draft", "draft", "draft"]);
    expect(decision.outbox).toEqual([
      { type: "disarm_schedule", postId: POST_ID, jobKey: `${POST_ID}:due:0` },
    ]);
    // The disarmed job, should it still fire, queues nothing.
    expect(apply(decision.post, { type: "DUE", now: scheduledAt, revision: 0 })).toMatchObject({
      ok: true,
      ignored: "stale",
      outbox: [],
    });
  });

  it("editing a scheduled post cancels the outstanding job and re-enqueues", () => {
    // "Editing a scheduled post cancels the outstanding job and re-enqueues." / "Fix a typo in a
    // scheduled post before its fire time"
    const post = scheduledPost();
    const decision = accept(
      apply(post, {
        type: "EDIT",
        changes: { content: "Excited to share our new product launch! 🚀 (typo fixed)" },
      }),
    );
    expect(decision.post).toMatchObject({ status: "scheduled", revision: 1 });
    expect(decision.outbox).toEqual([
      { type: "disarm_schedule", postId: POST_ID, jobKey: `${POST_ID}:due:0` },
      {
        type: "arm_schedule",
        postId: POST_ID,
        jobKey: `${POST_ID}:due:1`,
        revision: 1,
        at: scheduledAt,
      },
    ]);
    // The job armed before the edit, should it still fire, publishes nothing.
    const oldJob = apply(decision.post, { type: "DUE", now: scheduledAt, revision: 0 });
    expect(oldJob).toMatchObject({ ok: true, ignored: "stale", outbox: [] });
    const newJob = accept(apply(decision.post, { type: "DUE", now: scheduledAt, revision: 1 }));
    expect(newJob.post.status).toBe("queued");
  });

  it("idempotency is recomputed when a scheduled post is edited", () => {
    // "Idempotency is recomputed; if you want to guarantee no double-publish, also pass a new
    // idempotencyKey."
    const post = scheduledPost();
    const keysOf = (p: typeof post) =>
      ofType(accept(apply(p, { type: "DUE", now: scheduledAt })).outbox, "enqueue_delivery").map(
        (i) => i.idempotencyKey,
      );
    const before = keysOf(post);
    const after = keysOf(
      run(post, { type: "EDIT", changes: { content: "Excited to share our launch! 🚀" } }),
    );
    expect(before).toHaveLength(3);
    expect(after).toHaveLength(3);
    for (const [i, key] of after.entries()) expect(key).not.toBe(before[i]);
    expect(after).toEqual([
      `${POST_ID}:d-x:1:0`,
      `${POST_ID}:d-li:1:0`,
      `${POST_ID}:d-threads:1:0`,
    ]);
  });

  it("updating content on a draft does NOT re-validate against platform rules", () => {
    // "Updating content does NOT re-validate against platform rules until the new status is
    // publish or scheduled. A draft can contain content the platform would reject"
    const decision = accept(apply(launchDraft(), { type: "EDIT", changes: { content: "" } }));
    expect(decision.post).toMatchObject({ status: "draft", content: "" });
    expect(decision.outbox).toEqual([]);
  });

  it("content is validated when the new status is publish or scheduled", () => {
    // "Updating content does NOT re-validate against platform rules until the new status is
    // publish or scheduled."
    const draft = run(launchDraft(), { type: "EDIT", changes: { content: "" } });
    const expected = [
      { destinationId: "d-x", platform: "x" },
      { destinationId: "d-li", platform: "linkedin" },
      { destinationId: "d-threads", platform: "threads" },
    ].map((v) => ({ ...v, rule: "text_or_media_required", code: "INVALID_CONTENT" }));
    for (const event of [
      { type: "SCHEDULE", at: AT, now: NOW },
      { type: "PUBLISH", now: NOW },
    ] as const) {
      const rejection = reject(apply(draft, event));
      expect(rejection, event.type).toMatchObject({
        reason: "content_invalid",
        status: "draft",
        eventType: event.type,
      });
      expect(violationsOf(rejection)).toEqual(expected.map((v) => expect.objectContaining(v)));
    }
  });

  it("a scheduled post's content edit is validated (its status stays scheduled)", () => {
    // "Updating content does NOT re-validate against platform rules until the new status is
    // publish or scheduled."
    const rejection = reject(
      apply(scheduledPost(), {
        type: "EDIT",
        changes: { destinations: [X, LINKEDIN, { ...THREADS, content: "   " }] },
      }),
    );
    expect(rejection).toMatchObject({ reason: "content_invalid", status: "scheduled" });
    expect(violationsOf(rejection)?.map((v) => [v.destinationId, v.rule])).toEqual([
      ["d-threads", "text_or_media_required"],
    ]);
  });

  it.each([
    "pending_approval",
    "queued",
    "publishing",
    "published",
    "partially_published",
    "failed",
    "cancelled",
    "deleted",
  ] as const)('"publish" only works on drafts (and scheduled posts): %s rejects it', (status) => {
    // ""publish": publishes a draft post (enqueues it for delivery). Only works on posts with
    // status "draft"." (and "scheduled → publish")
    const post = postIn(status);
    const event = { type: "PUBLISH", now: "2026-04-19T12:00:00.000Z" } as const;
    expect(reject(apply(post, event))).toMatchObject({
      reason: "not_allowed_in_status",
      status,
      eventType: "PUBLISH",
    });
    expect(can(post, event)).toBe(false);
  });

  it('"cancelled" cancels a scheduled post', () => {
    // ""cancelled": cancels a scheduled or pending post."
    const decision = accept(apply(scheduledPost(), { type: "CANCEL" }));
    expect(decision.post.status).toBe("cancelled");
    expect(decision.post.destinations.map((d) => d.status)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(decision.outbox).toEqual([
      { type: "disarm_schedule", postId: POST_ID, jobKey: `${POST_ID}:due:0` },
      { type: "webhook", event: "post.cancelled", postId: POST_ID, revision: 0 },
    ]);
  });

  it('"cancelled" cancels a pending (queued) post', () => {
    // ""cancelled": cancels a scheduled or pending post."
    const queued = accept(apply(launchDraft(), { type: "PUBLISH", now: NOW }));
    const decision = accept(apply(queued.post, { type: "CANCEL" }));
    expect(decision.post.status).toBe("cancelled");
    expect(withoutDeadlines(decision.outbox)).toEqual([
      ...ofType(queued.outbox, "enqueue_delivery").map((i) => ({
        type: "cancel_delivery",
        postId: POST_ID,
        destinationId: i.destinationId,
        idempotencyKey: i.idempotencyKey,
      })),
      { type: "webhook", event: "post.cancelled", postId: POST_ID, revision: 0 },
    ]);
    expect(ofType(decision.outbox, "cancel_delivery")).toHaveLength(3);
  });

  it('"cancelled" is for scheduled or pending posts: a draft is not cancelled', () => {
    // "cancelled = cancel a scheduled or pending post."
    expect(reject(apply(launchDraft(), { type: "CANCEL" }))).toMatchObject({
      reason: "not_allowed_in_status",
      status: "draft",
      eventType: "CANCEL",
    });
  });

  it.each(["published", "partially_published"] as const)(
    "cannot cancel already published posts: %s",
    (status) => {
      // ""cancelled": cancels a scheduled or pending post. Cannot cancel already published posts."
      expect(reject(apply(postIn(status), { type: "CANCEL" }))).toMatchObject({
        reason: "not_allowed_in_status",
        status,
        eventType: "CANCEL",
      });
    },
  );

  it("cancel during delivery never touches a destination already published", () => {
    // "Cannot cancel already published posts."
    const post = run(
      launchDraft(),
      { type: "PUBLISH", now: NOW },
      succeeded("d-x", "1780123456789012345", "2026-04-19T09:00:03.000Z"),
    );
    const decision = accept(apply(post, { type: "CANCEL" }));
    expect(dest(decision.post, "d-x")).toMatchObject({
      status: "published",
      platformPostId: "1780123456789012345",
    });
    expect(ofType(decision.outbox, "cancel_delivery").map((i) => i.destinationId)).toEqual([
      "d-li",
      "d-threads",
    ]);
    expect(decision.post.status).toBe("partially_published");
  });

  it("delete cancels and removes a scheduled post", () => {
    // "Delete Post: Cancel and remove a scheduled or pending post."
    const decision = accept(apply(scheduledPost(), { type: "DELETE" }));
    expect(decision.post.status).toBe("deleted");
    expect(decision.post.destinations.map((d) => d.status)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(decision.outbox).toEqual([
      { type: "disarm_schedule", postId: POST_ID, jobKey: `${POST_ID}:due:0` },
    ]);
  });

  it('delete cancels and removes a pending post — same as update_post with status "cancelled"', () => {
    // "Cancel and remove a scheduled or pending post. ... Same as update_post with status
    // "cancelled"."
    const queued = postIn("queued");
    const deleted = accept(apply(queued, { type: "DELETE" }));
    const cancelled = accept(apply(queued, { type: "CANCEL" }));
    expect(deleted.post.status).toBe("deleted");
    expect(ofType(deleted.outbox, "cancel_delivery")).toHaveLength(3);
    expect(ofType(deleted.outbox, "cancel_delivery")).toEqual(
      ofType(cancelled.outbox, "cancel_delivery"),
    );
    expect(deleted.post.destinations).toEqual(cancelled.post.destinations);
  });

  it.each(["published", "partially_published"] as const)(
    "cannot delete already published posts: %s",
    (status) => {
      // "Cannot delete already published posts."
      expect(reject(apply(postIn(status), { type: "DELETE" }))).toMatchObject({
        reason: "not_allowed_in_status",
        status,
        eventType: "DELETE",
      });
    },
  );

  it("cannot delete a post once one of its destinations is published", () => {
    // "Cannot delete already published posts."
    const post = run(
      launchDraft(),
      { type: "PUBLISH", now: NOW },
      succeeded("d-x", "1780123456789012345", "2026-04-19T09:00:03.000Z"),
    );
    expect(post.status).toBe("publishing");
    expect(reject(apply(post, { type: "DELETE" }))).toMatchObject({
      reason: "delivery_under_way",
      status: "publishing",
      eventType: "DELETE",
      destinationId: "d-x",
    });
  });
});

describe("seed 003 — /posts/:id/results: attempts is the number of publish attempts made", () => {
  it("a manual retry starts the policy's budget again, and the attempts made stay counted", () => {
    const events = (n: number, at: string): PostEvent[] => [
      started("d-x", at, n),
      failed("d-x", { ...serverError, retryable: false }, at),
    ];
    const draft = launchDraft({ destinations: [X] });
    const first = run(draft, { type: "PUBLISH", now: NOW }, ...events(1, NOW));
    expect(dest(first, "d-x")).toMatchObject({ status: "failed", attempts: 1 });
    expect(attemptsMade(dest(first, "d-x"))).toBe(1);
    const retried = run(first, { type: "RETRY_FAILED", now: NOW }, started("d-x", NOW, 1));
    expect(dest(retried, "d-x")).toMatchObject({ attempts: 1, attemptsBefore: 1, generation: 1 });
    expect(attemptsMade(dest(retried, "d-x"))).toBe(2);
    const again = run(
      retried,
      failed("d-x", { ...serverError, retryable: false }, NOW),
      { type: "RETRY_FAILED", now: NOW },
      started("d-x", NOW, 1),
    );
    expect(attemptsMade(dest(again, "d-x"))).toBe(3);
    expect(dest(again, "d-x").attempts).toBe(1);
  });
});
