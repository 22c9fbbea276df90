/**
 * User-perceived characters (extended grapheme clusters, UAX #29), counted
 * with `Intl.Segmenter` a window at a time so that the cost stays linear.
 */
import { isHighSurrogate, isLowSurrogate } from "./characters.js";

const graphemeSegmenter = /* @__PURE__ */ new Intl.Segmenter("en", { granularity: "grapheme" });
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
