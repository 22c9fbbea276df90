/**
 * A value in words, for a field that must be a string, without calling
 * anything the value brings along: an object's own `toString` may be
 * missing (a null prototype), not a function (`{ toString: 1 }`) or throw.
 */
export const textOf = (value: unknown): string => {
  switch (typeof value) {
    case "string":
      return value;
    case "object":
    case "function":
      // null is "null"; any other object is named by its kind, never by its own toString.
      return value === null ? "null" : Object.prototype.toString.call(value);
    default:
      // number, bigint, boolean, symbol, undefined: String reads them without calling user code.
      return String(value);
  }
};
