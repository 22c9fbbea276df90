import { setup } from "xstate";
import type { DestinationEvent } from "../destination/event.js";
import { destinationImplementations } from "../destination/implementations.js";
import { destinationLifecycle } from "../destination/lifecycle.js";
import type { DestinationContext } from "../destination/step.js";
import type { Instruction } from "../domain/instruction.js";
import { newDestination } from "../domain/post.js";
import { type DestinationStatus, destinationStatuses } from "../domain/status.js";
import { policyOf } from "../errors/retry-policy.js";
import { checkDestinationEvent } from "../rules/destination-shape.js";
import { destinationDescriptions } from "./descriptions.js";
import type { DestinationMachineInput } from "./destination.types.js";
import { actionsOf, guardsOf, statesOf } from "./from-definition.js";

/**
 * The context of an actor made without input. XState's `transition()` makes
 * one, inert, on every call (its initial context is never used), so this is
 * built once rather than a TypeError thrown each time.
 */
let empty: DestinationContext | undefined;
const noInput = (): DestinationContext => {
  empty ??= {
    postId: "",
    revision: 0,
    retry: policyOf({}),
    destination: newDestination({ id: "", platform: "x", accountId: "" }),
  };
  return empty;
};

const makeDestinationMachine = () =>
  setup({
    types: {} as {
      context: DestinationContext;
      events: DestinationEvent;
      input: DestinationMachineInput;
      emitted: Instruction;
    },
    guards: {
      ...guardsOf(destinationImplementations, {
        /** The event is one: a malformed event is refused, as `stepDestination` refuses it. */
        isWellFormed: ({ event }) => checkDestinationEvent(event) === undefined,
      }),
      isIn: ({ context }: { context: DestinationContext }, params: { status: DestinationStatus }) =>
        context.destination.status === params.status,
    },
    actions: actionsOf(destinationImplementations, (context, moved) => ({
      ...context,
      destination: moved.destination,
    })) as Record<string, never>,
  }).createMachine({
    id: destinationLifecycle.id,
    description: destinationDescriptions.machine,
    /** The destination as given, with its post's id, revision and retry policy. */
    context: ({ input }): DestinationContext =>
      input === undefined
        ? noInput()
        : {
            postId: input.postId,
            revision: input.revision ?? 0,
            retry: policyOf(input.retry ?? {}),
            destination: input.destination,
          },
    initial: "resuming",
    states: {
      resuming: {
        description:
          "Enters the status the destination already has: draft for a new one, wherever it stands for one loaded from storage. Never rests here.",
        always: destinationStatuses.map((status) => ({
          guard: { type: "isIn", params: { status } },
          target: status,
        })),
      },
      ...statesOf(
        destinationLifecycle,
        destinationImplementations,
        destinationDescriptions.states,
        ["isWellFormed"],
      ),
    },
  });

/**
 * The lifecycle of one destination (one platform account), as an XState v5
 * machine, built from the destination lifecycle's definition: each guard is
 * one named rule (`concernsThisDelivery`, `isNextAttempt`, `mayRetryInTime`,
 * ...), combined with `and`, and each action one named update. The editorial
 * statuses mirror the post's; then queued, publishing (every attempt starts
 * with DELIVERY_STARTED and counts), and published, retrying, unconfirmed or
 * failed. An unconfirmed destination (the request may have reached the
 * platform) is never retried blindly: RECONCILED decides. A failed one is
 * re-queued by RETRY_FAILED, or published by a late success. An actor starts
 * in the status its input destination already has, so a destination loaded
 * from storage resumes where it stood.
 *
 * @example
 * ```ts
 * import { createActor } from "xstate";
 * import { destinationMachine } from "postlife";
 * const actor = createActor(destinationMachine, {
 *   input: {
 *     postId: "post-1",
 *     destination: { id: "d-x", platform: "x", accountId: "a", postType: "post", status: "draft", attempts: 0, generation: 0 },
 *   },
 * }).start();
 * actor.send({ type: "ENQUEUE", idempotencyKey: "post-1:d-x:0:0", now: "2026-04-20T14:00:00Z" });
 * actor.send({ type: "DELIVERY_STARTED", destinationId: "d-x", now: "2026-04-20T14:00:00Z" });
 * actor.getSnapshot().value; // "publishing"
 * ```
 * @since 0.1.0
 */
export const destinationMachine = /* @__PURE__ */ makeDestinationMachine();
