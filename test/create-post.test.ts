/**
 * createPost judges what a caller gives it (issue: "Every input judged"): a
 * bad input is refused with a typed rejection naming the field, never turned
 * into a post that apply refuses later as invalid_post (an HTTP 500 in the
 * embedding guide, although the caller typed it).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { apply, createPost, maxTextLength, type PostInput } from "../src/index.js";
import { checkPost } from "../src/rules/post-shape.js";
import { postInputArbitrary } from "../src/testing/index.js";

/** The suite's runs per property (200, or POSTLIFE_RUNS). */
const RUNS = fc.readConfigureGlobal().numRuns ?? 200;

const good: PostInput = {
  id: "post-1",
  content: "We launched!",
  destinations: [{ id: "d-x", platform: "x", accountId: "1587354420" }],
};

/** The rejection createPost gives `input`; fails the test when it builds a post. */
const refusal = (input: unknown) => {
  const created = createPost(input as PostInput);
  if (created.ok) throw new Error(`createPost took ${JSON.stringify(input)}`);
  return created.rejection;
};

describe("createPost: a good input makes a draft", () => {
  it("at revision 0, with the defaults filled, and nothing to do", () => {
    const created = createPost(good);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.outbox).toEqual([]);
    expect(created.post).toMatchObject({ status: "draft", revision: 0, scheduledAt: null });
    expect(created.post.destinations[0]).toMatchObject({ postType: "post", attempts: 0 });
  });

  it("stores a planned time in canonical UTC", () => {
    const created = createPost({ ...good, scheduledAt: "2026-04-20T16:00:00+02:00" });
    expect(created.ok && created.post.scheduledAt).toBe("2026-04-20T14:00:00.000Z");
  });

  it("takes a draft a platform would refuse: content rules wait for the post to leave the draft", () => {
    const created = createPost({ ...good, content: "x".repeat(5_000) });
    expect(created.ok).toBe(true);
  });
});

describe("createPost: a bad input is refused, naming the field", () => {
  it.each<[string, unknown, string, string]>([
    [
      "a retry policy of zero attempts",
      { ...good, retry: { maxAttempts: 0 } },
      "invalid_input",
      "retry.maxAttempts",
    ],
    [
      "a planned time that is not an instant",
      { ...good, scheduledAt: "tomorrow" },
      "invalid_input",
      "scheduledAt",
    ],
    [
      "a planned time without a zone",
      { ...good, scheduledAt: "2026-04-20T14:00:00" },
      "invalid_input",
      "scheduledAt",
    ],
    [
      "an empty destination id",
      { ...good, destinations: [{ id: "", platform: "x", accountId: "a" }] },
      "invalid_input",
      "destinations[0].id",
    ],
    [
      "an empty account",
      { ...good, destinations: [{ id: "d", platform: "x", accountId: "" }] },
      "invalid_input",
      "destinations[0].accountId",
    ],
    ["an empty post id", { ...good, id: "" }, "invalid_input", "id"],
    ["no destination list", { id: "p", content: "hi" }, "invalid_input", "destinations"],
    [
      "a destination that is not an object",
      { ...good, destinations: [null] },
      "invalid_input",
      "destinations[0]",
    ],
    [
      "a javascript: media URL",
      { ...good, media: [{ kind: "image", url: "javascript:alert(1)" }] },
      "invalid_input",
      "media[0].url",
    ],
    [
      "an unknown media kind",
      { ...good, media: [{ kind: "hologram", url: "https://cdn.example.com/a" }] },
      "invalid_input",
      "media[0].kind",
    ],
    [
      "a misspelt field",
      { ...good, scheduleAt: "2026-04-20T14:00:00Z" },
      "invalid_input",
      "scheduleAt",
    ],
    [
      "a misspelt retry option",
      { ...good, retry: { maxAttemps: 5 } },
      "invalid_input",
      "retry.maxAttemps",
    ],
    [
      "a misspelt destination field",
      { ...good, destinations: [{ id: "d", platform: "x", accountId: "a", acount: 1 }] },
      "invalid_input",
      "destinations[0].acount",
    ],
    [
      "two destinations with one id",
      { ...good, destinations: [good.destinations[0], good.destinations[0]] },
      "duplicate_destination",
      "destinations[1].id",
    ],
    [
      "a text over the ceiling",
      { ...good, content: "x".repeat(maxTextLength + 1) },
      "invalid_input",
      "content",
    ],
    [
      "a thread reply over the ceiling",
      {
        ...good,
        destinations: [{ ...good.destinations[0], thread: ["y".repeat(maxTextLength + 1)] }],
      },
      "invalid_input",
      "destinations[0].thread[0]",
    ],
    [
      "requiresApproval given as a word",
      { ...good, requiresApproval: "yes" },
      "invalid_input",
      "requiresApproval",
    ],
    [
      "a per-platform timeout that is not a number",
      { ...good, retry: { callTimeoutMsByPlatform: { youtube: "1h" } } },
      "invalid_input",
      "retry.callTimeoutMsByPlatform.youtube",
    ],
  ])("%s", (_, input, reason, path) => {
    const rejection = refusal(input);
    expect(rejection).toMatchObject({ reason, path, status: "unknown", eventType: "createPost" });
    expect(rejection.message).toContain(path);
  });

  it.each([null, undefined, 42, "post", [], {}])("%j is not an input", (input) => {
    expect(refusal(input).reason).toBe("invalid_input");
  });

  it("a misspelt field is named with the fields that exist", () => {
    expect(refusal({ ...good, scheduleAt: "2026-04-20T14:00:00Z" }).message).toContain(
      '"scheduleAt"',
    );
  });
});

