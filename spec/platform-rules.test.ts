/**
 * spec/platform-rules.json, read as plain JSON, held against preflight():
 * for every platform and every limit the JSON lists, a post exactly at the
 * limit passes and one just over it fails, with the rule, the limit and the
 * actual value. Texts are built in each platform's own counting (the JSON's
 * $comment: characters are code points, x-weighted is twitter-text v3 with
 * URLs 23 and CJK and emoji 2, graphemes as Intl.Segmenter, mastodon counts
 * graphemes with every link as 23 and a remote mention as its local part), so
 * "at the limit" never asks the code under test.
 *
 * Where the JSON disagrees with a platform's own documentation, the test is
 * written as the documentation says and marked `it.fails`, with the doc cited.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Media, type MediaKind, type Post, preflight, type Violation } from "../src/index.js";
import {
  ascii,
  cjk,
  combining,
  emoji,
  hashtags,
  links,
  longUrl,
  mediaItem,
  mediaItems,
  mentions,
  postTo,
  remoteMention,
  skinTone,
  utf8Bytes,
} from "../test/support/platform-fixtures.js";

interface MediaSet {
  readonly kinds: readonly MediaKind[];
  readonly min: number;
  readonly max: number;
}
interface PostTypeRule {
  readonly mediaRequired: boolean;
  readonly media: readonly MediaSet[];
  readonly maxVideoSeconds?: number;
}
interface PlatformRules {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly text: { readonly limit: number; readonly counting: string };
  readonly title?: { readonly limit: number };
  readonly hashtags?: { readonly limit: number };
  readonly mentions?: { readonly limit: number };
  readonly links?: { readonly limit: number };
  readonly postTypes: Readonly<Record<string, PostTypeRule>>;
  readonly mediaBytes: Readonly<Partial<Record<MediaKind, number>>>;
  readonly thread?: { readonly maxItems?: number };
}

const spec = JSON.parse(
  readFileSync(new URL("./platform-rules.json", import.meta.url), "utf8"),
) as { readonly platforms: Readonly<Record<string, PlatformRules>> };
const entries = Object.entries(spec.platforms);

// ---------------------------------------------------------------------------
// Posts that break nothing but what each test breaks

/** The smallest media a post type accepts: its first set's first kind, as many as its min. */
const minimalMedia = (rule: PostTypeRule): Media[] => {
  const set = rule.media[0];
  return set === undefined ? [] : mediaItems(set.kinds[0] as MediaKind, set.min);
};

/** The first line, when the platform reads it as a title (YouTube): short, ASCII, 6 units. */
const titleLine = (rules: PlatformRules): string => (rules.title === undefined ? "" : "Title\n");

/**
 * A post to `platform` that meets every rule, with `content` (or a short
 * text), media where the post type needs it, and whatever `extra` sets.
 */
const validPost = (
  platform: string,
  rules: PlatformRules,
  extra: { content?: string; media?: readonly Media[]; postType?: string; thread?: string[] } = {},
): Post => {
  const postType = extra.postType ?? "post";
  const rule = rules.postTypes[postType] as PostTypeRule;
  return postTo(platform, {
    content: extra.content ?? `${titleLine(rules)}Hello`,
    media: extra.media ?? (rule.mediaRequired ? minimalMedia(rule) : []),
    postType,
    ...(extra.thread === undefined ? {} : { thread: extra.thread }),
  });
};

const violations = (post: Post): readonly Violation[] => preflight(post).violations;
const byRule = (post: Post, rule: string): Violation[] =>
  violations(post).filter((v) => v.rule === rule);

// ---------------------------------------------------------------------------
// Texts of an exact weight, in each counting

type Build = (weight: number) => string;

/** `k` units of weight 2 and the rest ASCII, for counts where a unit weighs 2 (CJK, emoji on X). */
const doubled =
  (unit: (n: number) => string): Build =>
  (w) => {
    const k = Math.floor((w - 1) / 2);
    return unit(k) + ascii(w - 2 * k);
  };

