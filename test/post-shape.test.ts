/**
 * The shape of a post read back from storage (src/rules/post-shape.ts): a
 * corrupted row is refused as `invalid_post`, with the field named, instead
 * of throwing halfway through a transition.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  aggregateStatus,
  allowedEvents,
  apply,
  can,
  type Post,
  type PostEvent,
  type PostStatus,
  postStatuses,
  type Rejection,
  statusOf,
} from "../src/index.js";
import { checkPost } from "../src/rules/post-shape.js";
import { reachablePostArb } from "./support/arbitraries.js";
import { postIn } from "./support/seed-fixtures.js";

const cancel: PostEvent = { type: "CANCEL" };

/** The rejection `apply` gives for `post`; fails the test if it was accepted. */
const refusal = (post: unknown, event: PostEvent = cancel): Rejection => {
  const decision = apply(post as Post, event);
  if (decision.ok) throw new Error(`expected a rejection, got ${decision.post.status}`);
  return decision.rejection;
};

/** Where a field sits in a post: keys and array indexes, e.g. ["destinations", 2, "platform"]. */
type FieldPath = readonly [string, ...(string | number)[]];

/** Written in place of a value: the field is removed. */
const REMOVED = Symbol("removed");

/** The path as a rejection names it: `destinations[2].platform`. */
const named = (at: FieldPath): string =>
  at.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");

/**
 * A JSON copy of `post` (as a row read back from storage) with the field at
 * `at` set to `value`, or removed.
 */
const corrupt = (post: unknown, at: FieldPath, value: unknown): unknown => {
  const raw: unknown = JSON.parse(JSON.stringify(post));
  let node = raw as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key as string | number] as typeof node;
  const last = at[at.length - 1] as string | number;
  if (value === REMOVED) delete node[last];
  else node[last] = value;
  return raw;
};

describe("apply refuses a value that is not a post at all", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["an array", [postIn("draft")]],
    ["a string", "post-1"],
    ["a number", 1],
  ])("%s: invalid_post with no path, status unknown", (_, value) => {
    const rejection = refusal(value);
    expect(rejection).toMatchObject({
      reason: "invalid_post",
      status: "unknown",
      eventType: "CANCEL",
    });
    expect(rejection.path).toBeUndefined();
    expect(rejection.message).toBe("post must be an object (a Post from createPost or apply)");
  });

  it("names the event type it was given, or unknown when the event has none", () => {
    expect(refusal(null, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" }).eventType).toBe(
      "PUBLISH",
    );
    expect(refusal(null, {} as PostEvent).eventType).toBe("unknown");
  });
});

type Corruption = readonly [description: string, from: PostStatus, at: FieldPath, value: unknown];

const corruptions: readonly Corruption[] = [
  ["id missing", "scheduled", ["id"], REMOVED],
  ["id empty", "queued", ["id"], ""],
  ["revision negative", "scheduled", ["revision"], -1],
  ["revision fractional", "draft", ["revision"], 0.5],
  ["content not a string", "draft", ["content"], null],
  ["media not an array", "scheduled", ["media"], {}],
  ["scheduledAt a number", "scheduled", ["scheduledAt"], 1_776_693_600_000],
  ["scheduledAt missing", "draft", ["scheduledAt"], REMOVED],
  ["requiresApproval a string", "draft", ["requiresApproval"], "false"],
  ["retry not an object", "queued", ["retry"], 3],
  ["retry without maxAttempts", "queued", ["retry", "maxAttempts"], REMOVED],
  ["retry baseDelayMs a string", "queued", ["retry", "baseDelayMs"], "30s"],
  ["retry without maxDelayMs", "publishing", ["retry", "maxDelayMs"], REMOVED],
  ["destinations not an array", "scheduled", ["destinations"], {}],
  ["a destination not an object", "queued", ["destinations", 1], "d-li"],
  ["a destination without id", "queued", ["destinations", 0, "id"], REMOVED],
  ["a destination with a numeric platform", "publishing", ["destinations", 2, "platform"], 7],
  ["a destination without accountId", "queued", ["destinations", 0, "accountId"], REMOVED],
  ["a destination without postType", "scheduled", ["destinations", 1, "postType"], REMOVED],
  ["a destination with an unknown status", "publishing", ["destinations", 1, "status"], "sent"],
  ["a destination with fractional attempts", "publishing", ["destinations", 0, "attempts"], 1.5],
  ["a destination with a negative generation", "queued", ["destinations", 0, "generation"], -1],
  [
    "a destination with a numeric nextRetryAt",
    "publishing",
    ["destinations", 2, "nextRetryAt"],
    1_776_693_600_000,
  ],
  ["a destination with a null publishedAt", "published", ["destinations", 0, "publishedAt"], null],
  ["approvedAt a number", "scheduled", ["approvedAt"], 1],
  ["retry maxWaitMs a string", "queued", ["retry", "maxWaitMs"], "3 days"],
  ["retry callTimeoutMsByPlatform a number", "queued", ["retry", "callTimeoutMsByPlatform"], 5],
  [
    "retry callTimeoutMsByPlatform with a string",
    "queued",
    ["retry", "callTimeoutMsByPlatform", "youtube"],
    "1h",
  ],
  ["a destination with a numeric startedAt", "publishing", ["destinations", 0, "startedAt"], 0],
  ["a destination with a null deadlineAt", "queued", ["destinations", 0, "deadlineAt"], null],
  ["a destination with negative handOuts", "queued", ["destinations", 0, "handOuts"], -1],
  ["a destination with fractional lookups", "queued", ["destinations", 0, "lookups"], 0.5],
  [
    "a destination with duplicates not an array",
    "published",
    ["destinations", 0, "duplicates"],
    {},
  ],
];

