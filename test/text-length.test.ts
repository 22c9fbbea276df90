/**
 * Text length as each platform counts it (src/platforms/text-length.ts and text-length/).
 *
 * X's weighted length is proven against twitter-text's own conformance cases
 * (test/fixtures/twitter-text-validate.json) and, as an oracle, against
 * twitter-text 3.1.0 itself (a dev dependency, never imported by src/).
 */
import { fc, test } from "@fast-check/vitest";
import { extractUrlsWithIndices, type ParseTweetOptions, parseTweet } from "twitter-text";
import { describe, expect, it, vi } from "vitest";
import { maxTextLength, type Post, preflight } from "../src/index.js";
import { graphemesUpTo } from "../src/platforms/text-length/graphemes.js";
import { lengthWithinPrefixes } from "../src/platforms/text-length/within.js";
import {
  codePointLength,
  graphemeLength,
  mastodonLength,
  type TextCounting,
  textLength,
  textLengthWithin,
  threadsLength,
  urlSpans,
  utf8Length,
  xWeightedLength,
} from "../src/platforms/text-length.js";
import { contentViolations } from "../src/rules/preflight.js";
import conformance from "./fixtures/twitter-text-validate.json";
import { denseScripts } from "./support/dense-scripts.js";
import { postTo } from "./support/platform-fixtures.js";

/** twitter-text's published configurations; v2 is v3 without emoji parsing. */
const version2: ParseTweetOptions = {
  version: 2,
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
};
const version3: ParseTweetOptions = { ...version2, version: 3, emojiParsingEnabled: true };

const sections = conformance.sections;
const casesOf = (name: string) => sections.find((section) => section.name === name)?.cases ?? [];
const v3Cases = [
  ...casesOf("WeightedTweetsWithDiscountedEmojiCounterTest"),
  ...casesOf("UnicodeDirectionalMarkerCounterTest"),
];
// The v2 section counts each emoji code point on its own; its texts without
// emoji count the same under v3. Those that also appear in the v3 sections are
// tested there, with their v3 expectation; the others carry no emoji.
const v2OnlyCases = casesOf("WeightedTweetsCounterTest").filter(
  (v2) => !v3Cases.some((v3) => v3.text === v2.text),
);

describe("xWeightedLength against twitter-text's conformance cases", () => {
  it("reads all three weighted-length sections", () => {
    expect(sections.map((section) => [section.name, section.cases.length])).toEqual([
      ["WeightedTweetsCounterTest", 20],
      ["WeightedTweetsWithDiscountedEmojiCounterTest", 22],
      ["UnicodeDirectionalMarkerCounterTest", 2],
    ]);
    expect(v2OnlyCases.map((c) => c.description)).toEqual([
      "'Á' is normalized into 1 char",
      "שּׁ is normalized into 3 chars",
      "Handle General Punctuation Characters with visible spaces(u2000-200A)",
    ]);
  });

  it.each(v3Cases)("$description", ({ text, expected }) => {
    expect(xWeightedLength(text)).toBe(expected.weightedLength);
  });

  it.each(v2OnlyCases)("$description (v2 case without emoji)", ({ text, expected }) => {
    expect(xWeightedLength(text)).toBe(expected.weightedLength);
  });

  // The fixture was transcribed by hand from the YAML: twitter-text itself
  // meeting every expectation shows that each text is the one in the corpus.
  it.each(
    sections.flatMap((section) => section.cases.map((c) => ({ ...c, config: section.config }))),
  )(
    "the fixture's $config case '$description' is the corpus text",
    ({ text, expected, config }) => {
      const parsed = parseTweet(text, config === "version2" ? version2 : version3);
      expect(parsed).toEqual(expected);
    },
  );
});

// Emoji that twitter-text's parser (twemoji-parser 11) knows as one sequence.
const knownEmoji = [
  "😀",
  "🐱",
  "👍🏽",
  "✌🏻",
  "🙋🏽",
  "👨‍🎤",
  "👩🏾‍💻",
  "🏃‍♀️",
  "👨‍👩‍👧",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇫🇷",
  "🇯🇵",
  "🏴󠁧󠁢󠁥󠁮󠁧󠁿",
  "1️⃣",
  "#️⃣",
  "❤️",
  "☺",
  "©️",
  "🤪",
  "🧕🏾",
];
const urlPath = fc.stringMatching(/^[a-z0-9\-_.~%/]{0,24}$/);

/**
 * Text as posts are written: ASCII words, CJK, Latin-1, emoji, combining
 * marks, links with a scheme, and punctuation, glued in any order.
 *
 * It leaves out what this module knowingly counts differently from
 * twitter-text 3.1.0 (see "where it deliberately differs" below): links
 * without a scheme glued to other text, made-up top-level domains after a
 * scheme, and emoji sequences newer than twemoji-parser 11 (or not in Unicode's
 * list at all), which this module counts as one emoji and twitter-text as parts.
 */
const postText = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9]{1,10}$/),
      fc.constantFrom("日本語", "中文", "こんにちは", "한국어", "、", "。", "漢"),
      fc.constantFrom("é", "ü", "ñ", "ç", "Å", "ß", "©", "®", "£", "«", "»", "×", "café", "naïve"),
      fc.constantFrom(...knownEmoji),
      fc.constantFrom("e\u0301", "a\u0308", "n\u0303", "\u0301", "c\u0327"),
      urlPath.map((path) => `https://example.com/${path}`),
      fc
        .tuple(urlPath, fc.stringMatching(/^[a-z0-9=&]{1,10}$/))
        .map(([path, query]) => `HTTP://www.example.org/${path}?${query}`),
      fc.constantFrom(" ", "\n", ", ", ". ", "!", "?", "(", ")", "#", "@", "-", "/", ":", '"'),
    ),
    { maxLength: 24 },
  )
  .map((tokens) => tokens.join(""));