/** `k` units of weight 4 and the rest ASCII (emoji as UTF-8 bytes). */
const quadrupled =
  (unit: (n: number) => string): Build =>
  (w) => {
    const k = Math.floor((w - 1) / 4);
    return unit(k) + ascii(w - 4 * k);
  };

/** Builders of a text of exactly `weight` in each counting, by name. */
const builders: Readonly<Record<string, readonly (readonly [string, Build])[]>> = {
  characters: [
    ["ASCII", (w) => ascii(w)],
    ["astral emoji, one code point and two UTF-16 units each", (w) => emoji(w)],
    [
      "combining marks, two code points per letter",
      (w) => combining(Math.floor(w / 2)) + ascii(w % 2),
    ],
  ],
  "x-weighted": [
    ["ASCII, 1 each", (w) => ascii(w)],
    ["CJK, 2 each", doubled(cjk)],
    ["emoji, 2 each", doubled(emoji)],
    ["a long URL, 23", (w) => `${longUrl} ${ascii(w - 24)}`],
  ],
  graphemes: [
    ["ASCII", (w) => ascii(w)],
    ["emoji with a skin tone, two code points and one grapheme each", (w) => skinTone(w)],
    ["letters with combining marks, one grapheme each", (w) => combining(w)],
  ],
  threads: [
    ["ASCII", (w) => ascii(w)],
    ["emoji, 4 UTF-8 bytes each", quadrupled(emoji)],
    [
      "letters with combining marks, two code points each",
      (w) => combining(Math.floor(w / 2)) + ascii(w % 2),
    ],
  ],
  "utf8-bytes": [
    ["ASCII, 1 byte each", (w) => ascii(w)],
    ["é, 2 bytes each", doubled((n) => "é".repeat(n))],
    ["emoji, 4 bytes each", quadrupled(emoji)],
  ],
  mastodon: [
    ["ASCII", (w) => ascii(w)],
    ["a long URL, 23", (w) => `${longUrl} ${ascii(w - 24)}`],
    ["a remote mention, its local part", (w) => `${remoteMention} ${ascii(w - 7)}`],
    ["emoji with a skin tone, one grapheme each", (w) => skinTone(w)],
    ["letters with combining marks, one grapheme each", (w) => combining(w)],
  ],
};

describe.each(entries)("%s: text length", (platform, rules) => {
  const { limit, counting } = rules.text;
  const prefix = titleLine(rules);
  // Where the first line is a title, the limit is the description's: the title is not counted.
  const budget = limit;
  const ways = builders[counting] ?? [];

  it("has a counting this test knows how to write texts in", () => {
    expect(Object.keys(builders)).toContain(counting);
  });

  it.each(ways)("%s: at the limit passes, one over fails with text_length", (_, build) => {
    const at = validPost(platform, rules, { content: prefix + build(budget) });
    expect(violations(at)).toEqual([]);

    const over = validPost(platform, rules, { content: prefix + build(budget + 1) });
    expect(violations(over)).toEqual([
      expect.objectContaining({
        destinationId: `d-${platform}`,
        platform,
        rule: "text_length",
        limit,
        actual: limit + 1,
        code: "INVALID_CONTENT",
      }),
    ]);
  });
});

