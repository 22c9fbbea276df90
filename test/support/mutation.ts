/**
 * Damaged payloads for the "never a crash" properties of the wire codecs
 * (test/wire-*.test.ts): every path of a JSON value, the value with one node
 * removed or replaced, and the check that a decoder answers the damage with
 * a value or an error naming its path.
 */
import { fc } from "@fast-check/vitest";
import * as Result from "effect/Result";
import type * as Schema from "effect/Schema";
import { expect } from "vitest";

/** A path into a JSON value: keys and array indexes. */
export type Path = readonly (string | number)[];

/** A path as a SchemaError's message writes it: `["posts"][0]["status"]`. */
export const formatPath = (path: Path): string =>
  path.map((key) => `[${typeof key === "number" ? key : JSON.stringify(key)}]`).join("");

/** The path at the end of a SchemaError's message, as written there (`["posts"][0]`); "" when none. */
export const pathOf = (message: string): string => /\n {2}at (.*)$/.exec(message)?.[1] ?? "";

/** Every path of a JSON value, the root first. */
export const pathsOf = (value: unknown, path: Path = []): Path[] => [
  path,
  ...(Array.isArray(value)
    ? value.flatMap((item, i) => pathsOf(item, [...path, i]))
    : typeof value === "object" && value !== null
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))
      : []),
];

/** The value with the node at `path` replaced (`remove` deletes it instead). */
export const mutate = (
  value: unknown,
  path: Path,
  replacement: { readonly remove: true } | { readonly by: unknown },
): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return "by" in replacement ? replacement.by : undefined;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && "remove" in replacement) copy.splice(head as number, 1);
    else copy[head as number] = mutate(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && "remove" in replacement) delete copy[head];
  else copy[head] = mutate(copy[head], rest, replacement);
  return copy;
};

/** A damaged value, and where a decode that fails must say the fault is (at or below). */
export interface Damage {
  readonly json: unknown;
  readonly at: Path;
}

/** A seed payload with one node removed or replaced by anything at all. */
export const damagedArb = (seed: unknown): fc.Arbitrary<Damage> => {
  const paths = pathsOf(seed);
  return fc.oneof(
    fc.constantFrom(...paths.filter((p) => p.length > 0)).map((path) => ({
      json: mutate(seed, path, { remove: true }),
      // Removing an array element leaves a shorter array; removing a key, a missing key.
      at: typeof path.at(-1) === "number" ? path.slice(0, -1) : path,
    })),
    fc
      .tuple(fc.constantFrom(...paths), fc.anything())
      .map(([path, by]) => ({ json: mutate(seed, path, { by }), at: path })),
  );
};

const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
const replacements: readonly unknown[] = [0, "x", true, null, [], {}, 1.5, -1];

/** The value at `path` (undefined when there is none). */
const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);

/**
 * A value of `arb`, as JSON, with one key removed or one value swapped for
 * one of another type, and the path of the change (`[]` when the value has
 * no inside to change).
 */
export const mutation = <T>(
  arb: fc.Arbitrary<T>,
): fc.Arbitrary<{ readonly value: unknown; readonly path: Path }> =>
  fc.tuple(arb, fc.nat(), fc.boolean(), fc.nat()).map(([original, choice, remove, pick]) => {
    const value = JSON.parse(JSON.stringify(original)) as unknown;
    const paths = pathsOf(value).slice(1);
    const path = paths[choice % Math.max(1, paths.length)];
    if (path === undefined) return { value, path: [] };
    // An array keeps its length: its elements are swapped, never removed.
    if (remove && typeof path.at(-1) !== "number") {
      return { value: mutate(value, path, { remove: true }), path };
    }
    const before = kindOf(at(value, path));
    const others = replacements.filter((r) => kindOf(r) !== before || r === -1);
    return { value: mutate(value, path, { by: others[pick % others.length] }), path };
  });

/** A decode either succeeds or fails with a message naming a path through the change. */
export const expectValueOrReadableError = (
  result: Result.Result<unknown, Schema.SchemaError>,
  path: Path,
): void => {
  if (Result.isSuccess(result)) return;
  const message = result.failure.message;
  const where = /\n {2}at (.*)$/.exec(message)?.[1];
  expect(message.split("\n")[0]?.length).toBeGreaterThan(0);
  expect(where, message).toBeDefined();
  // The error is at the change, on the way to it, or inside the value put there.
  const changed = formatPath(path);
  expect(
    changed.startsWith(where ?? "?") || (where ?? "").startsWith(changed),
    `${message} for a change at ${changed}`,
  ).toBe(true);
};