describe("xWeightedLength against twitter-text as an oracle", () => {
  test.prop([postText])("counts what twitter-text's parseTweet counts", (text) => {
    expect(xWeightedLength(text)).toBe(parseTweet(text).weightedLength);
  });

  test.prop([postText])("finds the links that twitter-text's extractor finds", (text) => {
    const normal = text.normalize("NFC");
    const expected = extractUrlsWithIndices(normal).map(({ indices: [start, end] }) => ({
      start,
      end,
    }));
    expect(urlSpans(normal)).toEqual(expected);
  });
});

describe("xWeightedLength", () => {
  it.each([
    ["", 0],
    ["a".repeat(280), 280],
    ["a".repeat(281), 281],
    ["😀", 2],
    ["👍🏽", 2],
    ["👨‍👩‍👧", 2],
    ["🇫🇷", 2],
    ["1️⃣", 2],
    ["🏴󠁧󠁢󠁥󠁮󠁧󠁿", 2],
    ["日", 2],
    ["日".repeat(140), 280],
    ["é", 1],
    ["e\u0301", 1],
    ["©", 1],
    ["©️", 2],
    ["\u2014", 1],
    ["\u2122", 2],
    ["\uD800", 2],
    ["\uDC00x", 3],
  ])("weighs %j as %i", (text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
  });

  it.each([
    "https://t.co",
    "http://example.com",
    `https://example.com/${"a".repeat(1000)}`,
    "HTTPS://www.ExaMPLE.COM/index.html",
    "https://en.wikipedia.org/wiki/Foo_(bar)",
    "example.com/path?q=1",
    "t.co/abc",
    "https://例え.jp/",
  ])("weighs the link %s as 23 whatever its length", (url) => {
    expect(xWeightedLength(url)).toBe(23);
  });

  it("leaves trailing punctuation out of a link", () => {
    expect(xWeightedLength("see https://example.com/a.")).toBe(4 + 23 + 1);
    expect(xWeightedLength("(https://example.com/a)")).toBe(1 + 23 + 1);
  });

  it("counts a link longer than 4,096 characters as its characters, like twitter-text", () => {
    const text = `https://example.com/${"a".repeat(5000)}`;
    expect(xWeightedLength(text)).toBe(text.length);
  });

  it("counts a host label longer than 63 octets (after punycode) as characters", () => {
    expect(xWeightedLength(`http://${"a".repeat(64)}.com`)).toBe(7 + 64 + 4);
    expect(xWeightedLength(`http://${"a".repeat(63)}.com`)).toBe(23);
  });

  it("is always a whole number", () => {
    expect(Number.isInteger(xWeightedLength("a日😀 https://x.co ©"))).toBe(true);
  });
});

describe("xWeightedLength where it deliberately differs from twitter-text 3.1.0", () => {
  // twitter-text 3.1.0 bundles twemoji-parser 11, which predates these
  // sequences (or, for the last two, finds no emoji sequence at all) and
  // weighs their parts one by one; the property regex weighs each as one
  // emoji, as X's current clients do for sequences Unicode has since added.
  it.each([
    ["❤️‍🔥", 5],
    ["🧑🏽‍🦰", 5],
    ["😀‍😀", 5],
    ["🇦🇦", 4],
  ])("weighs %j as one emoji (twitter-text: %i)", (text, oracle) => {
    expect(parseTweet(text).weightedLength).toBe(oracle);
    expect(xWeightedLength(text)).toBe(2);
  });

  it("accepts any top-level domain of letters after a scheme (twitter-text: its list)", () => {
    expect(parseTweet("https://example.notatld/x").weightedLength).toBe(25);
    expect(xWeightedLength("https://example.notatld/x")).toBe(23);
  });

  it("knows a compact list of top-level domains for links without a scheme", () => {
    expect(xWeightedLength("hello.museum")).toBe(23);
    expect(parseTweet("hello.accountant").weightedLength).toBe(23);
    expect(xWeightedLength("hello.accountant")).toBe(16);
  });

  it("finds no link without a scheme inside a longer non-ASCII or underscored name", () => {
    expect(extractUrlsWithIndices("日本.co.uk")).toHaveLength(1);
    expect(urlSpans("日本.co.uk")).toEqual([]);
    expect(extractUrlsWithIndices("a_b.foo.com")).toHaveLength(1);
    expect(urlSpans("a_b.foo.com")).toEqual([]);
  });
});

