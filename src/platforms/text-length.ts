/**
 * Text length as each platform counts it, for the preflight content rules.
 *
 * Platforms disagree on what a character is. X weighs code points, counts
 * every link as 23 and every emoji as 2 (twitter-text's published
 * configuration v3); Bluesky counts user-perceived characters (grapheme
 * clusters); Mastodon counts links as 23 and a remote mention by its local
 * part; LinkedIn, Instagram, Threads and TikTok count Unicode code points.
 *
 * Every function here is total and pure: any string in (lone surrogates
 * included), a whole number out, nothing thrown, no state kept between calls.
 * A value that is not a string (`null`, a number, a `String` object, an object
 * from untyped JSON) counts as empty text: each measure answers 0 and
 * `urlSpans` no link, without reading the value (no `toString` is called).
 * The regular expressions are built once, at module level (the global ones are
 * only used through `matchAll`, which works on a copy); scanning is linear in
 * the text. `textLengthWithin` counts against a limit and reads no further than
 * the limit needs, so that its cost is bounded by the limit, not by the text.
 */

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
 * A URL found in a text: `text.slice(start, end)`, in UTF-16 indices.
 *
 * @inline
 */
type Span = { readonly start: number; readonly end: number };

// ---------------------------------------------------------------------------
// Code points and graphemes

/**
 * The number of Unicode code points in `text`: what "characters" means to
 * LinkedIn, Instagram, Threads, TikTok and most other platforms. A surrogate
 * pair counts once; a lone surrogate counts as one. A value that is not a
 * string counts as empty text: 0.
 *
 * @example
 * ```ts
 * import { codePointLength } from "postlife";
 * codePointLength("héllo"); // 5
 * codePointLength("👍🏽"); // 2 (thumbs up, skin tone)
 * ```
 * @since 0.1.0
 */
export const codePointLength = (text: string): number =>
  typeof text === "string" ? codePointsBetween(text, 0, text.length) : 0;

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The code points of `text.slice(start, end)`, without the slice. */
const codePointsBetween = (text: string, start: number, end: number): number => {
  let count = end - start;
  for (let i = start; i < end - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      count--;
      i++;
    }
  }
  return count;
};

const graphemeSegmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
/** Printable ASCII has one grapheme per code unit: no need to segment it. */
const printableAscii = /^[\x20-\x7E]*$/;

// V8's segmenter costs about the length of its input for every segment it
// yields (Node 20: 0.6 s for 64,000 Hangul syllables, over a minute for
// 250,000), so the text is handed to it in windows of `graphemeWindow` code
// units. Every boundary the segmenter finds in a window is a boundary of the
// text: Unicode's rules (UAX #29) decide a boundary from what precedes it and
// the character after it only, a window starts at a boundary, and a window
// never ends inside a surrogate pair. Only the window's last segment may be
// cut short by its end: the next window starts where that segment starts. A
// cluster longer than the window (a letter with thousands of marks) is looked
// for in windows twice as long each time, where only its end is asked for.
const graphemeWindow = 1024;
/** What may precede a cluster's start at a space (see `clusterEndsBefore`): no Prepend character. */
const simple = String.raw`\x20-\x7E\u00C0-\u024F\u0391-\u03C9\u0410-\u044F\u05D0-\u05EA\u0621-\u064A\u0E01-\u0E2E\u3041-\u3096\u30A1-\u30FA\u4E00-\u9FFF`;
const precedesCluster = new RegExp(
  String.raw`(?:[${simple}]|\p{Extended_Pictographic}|\p{M})$`,
  "u",
);

/**
 * The number of user-perceived characters (extended grapheme clusters) in
 * `text`, as Bluesky counts its 300: an emoji sequence, a flag, a letter with
 * its combining marks each count once. No normalisation: a decomposed "é"
 * is one cluster as it stands. A lone surrogate is a cluster of its own; a
 * value that is not a string counts as empty text: 0.
 *
 * @example
 * ```ts
 * import { graphemeLength } from "postlife";
 * graphemeLength("👨‍👩‍👧"); // 1
 * graphemeLength("e\u0301"); // 1
 * ```
 * @since 0.1.0
 */
export const graphemeLength = (text: string): number =>
  typeof text !== "string"
    ? 0
    : printableAscii.test(text)
      ? text.length
      : graphemesUpTo(text, Number.POSITIVE_INFINITY);

