/**
 * X's weighted length, as twitter-text's `parseTweet` counts it under its
 * published configuration v3: code points weighed by range, links as 23,
 * emoji sequences as 2.
 */
import { emojiSequence } from "./emoji.js";
import { findUrls } from "./urls.js";

/**
 * The part of twitter-text's configuration v3 that counting uses; the
 * published file also has `version: 3`, `maxWeightedTweetLength: 280` and
 * `emojiParsingEnabled: true`.
 */
const xConfig = {
  scale: 100,
  defaultWeight: 200,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
} as const;

/** Text X weighs one a character: printable ASCII and the usual whitespace. */
const ascii = /^[\t\n\r\x20-\x7E]*$/;

const xWeightOf = (codePoint: number): number => {
  for (const range of xConfig.ranges) {
    if (codePoint >= range.start && codePoint <= range.end) return range.weight;
  }
  return xConfig.defaultWeight;
};

/**
 * X's weighted length, the number X compares with 280: twitter-text's
 * `parseTweet(text).weightedLength` under configuration v3. The text is NFC
 * normalised; a code point weighs 1 in U+0000–U+10FF, U+2000–U+200D,
 * U+2010–U+201F and U+2032–U+2037, else 2 (CJK, emoji); every URL weighs 23
 * whatever its length; every emoji sequence (ZWJ family, flag, keycap, skin
 * tone) weighs 2 as a unit. Weights are whole multiples of the scale, so the
 * result is exact: no rounding. A lone surrogate weighs 2, as twitter-text
 * weighs it; a value that is not a string counts as empty text: 0.
 *
 * @example
 * ```ts
 * import { xWeightedLength } from "postlife";
 * xWeightedLength("a".repeat(280)); // 280
 * xWeightedLength("こんにちは"); // 10
 * xWeightedLength("👨‍👩‍👧 https://example.com/a/very/long/path"); // 26
 * ```
 * @since 0.1.0
 */
export const xWeightedLength = (text: string): number => {
  if (typeof text !== "string") return 0;
  if (ascii.test(text)) {
    // Every ASCII character weighs one, no emoji sequence is ASCII and NFC changes none:
    // the text's length, each URL counted as X's fixed length instead of its own.
    let length = text.length;
    for (const url of findUrls(text, true)) {
      length += xConfig.transformedURLLength - (url.end - url.start);
    }
    return length;
  }
  const normal = text.normalize("NFC");
  const urls = findUrls(normal, true);
  const emoji = Array.from(normal.matchAll(emojiSequence), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  let units = 0;
  let u = 0;
  let e = 0;
  let i = 0;
  while (i < normal.length) {
    // An entity that starts inside one already counted is skipped, as in twitter-text.
    while ((urls[u]?.start ?? Number.POSITIVE_INFINITY) < i) u++;
    while ((emoji[e]?.start ?? Number.POSITIVE_INFINITY) < i) e++;
    const url = urls[u];
    const pictographs = emoji[e];
    if (url?.start === i) {
      units += xConfig.transformedURLLength * xConfig.scale;
      i = url.end;
    } else if (pictographs?.start === i) {
      units += xConfig.defaultWeight;
      i = pictographs.end;
    } else {
      const codePoint = normal.codePointAt(i) as number;
      units += xWeightOf(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
    }
  }
  return units / xConfig.scale;
};
