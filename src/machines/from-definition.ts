/**
 * A lifecycle definition given to XState. Each cell's transitions become the
 * state's candidates for the event, in order, each guarded by the cell's
 * requirements and then the branch's own test, each rule under the name it is
 * exported by (`implementations`). A guard of one rule is that rule, by name;
 * a guard of several is `{ type: "all", params: { of: [...] } }`, which holds
 * when each named rule holds in turn. Both stay plain data, so the machine
 * serialises whole and the inspector shows the rules that decided. Cells that
 * only refuse or ignore take no transition and are left out, as XState leaves
 * an event that no transition takes.
 */
import { enqueueActions } from "xstate";
import type { Implementations } from "../lifecycle/compile.js";
import type { Args, Cell, Definition } from "../lifecycle/definition.js";

/** The guard of one branch: its cell's requirements, then its own test. */
const guardOf = (names: readonly string[]) =>
  names.length === 0
    ? undefined
    : names.length === 1
      ? names[0]
      : { type: "all", params: { of: names } };

/** Each function of a lifecycle, to the name it is known by. */
const namesOf = <C, E, Out>(implementations: Implementations<C, E, Out>) => {
  const names = new Map<unknown, string>();
  for (const kind of [implementations.rules, implementations.tests, implementations.actions]) {
    for (const [name, fn] of Object.entries(kind)) names.set(fn, name);
  }
  return (fn: unknown): string => {
    const name = names.get(fn);
    if (name === undefined) throw new Error("a lifecycle function has no name"); // its test forbids it
    return name;
  };
};

/**
 * The `states` of a machine config: one per status, described, with `first`
 * (if given) required before every transition.
 */
export const statesOf = <S extends string, T extends string, C, E, Out>(
  definition: Definition<S, T, C, E, Out, string>,
  implementations: Implementations<C, E, Out>,
  descriptions: { readonly [K in S]: string },
  first: readonly string[] = [],
): { [K in S]: { description: string; on: Record<string, never[]> } } => {
  const nameOf = namesOf(implementations);
  const states = {} as { [K in S]: { description: string; on: Record<string, never[]> } };
  for (const status of Object.keys(definition.states) as S[]) {
    const on: Record<string, never[]> = {};
    const cells = definition.states[status].on as {
      readonly [type: string]: Cell<string, C, E, Out>;
    };
    for (const [type, cell] of Object.entries(cells)) {
      if (cell.branches.length === 0) continue;
      // XState checks a config's guard and action names against setup's; both come from `implementations`.
      on[type] = cell.branches.map((branch): never => {
        const guard = guardOf([
          ...first,
          ...(cell.requires ?? []).map(nameOf),
          ...(branch.guard === undefined ? [] : [nameOf(branch.guard)]),
        ]);
        return {
          ...(guard === undefined ? {} : { guard }),
          target: branch.target,
          actions: nameOf(branch.actions),
        } as never;
      });
    }
    states[status] = { description: descriptions[status], on };
  }
  return states;
};

type Guard<C, E> = (args: Args<C, E>) => boolean;

/**
 * XState guards, by name: the machine's own, every requirement and test of
 * the lifecycle (each the rule's own predicate), and `all`.
 */
export const guardsOf = <C, E, Out>(
  implementations: Implementations<C, E, Out>,
  machineGuards: Record<string, Guard<C, E>> = {},
): Record<string, Guard<C, E>> => {
  const guards: Record<string, Guard<C, E>> = {
    ...machineGuards,
    ...implementations.rules,
    ...implementations.tests,
  };
  guards.all = (args: Args<C, E>, params?: { readonly of: readonly string[] }) =>
    (params?.of ?? []).every((name) => (guards[name] as Guard<C, E>)(args));
  return guards;
};

/**
 * XState actions for a lifecycle's updates, by name: each runs the update,
 * assigns what `into` makes of its result and emits its outbox.
 */
export const actionsOf = <C, E, Out extends { readonly outbox: readonly unknown[] }>(
  implementations: Implementations<C, E, Out>,
  into: (context: C, out: Out) => C,
) => {
  const actions: Record<string, ReturnType<typeof enqueueActions>> = {};
  for (const [name, update] of Object.entries(implementations.actions)) {
    actions[name] = enqueueActions(({ context, event, enqueue }) => {
      const out = update({ context: context as C, event: event as E });
      enqueue.assign(() => into(context as C, out));
      for (const instruction of out.outbox) enqueue.emit(instruction as never);
    });
  }
  return actions;
};
