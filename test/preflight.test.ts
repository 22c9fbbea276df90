/**
 * The platform preflight (src/rules/preflight.ts) as a caller sees it: what
 * text each destination is checked with, how platforms are named, what it
 * says about platforms it does not know, what every violation carries, and
 * how `apply` uses it (seed 002: content is validated when a post leaves the
 * draft or a scheduled post is edited, never on a draft edit).
 */
import { describe, expect, it } from "vitest";
import {
  apply,
  countByStatus,
  type DestinationInput,
  type Post,
  type PostEvent,
  preflight,
  type Violation,
} from "../src/index.js";
import { draftOf, violationsOf } from "./support/draft.js";
import {
  ascii,
  cjk,
  hashtags,
  mediaItem,
  mediaItems,
  postTo,
  skinTone,
} from "./support/platform-fixtures.js";
import { accept, kinds, reject } from "./support/seed-fixtures.js";

const NOW = "2026-04-19T09:00:00.000Z";
const AT = "2026-04-20T14:00:00.000Z";

const ruleOf = (v: Violation): string => `${v.destinationId}:${v.platform}:${v.rule}`;

describe("which text is checked", () => {
  it("a destination's own text is checked instead of the post's", () => {
    const overridden = postTo("x", { content: ascii(281), override: "Short on X" });
    expect(preflight(overridden).violations).toEqual([]);

    const own = postTo("x", { content: "Short", override: ascii(290) });
    expect(preflight(own).violations).toEqual([
      expect.objectContaining({ destinationId: "d-x", rule: "text_length", actual: 290 }),
    ]);
  });

  it("an override is checked only where it is set; the others get the post's text", () => {
    const post = postTo("x", { content: ascii(281) });
    const destinations = [
      { ...(post.destinations[0] as Post["destinations"][number]), content: "fits" },
      { ...(post.destinations[0] as Post["destinations"][number]), id: "d-x-2" },
    ];
    const withTwo: Post = { ...post, destinations, counts: countByStatus(destinations) };
    expect(preflight(withTwo).violations.map(ruleOf)).toEqual(["d-x-2:x:text_length"]);
  });

  it("an override is counted as its platform counts (Bluesky: graphemes)", () => {
    const fits = postTo("bluesky", { content: ascii(400), override: skinTone(300) });
    expect(preflight(fits).violations).toEqual([]);
    const over = postTo("bluesky", { content: "Short", override: skinTone(301) });
    expect(preflight(over).violations).toEqual([
      expect.objectContaining({ rule: "text_length", limit: 300, actual: 301 }),
    ]);
  });
});

describe("how platforms are named", () => {
  it.each(["twitter", "Twitter", " TWITTER "])(
    "%j is checked as X, with X's weighted count",
    (platform) => {
      // 141 CJK characters weigh 282 on X; as plain characters they would be 141.
      const post = postTo(platform, { content: cjk(141) });
      expect(preflight(post).violations).toEqual([
        expect.objectContaining({
          destinationId: `d-${platform}`,
          platform: "x",
          rule: "text_length",
          limit: 280,
          actual: 282,
        }),
      ]);
      expect(preflight(post).unchecked).toEqual([]);
    },
  );

  it("other aliases are their platform: ig is Instagram, bsky is Bluesky, fb is Facebook", () => {
    expect(preflight(postTo("ig")).violations.map((v) => [v.platform, v.rule])).toEqual([
      ["instagram", "media_required"],
    ]);
    expect(preflight(postTo("bsky", { content: ascii(301) })).violations[0]?.platform).toBe(
      "bluesky",
    );
    expect(preflight(postTo("fb", { content: ascii(63_206) })).violations).toEqual([]);
  });

  it("a platform postlife does not know passes, and is listed in unchecked", () => {
    const post = postTo("friendster", { content: ascii(100_000), thread: ["a reply"] });
    const report = preflight(post);
    expect(report.violations).toEqual([]);
    expect(report.unchecked).toEqual([
      { destinationId: "d-friendster", platform: "friendster", reason: expect.any(String) },
    ]);
    expect(report.unchecked[0]?.reason).toContain("friendster");
  });
});

// ---------------------------------------------------------------------------
// A post that breaks a rule or more on every platform it goes to

const MEDIA = mediaItems("image", 5, { sizeBytes: 6_000_000 });

