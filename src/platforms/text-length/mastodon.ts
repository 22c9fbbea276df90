/**
 * Mastodon's length, as its server's StatusLengthValidator counts it: links
 * and remote mentions shortened, then grapheme clusters.
 */
import { graphemeLength } from "./graphemes.js";
import { findUrls } from "./urls.js";

/** What Mastodon counts a link as, whatever its length. */
const mastodonUrlLength = 23;
// Mastodon's Account::MENTION_RE with a host: `@user@host` counts as `@user`.
const word = String.raw`\p{L}\p{M}\p{Nd}\p{Pc}`;
const remoteMention = /* @__PURE__ */ (() =>
  new RegExp(
    String.raw`(?<![=/${word}])@[a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*@[${word}.\-]+[${word}]`,
    "giu",
  ))();

/**
 * The length Mastodon gives `text` against its 500, as its server's
 * StatusLengthValidator counts: grapheme clusters of the text in which every
 * link with a scheme (`https://…`; Mastodon does not link `example.com`)
 * stands for 23 characters and a remote mention `@user@domain` for `@user`.
 *
 * Mastodon links a broader grammar (non-ASCII paths, `gemini://`, …), so a
 * link it recognises and this does not counts its full length here. A value
 * that is not a string counts as empty text: 0.
 *
 * @example
 * ```ts
 * import { mastodonLength } from "postlife";
 * mastodonLength("@alice@example.social"); // 6
 * mastodonLength("https://example.com/" + "x".repeat(100)); // 23
 * mastodonLength("👍🏽👨‍👩‍👧"); // 2
 * ```
 * @since 0.1.0
 */
export const mastodonLength = (text: string): number => {
  if (typeof text !== "string") return 0;
  const urls = findUrls(text, false);
  // The text as the server measures it: links as 23 characters, remote mentions without their host.
  const cuts: { start: number; end: number; by: string }[] = urls.map((url) => ({
    ...url,
    by: "x".repeat(mastodonUrlLength),
  }));
  let u = 0;
  for (const mention of text.matchAll(remoteMention)) {
    const start = mention.index;
    const end = start + mention[0].length;
    while ((urls[u]?.end ?? Number.POSITIVE_INFINITY) <= start) u++;
    // A mention inside a link is part of the link.
    if ((urls[u]?.start ?? Number.POSITIVE_INFINITY) < end) continue;
    cuts.push({ start: start + mention[0].indexOf("@", 1), end, by: "" });
  }
  cuts.sort((a, b) => a.start - b.start);
  let measured = "";
  let from = 0;
  for (const cut of cuts) {
    measured += text.slice(from, cut.start) + cut.by;
    from = cut.end;
  }
  return graphemeLength(measured + text.slice(from));
};
