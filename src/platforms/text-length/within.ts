/**
 * Counting no further than a limit.
 *
 * A preflight only asks whether a text fits, so it need not read a draft far
 * longer than its platform's limit. Each counting stops its own way; each is
 * exact while the count is within the limit, and past it returns a count that
 * is more than the limit and no more than the text's whole count.
 *
 * - Code points, UTF-8 bytes and Threads' length are dense: every UTF-16 unit
 *   adds at least half to the count (a code point is at most two units and
 *   counts at least 1; UTF-8 writes at least one byte per unit, so an emoji
 *   counted as its bytes counts at least its units). They are also monotone: a
 *   prefix never counts more than the whole (a pair cut by the end is one lone
 *   surrogate; an emoji sequence cut by the end is matched shorter, over the
 *   same code points, or not at all). So the first 2 × (limit + 1) units
 *   settle it.
 * - Graphemes are monotone but not dense (a cluster may be any length; a
 *   boundary depends on what precedes it and the next character only): growing
 *   prefixes are counted, each no further than the first cluster past the limit.
 * - X's and Mastodon's lengths are neither: a link of thousands of characters
 *   counts 23, and a prefix that cuts a host or a mention can count more than
 *   the whole (`https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaa.c` is 37 characters, no
 *   link; with `om` after it, a link of 23). They add up across a separator
 *   (whitespace, `cuts.ts`): no link, mention or emoji sequence holds one, what
 *   precedes it changes nothing after it, and NFC never composes across it; for
 *   Mastodon's clusters, a cluster must also end before it. So growing prefixes
 *   are counted chunk by chunk, each chunk ending before the last separator
 *   read. A text with no separator for a long stretch is read to the next one:
 *   its words are one unit for X, and the ceiling on text fields bounds it.
 *   Mastodon's is read no further than the limit needs unless it holds a `@`
 *   or a `://` (`mastodonAtLeast`): before them, it counts clusters.
 */

import { codePointLength } from "./code-points.js";
import type { TextCounting } from "./counting.js";
import { cutsMastodon, cutsX, lastCut } from "./cuts.js";
import { graphemesUpTo } from "./graphemes.js";
import { mastodonLength } from "./mastodon.js";
import { threadsLength } from "./threads.js";
import { utf8Length } from "./utf8.js";
import { xWeightedLength } from "./x-weighted.js";

/**
 * No more than Mastodon counts a text that starts with `read` (the text after
 * a cut, as far as it is read), and more than `room` if it can tell: the
 * clusters of the part of `read` that the server measures as it stands. A link
 * starts at its scheme, 4 or 5 units before its `://`, and a remote mention is
 * cut at its second `@`, so nothing before the first `@` or 5 units before the
 * first `://` (one possibly cut by the end of `read` included) is shortened; a
 * text's clusters are at least those of a prefix of it ending at a character's
 * end. So a long stretch without whitespace is read only as far as the limit
 * needs, unless it holds a link or a mention.
 */
const mastodonAtLeast = (read: string, room: number): number => {
  const at = read.indexOf("@");
  const scheme = read.indexOf("://");
  const kept = Math.min(
    at < 0 ? read.length : at,
    (scheme < 0 ? read.length - 2 : scheme) - "https".length,
  );
  return kept > 0 ? graphemesUpTo(read.slice(0, kept), room, false) : 0;
};

/** The first prefix read: enough for the limit in any dense counting, and not tiny. */
const firstPrefix = (limit: number): number => Math.max(16, Math.ceil(2 * (limit + 1)));

/**
 * The count of a text of `length` UTF-16 units that is read only through
 * `prefixOf(end)`, its first `end` units, asking for no more than `limit`
 * needs. What {@link textLengthWithin} does; apart, so that a test can count
 * what it reads, and start from short prefixes (`firstEnd`) to cut a text
 * wherever this would.
 *
 * @internal
 */
export const lengthWithinPrefixes = (
  length: number,
  prefixOf: (end: number) => string,
  counting: TextCounting,
  limit: number,
  firstEnd: number = firstPrefix(limit),
): number => {
  // Dense: one prefix settles it.
  const dense = (units: number, count: (prefix: string) => number): number =>
    count(prefixOf(Math.min(length, units)));
  // Grown: prefixes doubling in length until one counts past the limit or is the text.
  const grown = (step: (prefix: string, whole: boolean) => number): number => {
    for (let end = Math.max(1, firstEnd); ; end *= 2) {
      const whole = end >= length;
      const count = step(prefixOf(whole ? length : end), whole);
      if (whole || count > limit) return count;
    }
  };
  // Additive: what is counted is the text before a cut; each prefix adds the chunk up to its last cut.
  // `atLeast`, if given, counts no less than the text after the last cut holds, from the part read.
  const chunked = (
    count: (text: string) => number,
    cuts: (text: string, i: number) => boolean,
    atLeast?: (read: string, room: number) => number,
  ): number => {
    let counted = 0;
    let total = 0;
    return grown((prefix, whole) => {
      const cut = whole ? prefix.length : lastCut(prefix, counted, cuts);
      if (cut > counted) total += count(prefix.slice(counted, cut));
      counted = cut;
      if (whole || atLeast === undefined || total > limit) return total;
      const more = atLeast(prefix.slice(counted), limit - total);
      return total + more > limit ? total + more : total;
    });
  };
  switch (counting) {
    case "x-weighted":
      return chunked(xWeightedLength, cutsX);
    case "graphemes":
      return grown((prefix, whole) => graphemesUpTo(prefix, limit, whole));
    case "mastodon":
      return chunked(mastodonLength, cutsMastodon, mastodonAtLeast);
    case "threads":
      return dense(Math.ceil(2 * (limit + 1)), threadsLength);
    case "utf8-bytes":
      return dense(Math.floor(limit) + 1, utf8Length);
    default:
      return dense(Math.ceil(2 * (limit + 1)), codePointLength);
  }
};

/**
 * The length of `text` as `counting` counts it, read no further than comparing
 * it with `limit` needs: the exact length when it is at most `limit`, else a
 * number greater than `limit` and no greater than the exact length (the text
 * has at least that many). Use it to check a text against a platform's limit
 * when the text may be far longer: the cost is bounded by the limit, not by the
 * text (for X, by the limit and the longest stretch without whitespace; for
 * Mastodon, by the limit and the longest such stretch holding a `@` or `://`). {@link textLength} reads the whole text.
 *
 * A limit that is not a number (or is NaN) counts the whole text, and a limit
 * below 0 is read as 0; a counting it does not know counts code points, as
 * {@link textLength} does; a `text` that is not a string counts as empty
 * text: 0.
 *
 * @example
 * ```ts
 * import { textLengthWithin } from "postlife";
 * textLengthWithin("👍🏽 ok", "graphemes", 300); // 4: within the limit, exact
 * const draft = "Launch day! ".repeat(1_000_000); // 12,000,000 characters
 * textLengthWithin(draft, "x-weighted", 280); // 558: more than 280, from the first 562 characters
 * textLengthWithin(draft, "characters", 2200); // 4402: more than 2,200, from the first 4,402
 * ```
 * @since 0.1.0
 */
export const textLengthWithin = (text: string, counting: TextCounting, limit: number): number => {
  if (typeof text !== "string") return 0;
  const bound =
    typeof limit !== "number" || Number.isNaN(limit)
      ? Number.POSITIVE_INFINITY
      : Math.max(0, limit);
  return lengthWithinPrefixes(
    text.length,
    (end) => (end >= text.length ? text : text.slice(0, end)),
    counting,
    bound,
  );
};
