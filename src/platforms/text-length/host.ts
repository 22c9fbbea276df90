/**
 * A URL's host: dot-separated labels, a domain name and a top-level domain,
 * found as twitter-text's backtracking regex would find them, without
 * backtracking.
 */
import { isAsciiDigit, isAsciiLetter } from "./characters.js";

/** Beyond ASCII, a domain may hold anything but spaces, invalid characters and direction marks. */
const nonDomainChar =
  /[\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFFFE\uFEFF\uFFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Whether a domain of a URL after a scheme may hold the code unit at `i`. */
const isDomainChar = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  return unit < 0x80
    ? isAsciiLetter(unit) || isAsciiDigit(unit)
    : !nonDomainChar.test(text.charAt(i));
};

/** The end of the run of domain characters, `-`, `_` and `.` from `i`. */
export const domainRunEnd = (text: string, i: number): number => {
  let end = i;
  while (end < text.length && (isDomainChar(text, end) || "-_.".includes(text.charAt(end)))) end++;
  return end;
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
export const hostEnd = (
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
