/** Unicode code points: what most platforms mean by "characters". */
import { isHighSurrogate, isLowSurrogate } from "./characters.js";

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