describe("urlSpans", () => {
  it("gives each link's UTF-16 range, left to right", () => {
    const text = "read https://example.com/a and t.co/x!";
    expect(urlSpans(text)).toEqual([
      { start: 5, end: 26 },
      { start: 31, end: 37 },
    ]);
    expect(text.slice(5, 26)).toBe("https://example.com/a");
  });

  it.each([
    ["an e-mail address", "user@example.com"],
    ["a mention-like domain", "@example.com"],
    ["a cashtag or hashtag", "$x.com #x.com"],
    ["a scheme glued to a word", "wordhttps://example.com"],
    ["an unknown top-level domain without a scheme", "index.ts"],
    ["a non-http scheme", "ftp://www.example.com/"],
    ["an IP address", "http://192.168.0.1/"],
    ["a label that starts with a hyphen", "https://www.-x.com/"],
    ["no dot at all", "localhost"],
  ])("finds no link in %s", (_, text) => {
    expect(urlSpans(text)).toEqual([]);
  });

  it("ends a link without a scheme at its domain unless a path follows", () => {
    expect(urlSpans("example.com?x=1")).toEqual([{ start: 0, end: 11 }]);
    expect(urlSpans("example.com:8080")).toEqual([{ start: 0, end: 11 }]);
    expect(urlSpans("example.com:8080/x")).toEqual([{ start: 0, end: 18 }]);
  });

  it("keeps a t.co link to its slug, and drops it when the slug is too long", () => {
    expect(urlSpans("https://t.co/abc/def")).toEqual([{ start: 0, end: 16 }]);
    expect(urlSpans(`https://t.co/${"a".repeat(41)}`)).toEqual([]);
  });

  it("keeps balanced parentheses and query endings", () => {
    expect(urlSpans("https://a.com/x_(y)")).toEqual([{ start: 0, end: 19 }]);
    expect(urlSpans("https://a.com/x_(y(z)w)")).toEqual([{ start: 0, end: 23 }]);
    expect(urlSpans("https://a.com/x(")).toEqual([{ start: 0, end: 15 }]);
    expect(urlSpans("https://a.com/?q=1&")).toEqual([{ start: 0, end: 19 }]);
    expect(urlSpans("https://a.com?q=1!")).toEqual([{ start: 0, end: 17 }]);
  });

  it("keeps a t.co link without a slug whole", () => {
    expect(urlSpans("https://t.co/")).toEqual([{ start: 0, end: 13 }]);
    expect(urlSpans("https://t.co/-x")).toEqual([{ start: 0, end: 15 }]);
  });

  it.each(["https://a.com/x(y(z)w", "https://a.com/x((y)", "https://a.com/x(()"])(
    "ends %s before its unbalanced parenthesis",
    (text) => {
      expect(urlSpans(text)).toEqual([{ start: 0, end: 15 }]);
    },
  );

  it("accepts a punycode top-level domain, whatever follows it (as twitter-text does)", () => {
    expect(urlSpans("http://example.xn--p1ai/")).toEqual([{ start: 0, end: 24 }]);
    expect(urlSpans("example.xn--p1ai")).toEqual([{ start: 0, end: 16 }]);
    expect(urlSpans("https://example.xn--p1ai@x")).toEqual([{ start: 0, end: 24 }]);
  });

  it("rejects an empty label or punycode prefix", () => {
    expect(urlSpans("https://a..com")).toEqual([]);
    expect(urlSpans("http://example.xn--/")).toEqual([]);
  });

  it("measures a label mixing ASCII and other letters by its punycode length", () => {
    // "a" * 55 + "é" is 63 characters as punycode, "a" * 56 + "é" is 64.
    expect(urlSpans(`http://${"a".repeat(55)}é.com`)).toHaveLength(1);
    expect(urlSpans(`http://${"a".repeat(56)}é.com`)).toEqual([]);
  });

  it("accepts punycode and non-ASCII hosts, and underscores in subdomains", () => {
    expect(urlSpans("http://xn--n3h.net/")).toEqual([{ start: 0, end: 19 }]);
    expect(urlSpans("http://☃.net/")).toEqual([{ start: 0, end: 13 }]);
    expect(urlSpans("http://test_underscore.twitter.com")).toEqual([{ start: 0, end: 34 }]);
    expect(urlSpans("http://under_score.com")).toEqual([]);
  });

  test.prop([fc.string({ unit: "binary", maxLength: 200 })])(
    "spans are ordered, disjoint and inside the text",
    (text) => {
      let previousEnd = 0;
      for (const { start, end } of urlSpans(text)) {
        expect(start).toBeGreaterThanOrEqual(previousEnd);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(text.length);
        previousEnd = end;
      }
    },
  );
});

