/** UTF-16 halves of a pair standing alone: not text any encoder can write. */
const loneSurrogate = /\p{Cs}/u;
const loneSurrogates = /\p{Cs}/gu;

/** The engine's own test, where it has one (Node 20 does): far faster than a regex. */
const native = /* @__PURE__ */ (() =>
  (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed)();

/** `true` when a string is well-formed UTF-16 (no lone surrogate). */
export const isWellFormed = (text: string): boolean =>
  native === undefined ? !loneSurrogate.test(text) : native.call(text);

/**
 * Any value as text, for keys and messages, without ever throwing: a string
 * as itself (a lone surrogate as U+FFFD, so that it can be URI-encoded), a
 * number or boolean as JavaScript writes it, anything else by its kind
 * (`[object Object]`), never through its own `toString`, which may be
 * missing or throw.
 */
export const textOf = (value: unknown): string => {
  switch (typeof value) {
    case "string":
      return isWellFormed(value) ? value : value.replace(loneSurrogates, "\ufffd");
    case "number":
    case "bigint":
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return value.description ?? "";
    default:
      return value === null ? "null" : Object.prototype.toString.call(value);
  }
};
