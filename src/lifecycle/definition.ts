/**
 * A lifecycle written as data: for each status, the events it takes, the
 * rules each event must pass, and the transitions it may make. The post and
 * destination lifecycles are written this way once; the XState machines and
 * the compiled `apply` are both built from the same definition and run the
 * same rule and update functions, and `spec/transitions.*.json` is generated
 * from it.
 *
 * Why a definition of our own rather than XState's config as the source: a
 * rule must say *why* an event is not taken (a typed rejection, or an ignore
 * as a duplicate or stale), which an XState guard (a boolean) cannot; and
 * `apply` must not pay for, or bundle, an interpreter. The definition keeps
 * XState's shape (states, `on`, guarded candidates in order, targets,
 * actions), so the machine is a direct translation.
 */
import type { RejectionReason } from "../domain/decision.js";
import type { Problem } from "../rules/readiness.js";

/** What an event not taken comes to: refused with a reason, or taken and ignored. */
export type Refusal =
  | { readonly kind: "rejected"; readonly problem: Problem }
  | { readonly kind: "ignored"; readonly ignored: "duplicate" | "stale"; readonly message: string };

/** An outcome a cell may give: a status reached, a reason refused, or a way ignored. */
export type RefusalOutcome = RejectionReason | "duplicate" | "stale";

/** What a rule or test is given: XState's guard arguments, so that each is the machine's guard itself. */
export interface Args<C, E> {
  readonly context: C;
  readonly event: E;
}

/**
 * A requirement: a predicate that holds or not (the guard XState runs), and
 * why not when it does not. `gives` lists every refusal it can answer, so
 * the spec tables are written from the rules themselves.
 */
export interface Rule<C, E> {
  (args: Args<C, E>): boolean;
  readonly whyNot: (args: Args<C, E>) => Refusal;
  readonly gives: readonly RefusalOutcome[];
}

/** A condition that picks one of a cell's transitions; never a reason to refuse. */
export type Test<C, E> = (args: Args<C, E>) => boolean;

/** Names a requirement: the predicate, what it may answer, and why not. */
export const rule = <C, E>(
  holds: (args: Args<C, E>) => boolean,
  gives: readonly RefusalOutcome[],
  whyNot: (args: Args<C, E>) => Refusal,
): Rule<C, E> => Object.assign(holds, { whyNot, gives });

/**
 * The `rule` of one lifecycle, whose predicates may read their event as the
 * event type of the cells they guard (a rule is only asked about those).
 */
export const rulesOf =
  <C, E>() =>
  <Given extends E = E>(
    holds: (args: Args<C, Given>) => boolean,
    gives: readonly RefusalOutcome[],
    whyNot: (args: Args<C, Given>) => Refusal,
  ): Rule<C, E> =>
    rule(holds as (args: Args<C, E>) => boolean, gives, whyNot as (args: Args<C, E>) => Refusal);

/** An ignore: the event is taken and changes nothing. */
export const ignored = (kind: "duplicate" | "stale", message: string): Refusal => ({
  kind: "ignored",
  ignored: kind,
  message,
});

/** A refusal for a problem. */
export const rejected = (problem: Problem): Refusal => ({ kind: "rejected", problem });

/** What a transition runs: the next value and what the shell must do, from the event and the value. */
export type Update<C, E, Out> = (args: Args<C, E>) => Out;

/** One candidate transition: taken when its test (if any) holds. */
export interface Branch<S extends string, C, E, Out> {
  readonly guard?: Test<C, E>;
  /** The status it leads to, or a transient state (the post's `settling`). */
  readonly target: S;
  readonly actions: Update<C, E, Out>;
}

/**
 * What one event does in one status: every rule in `requires` must hold, in
 * order (the first that fails gives the refusal), then the first branch whose
 * guard holds is taken. A cell with no branch only refuses or ignores: its
 * rules decide how. The rules, tests and updates are the functions
 * themselves: `apply` runs them as they stand, and the machines give each
 * the name it is exported under.
 */
export interface Cell<S extends string, C, E, Out> {
  readonly requires?: readonly Rule<C, E>[];
  readonly branches: readonly Branch<S, C, E, Out>[];
  /** Where a branch that targets a transient state (`settling`) may end: the statuses it settles into. */
  readonly settles?: readonly S[];
}

/**
 * A lifecycle: its statuses and, for each, what each event type does. A
 * transition leads to a status, or to a transient state of the machine
 * (`Transient`) that settles at once into one of a cell's `settles`.
 */
export interface Definition<
  S extends string,
  T extends string,
  C,
  E,
  Out,
  Transient extends string = never,
> {
  readonly id: string;
  readonly states: {
    readonly [K in S]: { readonly on: { readonly [K2 in T]?: Cell<S | Transient, C, E, Out> } };
  };
}