describe("graphemeLength", () => {
  it.each([
    ["", 0],
    ["a".repeat(300), 300],
    ["👍🏽", 1],
    ["👨‍👩‍👧", 1],
    ["🇫🇷", 1],
    ["e\u0301", 1],
    ["é", 1],
    ["\r\n", 1],
    ["日本語", 3],
    ["क्षि", 1],
    ["\uD800", 1],
  ])("counts %j as %i", (text, expected) => {
    expect(graphemeLength(text)).toBe(expected);
  });

  const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
  const segmentCount = (text: string) => Array.from(segmenter.segment(text)).length;
  // Characters that Unicode's cluster rules join or split, lone surrogates included.
  const unit = fc.constantFrom(
    ...["a", " ", "日", "ア", "é", "Ж", "ก", "\u0E33", "\u0301", "\u200D", "\uFE0F"],
    ...["👨", "🏽", "🇦", "\r", "\n", "क", "\u094D", "\u0600", "\u1100", "\u1161", "가"],
    ...["\uD800", "\uDC00", "👨‍👩‍👧", "👍🏽"],
  );

  // Long strings, so a fixed number of runs, even under `npm run test:deep`.
  test.prop([fc.array(unit, { minLength: 400, maxLength: 2000 }).map((units) => units.join(""))], {
    numRuns: 200,
  })("counts a long text in pieces exactly as one segmentation does", (text) => {
    expect(graphemeLength(text)).toBe(segmentCount(text));
  });

  // Clusters that the rules join across many characters, and long runs of them, so that a
  // window may end anywhere inside or between them.
  const cluster = fc.constantFrom(
    ...["한", "ѣ", "नमस्ते", "क्षि", "👍🏽", "🇺🇸", "🇦", "👨‍👩‍👧", "e\u0301\u0302", "a", "\r\n"],
    ...["\u1100\u1161\u11A8", "\u0600a", "🏳️‍🌈", "\uD800", "\uDC00", "\u200D", "\u0301"],
  );
  const runs = fc
    .array(fc.tuple(cluster, fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.map(([c, times]) => c.repeat(times)).join(""));

  test.prop([runs, fc.integer({ min: 1, max: 64 })], { numRuns: 300 })(
    "counts long runs window by window exactly as one segmentation does, whatever the window",
    (text, window) => {
      expect(graphemesUpTo(text, Number.POSITIVE_INFINITY, true, window)).toBe(segmentCount(text));
    },
  );

  test.prop([runs, fc.integer({ min: 2, max: 64 }), fc.nat(400)], { numRuns: 300 })(
    "up to a limit: exact within it, past it more than the limit and no more than the text",
    (text, window, limit) => {
      const whole = segmentCount(text);
      const count = graphemesUpTo(text, limit, true, window);
      if (whole <= limit) expect(count).toBe(whole);
      else {
        expect(count).toBeGreaterThan(limit);
        expect(count).toBeLessThanOrEqual(whole);
      }
    },
  );

  test.prop([runs, fc.integer({ min: 1, max: 64 }), fc.nat()], { numRuns: 300 })(
    "a prefix cut anywhere counts no more than the text it was cut from",
    (text, window, at) => {
      const end = at % (text.length + 1);
      const whole = segmentCount(text);
      const prefix = graphemesUpTo(text.slice(0, end), Number.POSITIVE_INFINITY, false, window);
      expect(prefix).toBeLessThanOrEqual(whole);
      expect(prefix).toBeGreaterThanOrEqual(end === text.length ? whole - 1 : 0);
    },
  );

  // With the window in use (1,024 units): clusters straddling its ends, and its multiples.
  test.prop([cluster, fc.integer({ min: 1000, max: 1100 }), fc.integer({ min: 1, max: 400 })], {
    numRuns: 60,
  })("counts clusters that straddle the windows' ends", (c, before, times) => {
    const text = `${"x".repeat(before)}${c.repeat(times)}${"日".repeat(before)}${c.repeat(times)}`;
    expect(graphemeLength(text)).toBe(segmentCount(text));
  });

  // Work counted, not timed: the segmenter is handed short windows that overlap by a cluster.
  describe("hands the segmenter windows of at most 1,024 units, about the text in all", () => {
    const scripts = denseScripts;
    it.each(scripts)("%s, 250,000 units with no whitespace", (_, c, expected) => {
      const text = c.repeat(Math.floor(250_000 / c.length));
      // The reference, one segmentation of the whole text, takes a minute: checked on a sample.
      const sample = c.repeat(Math.floor(2_000 / c.length));
      expect(segmentCount(sample) / sample.length).toBeCloseTo(expected / text.length, 3);
      const pieces: number[] = [];
      const count = graphemesUpTo(text, Number.POSITIVE_INFINITY, true, 1024, (piece) => {
        pieces.push(piece.length);
        return segmenter.segment(piece);
      });
      expect(count).toBe(expected);
      expect(Math.max(...pieces)).toBeLessThanOrEqual(1024);
      expect(pieces.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(1.05 * text.length);
    });

    it("graphemeLength goes through the same windows", () => {
      const segment = vi.spyOn(Intl.Segmenter.prototype, "segment");
      try {
        const text = "한".repeat(250_000);
        expect(graphemeLength(text)).toBe(250_000);
        const pieces = segment.mock.calls.map(([piece]) => piece.length);
        expect(Math.max(...pieces)).toBeLessThanOrEqual(1024);
        expect(pieces.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(1.01 * text.length);
      } finally {
        segment.mockRestore();
      }
    });

    it("a cluster longer than the window: windows doubled, each asked for one boundary", () => {
      for (const long of [`e${"\u0301".repeat(100_000)}`, "\u1100".repeat(100_000)]) {
        const text = `${long}${"日".repeat(5_000)}${long}`;
        const pieces: number[] = [];
        let steps = 0;
        const count = graphemesUpTo(text, Number.POSITIVE_INFINITY, true, 1024, (piece) => {
          pieces.push(piece.length);
          return (function* () {
            for (const s of segmenter.segment(piece)) {
              steps++;
              yield s;
            }
          })();
        });
        expect(count).toBe(5_002);
        // Each long cluster costs at most 4 × its length in windows; the rest, about its length.
        expect(pieces.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(8 * 100_001 + 6_000);
        expect(steps).toBeLessThanOrEqual(1.1 * count + 2 * pieces.length);
      }
    });
  });
});

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["e\u0301", 2],
    ["é", 1],
    ["👍🏽", 2],
    ["👨‍👩‍👧", 5],
    ["𝒳", 1],
    ["\uD800", 1],
    ["\uDC00\uD800", 2],
    ["\uD800a", 2],
  ])("counts %j as %i", (text, expected) => {
    expect(codePointLength(text)).toBe(expected);
  });

  test.prop([fc.string({ unit: "binary", maxLength: 100 })])(
    "counts what the string iterator counts",
    (text) => {
      expect(codePointLength(text)).toBe(Array.from(text).length);
    },
  );
});

describe("mastodonLength", () => {
  it.each([
    ["@alice@example.social", 6],
    ["@alice", 6],
    ["hi @arnt@grå.org, then", 14],
    ["@bob@example.com look https://example.com", 33],
    [`https://example.com/${"x".repeat(100)}`, 23],
    ["https://mastodon.social/@alice x", 25],
    ["https://example.com/@arnt@grå.org", 23],
    ["see example.com here", 20],
    ["mail arnt@grå.org", 17],
    ["foo@arnt@grå.org", 16],
    ["a=@b@c.de", 9],
    ["https://example.com/x,@bob@c.org", 23],
    // The server counts grapheme clusters (StatusLengthValidator), not code points.
    ["👍🏽", 1],
    ["👨‍👩‍👧 e\u0301", 3],
  ])("counts %j as %i", (text, expected) => {
    expect(mastodonLength(text)).toBe(expected);
  });

  it("reaches 500 with a link of any length among 477 other characters", () => {
    const text = `${"a".repeat(476)} https://example.com/${"p".repeat(300)}`;
    expect(mastodonLength(text)).toBe(500);
  });
});