describe("createPost and apply agree on what a post is", () => {
  test.prop([postInputArbitrary], { numRuns: RUNS })(
    "every input the kit generates makes a post that apply takes as a post",
    (input) => {
      const created = createPost(input);
      expect(created.ok).toBe(true);
      if (created.ok) expect(checkPost(created.post)).toBeUndefined();
    },
  );

  test.prop([fc.anything()], { numRuns: 10 * RUNS })(
    "whatever it is given, createPost refuses or makes a post that apply takes as a post",
    (input) => {
      const created = createPost(input as PostInput);
      if (!created.ok) {
        expect(["invalid_input", "duplicate_destination"]).toContain(created.rejection.reason);
        return;
      }
      expect(checkPost(created.post)).toBeUndefined();
      expect(apply(created.post, { type: "DELETE" }).ok).toBe(true);
    },
  );

  test.prop(
    [
      fc.record({
        id: fc.oneof(fc.string(), fc.anything()),
        content: fc.oneof(fc.string(), fc.anything()),
        scheduledAt: fc.oneof(fc.constant(undefined), fc.string(), fc.anything()),
        retry: fc.oneof(
          fc.constant(undefined),
          fc.record({ maxAttempts: fc.oneof(fc.integer(), fc.double(), fc.anything()) }),
        ),
        destinations: fc.array(
          fc.record({
            id: fc.oneof(fc.string(), fc.anything()),
            platform: fc.constantFrom("x", "linkedin", ""),
            accountId: fc.oneof(fc.string(), fc.anything()),
          }),
          { maxLength: 3 },
        ),
      }),
    ],
    { numRuns: 10 * RUNS },
  )(
    "a near-miss input is refused or makes a post whose idempotency keys have no empty part",
    (input) => {
      const created = createPost(input as unknown as PostInput);
      if (!created.ok) return;
      const queued = apply(created.post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" });
      for (const instruction of queued.ok ? queued.outbox : []) {
        if (instruction.type !== "enqueue_delivery") continue;
        expect(instruction.idempotencyKey.split(":").every((part) => part !== "")).toBe(true);
      }
    },
  );
});
