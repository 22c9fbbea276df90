/**
 * What may follow a URL's host: a `:port`, a `/path` and a `?query`, each
 * optional, as twitter-text's extractor reads them. A path or query ends on a
 * character that may end it, so that trailing punctuation stays in the text.
 */
import { cyrillic, isAsciiDigit, latin, runFrom } from "./characters.js";

const pathChar = /* @__PURE__ */ (() =>
  new RegExp(String.raw`[a-z0-9${cyrillic}${latin}!*';:=+,.$/%#[\]\-\u2013_~@|&]`, "i"))();
const pathEndChar = /* @__PURE__ */ (() =>
  new RegExp(String.raw`[a-z0-9${cyrillic}${latin}+\-=_#/]`, "i"))();
const queryChar = /[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]/i;
const queryEndChar = /[a-z0-9\-_&=#/]/i;

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
export const queryEnd = (text: string, at: number): number => {
  if (text.charAt(at) !== "?") return at;
  let end = at;
  for (let i = at + 1; i < text.length && queryChar.test(text.charAt(i)); i++) {
    if (queryEndChar.test(text.charAt(i))) end = i + 1;
  }
  return end;
};

/** What follows a host: `:port`, `/path`, `?query`, each optional. */
export const tailAt = (
  text: string,
  at: number,
): { readonly end: number; readonly path: boolean } => {
  let end = at;
  if (text.charAt(end) === ":" && isAsciiDigit(text.charCodeAt(end + 1))) {
    end++;
    while (isAsciiDigit(text.charCodeAt(end))) end++;
  }
  const path = text.charAt(end) === "/";
  if (path) end = pathEnd(text, end + 1);
  return { end: queryEnd(text, end), path };
};