describe("textLength", () => {
  const text = "👍🏽 ok https://example.com/path @a@b.social";

  it.each([
    ["characters", codePointLength(text)],
    ["x-weighted", xWeightedLength(text)],
    ["graphemes", graphemeLength(text)],
    ["mastodon", mastodonLength(text)],
  ] as const)("counts %s with the function of that name", (counting, expected) => {
    expect(textLength(text, counting)).toBe(expected);
  });

  it("counts code points for a counting it does not know, rather than throwing", () => {
    expect(textLength("👍🏽", "bytes" as TextCounting)).toBe(2);
  });

  const counting = fc.constantFrom<TextCounting>(
    "characters",
    "x-weighted",
    "graphemes",
    "mastodon",
  );
  test.prop([fc.string({ unit: "binary", maxLength: 300 }), counting])(
    "is a whole number, never negative, never a throw, for any string",
    (input, how) => {
      const length = textLength(input, how);
      expect(Number.isInteger(length)).toBe(true);
      expect(length).toBeGreaterThanOrEqual(0);
    },
  );

  test.prop([fc.string({ unit: "grapheme", maxLength: 100 })])(
    "never counts more graphemes than code points",
    (input) => {
      expect(graphemeLength(input)).toBeLessThanOrEqual(codePointLength(input));
    },
  );
});

describe("utf8Length", () => {
  test.prop([fc.string({ unit: "binary" })])(
    "is the length TextEncoder writes, lone surrogates included",
    (text) => {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    },
  );
});

describe("threadsLength", () => {
  it.each([
    ["ok", 2],
    ["ok 👍", 7],
    ["👍🏽", 8],
    ["👨‍👩‍👧‍👦", 25],
    ["e\u0301", 2],
  ])("counts %j as %i: code points, emoji as their UTF-8 bytes", (text, expected) => {
    expect(threadsLength(text)).toBe(expected);
  });
});

