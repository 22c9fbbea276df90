/**
 * Text length as each platform counts it, for the preflight content rules.
 *
 * Platforms disagree on what a character is. X weighs code points, counts
 * every link as 23 and every emoji as 2 (twitter-text's published
 * configuration v3); Bluesky counts user-perceived characters (grapheme
 * clusters); Mastodon counts links as 23 and a remote mention by its local
 * part; LinkedIn, Instagram, Threads and TikTok count Unicode code points.
 *
 * Every function these files export is total and pure: any string in (lone surrogates
 * included), a whole number out, nothing thrown, no state kept between calls.
 * A value that is not a string (`null`, a number, a `String` object, an object
 * from untyped JSON) counts as empty text: each measure answers 0 and
 * `urlSpans` no link, without reading the value (no `toString` is called).
 * The regular expressions are built once, at module level (the global ones are
 * only used through `matchAll`, which works on a copy); scanning is linear in
 * the text. `textLengthWithin` counts against a limit and reads no further than
 * the limit needs, so that its cost is bounded by the limit, not by the text.
 *
 * This file is the face that the rest of postlife and the public entry import;
 * each counting lives in a file of its own under `text-length/`:
 *
 * - `counting.ts`: the countings by name (`TextCounting`) and `textLength`.
 * - `code-points.ts`, `utf8.ts`, `threads.ts`: the dense countings.
 * - `graphemes.ts`: grapheme clusters, handed to `Intl.Segmenter` in windows.
 * - `x-weighted.ts` and `emoji.ts`: X's weighted length and the emoji it weighs as one.
 * - `mastodon.ts`: Mastodon's length, links and remote mentions shortened.
 * - `urls.ts`, `host.ts`, `top-level-domains.ts`, `punycode.ts`, `url-tail.ts`:
 *   finding links as twitter-text's extractor does.
 * - `within.ts` and `cuts.ts`: counting no further than a limit needs.
 */

export { codePointLength } from "./text-length/code-points.js";
export type { TextCounting } from "./text-length/counting.js";
export { textLength } from "./text-length/counting.js";
export { graphemeLength } from "./text-length/graphemes.js";
export { mastodonLength } from "./text-length/mastodon.js";
export { threadsLength } from "./text-length/threads.js";
export { urlSpans } from "./text-length/urls.js";
export { utf8Length } from "./text-length/utf8.js";
export { textLengthWithin } from "./text-length/within.js";
export { xWeightedLength } from "./text-length/x-weighted.js";