describe("apply refuses a corrupted post as invalid_post, naming the field", () => {
  it.each(corruptions)("%s (a %s post)", (_, from, at, value) => {
    const path = named(at);
    const rejection = refusal(corrupt(postIn(from), at, value));
    expect(rejection).toMatchObject({ reason: "invalid_post", path, status: from });
    expect(rejection.message.startsWith(`post.${path} `)).toBe(true);
  });

  it("a duplicate without its platformPostId is named inside the list", () => {
    const stored = corrupt(postIn("published"), ["destinations", 0, "duplicates"], [{}]);
    expect(refusal(stored)).toMatchObject({
      reason: "invalid_post",
      path: "destinations[0].duplicates[0].platformPostId",
    });
  });

  it("a post stored before approvedAt and the deadline fields existed is still taken", () => {
    const old = corrupt(postIn("queued"), ["approvedAt"], REMOVED) as Post;
    const older = corrupt(old, ["retry", "maxLookups"], REMOVED) as Post;
    expect(checkPost(older)).toBeUndefined();
    expect(apply(older, { type: "CANCEL" }).ok).toBe(true);
  });

  it('an unknown post status is named, and the rejection says the status is "unknown"', () => {
    const rejection = refusal(corrupt(postIn("scheduled"), ["status"], "archived"));
    expect(rejection).toMatchObject({
      reason: "invalid_post",
      path: "status",
      status: "unknown",
      message: `post.status "archived" is not one of ${postStatuses.join(", ")}`,
    });
  });

  it("a missing status is refused the same way", () => {
    expect(refusal(corrupt(postIn("draft"), ["status"], REMOVED))).toMatchObject({
      path: "status",
      status: "unknown",
    });
  });

  it("names the first problem in reading order when there are several", () => {
    const post = corrupt(corrupt(postIn("queued"), ["destinations"], null), ["revision"], -1);
    expect(refusal(post).path).toBe("revision");
  });

  it("checks the post before the event: a malformed event on a corrupted post is invalid_post", () => {
    const post = corrupt(postIn("draft"), ["media"], "none");
    expect(refusal(post, { type: "NOPE" } as unknown as PostEvent)).toMatchObject({
      reason: "invalid_post",
      path: "media",
      eventType: "NOPE",
    });
  });

  it("a corrupted post allows no event, and can() says no to each", () => {
    const post = corrupt(postIn("scheduled"), ["destinations", 0, "status"], "sent") as Post;
    expect(allowedEvents(post)).toEqual([]);
    expect(can(post, { type: "CANCEL" })).toBe(false);
    expect(allowedEvents(postIn("scheduled"))).toContain("CANCEL");
  });
});

