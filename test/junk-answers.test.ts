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