describe.each(entries)("%s: media", (platform, rules) => {
  const types = Object.entries(rules.postTypes);

  /** What the JSON says of `media` on this post type: some set takes every item and the count. */
  const accepted = (rule: PostTypeRule, media: readonly Media[]): boolean =>
    rule.media.some(
      (set) =>
        media.length >= set.min &&
        media.length <= set.max &&
        media.every((m) => set.kinds.includes(m.kind)),
    );

  const counts = types.flatMap(([postType, rule]) =>
    rule.media.flatMap((set) =>
      set.kinds.map((kind) => [postType, kind, set.min, set.max, rule] as const),
    ),
  );

  it.each(counts)(
    "%s, %s: the set's max passes, max+1 fails with media_combination (and min-1 when min > 1)",
    (postType, kind, min, max, rule) => {
      const ok = validPost(platform, rules, { postType, media: mediaItems(kind, max) });
      expect(byRule(ok, "media_combination")).toEqual([]);
      expect(byRule(ok, "media_required")).toEqual([]);

      const tooMany = mediaItems(kind, max + 1);
      const over = byRule(
        validPost(platform, rules, { postType, media: tooMany }),
        "media_combination",
      );
      expect(over.length === 0).toBe(accepted(rule, tooMany));
      expect(accepted(rule, tooMany), "no other set of this post type takes max+1").toBe(false);
      expect(over[0]).toMatchObject({ actual: max + 1, code: "INVALID_CONTENT", platform });

      if (min > 1) {
        const tooFew = mediaItems(kind, min - 1);
        const under = byRule(
          validPost(platform, rules, { postType, media: tooFew }),
          "media_combination",
        );
        expect(under.length === 0).toBe(accepted(rule, tooFew));
      }
    },
  );

  const pairs = types.flatMap(([postType, rule]) => {
    const kinds = [...new Set(rule.media.flatMap((s) => s.kinds))];
    return kinds.flatMap((a, i) => kinds.slice(i + 1).map((b) => [postType, a, b, rule] as const));
  });

  if (pairs.length > 0)
    it.each(pairs)(
      "%s: %s with %s passes only where one set takes both kinds",
      (postType, a, b, rule) => {
        const media = [mediaItem(a, {}, 0), mediaItem(b, {}, 1)];
        const found = byRule(validPost(platform, rules, { postType, media }), "media_combination");
        expect(found.length === 0).toBe(accepted(rule, media));
      },
    );

  it.each(types)("%s: media required as the JSON says (media_required)", (postType, rule) => {
    const found = byRule(validPost(platform, rules, { postType, media: [] }), "media_required");
    expect(found.length).toBe(rule.mediaRequired ? 1 : 0);
    if (rule.mediaRequired) expect(found[0]).toMatchObject({ code: "INVALID_CONTENT", platform });
  });

  const sized = Object.entries(rules.mediaBytes) as [MediaKind, number][];

  it.each(sized)(
    "a %s file of the limit (%i bytes) passes, one byte more fails with media_size",
    (kind, bytes) => {
      // A post type and set that take this kind, with as many items as the set needs.
      const home = types
        .flatMap(([postType, rule]) => rule.media.map((set) => [postType, set] as const))
        .find(([, set]) => set.kinds.includes(kind));
      expect(home, `a post type that takes ${kind}`).toBeDefined();
      const [postType, set] = home as readonly [string, MediaSet];
      const count = Math.max(1, set.min);

      const at = validPost(platform, rules, {
        postType,
        media: mediaItems(kind, count, { sizeBytes: bytes }),
      });
      expect(violations(at)).toEqual([]);

      const over = validPost(platform, rules, {
        postType,
        media: mediaItems(kind, count, { sizeBytes: bytes + 1 }),
      });
      expect(violations(over)).toEqual([
        expect.objectContaining({
          destinationId: `d-${platform}`,
          platform,
          rule: "media_size",
          limit: bytes,
          actual: bytes + 1,
          path: "media[0]",
          code: "CONTENT_TOO_LARGE",
        }),
      ]);
    },
  );

  const timed = types.filter(([, rule]) => rule.maxVideoSeconds !== undefined);

  if (timed.length > 0)
    it.each(timed)(
      "%s: a video of maxVideoSeconds passes, a millisecond more fails with video_duration",
      (postType, rule) => {
        const max = rule.maxVideoSeconds as number;
        const set = rule.media.find((s) => s.kinds.includes("video")) as MediaSet;
        const count = Math.max(1, set.min);
        const at = validPost(platform, rules, {
          postType,
          media: mediaItems("video", count, { durationMs: max * 1000 }),
        });
        expect(violations(at)).toEqual([]);

        const over = validPost(platform, rules, {
          postType,
          media: mediaItems("video", count, { durationMs: max * 1000 + 1 }),
        });
        expect(violations(over)).toEqual([
          expect.objectContaining({
            rule: "video_duration",
            limit: max,
            actual: max + 0.001,
            path: "media[0]",
            code: "INVALID_CONTENT",
          }),
        ]);
      },
    );

  it("a post type the JSON does not list fails with post_type", () => {
    const found = byRule(
      validPost(platform, rules, { postType: "hologram", media: [] }),
      "post_type",
    );
    expect(found).toEqual([expect.objectContaining({ platform, code: "INVALID_CONTENT" })]);
  });
});