const DESTINATIONS: readonly DestinationInput[] = [
  // 141 CJK weigh 282; its reply 281; 5 images (X takes 4); the first image is over 5 MB.
  { id: "d-x", platform: "twitter", accountId: "a1", content: cjk(141), thread: [ascii(281)] },
  // 31 hashtags (Instagram takes 30); a feed post takes one image, not five.
  { id: "d-ig", platform: "instagram", accountId: "a2", content: hashtags(31) },
  // A 101-character title (YouTube takes 100); YouTube takes a video, not images.
  {
    id: "d-yt",
    platform: "youtube",
    accountId: "a3",
    content: `${ascii(101, "T")}\nDescription`,
  },
  // LinkedIn has no threads; 5 images are fine there.
  { id: "d-li", platform: "linkedin", accountId: "a4", thread: ["A reply"] },
  // Bluesky takes 4 images of at most 1,000,000 bytes.
  { id: "d-bsky", platform: "bsky", accountId: "a5" },
  { id: "d-new", platform: "friendster", accountId: "a6" },
];

/** Every rule broken, as destination:platform:rule. */
const EXPECTED = [
  "d-x:x:text_length",
  "d-x:x:text_length",
  "d-x:x:media_combination",
  "d-x:x:media_size",
  "d-ig:instagram:hashtag_count",
  "d-ig:instagram:media_combination",
  "d-yt:youtube:title_length",
  "d-yt:youtube:media_combination",
  "d-li:linkedin:thread",
  "d-bsky:bluesky:media_combination",
  "d-bsky:bluesky:media_size",
].sort();

const broken = (): Post =>
  draftOf({ id: "post-1", content: "Launch day", media: MEDIA, destinations: DESTINATIONS });

/** Rules with a number to compare, and the ones that are a yes or no. */
const measured = [
  "text_length",
  "hashtag_count",
  "mention_count",
  "link_count",
  "title_length",
  "thread_length",
  "video_duration",
  "media_size",
];

describe("what every violation says", () => {
  it("every rule of every destination is found at once, and the unknown one is unchecked", () => {
    const report = preflight(broken());
    expect(report.violations?.map(ruleOf).sort()).toEqual(EXPECTED);
    expect(report.unchecked.map((u) => u.destinationId)).toEqual(["d-new"]);
  });

  it("each names its destination and platform, its rule, limit and actual where they apply, and the code", () => {
    const byId = new Map(DESTINATIONS.map((d) => [d.id, d]));
    for (const v of preflight(broken()).violations) {
      expect(byId.has(v.destinationId ?? "")).toBe(true);
      expect(v.message).toContain(v.destinationId);
      expect(v.code).toBe(v.rule === "media_size" ? "CONTENT_TOO_LARGE" : "INVALID_CONTENT");
      if (measured.includes(v.rule)) {
        expect(typeof v.limit).toBe("number");
        expect(v.actual as number).toBeGreaterThan(v.limit as number);
      } else {
        expect(v.limit).toBeUndefined();
      }
    }
  });

  it("the numbers are the platform's limit and what the post has", () => {
    const found = preflight(broken()).violations;
    const pick = (id: string, rule: string) =>
      found.filter((v) => v.destinationId === id && v.rule === rule);
    expect(pick("d-x", "text_length")).toEqual([
      expect.objectContaining({ limit: 280, actual: 282 }),
      expect.objectContaining({ limit: 280, actual: 281, path: "thread[0]" }),
    ]);
    expect(pick("d-x", "media_size")).toEqual([
      expect.objectContaining({ limit: 5 * 1024 * 1024, actual: 6_000_000, path: "media[0]" }),
    ]);
    expect(pick("d-x", "media_combination")).toEqual([expect.objectContaining({ actual: 5 })]);
    expect(pick("d-ig", "hashtag_count")).toEqual([
      expect.objectContaining({ limit: 30, actual: 31 }),
    ]);
    expect(pick("d-yt", "title_length")).toEqual([
      expect.objectContaining({ limit: 100, actual: 101 }),
    ]);
    expect(pick("d-bsky", "media_size")).toEqual([
      expect.objectContaining({ limit: 1_000_000, actual: 6_000_000 }),
    ]);
  });
});

// ---------------------------------------------------------------------------
// Through apply

const leaving: readonly (readonly [string, PostEvent])[] = [
  ["SCHEDULE", { type: "SCHEDULE", at: AT, now: NOW }],
  ["PUBLISH", { type: "PUBLISH", now: NOW }],
  ["SUBMIT_FOR_APPROVAL", { type: "SUBMIT_FOR_APPROVAL", now: NOW }],
];

