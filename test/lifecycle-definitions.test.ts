/**
 * The lifecycle definitions are well made: every cell that moves ends in a
 * transition with no test (so that once its requirements hold, a transition
 * is taken, and a refusal always comes from a named rule), every name a cell
 * uses is implemented, every implementation is used, and every requirement
 * declares what it may answer.
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
  Definition<string, string, string, string, string, string>,
  Implementations<unknown, unknown, string, string, string, unknown>,
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

  it("names only what it implements, and implements only what it names", () => {
    const named = {
      rules: new Set<string>(),
      tests: new Set<string>(),
      actions: new Set<string>(),
    };
    for (const { cell } of cells) {
      for (const rule of cell?.requires ?? []) named.rules.add(rule);
      for (const branch of cell?.branches ?? []) {
        if (branch.guard !== undefined) named.tests.add(branch.guard);
        named.actions.add(branch.actions);
      }
    }
    for (const kind of ["rules", "tests", "actions"] as const) {
      expect([...named[kind]].sort(), kind).toEqual(Object.keys(implementations[kind]).sort());
    }
  });

  it("has every requirement declare at least one outcome it may answer", () => {
    for (const [name, rule] of Object.entries(implementations.rules)) {
      if (name === "destinationTakes") continue; // the destination's outcomes, read from its lifecycle
      expect(rule.gives.length, name).toBeGreaterThan(0);
    }
  });
});
