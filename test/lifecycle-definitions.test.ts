/**
 * The lifecycle definitions are well made: every cell that moves ends in a
 * transition with no test (so that once its requirements hold, a transition
 * is taken, and a refusal always comes from a named rule), every function a
 * cell uses is one its machine knows by name and every such function is
 * used, and every requirement declares what it may answer.
 */
import { describe, expect, it } from "vitest";
import { destinationImplementations } from "../src/destination/implementations.js";
import { destinationLifecycle } from "../src/destination/lifecycle.js";
import type { Implementations } from "../src/lifecycle/compile.js";
import type { Definition } from "../src/lifecycle/definition.js";
import { postImplementations } from "../src/post/implementations.js";
import { postLifecycle } from "../src/post/lifecycle.js";

const lifecycles = [
  ["post", postLifecycle, postImplementations],
  ["destination", destinationLifecycle, destinationImplementations],
] as unknown as readonly (readonly [
  string,
  Definition<string, string, unknown, unknown, unknown, string>,
  Implementations<unknown, unknown, unknown>,
])[];

describe.each(lifecycles)("the %s lifecycle", (_, definition, implementations) => {
  const cells = Object.entries(definition.states).flatMap(([status, state]) =>
    Object.entries(state.on).map(([type, cell]) => ({ at: `${status} × ${type}`, cell })),
  );

  it("ends every cell that moves in a transition with no test", () => {
    const open = cells.filter(({ cell }) => {
      const last = cell?.branches.at(-1);
      return last !== undefined && last.guard !== undefined;
    });
    expect(open.map(({ at }) => at)).toEqual([]);
  });

  it("uses each function its machine knows by name, and only those", () => {
    const used = {
      rules: new Set<unknown>(),
      tests: new Set<unknown>(),
      actions: new Set<unknown>(),
    };
    for (const { cell } of cells) {
      for (const rule of cell?.requires ?? []) used.rules.add(rule);
      for (const branch of cell?.branches ?? []) {
        if (branch.guard !== undefined) used.tests.add(branch.guard);
        used.actions.add(branch.actions);
      }
    }
    for (const kind of ["rules", "tests", "actions"] as const) {
      const known = new Map<unknown, string>(
        Object.entries(implementations[kind]).map(([n, fn]): [unknown, string] => [fn, n]),
      );
      const names = [...used[kind]].map((fn) => known.get(fn) ?? "a function with no name");
      expect(names.sort(), kind).toEqual([...known.values()].sort());
    }
  });

  it("has every requirement declare at least one outcome it may answer", () => {
    for (const [name, rule] of Object.entries(implementations.rules) as [
      string,
      { readonly gives: readonly string[] },
    ][]) {
      if (name === "destinationTakes") continue; // the destination's outcomes, read from its lifecycle
      expect(rule.gives.length, name).toBeGreaterThan(0);
    }
  });
});