describe("counts in the text, and titles", () => {
  const writers = { hashtags, mentions, links } as const;
  const ruleNames = { hashtags: "hashtag_count", mentions: "mention_count", links: "link_count" };
  const counted = entries.flatMap(([platform, rules]) =>
    (["hashtags", "mentions", "links"] as const).flatMap((key) => {
      const limit = rules[key]?.limit;
      return limit === undefined ? [] : [[platform, key, limit, rules] as const];
    }),
  );

  it.each(counted)(
    "%s: %s at the limit (%i) pass, one more fails",
    (platform, key, limit, rules) => {
      const write = writers[key];
      expect(violations(validPost(platform, rules, { content: write(limit) }))).toEqual([]);
      expect(violations(validPost(platform, rules, { content: write(limit + 1) }))).toEqual([
        expect.objectContaining({
          rule: ruleNames[key],
          limit,
          actual: limit + 1,
          platform,
          code: "INVALID_CONTENT",
        }),
      ]);
    },
  );

  const titled = entries.flatMap(([platform, rules]) =>
    rules.title === undefined ? [] : [[platform, rules.title.limit, rules] as const],
  );

  it.each(titled)(
    "%s: a first-line title of %i passes, one more fails with title_length",
    (platform, limit, rules) => {
      const at = validPost(platform, rules, { content: `${ascii(limit, "T")}\nThe description` });
      expect(violations(at)).toEqual([]);
      const over = validPost(platform, rules, {
        content: `${ascii(limit + 1, "T")}\nThe description`,
      });
      expect(violations(over)).toEqual([
        expect.objectContaining({ rule: "title_length", limit, actual: limit + 1, platform }),
      ]);
    },
  );
});

describe.each(entries)("%s: threads", (platform, rules) => {
  const limit = rules.text.limit;

  if (rules.thread === undefined) {
    it("has no threads: a reply fails with rule thread", () => {
      const found = violations(validPost(platform, rules, { thread: ["A reply"] }));
      expect(found).toEqual([
        expect.objectContaining({ rule: "thread", platform, code: "INVALID_CONTENT" }),
      ]);
    });
  } else {
    it("replies pass, each counted on its own against the text limit", () => {
      const ok = validPost(platform, rules, { thread: [ascii(limit), "second reply"] });
      expect(violations(ok)).toEqual([]);
      const long = validPost(platform, rules, {
        thread: [ascii(limit + 1), "fine", ascii(limit + 2)],
      });
      expect(violations(long)).toEqual([
        expect.objectContaining({
          rule: "text_length",
          path: "thread[0]",
          limit,
          actual: limit + 1,
        }),
        expect.objectContaining({
          rule: "text_length",
          path: "thread[2]",
          limit,
          actual: limit + 2,
        }),
      ]);
    });

    const maxItems = rules.thread.maxItems;
    if (maxItems !== undefined)
      it("a thread of maxItems passes, one more fails with thread_length", () => {
        const n = maxItems as number;
        const replies = (k: number) => Array.from({ length: k }, (_, i) => `reply ${i}`);
        expect(violations(validPost(platform, rules, { thread: replies(n - 1) }))).toEqual([]);
        expect(byRule(validPost(platform, rules, { thread: replies(n) }), "thread_length")).toEqual(
          [expect.objectContaining({ limit: n, actual: n + 1 })],
        );
      });
  }
});

// ---------------------------------------------------------------------------
// Where the JSON disagrees with the platforms' own documentation