/**
 * The clusters of `text`, counted window by window and no further than the
 * first cluster past `limit`: the exact count while it is at most `limit`, and
 * never more than the text holds. `complete` false says that `text` is a prefix
 * of a longer text, cut anywhere: then only the clusters that start in it are
 * counted, each a cluster of the longer text. The segmenter is handed windows
 * of `window` units (more only for a cluster longer than that), so the work is
 * linear in the text read.
 *
 * @internal
 */
export const graphemesUpTo = (
  text: string,
  limit: number,
  complete = true,
  window: number = graphemeWindow,
  segment: (piece: string) => Iterable<Intl.SegmentData> = (piece) =>
    graphemeSegmenter.segment(piece),
): number => {
  // A prefix cut inside a surrogate pair: its high surrogate is not a character of the text.
  const length =
    !complete && isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.length - 1 : text.length;
  const step = Math.max(2, Math.floor(window));
  let count = 0;
  let size = step;
  for (let from = 0; from < length && count <= limit; ) {
    let to = Math.min(length, from + size);
    // Never end a window between the two halves of a pair.
    if (
      to < length &&
      isHighSurrogate(text.charCodeAt(to - 1)) &&
      isLowSurrogate(text.charCodeAt(to))
    ) {
      to = to - 1 > from ? to - 1 : to + 1;
    }
    const last = to === length && complete;
    const piece = text.slice(from, to);
    if (printableAscii.test(piece) && (last || piece.length > 1)) {
      // One cluster per unit; the last unit's cluster may go on past the window.
      const counted = last ? piece.length : piece.length - 1;
      count += counted;
      from += counted;
      size = step;
      continue;
    }
    // Where the window's last segment starts, and where the next window starts.
    let lastStart = -1;
    let next = -1;
    for (const { index } of segment(piece)) {
      if (!last && index >= step) {
        next = index;
        break;
      }
      lastStart = index;
      if (++count > limit) break;
    }
    if (count > limit || last) break;
    if (next < 0) {
      // The last segment may go on past the window: count it from the next one.
      count--;
      next = lastStart;
    }
    if (next > 0) {
      from += next;
      size = step;
    } else if (to === length) {
      // The prefix ends inside its first cluster, which starts a cluster of the text.
      return count + 1;
    } else {
      // A cluster longer than the window.
      size *= 2;
    }
  }
  return count;
};

// ---------------------------------------------------------------------------
// URLs
//
// Detection follows twitter-text's extractor: a URL is `http://` or `https://`
// (any case) or nothing, a host of dot-separated labels ending in a top-level
// domain, an optional port, path and query, and it may not follow a letter,
// digit, `@`, `$` or `#`. Where twitter-text checks the top-level domain
// against its full list (some 1,500 names), this module chooses a compact
// approach:
//
// - After an explicit scheme, any top-level domain of two or more letters (or
//   `xn--` punycode) is accepted. Whoever writes `https://` means a link, and
//   the live TLD list keeps growing past any copy frozen into a library; the
//   check only misjudges made-up domains such as `https://example.notatld`.
// - Without a scheme (`example.com/path`), only ASCII domains whose
//   top-level domain is in `knownTlds` count: every two-letter country code
//   (the fixed ISO set, common in shared links: t.co, bit.ly, youtu.be,
//   github.io) and the generic domains most used in posts. A bare domain on
//   a rarer generic TLD (`hello.museum` is in, `hello.accountant` is not)
//   counts as its characters where X would count 23.
//
// twitter-text's regex also tries every position of a word, where this scanner
// tries where a word starts. So a bare domain glued to other letters can
// differ: twitter-text finds `co.uk` in `日本.co.uk` and `b.foo.com` in
// `a_b.foo.com`, this module finds neither. Links with a scheme, and bare
// domains set off by spaces or punctuation, are found alike.

// twitter-text's latinAccentChars: letters with diacritics and combining marks.
const latin = String.raw`\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF`;
const cyrillic = String.raw`\u0400-\u04FF`;

