import { enqueueActions, setup } from "xstate";
import type { DestinationEvent } from "../destination/event.js";
import { type DestinationContext, stepDestination } from "../destination/step.js";
import type { Instruction } from "../domain/instruction.js";
import { type DestinationStatus, destinationStatuses } from "../domain/status.js";
import { defaultRetryPolicy } from "../errors/retry-policy.js";
import type {
  DestinationAction,
  DestinationGuard,
  DestinationMachineInput,
} from "./destination.types.js";

type Args = { readonly context: DestinationContext; readonly event: DestinationEvent };

const takes = ({ context, event }: Args): boolean =>
  stepDestination(context, event).kind === "accepted";

/** A guard that holds when the step is taken and leads to `status`. */
const leadsTo =
  (status: DestinationStatus) =>
  ({ context, event }: Args): boolean => {
    const step = stepDestination(context, event);
    return step.kind === "accepted" && step.destination.status === status;
  };

const guards: Record<Exclude<DestinationGuard, "isIn">, (args: Args) => boolean> = {
  takes,
  outcomeUnknown: leadsTo("unconfirmed"),
  retryAllowed: leadsTo("retrying"),
  failsForGood: leadsTo("failed"),
  retryIsDue: leadsTo("queued"),
  foundOnPlatform: leadsTo("published"),
  liveOnPlatform: leadsTo("published"),
  notFoundAttemptsLeft: leadsTo("queued"),
  notFoundNoAttemptsLeft: leadsTo("failed"),
  outcomeSettled: leadsTo("failed"),
  handOutAgain: leadsTo("queued"),
  neverStarted: leadsTo("failed"),
  lookUpAgain: leadsTo("unconfirmed"),
  lookupsExhausted: leadsTo("failed"),
};

/** The step is `stepDestination`, the same function `apply` calls for a post's destinations. */
const takeStep = enqueueActions<
  DestinationContext,
  DestinationEvent,
  undefined,
  DestinationEvent,
  never,
  never,
  never,
  never,
  Instruction
>(({ context, event, enqueue }) => {
  const step = stepDestination(context, event);
  if (step.kind !== "accepted") return;
  enqueue.assign({ destination: step.destination });
  for (const instruction of step.outbox) enqueue.emit(instruction);
});

const actions: Record<DestinationAction, typeof takeStep> = { takeStep };

const to = (target: DestinationStatus) =>
  ({ guard: "takes", target, actions: "takeStep" }) as const;
const found = { guard: "foundOnPlatform", target: "published", actions: "takeStep" } as const;
const failure = [
  { guard: "outcomeUnknown", target: "unconfirmed", actions: "takeStep" },
  { guard: "retryAllowed", target: "retrying", actions: "takeStep" },
  { guard: "failsForGood", target: "failed", actions: "takeStep" },
] as const;

