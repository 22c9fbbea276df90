/**
 * Fixtures for the platform tests (`test/preflight.test.ts`,
 * `spec/platform-rules.test.ts`): media items, one-destination posts, and
 * texts built in each platform's own counting, so that a test can say "this
 * text is exactly at the limit" without asking the code under test.
 */
import type { Media, MediaKind, Post, PostInput } from "../../src/index.js";
import { draftOf } from "./draft.js";

/** A media item of `kind`; `extra` sets its size, duration, ... */
export const mediaItem = (kind: MediaKind, extra: Partial<Media> = {}, n = 0): Media => ({
  kind,
  url: `https://cdn.example.com/${kind}-${n}`,
  ...extra,
});

/** `count` media items of `kind`, the first one with `first` (a size, a duration). */
export const mediaItems = (kind: MediaKind, count: number, first: Partial<Media> = {}): Media[] =>
  Array.from({ length: count }, (_, i) => mediaItem(kind, i === 0 ? first : {}, i));

export interface OneDestination {
  readonly content?: string;
  readonly media?: readonly Media[];
  readonly postType?: string;
  readonly thread?: readonly string[];
  /** The destination's own text, sent instead of the post's content. */
  readonly override?: string;
  readonly scheduledAt?: string;
}

/** A draft going to one account on `platform` (destination id `d-<platform>`). */
export const postTo = (platform: string, options: OneDestination = {}): Post => {
  const input: PostInput = {
    id: `post-${platform}`,
    content: options.content ?? "Hello",
    ...(options.media === undefined ? {} : { media: options.media }),
    ...(options.scheduledAt === undefined ? {} : { scheduledAt: options.scheduledAt }),
    destinations: [
      {
        id: `d-${platform}`,
        platform,
        accountId: `acct-${platform}`,
        ...(options.postType === undefined ? {} : { postType: options.postType }),
        ...(options.override === undefined ? {} : { content: options.override }),
        ...(options.thread === undefined ? {} : { thread: options.thread }),
      },
    ],
  };
  return draftOf(input);
};

// ---------------------------------------------------------------------------
// Texts, each unit with the weight its platform documents

/** Printable ASCII: one character, one code point, one grapheme, weight 1 on X. */
export const ascii = (n: number, letter = "a"): string => letter.repeat(n);

/** CJK ideographs: one code point each, weight 2 on X (twitter-text v3 config). */
export const cjk = (n: number): string => "漢".repeat(n);

/** An emoji outside the BMP: one code point, two UTF-16 units, weight 2 on X. */
export const emoji = (n: number): string => "😀".repeat(n);

/** Thumbs up with a skin tone: one grapheme, two code points, four UTF-16 units. */
export const skinTone = (n: number): string => "👍🏽".repeat(n);

/** "e" with a combining acute accent: one grapheme, two code points. */
export const combining = (n: number): string => "e\u0301".repeat(n);

/** A long link: X and Mastodon count any link as 23, whatever its length. */
export const longUrl = `https://example.com/${"path/".repeat(30)}end`;

/** A remote Mastodon mention: counted as its local part, `@alice` (6 graphemes). */
export const remoteMention = "@alice@example.social";

/** `n` distinct links, separated by spaces. */
export const links = (n: number): string =>
  Array.from({ length: n }, (_, i) => `https://example${i}.com/p`).join(" ");

/** `n` distinct hashtags, separated by spaces. */
export const hashtags = (n: number): string =>
  Array.from({ length: n }, (_, i) => `#tag${i}`).join(" ");

/** `n` distinct @ mentions, separated by spaces. */
export const mentions = (n: number): string =>
  Array.from({ length: n }, (_, i) => `@user${i}`).join(" ");

/** UTF-8 bytes of a text (what the AT Protocol's `maxLength` and YouTube's description count). */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;
