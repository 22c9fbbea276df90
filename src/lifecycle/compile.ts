/**
 * A lifecycle definition compiled once, at first use, into a table of status
 * x event type -> rules and candidate transitions: deciding an event is a
 * lookup, the rules in order, and one update. The XState machines run the
 * same functions under their names; this is what `apply` runs, without an
 * interpreter's per-call cost.
 */
import type { Args, Cell, Definition, Refusal, Rule, Test } from "./definition.js";

/** The functions a lifecycle's machine knows by name: its rules, tests and updates. */
export interface Implementations<C, E, Out> {
  readonly rules: { readonly [name: string]: Rule<C, E> };
  readonly tests: { readonly [name: string]: Test<C, E> };
  readonly actions: { readonly [name: string]: (args: Args<C, E>) => Out };
}

/**
 * The functions `definition` uses, each under the name a module exports it
 * by (`modules`: the namespaces of the modules that hold them), sorted by
 * what they are: requirements, tests and updates. A function no module
 * exports is left out, and the definitions' test fails on it.
 */
export const implementationsOf = <S extends string, T extends string, C, E, Out>(
  definition: Definition<S, T, C, E, Out, string>,
  modules: readonly object[],
): Implementations<C, E, Out> => {
  const names = new Map<unknown, string>();
  for (const module of modules) {
    for (const [name, value] of Object.entries(module)) names.set(value, name);
  }
  const rules: Record<string, Rule<C, E>> = {};
  const tests: Record<string, Test<C, E>> = {};
  const actions: Record<string, (args: Args<C, E>) => Out> = {};
  const add = <F>(into: Record<string, F>, fn: F) => {
    const name = names.get(fn);
    if (name !== undefined) into[name] = fn;
  };
  for (const status of Object.keys(definition.states) as S[]) {
    const cells = definition.states[status].on as {
      readonly [type: string]: Cell<string, C, E, Out>;
    };
    for (const cell of Object.values(cells)) {
      for (const rule of cell.requires ?? []) add(rules, rule);
      for (const branch of cell.branches) {
        if (branch.guard !== undefined) add(tests, branch.guard);
        add(actions, branch.actions);
      }
    }
  }
  return { rules, tests, actions };
};

/** How an event fared: refused or ignored, or taken with what the update made. */
export type Verdict<Out> =
  | { readonly taken: false; readonly refusal: Refusal }
  | { readonly taken: true; readonly out: Out };

/** A compiled lifecycle: `decide` runs the update of the transition taken; `refusal` only asks whether one is. */
export interface Compiled<S extends string, C, E, Out> {
  readonly decide: (status: S, context: C, event: E) => Verdict<Out>;
  /** Why `event` would not be taken, or `undefined` when a transition would: the rules, no update. */
  readonly refusal: (status: S, context: C, event: E) => Refusal | undefined;
}

type CompiledCell<C, E, Out> = Cell<string, C, E, Out> & {
  /** The last branch has no test: once the requirements hold, a transition is taken. */
  readonly alwaysTaken: boolean;
};

/** Compiles `definition`; `otherwise` answers an event a status does not take. */
export const compile = <S extends string, T extends string, C, E extends { readonly type: T }, Out>(
  definition: Definition<S, T, C, E, Out, string>,
  otherwise: (status: S, context: C, event: E) => Refusal,
): Compiled<S, C, E, Out> => {
  let table: Map<string, Map<string, CompiledCell<C, E, Out>>> | undefined;
  const build = () => {
    const built = new Map<string, Map<string, CompiledCell<C, E, Out>>>();
    for (const status of Object.keys(definition.states) as S[]) {
      const on = definition.states[status].on as {
        readonly [type: string]: Cell<string, C, E, Out>;
      };
      const row = new Map<string, CompiledCell<C, E, Out>>();
      for (const [type, cell] of Object.entries(on)) {
        const last = cell.branches.at(-1);
        row.set(type, { ...cell, alwaysTaken: last !== undefined && last.guard === undefined });
      }
      built.set(status, row);
    }
    return built;
  };
  const cellOf = (status: S, type: string) => {
    table ??= build();
    return table.get(status)?.get(type);
  };
  const refusal = (status: S, context: C, event: E): Refusal | undefined => {
    const cell = cellOf(status, event.type);
    if (cell === undefined) return otherwise(status, context, event);
    const args: Args<C, E> = { context, event };
    for (const requirement of cell.requires ?? []) {
      if (!requirement(args)) return requirement.whyNot(args);
    }
    if (cell.alwaysTaken) return undefined;
    for (const branch of cell.branches) {
      if (branch.guard === undefined || branch.guard(args)) return undefined;
    }
    return otherwise(status, context, event);
  };
  const decide = (status: S, context: C, event: E): Verdict<Out> => {
    const cell = cellOf(status, event.type);
    if (cell === undefined) return { taken: false, refusal: otherwise(status, context, event) };
    const args: Args<C, E> = { context, event };
    for (const requirement of cell.requires ?? []) {
      if (!requirement(args)) return { taken: false, refusal: requirement.whyNot(args) };
    }
    for (const branch of cell.branches) {
      if (branch.guard === undefined || branch.guard(args)) {
        return { taken: true, out: branch.actions(args) };
      }
    }
    // A definition's cells end in an untested branch or refuse by a rule (its tests check it).
    return { taken: false, refusal: otherwise(status, context, event) };
  };
  return { decide, refusal };
};
