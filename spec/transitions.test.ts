/**
 * The transition tables, the machines and `apply` agree, in both directions.
 *
 * Every post reachable from the exploration roots (test/support/explore.ts)
 * receives every event of the alphabet. For each one:
 * - what `apply` decides is an outcome the table lists for that status and
 *   event type (nothing happens that the table does not allow);
 * - the machine, fed the same event with XState's own `transition()`, does
 *   exactly the same: the same next status and post, and the same outbox
 *   emitted, or no transition at all when `apply` refuses or ignores.
 * Afterwards, every outcome every cell lists was seen at least once (every
 * change the table allows works, every refusal it names happens).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { transition } from "xstate";
import {
  type DestinationContext,
  destinationMachine,
  destinationStatuses,
  destinationTransitions,
  postEventTypes,
  postMachine,
  postStatuses,
  postTransitions,
  stepDestination,
} from "../src/index.js";
import { destinationCommands, factsFor } from "../test/support/alphabet.js";
import { explore, type Visit } from "../test/support/explore.js";
import { cellOutcomes, OutcomeLog, outcomeOf, stepOutcome } from "../test/support/outcome.js";
import destinationTable from "./transitions.destination.json";
import postTable from "./transitions.post.json";

const emitted = (actions: readonly { type: string; params?: unknown }[]) =>
  actions
    .filter((a) => a.type === "xstate.emit")
    .map((a) => (a.params as { event: unknown }).event);

/** How the machine disagrees with `apply` on one visit, or undefined. */
const machineDisagreement = ({ post, event, decision }: Visit): string | undefined => {
  const snapshot = postMachine.resolveState({ value: post.status, context: post });
  const [next, actions] = transition(postMachine, snapshot, event);
  const takes = decision.ok && decision.ignored === undefined;
  if (snapshot.can(event) !== takes)
    return `snapshot.can is ${!takes}, apply ${outcomeOf(decision)}`;
  if (!takes) {
    return next.value === post.status && next.context === post
      ? undefined
      : `machine moved to ${String(next.value)} where apply said ${outcomeOf(decision)}`;
  }
  if (next.value !== decision.post.status)
    return `machine reached ${String(next.value)}, apply ${decision.post.status}`;
  if (JSON.stringify(next.context) !== JSON.stringify(decision.post))
    return "machine context differs from apply's post";
  if (JSON.stringify(emitted(actions)) !== JSON.stringify(decision.outbox))
    return "machine emitted another outbox";
  return undefined;
};

