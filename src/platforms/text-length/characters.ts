/**
 * The code units and character classes that the counters and the URL scanner
 * share: predicates over one UTF-16 code unit, so that a scan reads the text
 * where it stands, without slicing it.
 */

export const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
export const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

export const isAsciiLetter = (unit: number): boolean =>
  (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
export const isAsciiDigit = (unit: number): boolean => unit >= 0x30 && unit <= 0x39;

// twitter-text's latinAccentChars: letters with diacritics and combining marks.
export const latin = String.raw`\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF`;
export const cyrillic = String.raw`\u0400-\u04FF`;

/** The end of a run of characters that `accepts`, from `i`. */
export const runFrom = (text: string, i: number, accepts: RegExp): number => {
  let end = i;
  while (end < text.length && accepts.test(text.charAt(end))) end++;
  return end;
};
