/**
 * The URLs of a text, found as X finds them. Detection follows twitter-text's
 * extractor: a URL is `http://` or `https://` (any case) or nothing, a host of
 * dot-separated labels ending in a top-level domain (`host.ts`,
 * `top-level-domains.ts`), an optional port, path and query (`url-tail.ts`),
 * and it may not follow a letter, digit, `@`, `$` or `#`.
 *
 * twitter-text's regex also tries every position of a word, where this scanner
 * tries where a word starts. So a bare domain glued to other letters can
 * differ: twitter-text finds `co.uk` in `日本.co.uk` and `b.foo.com` in
 * `a_b.foo.com`, this module finds neither. Links with a scheme, and bare
 * domains set off by spaces or punctuation, are found alike.
 */
import { latin, runFrom } from "./characters.js";
import { domainRunEnd, hostEnd } from "./host.js";
import { asciiHostLength } from "./punycode.js";
import { anyTld, knownTld } from "./top-level-domains.js";
import { queryEnd, tailAt } from "./url-tail.js";

/**
 * A URL found in a text: `text.slice(start, end)`, in UTF-16 indices.
 *
 * @inline
 */
type Span = { readonly start: number; readonly end: number };

/** Where a URL may start: a scheme, or a run of bare-domain characters (labels and dots). */
const candidates = /* @__PURE__ */ (() =>
  new RegExp(String.raw`https?:\/\/|(?:(?!https?:\/\/)[a-z0-9.\-${latin}])+`, "gi"))();
/** A URL never follows these. */
const blocksUrl = /[A-Za-z0-9@＠$#＃\uFFFE\uFEFF\uFFFF]/;
/** A URL without a scheme never follows these either. */
const blocksBareUrl = /[-_./]/;
const notDashOrDot = /[^-.]|$/;
/** A dot followed by what may start a top-level domain (an ASCII letter, or any letter past ASCII). */
const dotBeforeLetter = /\.[A-Za-z\u0080-\uFFFF]/;
const tcoSlugChar = /[a-z0-9]/i;

/** twitter-text rejects URLs longer than this, counted with their scheme and punycode host. */
const maxUrlLength = 4096;
/** t.co links are only a slug long; a longer "slug" is not a t.co link. */
const maxTcoSlugLength = 40;

/**
 * The URLs of `text`, left to right, never overlapping. `bare` also accepts
 * URLs without a scheme (X does, Mastodon does not). Like twitter-text, a
 * rejected match is skipped whole: nothing inside it is looked at again.
 */
export const findUrls = (text: string, bare: boolean): Span[] => {
  const spans: Span[] = [];
  // Every host ends in a dot and a top-level domain, which starts with a letter: without one,
  // there is nothing to scan for (most posts, whose dots end sentences).
  if (!dotBeforeLetter.test(text)) return spans;
  let resume = 0;
  for (const match of text.matchAll(candidates)) {
    const scheme = match[0].endsWith("/");
    // A bare domain starts after the leading `-` and `.` of its run, which then precede it.
    const start = match.index + (scheme ? 0 : match[0].search(notDashOrDot));
    if (start < resume || blocksUrl.test(text.charAt(start - 1))) continue;
    const hostStart = scheme ? start + match[0].length : start;
    const runEnd = scheme ? domainRunEnd(text, hostStart) : match.index + match[0].length;
    const host = hostEnd(text, hostStart, runEnd, scheme ? anyTld : knownTld);
    if (host < 0) continue;
    const tail = tailAt(text, host);
    resume = tail.end;
    if (!scheme && (!bare || blocksBareUrl.test(text.charAt(start - 1)))) continue;
    const asciiHost = asciiHostLength(text, hostStart, host);
    const schemeLength = scheme ? 0 : "https://".length;
    if (
      asciiHost < 0 ||
      schemeLength + tail.end - start - (host - hostStart) + asciiHost > maxUrlLength
    ) {
      continue;
    }
    let end = scheme || tail.path ? tail.end : host;
    if (
      scheme &&
      text.charAt(host) === "/" &&
      text.slice(hostStart, host).toLowerCase() === "t.co"
    ) {
      const slugEnd = runFrom(text, host + 1, tcoSlugChar);
      if (slugEnd - host - 1 > maxTcoSlugLength) continue;
      if (slugEnd > host + 1) end = queryEnd(text, slugEnd);
    }
    spans.push({ start, end });
  }
  return spans;
};

/**
 * The URLs in `text` as X finds them (with `https://`, `http://` or no scheme,
 * like `example.com/path`), as UTF-16 index ranges into `text`, left to
 * right. Used to count links (a `link_count` rule) and to weigh them: X
 * counts any of them as 23 (Mastodon only those with a scheme). Indices refer
 * to `text` as given; X itself measures the NFC form. A value that is not a
 * string holds no link: `[]`.
 *
 * @example
 * ```ts
 * import { urlSpans } from "postlife";
 * urlSpans("read https://example.com/a and t.co/x!"); // [{ start: 5, end: 26 }, { start: 31, end: 37 }]
 * urlSpans("user@example.com"); // [] (an address, not a link)
 * ```
 * @since 0.1.0
 */
export const urlSpans = (text: string): readonly Span[] =>
  typeof text === "string" ? findUrls(text, true) : [];
