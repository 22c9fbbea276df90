/**
 * The top-level domain that ends a host. Where twitter-text checks it against
 * its full list (some 1,500 names), this module chooses a compact approach:
 *
 * - After an explicit scheme, any top-level domain of two or more letters (or
 *   `xn--` punycode) is accepted. Whoever writes `https://` means a link, and
 *   the live TLD list keeps growing past any copy frozen into a library; the
 *   check only misjudges made-up domains such as `https://example.notatld`.
 * - Without a scheme (`example.com/path`), only ASCII domains whose
 *   top-level domain is in `knownTlds` count: every two-letter country code
 *   (the fixed ISO set, common in shared links: t.co, bit.ly, youtu.be,
 *   github.io) and the generic domains most used in posts. A bare domain on
 *   a rarer generic TLD (`hello.museum` is in, `hello.accountant` is not)
 *   counts as its characters where X would count 23.
 */
import { isAsciiDigit, isAsciiLetter, runFrom } from "./characters.js";

const punycodeChar = /[-0-9a-z]/i;
const letterOrMark = /[\p{L}\p{M}]/u;

const knownTlds: ReadonlySet<string> = /* @__PURE__ */ (() =>
  new Set(
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
  ))();

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
export const anyTld = (text: string, start: number, end: number): number => {
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
export const knownTld = (text: string, start: number, end: number): number => {
  const punycode = punycodeTld(text, start, end);
  if (punycode > 0) return punycode;
  let i = start;
  while (i < end && isAsciiLetter(text.charCodeAt(i))) i++;
  return knownTlds.has(text.slice(start, i).toLowerCase()) && endsTld(text, i) ? i - start : 0;
};
