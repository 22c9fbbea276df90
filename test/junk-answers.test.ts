/**
 * What the public functions answer for a value they cannot read (issue
 * "Every input judged"): the decisions refuse with a typed reason naming the
 * field, the queries give the empty answer, the measures fall back as their
 * doc comments say. test/totality.test.ts proves none throws; this file
 * pins what each answers.
 */
import { describe, expect, it } from "vitest";
import {
  aggregateStatus,
  apply,
  attemptsAllowed,
  countByStatus,
  createPost,
  deadlineJobKey,
  defaultRetryPolicy,
  editableFields,
  errorCodeRow,
  failureOutcome,
  failuresOf,
  idempotencyKey,
  jitterOf,
  type Post,
  publishErrorOf,
  RateLimited,
  retryDelay,
  statusOf,
  stepDestination,
  toPublishFailure,
  wireCode,
} from "../src/index.js";
import { checkPost } from "../src/rules/post-shape.js";
import { draftOf } from "./support/draft.js";

const junk = (value: unknown) => value as never;
const nullProto = Object.create(null);

describe("the decisions refuse what they cannot read, naming it", () => {
  it('apply: a stored row whose status is { toString: 1 } is invalid_post at "status"', () => {
    const post = draftOf({ id: "p", content: "hi", destinations: [] });
    const decision = apply({ ...post, status: junk({ toString: 1 }) }, { type: "DELETE" });
    expect(decision.ok || decision.rejection).toMatchObject({
      reason: "invalid_post",
      path: "status",
      status: "unknown",
    });
  });

  it("stepDestination: a context that is not one is invalid_post, an event that is not one malformed_event", () => {
    expect(stepDestination(junk(null), { type: "CANCEL" })).toMatchObject({
      kind: "rejected",
      reason: "invalid_post",
    });
    const context = {
      postId: "p",
      revision: 0,
      retry: defaultRetryPolicy,
      destination: {
        id: "d",
        platform: "x",
        accountId: "a",
        postType: "post",
        status: "draft",
        attempts: 0,
        generation: 0,
      },
    } as const;
    expect(stepDestination(context, junk({ type: "ENQUEUE" }))).toMatchObject({
      kind: "rejected",
      reason: "malformed_event",
      message: "idempotencyKey is required",
    });
    expect(stepDestination(context, junk({ type: "LAUNCH" })).kind).toBe("rejected");
  });
});

describe("the queries answer the empty answer", () => {
  it.each([null, undefined, 42, "post", {}, { destinations: "x" }])("%j", (value) => {
    expect(editableFields(junk(value))).toEqual([]);
    expect(failuresOf(junk(value))).toEqual([]);
    expect(statusOf(junk(value))).toBe("unknown");
  });

  it("statusOf still reads a row whose stored status is wrong, from its destinations", () => {
    const post: Post = draftOf({
      id: "p",
      content: "hi",
      destinations: [{ id: "d", platform: "x", accountId: "a" }],
    });
    expect(statusOf({ ...post, status: "published" })).toBe("draft");
  });

  it("aggregateStatus and countByStatus count only destination statuses, in lists only", () => {
    expect(aggregateStatus(junk(null))).toBe("draft");
    expect(aggregateStatus(junk("published"))).toBe("draft");
    expect(aggregateStatus(junk(["published", 7, { status: "failed" }]))).toBe("published");
    expect(countByStatus(junk([null, { status: "failed" }, { status: "gone" }])).failed).toBe(1);
    expect(countByStatus(junk(undefined)).failed).toBe(0);
  });
});

describe("keys, codes and the retry policy never throw", () => {
  it("keys of values that are not text are still keys, and a lone surrogate is encodable", () => {
    expect(idempotencyKey(junk(nullProto), "d", 0, 0)).toBe("%5Bobject%20Object%5D:d:0:0");
    expect(idempotencyKey("\ud800", "d", 0, 0)).toBe("%EF%BF%BD:d:0:0");
    expect(deadlineJobKey(junk({ toString: 1 }), "start", 1, 1)).toBe("[object Object]:start:1:1");
    expect(jitterOf(junk(nullProto), junk(nullProto))).toBeGreaterThanOrEqual(0);
  });

  it("codes that are not text have no row", () => {
    expect(errorCodeRow(junk(nullProto))).toBeUndefined();
    expect(wireCode(junk({ toString: 1 }))).toBe("UNKNOWN_ERROR");
  });

  it("a value that is not a PublishError is an UNKNOWN_ERROR that says so, and is never retried", () => {
    expect(publishErrorOf(junk(null))).toMatchObject({ code: "UNKNOWN_ERROR", retryable: false });
    expect(publishErrorOf(junk({ code: 1 })).message).toContain("error.code");
    expect(toPublishFailure(junk(undefined))._tag).toBe("UnknownError");
    expect(failureOutcome(defaultRetryPolicy, 1, junk({ code: "TIMEOUT_ERROR" }))).toBe("failed");
    expect(
      failureOutcome(defaultRetryPolicy, junk("1"), {
        code: "TIMEOUT_ERROR",
        message: "",
        retryable: true,
      }),
    ).toBe("failed");
  });

  it("a failure class made from nothing is still a failure of its code", () => {
    const made = new RateLimited(junk(undefined));
    expect(made).toMatchObject({
      _tag: "RateLimited",
      code: "RATE_LIMITED",
      message: "",
      retryable: true,
    });
  });

  it("a policy field that is not a usable number counts as the default's", () => {
    expect(attemptsAllowed(junk(null), "TIMEOUT_ERROR")).toBe(defaultRetryPolicy.maxAttempts);
    expect(attemptsAllowed(junk({ maxAttempts: "5" }), "TIMEOUT_ERROR")).toBe(3);
    const delay = retryDelay(junk({ baseDelayMs: -1 }), junk({ attempt: nullProto, key: 3 }));
    expect(delay).toBeGreaterThanOrEqual(defaultRetryPolicy.baseDelayMs / 2);
    expect(delay).toBeLessThanOrEqual(defaultRetryPolicy.baseDelayMs);
  });
});