describe("through apply: content is checked when the post leaves the draft", () => {
  it.each(leaving)(
    "%s is refused with content_invalid, listing every violation of every destination",
    (type, event) => {
      const post = broken();
      const rejection = reject(apply(post, event));
      expect(rejection).toMatchObject({
        reason: "content_invalid",
        status: "draft",
        eventType: type,
      });
      expect(violationsOf(rejection)?.map(ruleOf).sort()).toEqual(EXPECTED);
      expect(rejection.message).toContain(`${EXPECTED.length} content rules broken`);
    },
  );

  it.each(leaving)("%s of the same post, fixed, is accepted", (_, event) => {
    // The same accounts, with the text, threads and media that break rules taken away,
    // and the media-only platforms swapped for Threads.
    const fixed = draftOf({
      id: "post-1",
      content: "Launch day",
      destinations: DESTINATIONS.map(({ id, platform, accountId }) => ({
        id,
        accountId,
        platform: platform === "instagram" || platform === "youtube" ? "threads" : platform,
      })),
    });
    expect(accept(apply(fixed, event)).post.status).not.toBe("draft");
  });

  it("a draft EDIT to the same content is accepted: a draft may hold what a platform refuses (seed 002)", () => {
    const draft = draftOf({
      id: "post-1",
      content: "Fine for now",
      destinations: DESTINATIONS.map(({ id, platform, accountId }) => ({
        id,
        platform,
        accountId,
      })),
    });
    const edited = accept(
      apply(draft, {
        type: "EDIT",
        changes: {
          content: "Launch day",
          media: MEDIA,
          destinations: [...DESTINATIONS],
        },
      }),
    );
    expect(edited.post.status).toBe("draft");
    expect(edited.post.revision).toBe(1);
    expect(edited.outbox).toEqual([]);
    expect(preflight(edited.post).violations.map(ruleOf).sort()).toEqual(EXPECTED);
  });
});

describe("through apply: editing a scheduled post re-validates it", () => {
  const scheduled = (): Post =>
    accept(apply(postTo("x", { content: "Launch day" }), { type: "SCHEDULE", at: AT, now: NOW }))
      .post;

  it("a text the platform refuses is refused, with its violation; the post stays as it was", () => {
    const before = scheduled();
    const rejection = reject(
      apply(before, { type: "EDIT", changes: { content: cjk(141) }, now: NOW }),
    );
    expect(rejection).toMatchObject({ reason: "content_invalid", status: "scheduled" });
    expect(violationsOf(rejection)).toEqual([
      expect.objectContaining({
        destinationId: "d-x",
        platform: "x",
        rule: "text_length",
        limit: 280,
        actual: 282,
        code: "INVALID_CONTENT",
      }),
    ]);
    expect(before.content).toBe("Launch day");
  });

  it("media, and destinations added, are checked too", () => {
    const before = scheduled();
    const media = reject(
      apply(before, {
        type: "EDIT",
        changes: { media: [mediaItem("image", { sizeBytes: 6_000_000 })] },
      }),
    );
    expect(violationsOf(media)?.map(ruleOf)).toEqual(["d-x:x:media_size"]);

    const added = reject(
      apply(before, {
        type: "EDIT",
        changes: {
          destinations: [
            { id: "d-x", platform: "x", accountId: "acct-x" },
            { id: "d-ig", platform: "instagram", accountId: "acct-ig" },
          ],
        },
      }),
    );
    expect(violationsOf(added)?.map(ruleOf)).toEqual(["d-ig:instagram:media_required"]);
  });

  it("an edit that keeps to the rules is accepted, and re-arms the job", () => {
    const edited = accept(
      apply(scheduled(), { type: "EDIT", changes: { content: cjk(140) }, now: NOW }),
    );
    expect(edited.post.status).toBe("scheduled");
    expect(kinds(edited.outbox)).toEqual(["disarm_schedule", "arm_schedule"]);
  });
});

describe("preflight of a value that is not a post", () => {
  it.each([
    ["null", null, undefined],
    ["an empty object", {}, "id"],
    [
      "a post whose media is a string",
      { ...draftOf({ id: "p", content: "hi", destinations: [] }), media: "a.jpg" },
      "media",
    ],
  ])("%s: one post_shape violation, naming the field", (_, value, path) => {
    const report = preflight(value as Post);
    expect(report.unchecked).toEqual([]);
    expect(report.violations).toEqual([
      expect.objectContaining({
        rule: "post_shape",
        code: "INVALID_CONTENT",
        ...(path === undefined ? {} : { path }),
      }),
    ]);
  });
});
