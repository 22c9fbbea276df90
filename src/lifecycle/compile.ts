/**
 * A lifecycle definition compiled once, at first use, into a table of status
 * x event type -> rules and candidate transitions, holding the functions
 * themselves: deciding an event is a lookup, the rules in order, and one
 * update. The XState machines run the same functions by name; this is what
 * `apply` runs, without an interpreter's per-call cost.
 */
import type { Definition, Refusal, Rule, Test } from "./definition.js";

/** The functions a definition names. */
export interface Implementations<C, E, R extends string, T extends string, A extends string, Out> {
  readonly rules: { readonly [K in R]: Rule<C, E> };
  readonly tests: { readonly [K in T]: Test<C, E> };
  readonly actions: { readonly [K in A]: (context: C, event: E) => Out };
}

interface CompiledBranch<C, E, Out> {
  readonly test: Test<C, E> | undefined;
  readonly update: (context: C, event: E) => Out;
}

interface CompiledCell<C, E, Out> {
  readonly requires: readonly Rule<C, E>[];
  readonly branches: readonly CompiledBranch<C, E, Out>[];
}

/** How an event fared: refused or ignored, or taken with what the update made. */
export type Verdict<Out> =
  | { readonly taken: false; readonly refusal: Refusal }
  | { readonly taken: true; readonly out: Out };

/** Decides `event` for `context` in `status`; `otherwise` answers events the status does not take. */
export type Decide<S extends string, C, E, Out> = (status: S, context: C, event: E) => Verdict<Out>;

export const compile = <
  S extends string,
  E extends string,
  R extends string,
  T extends string,
  A extends string,
  C,
  Ev extends { readonly type: E },
  Out,
>(
  definition: Definition<S, E, R, T, A>,
  implementations: Implementations<C, Ev, R, T, A, Out>,
  otherwise: (status: S, context: C, event: Ev) => Refusal,
): Decide<S, C, Ev, Out> => {
  let table: Map<string, Map<string, CompiledCell<C, Ev, Out>>> | undefined;
  const build = () => {
    const built = new Map<string, Map<string, CompiledCell<C, Ev, Out>>>();
    for (const status of Object.keys(definition.states) as S[]) {
      const on = definition.states[status].on;
      const row = new Map<string, CompiledCell<C, Ev, Out>>();
      built.set(status, row);
      for (const type of Object.keys(on) as E[]) {
        const cell = on[type];
        if (cell === undefined) continue;
        row.set(type, {
          requires: (cell.requires ?? []).map((name) => implementations.rules[name]),
          branches: cell.branches.map((b) => ({
            test: b.guard === undefined ? undefined : implementations.tests[b.guard],
            update: implementations.actions[b.actions],
          })),
        });
      }
    }
    return built;
  };
  return (status, context, event) => {
    table ??= build();
    const cell = table.get(status)?.get(event.type);
    if (cell === undefined) return { taken: false, refusal: otherwise(status, context, event) };
    for (const requirement of cell.requires) {
      const refusal = requirement(context, event);
      if (refusal !== undefined) return { taken: false, refusal };
    }
    for (const branch of cell.branches) {
      if (branch.test === undefined || branch.test(context, event)) {
        return { taken: true, out: branch.update(context, event) };
      }
    }
    // A definition's cells end in an unguarded branch or refuse by a rule (checked by its tests).
    return { taken: false, refusal: otherwise(status, context, event) };
  };
};