describe("spec/transitions.post.json", () => {
  const log = new OutcomeLog();
  const outside: string[] = [];
  const disagreements: string[] = [];
  let visits = 0;
  let states = 0;

  beforeAll(() => {
    states = explore((visit) => {
      visits++;
      const outcome = outcomeOf(visit.decision);
      log.record(visit.post.status, visit.event.type, outcome);
      if (!cellOutcomes(postTransitions[visit.post.status][visit.event.type]).has(outcome)) {
        outside.push(`${visit.post.status} × ${visit.event.type} gave ${outcome}`);
      }
      const disagreement = machineDisagreement(visit);
      if (disagreement !== undefined) {
        disagreements.push(
          `${visit.post.status} × ${JSON.stringify(visit.event)}: ${disagreement}`,
        );
      }
    }).length;
  });

  it("covers every post status and every event type, and nothing else", () => {
    expect(postTable.statuses).toEqual([...postStatuses]);
    expect(postTable.events).toEqual([...postEventTypes]);
    for (const status of postStatuses) {
      expect(Object.keys(postTransitions[status]).sort()).toEqual([...postEventTypes].sort());
    }
  });

  it("explores enough of the lifecycle to mean something", () => {
    expect(states).toBeGreaterThan(1000);
    expect(visits).toBeGreaterThan(50_000);
  });

  it("apply never does what the table does not list", () => {
    expect(outside.slice(0, 10)).toEqual([]);
  });

  it("the post machine does exactly what apply does, event for event", () => {
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  describe.each(postStatuses)("every outcome listed for %s happens", (status) => {
    it.each(postEventTypes)(`${status} × %s`, (type) => {
      expect([...log.get(status, type)].sort()).toEqual(
        [...cellOutcomes(postTransitions[status][type])].sort(),
      );
    });
  });
});

describe("the post machine's structure matches the table", () => {
  const stateNodes = postMachine.root.states;

  it("has one state per post status, plus the settling step", () => {
    expect(Object.keys(stateNodes).sort()).toEqual([...postStatuses, "settling"].sort());
  });

  it.each(postStatuses)("%s handles exactly the event types the table lets change it", (status) => {
    const handled = Object.keys((stateNodes[status] as { on: object }).on ?? {}).sort();
    const allowed = postEventTypes.filter((type) => postTransitions[status][type].to !== undefined);
    expect(handled).toEqual([...allowed].sort());
  });

  it("every direct target is a status the table lists", () => {
    for (const status of postStatuses) {
      const node = stateNodes[status] as unknown as {
        on: Record<string, { target?: readonly { key: string }[] }[]>;
      };
      for (const [type, transitions] of Object.entries(node.on ?? {})) {
        for (const t of transitions) {
          const target = t.target?.[0]?.key ?? status;
          if (target === "settling") continue;
          expect(postTransitions[status][type as never]).toHaveProperty(
            "to",
            expect.arrayContaining([target]),
          );
        }
      }
    }
  });
});

describe("spec/transitions.destination.json", () => {
  const log = new OutcomeLog();
  const outside: string[] = [];
  const disagreements: string[] = [];
  let contexts = 0;

  beforeAll(() => {
    const seen = new Set<string>();
    for (const post of explore()) {
      for (const destination of post.destinations) {
        const key = JSON.stringify([
          destination.status,
          destination.attempts,
          destination.generation > 0,
          post.retry.maxAttempts,
          destination.error?.code,
          destination.error?.outcomeUnknown,
          destination.idempotencyKey === undefined,
          destination.handOuts,
          destination.lookups,
          destination.duplicates?.length,
          destination.items?.map((item) => item.status).join(),
          Math.min(destination.polls ?? 0, 2),
        ]);
        if (seen.has(key)) continue;
        seen.add(key);
        contexts++;
        const context: DestinationContext = {
          postId: post.id,
          revision: post.revision,
          retry: post.retry,
          destination,
        };
        for (const event of [...destinationCommands(destination), ...factsFor(destination)]) {
          const step = stepDestination(context, event);
          const outcome = stepOutcome(step);
          log.record(destination.status, event.type, outcome);
          if (!cellOutcomes(destinationTransitions[destination.status][event.type]).has(outcome)) {
            outside.push(`${destination.status} × ${event.type} gave ${outcome}`);
          }
          const snapshot = destinationMachine.resolveState({ value: destination.status, context });
          const [next, actions] = transition(destinationMachine, snapshot, event);
          const expected = step.kind === "accepted" ? step.destination.status : destination.status;
          const sameOutbox =
            JSON.stringify(emitted(actions)) ===
            JSON.stringify(step.kind === "accepted" ? step.outbox : []);
          if (
            next.value !== expected ||
            !sameOutbox ||
            snapshot.can(event) !== (step.kind === "accepted")
          ) {
            disagreements.push(
              `${destination.status} × ${JSON.stringify(event)}: machine ${String(next.value)}, step ${outcome}`,
            );
          }
        }
      }
    }
  });

  it("covers every destination status and every destination event, and nothing else", () => {
    expect(destinationTable.statuses).toEqual([...destinationStatuses]);
    for (const status of destinationStatuses) {
      expect(Object.keys(destinationTransitions[status]).sort()).toEqual(
        [...destinationTable.events].sort(),
      );
    }
  });

  it("explores enough destinations to mean something", () => {
    expect(contexts).toBeGreaterThan(20);
  });

  it("stepDestination never does what the table does not list", () => {
    expect(outside.slice(0, 10)).toEqual([]);
  });

  it("the destination machine does exactly what stepDestination does", () => {
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  describe.each(destinationStatuses)("every outcome listed for %s happens", (status) => {
    it.each(destinationTable.events)(`${status} × %s`, (type) => {
      expect([...log.get(status, type)].sort()).toEqual(
        [...cellOutcomes(destinationTransitions[status][type as never])].sort(),
      );
    });
  });
});