describe("textLengthWithin", () => {
  const countings: readonly TextCounting[] = [
    "characters",
    "x-weighted",
    "graphemes",
    "mastodon",
    "threads",
    "utf8-bytes",
  ];

  // Pieces that meet at a cut in every way that matters: every separator (CR LF too) before
  // and after links, mentions, emoji sequences, marks, a Prepend character, Hangul jamo and
  // lone surrogates; links and hosts that a cut would make into something else
  // (`https://…aaa.c` + `om`), and a mention whose host a cut would shorten.
  const piece = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
    fc.constantFrom(" ", "  ", "\n", "\r\n", "\r", "\t", "\v", "\f", "\u00A0", "\u3000", "\u2028"),
    fc.constantFrom(" ", "\n", " ", "\n"),
    fc.constantFrom(
      "日本語",
      "漢",
      "か\u3099",
      "가",
      "\u1100",
      "\u1161",
      "Ж",
      "é",
      "e\u0301",
      "\u0301",
    ),
    fc.constantFrom("\u0600", "\u0915\u094D", "\u200D", "\uFE0F", "\u20E3", "\uD800", "\uDC00"),
    fc.constantFrom(...knownEmoji, "👨", "🏽", "🇦", "🏴", "\u{E0067}", "\u{E007F}", "❤️‍🔥"),
    fc.constantFrom("https://", "http://", "://", ".", "com", "c", "om", "/", "?", "=", "(", ")"),
    fc.constantFrom("a".repeat(30), "example", ".social", "@", "@alice", "@alice@example.social"),
    urlPath.map((path) => `https://example.com/${path}`),
    fc.constantFrom("example.com/x", "t.co/abc", "https://t.co/", "#tag", "$x.com"),
  );
  const draft = fc.array(piece, { maxLength: 160, size: "max" }).map((pieces) => pieces.join(""));

  test.prop([draft, fc.constantFrom(...countings), fc.integer({ min: 0, max: 160 })])(
    "for every text and limit, agrees with textLength on whether it fits, and equals it when it fits",
    (text, counting, limit) => {
      const whole = textLength(text, counting);
      const within = textLengthWithin(text, counting, limit);
      if (whole <= limit) {
        expect(within).toBe(whole);
      } else {
        expect(within).toBeGreaterThan(limit);
        expect(within).toBeLessThanOrEqual(whole);
      }
    },
  );

  const readFrom = (text: string) => (end: number) => text.slice(0, end);

  // The lemmas the early stops rest on, each proven apart.
  test.prop([
    draft,
    fc.constantFrom<TextCounting>("x-weighted", "mastodon"),
    fc.integer({ min: 1, max: 64 }),
  ])(
    "X's and Mastodon's lengths add up across every cut it makes (from short prefixes, no limit)",
    (text, counting, firstEnd) => {
      const chunked = lengthWithinPrefixes(
        text.length,
        readFrom(text),
        counting,
        Number.POSITIVE_INFINITY,
        firstEnd,
      );
      expect(chunked).toBe(textLength(text, counting));
    },
  );

  test.prop([
    fc.oneof(draft, fc.string({ unit: "binary", maxLength: 200 })),
    fc.constantFrom<TextCounting>("characters", "utf8-bytes", "threads", "graphemes"),
    fc.nat(),
  ])(
    "a prefix never counts more than the whole (code points, bytes, Threads, graphemes)",
    (text, counting, at) => {
      const cut = text.length === 0 ? 0 : at % (text.length + 1);
      // Graphemes are monotone over prefixes of characters: a pair cut in two leaves a
      // lone surrogate, a cluster of its own ("👩\ud83c" is 2, "👩🏾" is 1), which is
      // why graphemesUpTo drops a prefix's trailing high surrogate.
      const splitsPair =
        counting === "graphemes" &&
        cut > 0 &&
        cut < text.length &&
        /[\ud800-\udbff]/.test(text[cut - 1] ?? "") &&
        /[\udc00-\udfff]/.test(text[cut] ?? "");
      const end = splitsPair ? cut - 1 : cut;
      expect(textLength(text.slice(0, end), counting)).toBeLessThanOrEqual(
        textLength(text, counting),
      );
    },
  );

  test("a prefix cut inside a pair counts the clusters that start in it, not the lone half", () => {
    const whole = "a00A👩🏾";
    const cut = whole.slice(0, -1);
    expect(textLength(cut, "graphemes")).toBe(6);
    expect(graphemesUpTo(cut, Number.POSITIVE_INFINITY, false)).toBe(
      textLength(whole, "graphemes"),
    );
  });

  test.prop([
    fc.oneof(draft, fc.string({ unit: "binary", maxLength: 200 })),
    fc.constantFrom<TextCounting>("characters", "utf8-bytes", "threads"),
  ])(
    "every UTF-16 unit adds at least a half (code points, Threads) or a byte",
    (text, counting) => {
      const perUnit = counting === "utf8-bytes" ? 1 : 0.5;
      expect(textLength(text, counting)).toBeGreaterThanOrEqual(text.length * perUnit);
    },
  );

  test.prop([
    draft,
    fc.constantFrom(...countings),
    fc.integer({ min: 0, max: 160 }),
    fc.integer({ min: 1, max: 64 }),
  ])(
    "from any first prefix, exact within the limit and between the limit and the whole past it",
    (text, counting, limit, firstEnd) => {
      const whole = textLength(text, counting);
      const within = lengthWithinPrefixes(text.length, readFrom(text), counting, limit, firstEnd);
      if (whole <= limit) expect(within).toBe(whole);
      else expect([within > limit, within <= whole]).toEqual([true, true]);
    },
  );

  // Long stretches with no whitespace, where Mastodon counts clusters up to a `@` or a `://`.
  const stretch = fc
    .array(
      fc.tuple(
        fc.constantFrom(
          ...["한", "ѣ", "नमस्ते", "👍🏽", "🇺🇸", "👨‍👩‍👧", "e\u0301", "a", "\uD83D", "@", "://"],
          ...["https://a.co/x", "@a@b.social", "http:/", " ", "\u0600"],
        ),
        fc.integer({ min: 1, max: 40 }),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.map(([c, times]) => c.repeat(times)).join(""));
  test.prop([
    stretch,
    fc.constantFrom<TextCounting>("graphemes", "mastodon"),
    fc.integer({ min: 0, max: 160 }),
    fc.integer({ min: 1, max: 64 }),
  ])(
    "long stretches without whitespace: exact within the limit, between it and the whole past it",
    (text, counting, limit, firstEnd) => {
      const whole = textLength(text, counting);
      const within = lengthWithinPrefixes(text.length, readFrom(text), counting, limit, firstEnd);
      if (whole <= limit) expect(within).toBe(whole);
      else expect([within > limit, within <= whole]).toEqual([true, true]);
    },
  );

  test.prop([
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom(...countings),
    fc.integer({ min: -2, max: 200 }),
  ])(
    "past the limit, never counts more than the text holds (any string)",
    (text, counting, limit) => {
      const whole = textLength(text, counting);
      const within = textLengthWithin(text, counting, limit);
      expect(within).toBe(whole <= limit ? whole : within);
      expect(within).toBeGreaterThan(whole <= limit ? -1 : limit);
      expect(within).toBeLessThanOrEqual(whole);
    },
  );

  it("shows what its doc comment shows", () => {
    expect(textLengthWithin("👍🏽 ok", "graphemes", 300)).toBe(4);
    const long = "Launch day! ".repeat(1_000_000);
    expect(textLengthWithin(long, "x-weighted", 280)).toBe(558);
    expect(textLengthWithin(long, "characters", 2200)).toBe(4402);
  });

  it("counts the whole text for a limit that is not a number, and nothing that is not a string", () => {
    expect(textLengthWithin("a b c", "x-weighted", Number.NaN)).toBe(5);
    expect(textLengthWithin("a b c", "graphemes", "3" as unknown as number)).toBe(5);
    expect(textLengthWithin(null as unknown as string, "characters", 10)).toBe(0);
    expect(textLengthWithin("👍🏽", "bytes" as TextCounting, 10)).toBe(2);
  });

  // Work counted, never timed: the counter sees the text only through the prefixes it asks for.
  describe("reads a 10,000,000-character draft only as far as its limit needs", () => {
    const sentence = "Launch day! https://example.com/launch #tag @who 日本 👍🏽 e\u0301 ok\n";
    const text = sentence.repeat(Math.ceil(10_000_000 / sentence.length));

    const reading = (counting: TextCounting, limit: number) => {
      const ends: number[] = [];
      const count = lengthWithinPrefixes(
        text.length,
        (end) => {
          ends.push(end);
          return text.slice(0, end);
        },
        counting,
        limit,
      );
      return { count, read: ends.reduce((sum, end) => sum + end, 0) };
    };

    it.each(
      countings.flatMap((counting) => [280, 1120, 5000].map((limit) => [counting, limit] as const)),
    )(
      "%s up to %i: past the limit, having read at most 8 × (limit + 1) characters in all",
      (counting, limit) => {
        const { count, read } = reading(counting, limit);
        expect(count).toBeGreaterThan(limit);
        expect(read).toBeLessThanOrEqual(8 * (limit + 1));
      },
    );
  });

  describe("what it must read whole, by design", () => {
    const readingOf = (text: string, counting: TextCounting, limit: number) => {
      const ends: number[] = [];
      const count = lengthWithinPrefixes(
        text.length,
        (end) => {
          ends.push(end);
          return text.slice(0, end);
        },
        counting,
        limit,
      );
      return { count, furthest: Math.max(...ends) };
    };

    it.each(["x-weighted", "mastodon"] as const)(
      "%s reads a stretch without whitespace to its end: a cut inside it could make a link",
      (counting) => {
        // Cut before `om`, the prefix is 39 characters and no link; the whole is a link, 23.
        const cut = `https://${"a".repeat(29)}.c`;
        expect(textLength(cut, counting)).toBe(39);
        expect(readingOf(`${cut}om`, counting, 0)).toEqual({ count: 23, furthest: 41 });
        // Mastodon can tell a stretch with no `@` and no `://` from the clusters read.
        const word = `${counting === "mastodon" ? "@" : "a"}${"a".repeat(99_999)}`;
        expect(readingOf(word, counting, 30)).toEqual({ count: 100_000, furthest: 100_000 });
      },
    );

    it.each(["한", "ѣ", "नमस्ते", "👍🏽", "🇺🇸"])(
      "Mastodon reads a stretch of %s with no `@` or `://` only as far as its limit needs",
      (c) => {
        const text = c.repeat(Math.ceil(250_000 / c.length)).slice(0, 250_000);
        const { count, furthest } = readingOf(text, "mastodon", 500);
        expect(count).toBeGreaterThan(500);
        expect(furthest).toBeLessThanOrEqual(8 * 501);
      },
    );

    it("a grapheme cluster is read whole, however long", () => {
      const cluster = `e${"\u0301".repeat(10_000)}`;
      expect(textLengthWithin(cluster, "graphemes", 1)).toBe(1);
      expect(textLengthWithin(`${cluster}a`, "graphemes", 1)).toBe(2);
    });
  });
});