/**
 * The lifecycle of one destination (one platform account), as an XState v5
 * machine. The editorial statuses mirror the post's; then queued, publishing
 * (every attempt starts with DELIVERY_STARTED and counts), and published,
 * retrying, unconfirmed or failed. An unconfirmed destination (the request may
 * have reached the platform) is never retried blindly: RECONCILED decides. A
 * failed one is re-queued by RETRY_FAILED, or published by a late success.
 * An actor starts in the status its input destination already has, so a
 * destination loaded from storage resumes where it stood.
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
export const destinationMachine = setup({
  types: {} as {
    context: DestinationContext;
    events: DestinationEvent;
    input: DestinationMachineInput;
    emitted: Instruction;
  },
  guards: {
    ...guards,
    isIn: ({ context }: { context: DestinationContext }, params: { status: DestinationStatus }) =>
      context.destination.status === params.status,
  },
  actions,
}).createMachine({
  id: "destination",
  description: "One platform account a post goes to, from draft to published, failed or cancelled.",
  /** The destination as given, with its post's id, revision and retry policy. */
  context: ({ input }): DestinationContext => ({
    postId: input.postId,
    revision: input.revision ?? 0,
    retry: { ...defaultRetryPolicy, ...input.retry },
    destination: input.destination,
  }),
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
    draft: {
      description: "Saved with its post, not queued.",
      on: {
        SUBMIT_FOR_APPROVAL: to("pending_approval"),
        SCHEDULE: to("scheduled"),
        ENQUEUE: to("queued"),
        CANCEL: to("cancelled"),
      },
    },
    pending_approval: {
      description: "Its post waits on a reviewer.",
      on: {
        SCHEDULE: to("scheduled"),
        RETURN_TO_DRAFT: to("draft"),
        ENQUEUE: to("queued"),
        CANCEL: to("cancelled"),
      },
    },
    scheduled: {
      description: "Its post waits for scheduledAt.",
      on: {
        SCHEDULE: to("scheduled"),
        RETURN_TO_DRAFT: to("draft"),
        ENQUEUE: to("queued"),
        CANCEL: to("cancelled"),
      },
    },
    queued: {
      description:
        "Handed to delivery under its idempotency key; no attempt is in flight. A worker must start it before its deadline, or it is handed out again, then fails (NEVER_STARTED).",
      on: {
        CANCEL: to("cancelled"),
        DELIVERY_STARTED: to("publishing"),
        DELIVERY_SUCCEEDED: to("published"),
        DELIVERY_FAILED: failure,
        RECONCILED: found,
        DEADLINE_PASSED: [
          { guard: "handOutAgain", target: "queued", actions: "takeStep" },
          { guard: "neverStarted", target: "failed", actions: "takeStep" },
        ],
      },
    },
    publishing: {
      description:
        "An attempt is in flight. It cannot be cancelled: the request may already be on its way. With no report by its deadline it counts as a timeout after sending (unconfirmed).",
      on: {
        DELIVERY_SUCCEEDED: to("published"),
        DELIVERY_FAILED: failure,
        RECONCILED: found,
        DEADLINE_PASSED: to("unconfirmed"),
      },
    },
    retrying: {
      description:
        "An attempt failed retryably; waits for nextRetryAt, then is re-queued under the same key.",
      on: {
        CANCEL: to("cancelled"),
        DELIVERY_SUCCEEDED: to("published"),
        RECONCILED: found,
        RETRY_DUE: { guard: "retryIsDue", target: "queued", actions: "takeStep" },
      },
    },
    unconfirmed: {
      description:
        "Sent, outcome unknown (timed out after sending). Never retried blindly: a reconciliation looks the post up on the platform, asked again while it goes unanswered, then failed (OUTCOME_UNKNOWN) for a person to check.",
      on: {
        DELIVERY_SUCCEEDED: to("published"),
        RECONCILED: [
          { guard: "foundOnPlatform", target: "published", actions: "takeStep" },
          { guard: "notFoundAttemptsLeft", target: "queued", actions: "takeStep" },
          { guard: "notFoundNoAttemptsLeft", target: "failed", actions: "takeStep" },
        ],
        DEADLINE_PASSED: [
          { guard: "lookUpAgain", target: "unconfirmed", actions: "takeStep" },
          { guard: "lookupsExhausted", target: "failed", actions: "takeStep" },
        ],
      },
    },
    published: {
      description:
        "The platform confirmed it; it has a platformPostId. It is never sent again; a second, different post the platform reports is recorded and surfaced as a duplicate.",
      on: {
        DELIVERY_SUCCEEDED: to("published"),
        RECONCILED: to("published"),
      },
    },
    failed: {
      description:
        "Failed for good, or out of attempts. Only a manual RETRY_FAILED re-queues it, under a new key, and not while its outcome is unknown; a late success of its own delivery publishes it, since the platform is the truth about what is live.",
      on: {
        RETRY_FAILED: to("queued"),
        DELIVERY_SUCCEEDED: { guard: "liveOnPlatform", target: "published", actions: "takeStep" },
        RECONCILED: [
          { guard: "foundOnPlatform", target: "published", actions: "takeStep" },
          { guard: "outcomeSettled", target: "failed", actions: "takeStep" },
        ],
      },
    },
    cancelled: {
      description:
        "Stopped before delivery. If it had been handed out and the platform reports it live after all, it is published.",
      on: {
        DELIVERY_SUCCEEDED: { guard: "liveOnPlatform", target: "published", actions: "takeStep" },
        RECONCILED: found,
      },
    },
  },
});
