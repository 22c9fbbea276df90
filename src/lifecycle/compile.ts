/**
 * A lifecycle definition compiled once, at first use, into a table of status
 * x event type -> rules and candidate transitions, holding the functions
 * themselves: deciding an event is a lookup, the rules in order, and one
 * update. The XState machines run the same functions by name; this is what
 * `apply` runs, without an interpreter's per-call cost.
 */
import type { Args, Definition, Refusal, Rule, Test } from "./definition.js";

/** The functions a definition names. */
export interface Implementations<C, E, R extends string, T extends string, A extends string, Out> {
  readonly rules: { readonly [K in R]: Rule<C, E> };
  readonly tests: { readonly [K in T]: Test<C, E> };
  readonly actions: { readonly [K in A]: (args: Args<C, E>) => Out };
}

interface CompiledBranch<C, E, Out> {
  readonly test: Test<C, E> | undefined;
  readonly update: (args: Args<C, E>) => Out;
}

interface CompiledCell<C, E, Out> {
  readonly requires: readonly Rule<C, E>[];
  readonly branches: readonly CompiledBranch<C, E, Out>[];
  /** The last branch has no test: once the requirements hold, a transition is taken. */
  readonly alwaysTaken: boolean;
}

/** How an event fared: refused or ignored, or taken with what the update made. */
export type Verdict<Out> =
  | { readonly taken: false; readonly refusal: Refusal }
  | { readonly taken: true; readonly out: Out };

/** Decides `event` for `context` in `status`; `otherwise` answers events the status does not take. */
export type Decide<S extends string, C, E, Out> = (status: S, context: C, event: E) => Verdict<Out>;

/** A compiled lifecycle: `decide` runs the update of the transition taken; `refusal` only asks whether one is. */
export interface Compiled<S extends string, C, E, Out> {
  readonly decide: Decide<S, C, E, Out>;
  /** Why `event` would not be taken, or `undefined` when a transition would: the rules, no update. */
  readonly refusal: (status: S, context: C, event: E) => Refusal | undefined;
}

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
  definition: Definition<S, E, R, T, A, string>,
  implementations: Implementations<C, Ev, R, T, A, Out>,
  otherwise: (status: S, context: C, event: Ev) => Refusal,
): Compiled<S, C, Ev, Out> => {
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
          alwaysTaken: cell.branches.at(-1)?.guard === undefined && cell.branches.length > 0,
        });
      }
    }
    return built;
  };
  const cellOf = (status: S, type: string) => {
    table ??= build();
    return table.get(status)?.get(type);
  };
  const refusal = (status: S, context: C, event: Ev): Refusal | undefined => {
    const cell = cellOf(status, event.type);
    if (cell === undefined) return otherwise(status, context, event);
    const args: Args<C, Ev> = { context, event };
    for (const requirement of cell.requires) {
      if (!requirement(args)) return requirement.whyNot(args);
    }
    if (cell.alwaysTaken) return undefined;
    for (const branch of cell.branches) {
      if (branch.test === undefined || branch.test(args)) return undefined;
    }
    return otherwise(status, context, event);
  };
  const decide: Decide<S, C, Ev, Out> = (status, context, event) => {
    const cell = cellOf(status, event.type);
    if (cell === undefined) return { taken: false, refusal: otherwise(status, context, event) };
    const args: Args<C, Ev> = { context, event };
    for (const requirement of cell.requires) {
      if (!requirement(args)) return { taken: false, refusal: requirement.whyNot(args) };
    }
    for (const branch of cell.branches) {
      if (branch.test === undefined || branch.test(args)) {
        return { taken: true, out: branch.update(args) };
      }
    }
    // A definition's cells end in an unguarded branch or refuse by a rule (checked by its tests).
    return { taken: false, refusal: otherwise(status, context, event) };
  };
  return { decide, refusal };
};
