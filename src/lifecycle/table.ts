/**
 * A lifecycle's transition table, written from its definition: for each
 * status and event type, where an accepted event may lead (`to`), the reasons
 * it may be refused for (`reject`) and the ways it may be ignored
 * (`ignore`), read from the requirements' own `gives`. This is what
 * `spec/transitions.*.json` holds; the spec tests prove by exploration that
 * every outcome listed happens and nothing else does.
 */
import { type RejectionReason, rejectionReasons } from "../domain/decision.js";
import type { TransitionCell } from "../rules/transitions.js";
import type { Definition, RefusalOutcome, Rule } from "./definition.js";

/**
 * The table of `definition`. `gives(rule, status, type)` answers what a
 * requirement may answer there (most answer their own `gives` anywhere); `transient` targets are left to the cell's
 * `settles`; an event a status does not take is refused with `otherwise`.
 */
export const tableOf = <S extends string, E extends string, C, Ev, Out>(
  definition: Definition<S, E, C, Ev, Out, string>,
  statuses: readonly S[],
  events: readonly E[],
  gives: (rule: Rule<C, Ev>, status: S, type: E) => readonly RefusalOutcome[],
  otherwise: RejectionReason,
): { [K in S]: { [T in E]: TransitionCell<S> } } => {
  const table = {} as { [K in S]: { [T in E]: TransitionCell<S> } };
  for (const status of statuses) {
    const row = {} as { [T in E]: TransitionCell<S> };
    for (const type of events) {
      const cell = definition.states[status].on[type];
      if (cell === undefined) {
        row[type] = { reject: [otherwise] };
        continue;
      }
      const to = [...new Set(cell.settles ?? cell.branches.map((b) => b.target))] as S[];
      const outcomes = [...new Set((cell.requires ?? []).flatMap((r) => gives(r, status, type)))];
      // In the vocabularies' order, whatever order the rules come in.
      const reject = rejectionReasons.filter((r) => outcomes.includes(r));
      const ignore = (["duplicate", "stale"] as const).filter((i) => outcomes.includes(i));
      row[type] = {
        ...(to.length === 0 ? {} : { to }),
        ...(reject.length === 0 ? {} : { reject }),
        ...(ignore.length === 0 ? {} : { ignore }),
      };
    }
    table[status] = row;
  }
  return table;
};