describe("checkPost", () => {
  it("passes every post apply produced, in every status", () => {
    for (const status of [
      "draft",
      "pending_approval",
      "scheduled",
      "queued",
      "publishing",
      "published",
      "partially_published",
      "failed",
      "cancelled",
      "deleted",
    ] as const) {
      expect(checkPost(postIn(status)), status).toBeUndefined();
    }
  });

  test.prop([reachablePostArb])(
    "passes every reachable post, also after a JSON round trip",
    (post) => {
      expect(checkPost(post)).toBeUndefined();
      expect(checkPost(JSON.parse(JSON.stringify(post)))).toBeUndefined();
    },
  );

  const checkedKeys = [
    "id",
    "status",
    "revision",
    "content",
    "media",
    "scheduledAt",
    "requiresApproval",
    "retry",
    "destinations",
  ] as const;

  test.prop([reachablePostArb, fc.constantFrom(...checkedKeys)])(
    "removing any field it reads from a reachable post makes apply refuse it, naming that field",
    (post, key) => {
      const rejection = refusal(corrupt(post, [key], REMOVED));
      expect(rejection.reason).toBe("invalid_post");
      expect(rejection.path).toBe(key);
      expect(rejection.status).toBe(key === "status" ? "unknown" : post.status);
    },
  );

  const destinationKeys = [
    "id",
    "platform",
    "accountId",
    "postType",
    "status",
    "attempts",
    "generation",
  ];

  test.prop([
    reachablePostArb.filter((p) => p.destinations.length > 0),
    fc.constantFrom(...destinationKeys),
    fc.nat(),
  ])(
    "removing any field it reads from a destination names that destination and field",
    (post, key, pick) => {
      const i = pick % post.destinations.length;
      const rejection = refusal(corrupt(post, ["destinations", i, key], REMOVED));
      expect(rejection).toMatchObject({
        reason: "invalid_post",
        path: `destinations[${i}].${key}`,
      });
    },
  );
});

describe("apply refuses a post whose status or counts disagree with its destinations", () => {
  it("a post whose destinations are draft, stored as published", () => {
    const rejection = refusal(corrupt(postIn("draft"), ["status"], "published"));
    expect(rejection).toMatchObject({
      reason: "invalid_post",
      path: "status",
      status: "published",
    });
    expect(rejection.message).toBe(
      'post.status is "published", but its destinations (draft, draft, draft) give "draft"',
    );
  });

  it("a deleted post with a destination still queued", () => {
    const rejection = refusal(corrupt(postIn("queued"), ["status"], "deleted"));
    expect(rejection).toMatchObject({ reason: "invalid_post", path: "status" });
    expect(rejection.message).toContain('destinations[0] ("d-x") is queued');
  });

  it("counts that disagree are named by status", () => {
    const rejection = refusal(corrupt(postIn("partially_published"), ["counts", "failed"], 0));
    expect(rejection).toMatchObject({ reason: "invalid_post", path: "counts.failed" });
    expect(rejection.message).toBe("post.counts.failed is 0, but 1 of its destinations is failed");
    expect(refusal(corrupt(postIn("draft"), ["counts"], REMOVED)).path).toBe("counts");
  });

  test.prop([reachablePostArb, fc.constantFrom(...postStatuses)])(
    "a reachable post stored with another status is refused, unless its destinations give that status",
    (post, other) => {
      fc.pre(other !== post.status);
      const stored = corrupt(post, ["status"], other) as Post;
      // What its destinations give: the aggregate, or `deleted` when only failed or cancelled are
      // left, or published ones (a deleted post whose destination turned out live after all).
      const fits =
        other === "deleted"
          ? post.destinations.every((d) => ["failed", "cancelled", "published"].includes(d.status))
          : other === aggregateStatus(post.destinations.map((d) => d.status));
      if (fits) {
        expect(checkPost(stored)).toBeUndefined();
      } else {
        expect(checkPost(stored)).toMatchObject({ reason: "invalid_post", path: "status" });
      }
      expect(checkPost(post)).toBeUndefined();
      expect(post.status).toBe(statusOf(post));
    },
  );

  test.prop([
    reachablePostArb,
    fc.constantFrom(...Object.keys(postIn("draft").counts)),
    fc.integer({ min: 1, max: 3 }),
  ])("a reachable post with any count off is refused, naming that count", (post, key, off) => {
    const counts = post.counts as Record<string, number>;
    const stored = corrupt(post, ["counts", key], (counts[key] ?? 0) + off);
    expect(checkPost(stored)).toMatchObject({ reason: "invalid_post", path: `counts.${key}` });
  });
});