const rulesOf = (platform: string): PlatformRules => spec.platforms[platform] as PlatformRules;

describe("as the platforms document them", () => {
  // https://developers.facebook.com/docs/threads/posts, Limitations: "Text posts are limited
  // to 500 characters. Emojis are counted as the number of UTF-8 bytes." The JSON counts
  // code points ("characters"), so an emoji counts 1 here and 4 on Threads.
  it("Threads: 497 letters and one emoji (4 UTF-8 bytes) is 501, over the 500", () => {
    const text = `${ascii(497)}😀`;
    expect(utf8Bytes("😀")).toBe(4);
    const found = byRule(
      validPost("threads", rulesOf("threads"), { content: text }),
      "text_length",
    );
    expect(found).toEqual([expect.objectContaining({ limit: 500, actual: 501 })]);
  });

  // https://developers.facebook.com/docs/threads/create-posts/text-attachments, "How links are
  // counted": "All unique URLs found in the text field are counted as links." The preflight
  // counts every occurrence, so the same link six times is refused.
  it("Threads: the same link six times is one link, within the 5", () => {
    const text = Array.from({ length: 6 }, () => "https://example.com/launch").join(" and ");
    expect(
      byRule(validPost("threads", rulesOf("threads"), { content: text }), "link_count"),
    ).toEqual([]);
  });

  // https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json:
  // `"text": { "type": "string", "maxLength": 3000, "maxGraphemes": 300 }`, and Lexicon's
  // maxLength counts UTF-8 bytes (https://atproto.com/specs/lexicon#string). 300 family emoji
  // are 300 graphemes but 7,500 bytes: the PDS refuses the record, the preflight passes it.
  it("Bluesky: 300 graphemes of 25 bytes each break the record's 3,000-byte maxLength", () => {
    const family = "👨‍👩‍👧‍👦";
    expect(utf8Bytes(family)).toBe(25);
    const found = violations(
      validPost("bluesky", rulesOf("bluesky"), { content: family.repeat(300) }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        rule: "text_bytes",
        limit: 3000,
        actual: 7500,
        code: "INVALID_CONTENT",
      }),
    ]);
  });

  // app.bsky.embed.video: `"video": { "type": "blob", "accept": ["video/mp4"], "maxSize":
  // 100000000 }` ("May be up to 100mb, formerly limited to 50mb"). The JSON has 104,857,600
  // (100 MiB), so files between 100,000,001 and 104,857,600 bytes pass the preflight and are
  // refused by the PDS.
  it("Bluesky: a video of 100,000,001 bytes is over the lexicon's maxSize", () => {
    const media = [mediaItem("video", { sizeBytes: 100_000_001 })];
    expect(byRule(validPost("bluesky", rulesOf("bluesky"), { media }), "media_size")).toEqual([
      expect.objectContaining({ limit: 100_000_000, actual: 100_000_001 }),
    ]);
  });

  // https://developers.google.com/youtube/v3/docs/videos#snippet.description: "The property
  // value has a maximum length of 5000 bytes and may contain all valid UTF-8 characters except
  // < and >." The JSON counts 5,000 characters, over the whole text (title included).
  it("YouTube: a description of 2,600 'é' (5,200 bytes) is over the 5,000-byte limit", () => {
    const description = "é".repeat(2600);
    expect(utf8Bytes(description)).toBe(5200);
    const found = violations(
      validPost("youtube", rulesOf("youtube"), { content: `Title\n${description}` }),
    );
    expect(found).toEqual([
      expect.objectContaining({ rule: "text_length", code: "INVALID_CONTENT" }),
    ]);
  });

  // Same doc, snippet.title and snippet.description: "all valid UTF-8 characters except < and
  // >". YouTube answers invalidTitle / invalidDescription; the preflight has no such rule.
  it("YouTube: a title with < or > is refused before it is sent", () => {
    const found = violations(
      validPost("youtube", rulesOf("youtube"), { content: "Launch <live>\nDescription" }),
    );
    expect(found).not.toEqual([]);
  });
});
