/**
 * The totality harness: every function an entry exports is called with any
 * values at all (fast-check's `anything`, with boxed values, null prototypes,
 * Maps, Sets and objects whose `toString` is not a function), and must answer
 * without throwing. What it answers comes back: an Effect is run and must not
 * die (a defect is a throw in disguise); an arbitrary is sampled.
 */
import { fc } from "@fast-check/vitest";
import * as Cause from "effect/Cause";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";

/** Values of every kind a caller or a corrupted row can hand over. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBoxedValues: true,
    withNullPrototype: true,
    withMap: true,
    withSet: true,
    withObjectString: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom(
    { toString: 1 },
    { valueOf: 1, toString: 1 },
    Object.create(null),
    { length: -1 },
    { length: 2 ** 40 },
    [undefined],
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    "",
    "\u0000",
    "\ud800",
    "javascript:alert(1)",
  ),
);

/** An exported value's kind, for the harness. */
export type ExportKind = "function" | "class" | "other";

/** Classes are called with `new`; Effect Schemas (which are functions too) are values, not functions. */
export const kindOf = (value: unknown): ExportKind => {
  if (typeof value !== "function") return "other";
  if (Object.hasOwn(value, "ast") || "ast" in value) return "other";
  return /^class\b/.test(Function.prototype.toString.call(value)) ? "class" : "function";
};

/** Calls an export with `args` the way a user would, and follows what it returns one step. */
export const call = (value: unknown, kind: ExportKind, args: readonly unknown[]): void => {
  const result =
    kind === "class"
      ? new (value as new (...a: unknown[]) => unknown)(...args)
      : (value as (...a: unknown[]) => unknown)(...args);
  if (Effect.isEffect(result)) {
    const exit = Effect.runSyncExit(result as Effect.Effect<unknown, unknown>);
    if (Exit.isFailure(exit) && Cause.hasDies(exit.cause)) {
      throw new Error(`the Effect died: ${Cause.pretty(exit.cause)}`);
    }
  } else if (result instanceof fc.Arbitrary) {
    fc.sample(result, { numRuns: 1, seed: 1 });
  }
};

/** The functions and classes of an entry, by name. */
export const callables = (
  entry: Readonly<Record<string, unknown>>,
): { readonly name: string; readonly value: unknown; readonly kind: ExportKind }[] =>
  Object.entries(entry)
    .map(([name, value]) => ({ name, value, kind: kindOf(value) }))
    .filter((e) => e.kind !== "other");