describe("what postlife takes, it takes back (review of the judged inputs)", () => {
  const x = { id: "d", platform: "x", accountId: "a" } as const;
  const now = "2026-04-20T14:00:00Z";

  it.each([
    "https:/a.com/x.png",
    "https:a.com/x.png",
    " https://a.com/x.png",
    "https://a.com/x .png",
    "https:\\\\a.com",
  ])(
    "a media URL the WHATWG parser forgives but no link should be, %j, is refused at once",
    (url) => {
      const created = createPost({
        id: "p",
        content: "hi",
        media: [{ kind: "image", url }],
        destinations: [x],
      });
      expect(created.ok || created.rejection).toMatchObject({
        reason: "invalid_input",
        path: "media[0].url",
      });
    },
  );

  it("a success with a link apply takes leaves a post apply takes", () => {
    const queued = apply(draftOf({ id: "p", content: "hi", destinations: [x] }), {
      type: "PUBLISH",
      now,
    });
    if (!queued.ok) throw new Error(queued.rejection.message);
    for (const platformUrl of ["https:x.com/a/status/1", "https://x.com/a/status/1"]) {
      const done = apply(queued.post, {
        type: "DELIVERY_SUCCEEDED",
        destinationId: "d",
        platformPostId: "1",
        platformUrl,
        now,
      });
      if (done.ok) expect(checkPost(done.post), platformUrl).toBeUndefined();
    }
  });

  it.each(["9999-12-31T23:30:00-01:00", "0000-01-01T00:30:00+01:00"])(
    "a time an offset carries outside the years 0000 to 9999 in UTC is refused: %s",
    (at) => {
      const created = createPost({ id: "p", content: "hi", scheduledAt: at, destinations: [x] });
      expect(created.ok || created.rejection).toMatchObject({
        reason: "invalid_input",
        path: "scheduledAt",
      });
    },
  );

  it("an id too long for the keys made of it is refused; every key postlife derives fits", () => {
    const long = createPost({ id: "p".repeat(1_001), content: "hi", destinations: [x] });
    expect(long.ok || long.rejection).toMatchObject({ reason: "invalid_input", path: "id" });
    const widest = draftOf({
      id: "é".repeat(1_000),
      content: "hi",
      destinations: [{ ...x, id: "ü".repeat(1_000) }],
      idempotencyKey: "ß".repeat(1_000),
    });
    const queued = apply(widest, { type: "PUBLISH", now });
    if (!queued.ok) throw new Error(queued.rejection.message);
    expect(apply(queued.post, { type: "DELETE" }).ok).toBe(true);
    const deadline = queued.outbox.find((i) => i.type === "arm_deadline");
    if (deadline?.type !== "arm_deadline") throw new Error("no deadline armed");
    const passed = apply(queued.post, {
      type: "DEADLINE_PASSED",
      destinationId: "ü".repeat(1_000),
      jobKey: deadline.jobKey,
      now: deadline.at,
    });
    expect(passed.ok).toBe(true);
  });

  it("a message postlife writes around a caller's text stays within the ceiling", () => {
    const queued = apply(draftOf({ id: "p", content: "hi", destinations: [x] }), {
      type: "PUBLISH",
      now,
    });
    if (!queued.ok) throw new Error(queued.rejection.message);
    const failed = apply(queued.post, {
      type: "DELIVERY_FAILED",
      destinationId: "d",
      error: {
        code: "RATE_LIMITED",
        message: "m".repeat(250_000),
        retryable: true,
        retryAfterMs: 1e12,
      },
      now,
    });
    if (!failed.ok) throw new Error(failed.rejection.message);
    expect(failed.post.destinations[0]?.error?.code).toBe("WAIT_TOO_LONG");
    expect(apply(failed.post, { type: "DELETE" }).ok).toBe(true);
  });

  it("a key of an earlier generation with another caller key proves nothing", () => {
    const post = draftOf({ id: "p", content: "hi", destinations: [x], idempotencyKey: "mine" });
    const failure = { code: "INVALID_CONTENT", message: "no", retryable: false };
    const failed = [
      { type: "PUBLISH", now },
      { type: "DELIVERY_FAILED", destinationId: "d", error: failure, now },
      { type: "RETRY_FAILED", now },
    ].reduce((p, e) => {
      const d = apply(p, e as never);
      if (!d.ok) throw new Error(d.rejection.message);
      return d.post;
    }, post);
    const fact = {
      type: "DELIVERY_SUCCEEDED",
      destinationId: "d",
      platformPostId: "9",
      now,
    } as const;
    const other = apply(failed, { ...fact, idempotencyKey: "p:d:0:0:not-mine" });
    expect(other.ok && other.post.destinations[0]?.status).not.toBe("published");
    const own = apply(failed, { ...fact, idempotencyKey: "p:d:0:0:mine" });
    expect(own.ok && own.post.destinations[0]?.status).toBe("published");
  });
});
