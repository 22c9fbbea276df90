/**
 * Where a text may be cut so that its X and Mastodon lengths add up: the
 * length of the whole is the length of the part before the cut plus the length
 * of the part after it. See `within.ts` for why that matters.
 */

/** What may precede a cluster's start at a space (see `clusterEndsBefore`): no Prepend character. */
const simple = String.raw`\x20-\x7E\u00C0-\u024F\u0391-\u03C9\u0410-\u044F\u05D0-\u05EA\u0621-\u064A\u0E01-\u0E2E\u3041-\u3096\u30A1-\u30FA\u4E00-\u9FFF`;
const precedesCluster = /* @__PURE__ */ (() =>
  new RegExp(String.raw`(?:[${simple}]|\p{Extended_Pictographic}|\p{M})$`, "u"))();

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

export const cutsX = (text: string, i: number): boolean => isSeparator(text.charCodeAt(i));
export const cutsMastodon = (text: string, i: number): boolean =>
  isSeparator(text.charCodeAt(i)) && clusterEndsBefore(text, i);

/** The last position in `(after, text.length)` where `cuts` holds, else `after`. */
export const lastCut = (
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
