/**
 * Every public function is total (issue "Every input judged"): called with
 * any values at all, it answers and never throws. 100,000 calls per entry
 * (spread over its functions) in `npm test`; POSTLIFE_RUNS raises it.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as main from "../src/index.js";
import {
  allowedEvents,
  apply,
  can,
  editableFields,
  failuresOf,
  type Post,
  preflight,
  statusOf,
} from "../src/index.js";
import { checkPost } from "../src/rules/post-shape.js";
import * as testing from "../src/testing/index.js";
import { eventAt, reachablePostArbitrary } from "../src/testing/index.js";
import * as wire from "../src/wire/index.js";
import { call, callables, junk } from "./support/totality.js";

/** Calls per entry: 100,000 at the default 200 runs per property, scaled with POSTLIFE_RUNS. */
const CALLS = 500 * (fc.readConfigureGlobal().numRuns ?? 200);

/**
 * Functions whose cost grows with what they are asked to do, not with what
 * they are given: `simulate({})` runs a thousand scenarios. test/simulation.test.ts
 * ("simulate takes any options") gives it junk in every option, under a small run count.
 */
const costly = new Set(["simulate"]);

const entries = { postlife: main, "postlife/wire": wire, "postlife/testing": testing };

describe.each(Object.entries(entries))("%s: every function is total", (_, entry) => {
  const functions = callables(entry).filter((f) => !costly.has(f.name));

  it(`answers ${CALLS.toLocaleString("en")} calls of any values without throwing`, () => {
    const thrown = new Map<string, string>();
    fc.assert(
      fc.property(
        fc.nat({ max: functions.length - 1 }),
        fc.array(junk, { maxLength: 3 }),
        (index, args) => {
          const f = functions[index] as (typeof functions)[number];
          try {
            call(f.value, f.kind, args);
          } catch (error) {
            if (!thrown.has(f.name)) {
              thrown.set(
                f.name,
                `${String((error as Error)?.message)} <- ${fc.stringify(args).slice(0, 200)}`,
              );
            }
          }
        },
      ),
      { numRuns: CALLS },
    );
    expect(Object.fromEntries(thrown)).toEqual({});
  });
});

/** Every path to a value inside a JSON value: keys and indexes, the root excluded. */
const pathsOf = (value: unknown, at: readonly (string | number)[] = []): (string | number)[][] => {
  if (typeof value !== "object" || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return keys.flatMap((key) => [
    [...at, key],
    ...pathsOf((value as Record<string | number, unknown>)[key], [...at, key]),
  ]);
};

/** `value` with the value at `path` swapped for `replacement` (a copy; the original untouched). */
const swapped = (
  value: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
): unknown => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = swapped(copy[head], rest, replacement);
  return copy;
};

describe("a stored post with one field anywhere swapped for junk", () => {
  test.prop([reachablePostArbitrary, fc.nat(), junk, fc.nat({ max: 10_000 })], {
    numRuns: 20 * (fc.readConfigureGlobal().numRuns ?? 200),
  })(
    "apply refuses it as invalid_post or decides it, never throws, and what it accepts is a post",
    (post, where, replacement, choice) => {
      const paths = pathsOf(post);
      const path = paths[where % paths.length] as (string | number)[];
      const stored = swapped(post, path, replacement) as Post;
      const event = eventAt(post, choice);
      const decision = apply(stored, event);
      if (decision.ok && decision.ignored === undefined) {
        expect(checkPost(decision.post), `${path.join(".")} -> ${event.type}`).toBeUndefined();
      }
      for (const query of [can, allowedEvents, statusOf, failuresOf, editableFields, preflight]) {
        expect(() => (query as (p: unknown, e: unknown) => unknown)(stored, event)).not.toThrow();
      }
    },
  );
});
