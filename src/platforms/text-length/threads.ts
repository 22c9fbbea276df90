/** Threads' length: code points, with every emoji counted as its UTF-8 bytes. */
import { codePointLength } from "./code-points.js";
import { emojiSequence } from "./emoji.js";
import { utf8Length } from "./utf8.js";

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
