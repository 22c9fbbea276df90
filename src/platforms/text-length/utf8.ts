/** UTF-8 bytes, as a record or a description field is stored. */
import { isHighSurrogate, isLowSurrogate } from "./characters.js";

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
