/**
 * A host's length once its labels are punycode (RFC 3492), as twitter-text
 * measures it against DNS's 63 octets a label and its 4,096 a URL. Only the
 * length of the encoding is needed, so it is counted, never written out.
 */

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
export const asciiHostLength = (text: string, start: number, end: number): number => {
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