describe("a value that is not a string, and lone surrogates", () => {
  const measures = {
    codePointLength,
    graphemeLength,
    mastodonLength,
    threadsLength,
    utf8Length,
    xWeightedLength,
  } as const;
  const allCountings: readonly TextCounting[] = [
    "characters",
    "x-weighted",
    "graphemes",
    "mastodon",
    "threads",
    "utf8-bytes",
  ];
  const notText: readonly unknown[] = [
    null,
    undefined,
    42,
    12n,
    true,
    Symbol("text"),
    new String("abc"),
    ["abc"],
    { toString: 1 },
    { length: 2 ** 40 },
    Object.create(null),
    Uint16Array.from([0x61, 0x62]),
  ];

  it.each(Object.entries(measures))(
    "%s counts a value that is not a string as empty text: 0",
    (_, measure) => {
      for (const value of notText) expect(measure(value as string)).toBe(0);
    },
  );

  it("urlSpans finds no link in a value that is not a string", () => {
    for (const value of notText) expect(urlSpans(value as string)).toEqual([]);
  });

  it("textLength and textLengthWithin count it as empty, whatever the counting and limit", () => {
    for (const value of notText) {
      expect(textLength(value as string, "x-weighted")).toBe(0);
      expect(textLength(value as string, value as TextCounting)).toBe(0);
      expect(textLengthWithin(value as string, "graphemes", value as number)).toBe(0);
    }
  });

  it("textLengthWithin reads a counting or limit it cannot read: code points, the whole text, 0 below 0", () => {
    for (const counting of [null, 42, { toString: 1 }, "bytes"]) {
      expect(textLengthWithin("👍🏽 ok", counting as TextCounting, 10)).toBe(5);
    }
    for (const limit of [null, undefined, "3", 3n, { valueOf: 1 }, Number.NaN]) {
      expect(textLengthWithin("a b c", "x-weighted", limit as number)).toBe(5);
    }
    // Below 0 is 0: an empty text is exact, any other is past the limit, and never read further.
    expect(textLengthWithin("", "characters", -5)).toBe(0);
    expect(textLengthWithin("abc", "characters", -5)).toBe(
      textLengthWithin("abc", "characters", 0),
    );
    expect(textLengthWithin("a".repeat(1000), "utf8-bytes", Number.NEGATIVE_INFINITY)).toBe(1);
  });

  it.each([
    ["\ud800", 1, 1, 2, 3, 1],
    ["a\udc00b", 3, 3, 4, 5, 3],
    ["\udc00\ud800", 2, 2, 4, 6, 2],
    ["👍\ud83d", 2, 2, 4, 7, 5],
  ])(
    "counts %j with lone surrogates: %i code points, %i graphemes, X %i, %i bytes, Threads %i",
    (text, codePoints, graphemes, x, bytes, threads) => {
      expect(codePointLength(text)).toBe(codePoints);
      expect(graphemeLength(text)).toBe(graphemes);
      expect(mastodonLength(text)).toBe(graphemes);
      expect(xWeightedLength(text)).toBe(x);
      expect(utf8Length(text)).toBe(bytes);
      expect(threadsLength(text)).toBe(threads);
      expect(urlSpans(text)).toEqual([]);
    },
  );

  test.prop([fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom(...allCountings)])(
    "every counting answers a whole number for any string, lone surrogates included",
    (text, counting) => {
      const length = textLength(text, counting);
      expect(Number.isInteger(length)).toBe(true);
      expect(length).toBeGreaterThanOrEqual(0);
      expect(textLengthWithin(text, counting, Number.POSITIVE_INFINITY)).toBe(length);
      for (const { start, end } of urlSpans(text)) {
        expect(0 <= start && start < end && end <= text.length).toBe(true);
      }
    },
  );
});

