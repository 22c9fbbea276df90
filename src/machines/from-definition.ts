/**
 * A lifecycle definition given to XState. Each cell's transitions become the
 * state's candidates for the event, in order, each guarded by the cell's
 * requirements and then the branch's own test. A guard of one rule is that
 * rule, by name; a guard of several is `{ type: "all", params: { of: [...] } }`,
 * which holds when each named rule holds in turn. Both stay plain data, so the
 * machine serialises whole and the inspector shows the rules that decided.
 * Cells that only refuse or ignore take no transition and are left out, as
 * XState leaves an event that no transition takes.
 */
import { enqueueActions } from "xstate";
import type { Implementations } from "../lifecycle/compile.js";
import type { Args, Definition } from "../lifecycle/definition.js";

/** The guard of one branch: its cell's requirements, then its own test. */
const guardOf = (names: readonly string[]) =>
  names.length === 0
    ? undefined
    : names.length === 1
      ? names[0]
      : { type: "all", params: { of: names } };

/**
 * The `states` of a machine config: one per status, described, with `first`
 * (if given) required before every transition.
 */
export const statesOf = <S extends string, E extends string>(
  definition: Definition<S, E, string, string, string, string>,
  descriptions: { readonly [K in S]: string },
  first: readonly string[] = [],
): { [K in S]: { description: string; on: Record<string, never[]> } } => {
  const states = {} as { [K in S]: { description: string; on: Record<string, never[]> } };
  for (const status of Object.keys(definition.states) as S[]) {
    const state = definition.states[status];
    const on: Record<string, never[]> = {};
    for (const type of Object.keys(state.on) as E[]) {
      const cell = state.on[type];
      if (cell === undefined || cell.branches.length === 0) continue;
      // XState checks a config's guard and action names against setup's; both come from this definition.
      on[type] = cell.branches.map((branch): never => {
        const guard = guardOf([
          ...first,
          ...(cell.requires ?? []),
          ...(branch.guard === undefined ? [] : [branch.guard]),
        ]);
        return {
          ...(guard === undefined ? {} : { guard }),
          target: branch.target,
          actions: branch.actions,
        } as never;
      });
    }
    states[status] = { description: descriptions[status], on };
  }
  return states;
};

type Guard<C, E> = (args: Args<C, E>) => boolean;

/**
 * XState guards, by name: the machine's own, the requirements and tests a
 * definition's transitions use (each the rule's own predicate), and `all`.
 */
export const guardsOf = <C, E, R extends string, T extends string, A extends string, Out>(
  definition: Definition<string, string, R, T, A, string>,
  implementations: Implementations<C, E, R, T, A, Out>,
  machineGuards: Record<string, Guard<C, E>> = {},
): Record<string, Guard<C, E>> => {
  const guards: Record<string, Guard<C, E>> = { ...machineGuards };
  const named: Record<string, Guard<C, E>> = { ...implementations.rules, ...implementations.tests };
  for (const state of Object.values(definition.states)) {
    for (const cell of Object.values(state.on)) {
      if (cell === undefined || cell.branches.length === 0) continue;
      for (const name of [
        ...(cell.requires ?? []),
        ...cell.branches.flatMap((b) => b.guard ?? []),
      ]) {
        guards[name] = named[name] as Guard<C, E>;
      }
    }
  }
  guards.all = (args: Args<C, E>, params?: { readonly of: readonly string[] }) =>
    (params?.of ?? []).every((name) => (guards[name] as Guard<C, E>)(args));
  return guards;
};

/**
 * XState actions for a definition's updates, by name: each runs the update,
 * assigns what `into` makes of its result and emits its outbox.
 */
export const actionsOf = <
  C,
  E,
  R extends string,
  T extends string,
  A extends string,
  Out extends { readonly outbox: readonly unknown[] },
>(
  implementations: Implementations<C, E, R, T, A, Out>,
  into: (context: C, out: Out) => C,
) => {
  const actions: Record<string, ReturnType<typeof enqueueActions>> = {};
  for (const [name, update] of Object.entries(implementations.actions) as [
    string,
    (args: Args<C, E>) => Out,
  ][]) {
    actions[name] = enqueueActions(({ context, event, enqueue }) => {
      const out = update({ context: context as C, event: event as E });
      enqueue.assign(() => into(context as C, out));
      for (const instruction of out.outbox) enqueue.emit(instruction as never);
    });
  }
  return actions;
};