/** Where a URL may start: a scheme, or a run of bare-domain characters (labels and dots). */
const candidates = new RegExp(
  String.raw`https?:\/\/|(?:(?!https?:\/\/)[a-z0-9.\-${latin}])+`,
  "gi",
);
/** A URL never follows these. */
const blocksUrl = /[A-Za-z0-9@＠$#＃\uFFFE\uFEFF\uFFFF]/;
/** A URL without a scheme never follows these either. */
const blocksBareUrl = /[-_./]/;
const notDashOrDot = /[^-.]|$/;
/** Beyond ASCII, a domain may hold anything but spaces, invalid characters and direction marks. */
const nonDomainChar =
  /[\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFFFE\uFEFF\uFFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const punycodeChar = /[-0-9a-z]/i;
const letterOrMark = /[\p{L}\p{M}]/u;
const pathChar = new RegExp(
  String.raw`[a-z0-9${cyrillic}${latin}!*';:=+,.$/%#[\]\-\u2013_~@|&]`,
  "i",
);
const pathEndChar = new RegExp(String.raw`[a-z0-9${cyrillic}${latin}+\-=_#/]`, "i");
const queryChar = /[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]/i;
const queryEndChar = /[a-z0-9\-_&=#/]/i;
const tcoSlugChar = /[a-z0-9]/i;

const knownTlds: ReadonlySet<string> = new Set(
  [
    // Every ASCII country-code TLD.
    "ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo",
    "bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm",
    "do dz ec ee eg eh er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs",
    "gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp",
    "kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms",
    "mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps",
    "pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz",
    "tc td tf tg th tj tk tl tm tn to tp tr tt tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu",
    "wf ws ye yt za zm zw",
    // The original and sponsored generic TLDs, and the newer ones most seen in posts.
    "com net org edu gov mil int info biz name pro mobi aero asia cat coop jobs museum tel travel",
    "xxx app dev page xyz online site website shop store tech blog news live world life cloud space",
    "fun art design email link wiki today media social agency studio digital network solutions",
    "company group center global games icu vip one top club ltd photography video film events",
    "church academy school university health fitness team",
  ]
    .join(" ")
    .split(" "),
);

const isAsciiLetter = (unit: number): boolean =>
  (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
const isAsciiDigit = (unit: number): boolean => unit >= 0x30 && unit <= 0x39;

/** Whether a domain of a URL after a scheme may hold the code unit at `i`. */
const isDomainChar = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  return unit < 0x80
    ? isAsciiLetter(unit) || isAsciiDigit(unit)
    : !nonDomainChar.test(text.charAt(i));
};

/** The end of the run of domain characters, `-`, `_` and `.` from `i`. */
const domainRunEnd = (text: string, i: number): number => {
  let end = i;
  while (end < text.length && (isDomainChar(text, end) || "-_.".includes(text.charAt(end)))) end++;
  return end;
};

/** A top-level domain ends where the next character is none of `[0-9A-Za-z@+-]`. */
const endsTld = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  return !(
    isAsciiLetter(unit) ||
    isAsciiDigit(unit) ||
    unit === 0x40 ||
    unit === 0x2b ||
    unit === 0x2d
  );
};

/**
 * The length of the `xn--` punycode TLD at `start`, or 0. Unlike a named TLD,
 * twitter-text lets anything follow it.
 */
const punycodeTld = (text: string, start: number, end: number): number => {
  if (text.slice(start, start + 4).toLowerCase() !== "xn--") return 0;
  const tldEnd = Math.min(end, runFrom(text, start + 4, punycodeChar));
  return tldEnd > start + 4 ? tldEnd - start : 0;
};

/** The top-level domain that starts a label after a scheme: two or more letters, ASCII or not. */
const anyTld = (text: string, start: number, end: number): number => {
  const punycode = punycodeTld(text, start, end);
  if (punycode > 0) return punycode;
  const ascii = isAsciiLetter(text.charCodeAt(start));
  let i = start;
  while (
    i < end &&
    (ascii
      ? isAsciiLetter(text.charCodeAt(i))
      : text.charCodeAt(i) >= 0x80 && letterOrMark.test(text.charAt(i)))
  ) {
    i++;
  }
  return i - start >= 2 && endsTld(text, i) ? i - start : 0;
};

/** The known top-level domain that starts a label of a bare domain, or 0. */
const knownTld = (text: string, start: number, end: number): number => {
  const punycode = punycodeTld(text, start, end);
  if (punycode > 0) return punycode;
  let i = start;
  while (i < end && isAsciiLetter(text.charCodeAt(i))) i++;
  return knownTlds.has(text.slice(start, i).toLowerCase()) && endsTld(text, i) ? i - start : 0;
};

/** A label starts and ends with a domain character; `-` (and `_` in a subdomain) may sit inside. */
const isLabel = (text: string, start: number, end: number, subdomain: boolean): boolean => {
  if (end <= start) return false;
  const first = text.charAt(start);
  const last = text.charAt(end - 1);
  if (first === "-" || first === "_" || last === "-" || last === "_") return false;
  return subdomain || !text.slice(start, end).includes("_");
};

/**
 * The end of the longest host in `text[start, runEnd)`: labels, a domain name
 * and a top-level domain that `tld` accepts, as twitter-text's backtracking
 * regex would find it; -1 if there is none.
 */
const hostEnd = (
  text: string,
  start: number,
  runEnd: number,
  tld: (text: string, start: number, end: number) => number,
): number => {
  let best = -1;
  // The label before the current one: the domain name, if the current one is the TLD.
  let nameStart = -1;
  let nameEnd = -1;
  let labelStart = start;
  for (let i = start; i <= runEnd; i++) {
    if (i < runEnd && text.charCodeAt(i) !== 0x2e) continue;
    if (nameStart >= 0) {
      if (isLabel(text, nameStart, nameEnd, false)) {
        const length = tld(text, labelStart, i);
        if (length > 0) best = labelStart + length;
      }
      // Every label before the domain name is a subdomain.
      if (!isLabel(text, nameStart, nameEnd, true)) break;
    }
    nameStart = labelStart;
    nameEnd = i;
    labelStart = i + 1;
  }
  return best;
};

/** Adapts the punycode bias (RFC 3492, section 6.1). */
const adaptBias = (delta: number, points: number, first: boolean): number => {
  let d = first ? Math.floor(delta / 700) : Math.floor(delta / 2);
  d += Math.floor(d / points);
  let k = 0;
  for (; d > 455; k += 36) d = Math.floor(d / 35);
  return k + Math.floor((36 * d) / (d + 38));
};

/** The length of the punycode encoding of `codePoints`, without `xn--` (RFC 3492, section 6.3). */
const punycodeLength = (codePoints: readonly number[]): number => {
  const basic = codePoints.filter((c) => c < 0x80).length;
  let length = basic > 0 ? basic + 1 : 0;
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  let handled = basic;
  while (handled < codePoints.length) {
    let next = Number.POSITIVE_INFINITY;
    for (const c of codePoints) if (c >= n && c < next) next = c;
    delta += (next - n) * (handled + 1);
    n = next;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c !== n) continue;
      for (let k = 36, q = delta; ; k += 36) {
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        length++;
        if (q < t) break;
        q = Math.floor((q - t) / (36 - t));
      }
      bias = adaptBias(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return length;
};

/**
 * The length of the host `text[start, end)` once its labels are punycode, or
 * -1 when a label is empty or longer than DNS's 63 octets (twitter-text then
 * rejects the whole URL).
 */
const asciiHostLength = (text: string, start: number, end: number): number => {
  let total = 0;
  for (const label of text.slice(start, end).split(".")) {
    const codePoints = Array.from(label, (char) => char.codePointAt(0) as number);
    // Each code point encodes to at least one character: longer labels cannot fit.
    if (codePoints.length === 0 || codePoints.length > 63) return -1;
    const ascii = codePoints.every((c) => c < 0x80);
    const length = ascii ? label.length : 4 + punycodeLength(codePoints);
    if (length > 63) return -1;
    total += length + 1;
  }
  return total - 1;
};

/** The end of a run of characters that `accepts`, from `i`. */
const runFrom = (text: string, i: number, accepts: RegExp): number => {
  let end = i;
  while (end < text.length && accepts.test(text.charAt(end))) end++;
  return end;
};

/** The end of a balanced `( … )` in a path (one nested level allowed), or -1. */
const parenthesesEnd = (text: string, open: number): number => {
  const inner = runFrom(text, open + 1, pathChar);
  if (text.charAt(inner) === ")" && inner > open + 1) return inner + 1;
  if (text.charAt(inner) !== "(") return -1;
  const nested = runFrom(text, inner + 1, pathChar);
  if (nested === inner + 1 || text.charAt(nested) !== ")") return -1;
  const rest = runFrom(text, nested + 1, pathChar);
  return text.charAt(rest) === ")" ? rest + 1 : -1;
};

/** The end of a path whose `/` sits just before `from`: it ends on a path-ending character. */
const pathEnd = (text: string, from: number): number => {
  let end = from;
  let i = from;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === "(") {
      const close = parenthesesEnd(text, i);
      if (close < 0) break;
      i = close;
      end = close;
    } else if (pathChar.test(char)) {
      i++;
      if (pathEndChar.test(char)) end = i;
    } else {
      break;
    }
  }
  return end;
};

/** The end of a `?query` at `at` (it must end on a query-ending character), or `at`. */
const queryEnd = (text: string, at: number): number => {
  if (text.charAt(at) !== "?") return at;
  let end = at;
  for (let i = at + 1; i < text.length && queryChar.test(text.charAt(i)); i++) {
    if (queryEndChar.test(text.charAt(i))) end = i + 1;
  }
  return end;
};

/** What follows a host: `:port`, `/path`, `?query`, each optional. */
const tailAt = (text: string, at: number): { readonly end: number; readonly path: boolean } => {
  let end = at;
  if (text.charAt(end) === ":" && isAsciiDigit(text.charCodeAt(end + 1))) {
    end++;
    while (isAsciiDigit(text.charCodeAt(end))) end++;
  }
  const path = text.charAt(end) === "/";
  if (path) end = pathEnd(text, end + 1);
  return { end: queryEnd(text, end), path };
};

/** twitter-text rejects URLs longer than this, counted with their scheme and punycode host. */
const maxUrlLength = 4096;
/** t.co links are only a slug long; a longer "slug" is not a t.co link. */
const maxTcoSlugLength = 40;

/**
 * The URLs of `text`, left to right, never overlapping. `bare` also accepts
 * URLs without a scheme (X does, Mastodon does not). Like twitter-text, a
 * rejected match is skipped whole: nothing inside it is looked at again.
 */
const findUrls = (text: string, bare: boolean): Span[] => {
  const spans: Span[] = [];
  if (!text.includes(".")) return spans;
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

// ---------------------------------------------------------------------------
// X

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

const xWeightOf = (codePoint: number): number => {
  for (const range of xConfig.ranges) {
    if (codePoint >= range.start && codePoint <= range.end) return range.weight;
  }
  return xConfig.defaultWeight;
};

// One emoji, counted as a unit: a flag (two regional indicators), a keycap,
// a tag sequence (🏴 and a subdivision, like England's flag), or pictographs
// joined by ZWJ, each with an optional skin tone (after a modifier base) or
// VS16. © and ® are emoji only with VS16: twitter-text's emoji parser leaves
// them as Latin-1 letters (weight 1) otherwise. Unicode properties also know
// sequences newer than twitter-text 3.1.0's parser (twemoji-parser 11), such
// as ❤️‍🔥: this module weighs them as one emoji (2) where it weighs the parts.
const pictograph = String.raw`(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}|[\u00A9\u00AE]\uFE0F|(?![\u00A9\u00AE])\p{Extended_Pictographic}\uFE0F?)`;
const emojiSequence = new RegExp(
  String.raw`\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|${pictograph}(?:\u200D${pictograph})*`,
  "gu",
);

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

// ---------------------------------------------------------------------------
// Mastodon

/** What Mastodon counts a link as, whatever its length. */
const mastodonUrlLength = 23;
// Mastodon's Account::MENTION_RE with a host: `@user@host` counts as `@user`.
const word = String.raw`\p{L}\p{M}\p{Nd}\p{Pc}`;
const remoteMention = new RegExp(
  String.raw`(?<![=/${word}])@[a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*@[${word}.\-]+[${word}]`,
  "giu",
);

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

// ---------------------------------------------------------------------------

/**
 * The UTF-8 bytes of `text` (YouTube's description limit, Bluesky's record).
 * A lone surrogate is 3 bytes, written as U+FFFD like `TextEncoder` writes it;
 * a value that is not a string counts as empty text: 0.
 *
 * @example
 * ```ts
 * import { utf8Length } from "postlife";
 * utf8Length("é"); // 2
 * utf8Length("👍"); // 4
 * ```
 * @since 0.1.0
 */
export const utf8Length = (text: string): number =>
  typeof text === "string" ? utf8Between(text, 0, text.length) : 0;

/** The UTF-8 bytes of `text.slice(start, end)`, without the slice. */
const utf8Between = (text: string, start: number, end: number): number => {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHighSurrogate(unit) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else {
      // Any other BMP code point, and a lone surrogate, written as U+FFFD like TextEncoder does.
      bytes += 3;
    }
  }
  return bytes;
};

/**
 * The length Threads gives `text` against its 500: code points, except that
 * every emoji counts as its UTF-8 bytes (https://developers.facebook.com/docs/threads/posts).
 * A value that is not a string counts as empty text: 0.
 *
 * @example
 * ```ts
 * import { threadsLength } from "postlife";
 * threadsLength("ok 👍"); // 7: 3 characters and 4 bytes
 * ```
 * @since 0.1.0
 */
export const threadsLength = (text: string): number => {
  if (typeof text !== "string") return 0;
  let length = codePointLength(text);
  for (const m of text.matchAll(emojiSequence)) {
    length += utf8Length(m[0]) - codePointLength(m[0]);
  }
  return length;
};

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

// ---------------------------------------------------------------------------
// Counting no further than a limit
//
// A preflight only asks whether a text fits, so it need not read a draft far
// longer than its platform's limit. Each counting stops its own way; each is
// exact while the count is within the limit, and past it returns a count that
// is more than the limit and no more than the text's whole count.
//
// - Code points, UTF-8 bytes and Threads' length are dense: every UTF-16 unit
//   adds at least half to the count (a code point is at most two units and
//   counts at least 1; UTF-8 writes at least one byte per unit, so an emoji
//   counted as its bytes counts at least its units). They are also monotone: a
//   prefix never counts more than the whole (a pair cut by the end is one lone
//   surrogate; an emoji sequence cut by the end is matched shorter, over the
//   same code points, or not at all). So the first 2 × (limit + 1) units
//   settle it.
// - Graphemes are monotone but not dense (a cluster may be any length; a
//   boundary depends on what precedes it and the next character only): growing
//   prefixes are counted, each no further than the first cluster past the limit.
// - X's and Mastodon's lengths are neither: a link of thousands of characters
//   counts 23, and a prefix that cuts a host or a mention can count more than
//   the whole (`https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaa.c` is 37 characters, no
//   link; with `om` after it, a link of 23). They add up across a separator
//   (whitespace, below): no link, mention or emoji sequence holds one, what
//   precedes it changes nothing after it, and NFC never composes across it; for
//   Mastodon's clusters, a cluster must also end before it. So growing prefixes
//   are counted chunk by chunk, each chunk ending before the last separator
//   read. A text with no separator for a long stretch is read to the next one:
//   its words are one unit for X, and the ceiling on text fields bounds it.
//   Mastodon's is read no further than the limit needs unless it holds a `@`
//   or a `://` (`mastodonAtLeast`): before them, it counts clusters.

/**
 * Whitespace that no link, mention or emoji sequence holds (none is a URL,
 * domain, path, query or word character), that NFC never composes with what
 * precedes it (a starter, unchanged by NFC), and that does not block a link or
 * mention after it.
 */
const isSeparator = (unit: number): boolean =>
  unit === 0x20 ||
  (unit >= 0x09 && unit <= 0x0d) ||
  unit === 0xa0 ||
  unit === 0x2028 ||
  unit === 0x2029 ||
  unit === 0x3000;

/**
 * Whether a grapheme cluster certainly ends before the separator at `i`, in
 * the text and in Mastodon's measured text (where a link or mention that ends
 * just before it ends in an ASCII letter, digit or `_`). A control, CR or LF
 * starts a cluster (GB5) except LF after CR (GB3); a space (U+0020, U+00A0,
 * U+3000) starts one unless a Prepend character precedes it (GB9b), and no
 * Prepend character is ASCII, a letter of a simple script, a pictograph or a
 * mark.
 */
const clusterEndsBefore = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  if (unit !== 0x20 && unit !== 0xa0 && unit !== 0x3000) {
    return unit !== 0x0a || text.charCodeAt(i - 1) !== 0x0d;
  }
  return text.charCodeAt(i - 1) < 0x80 || precedesCluster.test(text.slice(i - 2, i));
};

const cutsX = (text: string, i: number): boolean => isSeparator(text.charCodeAt(i));
const cutsMastodon = (text: string, i: number): boolean =>
  isSeparator(text.charCodeAt(i)) && clusterEndsBefore(text, i);

/** The last position in `(after, text.length)` where `cuts` holds, else `after`. */
const lastCut = (
  text: string,
  after: number,
  cuts: (text: string, i: number) => boolean,
): number => {
  for (let i = text.length - 1; i > after; i--) if (cuts(text, i)) return i;
  return after;
};

/**
 * The first `units` UTF-16 units of `text` or fewer, ending before whitespace
 * (all of it when it is no longer): the links in it are the links of `text`
 * that it holds, found alike, as are its hashtags and mentions. Empty when the
 * first `units` hold no whitespace.
 *
 * @internal
 */
export const prefixBeforeWhitespace = (text: string, units: number): string =>
  text.length <= units ? text : text.slice(0, lastCut(text.slice(0, units + 1), 0, cutsX));

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