// `preflight` refuses a text over maxTextLength as `post_shape` before anything counts it;
// `contentViolations` is what it and `apply` run on a post known to be one, and the counters
// stay bounded whatever reaches them.
describe("preflight's content rules on drafts far over a limit", () => {
  const huge = (platform: string, content: string): Post => ({
    ...postTo(platform),
    content,
  });
  const draft = "Launch day! ".repeat(1_000_000);

  it.each([
    ["x", "text_length", 280],
    ["bluesky", "text_length", 300],
    ["bluesky", "text_bytes", 3000],
    ["mastodon", "text_length", 500],
    ["threads", "text_length", 500],
    ["linkedin", "text_length", 3000],
  ] as const)(
    "%s: %s says more than four times the limit, with no actual it did not count",
    (platform, rule, limit) => {
      const found = contentViolations(huge(platform, draft)).filter((v) => v.rule === rule);
      expect(found).toEqual([expect.objectContaining({ rule, limit })]);
      expect(found[0]?.actual).toBeUndefined();
      expect(found[0]?.message).toMatch(new RegExp(`has more than ${4 * limit}$`));
    },
  );

  it("counts exactly up to four times the limit: how much to cut", () => {
    const [v] = preflight(huge("x", "a".repeat(4 * 280))).violations;
    expect(v).toMatchObject({ rule: "text_length", limit: 280, actual: 1120 });
    expect(v?.message).toMatch(/has 1120$/);
  });

  it("a title, hashtags, mentions and links past four times their limit say so too", () => {
    const title = preflight(huge("youtube", "T".repeat(401))).violations;
    expect(title).toEqual([
      expect.objectContaining({
        rule: "title_length",
        limit: 100,
        message: expect.stringMatching(/has more than 400$/),
      }),
      expect.objectContaining({ rule: "media_required" }),
    ]);
    expect(title[0]?.actual).toBeUndefined();
    const tags = Array.from({ length: 130 }, (_, i) => `#t${i} @u${i}`).join(" ");
    const counted = preflight(huge("instagram", tags)).violations.filter((v) =>
      v.rule.endsWith("_count"),
    );
    expect(counted.map((v) => [v.rule, v.actual, v.message.replace(/.*; /, "")])).toEqual([
      ["hashtag_count", undefined, "the text has more than 120"],
      ["mention_count", undefined, "the text has more than 80"],
    ]);
    const links = Array.from({ length: 21 }, (_, i) => `https://example${i}.com`).join(" ");
    const [link] = preflight(huge("threads", links)).violations;
    expect(link).toMatchObject({
      rule: "link_count",
      limit: 5,
      message: expect.stringMatching(/more than 20$/),
    });
    expect(link?.actual).toBeUndefined();
  });

  // Work counted, not timed: X normalises each chunk it counts, and nothing else does.
  it("reads a 12,000,000-character draft to X no further than 8 × (1,120 + 1) characters", () => {
    const normalize = vi.spyOn(String.prototype, "normalize");
    try {
      // Not ASCII: X counts ASCII text by its length, without normalising it, so the probe
      // (what normalize is handed) sees only a text with something to normalise.
      contentViolations(huge("x", "Lancement du café ! ".repeat(600_000)));
      const read = normalize.mock.contexts.reduce<number>(
        (sum, text) => sum + String(text).length,
        0,
      );
      expect(read).toBeGreaterThan(1120);
      expect(read).toBeLessThanOrEqual(8 * 1121);
    } finally {
      normalize.mockRestore();
    }
  });

  it("counts hashtags, mentions and links in a text refused for its length only in what its length read", () => {
    // 17,602 characters: Instagram's limit, times four, plus one, times two (two units a code point).
    const tags = `${"#tag ".repeat(10)}${"word ".repeat(3_514)}${"#tag @who ".repeat(100)}`;
    // A text within the part that its length read is read whole: the count is exact.
    const short = preflight(huge("instagram", `${"#tag ".repeat(31)}${"a".repeat(8_800)}`));
    expect(short.violations.find((v) => v.rule === "hashtag_count")).toMatchObject({ actual: 31 });
    // The first ten are read, the hundred after the first 17,602 characters are not.
    expect(preflight(huge("instagram", tags)).violations.map((v) => v.rule)).toEqual([
      "text_length",
      "media_required",
    ]);
    const early = preflight(
      huge("instagram", `${"#tag @who ".repeat(32)}${"word ".repeat(4_000)}`),
    );
    const counted = early.violations.filter((v) => v.rule !== "media_required");
    expect(counted.map((v) => [v.rule, v.actual, v.message.replace(/.*; /, "")])).toEqual([
      ["text_length", undefined, "the text has more than 8800"],
      ["hashtag_count", undefined, "the text has at least 32"],
      ["mention_count", undefined, "the text has at least 32"],
    ]);
    const links = Array.from({ length: 7 }, (_, i) => `https://example${i}.com`).join(" ");
    const threads = preflight(huge("threads", `${links} ${"word ".repeat(19_000)}`));
    expect(threads.violations.map((v) => v.message.replace(/.*; /, ""))).toEqual([
      "the text has more than 2000",
      "the text has at least 7",
    ]);
  });

  // Work counted, not timed: every regular expression, normalisation and segmentation sees at
  // most the part of the text a limit needs (YouTube's forbidden characters are looked for in
  // the whole text, with String.prototype.includes: a text within its limit holds them anywhere).
  it("reads drafts of 100,000 and 12,000,000 characters to every platform in parts of at most 17,602", () => {
    const seen: number[] = [];
    const exec = RegExp.prototype.exec;
    const spies = [
      vi.spyOn(RegExp.prototype, "exec").mockImplementation(function (this: RegExp, text) {
        seen.push(text.length);
        return exec.call(this, text);
      }),
      vi.spyOn(String.prototype, "normalize"),
      vi.spyOn(Intl.Segmenter.prototype, "segment"),
    ];
    const every = ["x", "linkedin", "instagram", "facebook", "threads", "tiktok", "youtube"];
    const line = "Launch day! Read https://example.com/a #launch @team 日本語 👍🏽 e\u0301\n";
    const lines = line.repeat(12_000_000 / line.length);
    try {
      for (const platform of [...every, "bluesky", "pinterest", "mastodon"]) {
        expect(contentViolations(huge(platform, lines))).toContainEqual(
          expect.objectContaining({
            rule: "text_length",
            message: expect.stringMatching(/more than/),
          }),
        );
        const atCeiling = preflight(huge(platform, lines.slice(0, maxTextLength)));
        expect(atCeiling.violations).toContainEqual(
          expect.objectContaining({ rule: "text_length" }),
        );
      }
      for (const spy of spies.slice(1)) {
        for (const [text] of spy.mock.calls) seen.push(String(text).length);
        for (const text of spy.mock.contexts) if (typeof text === "string") seen.push(text.length);
      }
      // Instagram's hashtags: 2 × (4 × 2,200 + 1) UTF-16 units at most.
      expect(Math.max(...seen)).toBeLessThanOrEqual(17_602);
      expect(seen.length).toBeGreaterThan(0);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
