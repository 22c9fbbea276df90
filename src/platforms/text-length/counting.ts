/** The ways platforms count a text, and the length of a text in each. */
import { codePointLength } from "./code-points.js";
import { graphemeLength } from "./graphemes.js";
import { mastodonLength } from "./mastodon.js";
import { threadsLength } from "./threads.js";
import { utf8Length } from "./utf8.js";
import { xWeightedLength } from "./x-weighted.js";

/**
 * How a platform counts the length of a text.
 *
 * - `characters`: Unicode code points (LinkedIn, Instagram, Threads, TikTok, ...).
 * - `x-weighted`: X's weighted length, the number compared with 280.
 * - `graphemes`: user-perceived characters (Bluesky).
 * - `mastodon`: code points, with links and remote mentions shortened.
 *
 * @example
 * ```ts
 * import type { TextCounting } from "postlife";
 * const bluesky: TextCounting = "graphemes";
 * ```
 * @since 0.1.0
 */
export type TextCounting =
  | "characters"
  | "x-weighted"
  | "graphemes"
  | "mastodon"
  | "threads"
  | "utf8-bytes";

/**
 * The length of `text` as a platform counts it, for comparing with that
 * platform's limit. Use it where the counting comes from data (a platform's
 * row in the rules table); call the named function where it is fixed. A
 * counting it does not know (untyped JSON may bring any value) counts code
 * points, the most common rule; a `text` that is not a string counts as
 * empty text: 0.
 *
 * @example
 * ```ts
 * import { textLength } from "postlife";
 * textLength("👍🏽 ok", "characters"); // 5
 * textLength("👍🏽 ok", "x-weighted"); // 5
 * textLength("👍🏽 ok", "graphemes"); // 4
 * ```
 * @since 0.1.0
 */
export const textLength = (text: string, counting: TextCounting): number => {
  if (typeof text !== "string") return 0;
  switch (counting) {
    case "x-weighted":
      return xWeightedLength(text);
    case "graphemes":
      return graphemeLength(text);
    case "mastodon":
      return mastodonLength(text);
    case "threads":
      return threadsLength(text);
    case "utf8-bytes":
      return utf8Length(text);
    default:
      // "characters", and any name that untyped JSON might bring: code points,
      // the most common rule, rather than a throw.
      return codePointLength(text);
  }
};
