/**
 * The items of a value a caller says is a list: an array or another iterable
 * (a Set, a generator); none for anything else, a string included (its
 * characters are not the items anyone meant).
 */
export const itemsOf = (value: unknown): Iterable<unknown> =>
  Array.isArray(value) ||
  (typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function")
    ? (value as Iterable<unknown>)
    : [];
