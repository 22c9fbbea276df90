/**
 * Instants on the wire: ISO 8601 / RFC 3339 date-times that name their zone.
 *
 * A time without `Z` or an offset is rejected, never guessed: a zone-less
 * "2026-03-29T09:00:00" read in the server's zone is how scheduled posts drift
 * by an hour when daylight saving changes. `Date.parse` is not used because it
 * accepts zone-less times and rolls "02-30" over into March.
 */

const pattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

const zoneless = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Why a string is not an instant, in words a person reads. */
export type InstantProblem = string;

const daysIn = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

/** Epoch milliseconds of a UTC date-time; Date.UTC would read years 0-99 as 1900-1999. */
const utc = (...[year, month, day, hour, minute, second, millis]: readonly number[]): number => {
  if (year === undefined || year >= 100) {
    return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second, millis);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, (month ?? 1) - 1, day);
  date.setUTCHours(hour ?? 0, minute, second, millis);
  return date.getTime();
};

/**
 * Parses an ISO 8601 instant with a zone into epoch milliseconds, or returns
 * the problem as a sentence.
 */
export const parseInstant = (value: unknown): number | InstantProblem => {
  if (typeof value !== "string") return "must be an ISO 8601 date-time string";
  const known = parsed.get(value);
  if (known !== undefined) return known;
  const answer = parseText(value);
  remember(parsed, value, answer);
  return answer;
};

/**
 * The last instants read and written, so that the same `now` and the same
 * stored times are not parsed and formatted again for every destination and
 * every event: a memo, invisible from outside (same input, same answer).
 */
const parsed = new Map<string, number | InstantProblem>();
const formatted = new Map<number, string>();
const memoSize = 512;
const remember = <K, V>(memo: Map<K, V>, key: K, value: V): void => {
  if (memo.size >= memoSize) memo.clear();
  memo.set(key, value);
};

const parseText = (value: string): number | InstantProblem => {
  const m = pattern.exec(value);
  if (m === null) {
    return zoneless.test(value)
      ? `"${value}" has no time zone: add Z or an offset such as +02:00`
      : `"${value}" is not an ISO 8601 date-time (expected e.g. 2026-04-20T14:00:00Z)`;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return `"${value}" names a day that does not exist`;
  }
  if (hour > 23 || minute > 59 || second > 59) return `"${value}" names a time that does not exist`;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return `"${value}" has an impossible offset`;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const ms = utc(year, month, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  // An offset can carry a time past the years postlife writes (+010000-…, -000001-…).
  return ms < earliestInstantMs || ms > latestInstantMs
    ? `"${value}" is outside the years 0000 to 9999 in UTC`
    : ms;
};

/** `true` when `value` is an ISO 8601 instant with a zone. */
export const isInstant = (value: unknown): value is string =>
  typeof parseInstant(value) === "number";

/**
 * Epoch milliseconds of an instant already known to be valid (stored in a
 * post by `apply`, or checked by the event shape). Invalid input gives NaN,
 * which every comparison treats as "not yet".
 */
export const instantMs = (value: string): number => {
  const ms = parseInstant(value);
  return typeof ms === "number" ? ms : Number.NaN;
};

/** The canonical UTC form (`2026-04-20T14:00:00.000Z`) of epoch milliseconds. */
export const formatInstant = (ms: number): string => {
  const known = formatted.get(ms);
  if (known !== undefined) return known;
  const text = new Date(ms).toISOString();
  remember(formatted, ms, text);
  return text;
};

/**
 * The last instant postlife stores: 9999-12-31T23:59:59.999Z. Beyond it
 * `toISOString` writes a six-digit year (`+275760-09-13T00:00:00.000Z`), a
 * form `parseInstant` refuses, so every time postlife stores is one it
 * accepts back.
 */
export const latestInstantMs = /* @__PURE__ */ Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The first instant postlife stores: 0000-01-01T00:00:00.000Z (before it, a signed six-digit year). */
const earliestInstantMs = /* @__PURE__ */ utc(0, 1, 1, 0, 0, 0, 0);

/**
 * The instant `ms` milliseconds after `from`, in canonical form; `undefined`
 * when it is not one postlife can store (outside the years 0000 to 9999, or
 * a wait that is not a finite number).
 */
export const instantAfter = (from: string, ms: number): string | undefined => {
  const at = instantMs(from) + ms;
  return Number.isFinite(at) && at >= earliestInstantMs && at <= latestInstantMs
    ? formatInstant(at)
    : undefined;
};

/**
 * The canonical UTC form of an instant, so that every time a post stores
 * compares and reads the same whatever offset it arrived with. A string that
 * is not an instant is returned unchanged, for the checks to name.
 */
export const canonicalInstant = (value: string): string => {
  const ms = parseInstant(value);
  if (typeof ms !== "number") return value;
  // Already canonical (what postlife itself stores): skip the costly toISOString.
  return canonicalShape.test(value) ? value : formatInstant(ms);
};

const canonicalShape = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The positions of `2026-04-20T14:00:00.000Z` that are not digits, and what they hold. */
const separators: Readonly<Record<number, number>> = {
  4: 45, // -
  7: 45, // -
  10: 84, // T
  13: 58, // :
  16: 58, // :
  19: 46, // .
  23: 90, // Z
};

/** The number written by the digits of `text` from `start` to `end`. */
const digitsAt = (text: string, start: number, end: number): number => {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
};

/**
 * `true` when `value` is an instant as postlife stores it (its canonical UTC
 * form, `2026-04-20T14:00:00.000Z`) and names a moment that exists: what
 * `parseInstant` would accept, read without a regex or a Date, as every
 * stored time is checked on every call of `apply`.
 */
export const isStoredInstant = (value: unknown): value is string => {
  if (typeof value !== "string" || value.length !== 24) return false;
  for (let i = 0; i < 24; i++) {
    const code = value.charCodeAt(i);
    const separator = separators[i];
    if (separator === undefined ? code < 48 || code > 57 : code !== separator) return false;
  }
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(digitsAt(value, 0, 4), month) &&
    digitsAt(value, 11, 13) <= 23 &&
    digitsAt(value, 14, 16) <= 59 &&
    digitsAt(value, 17, 19) <= 59
  );
};
