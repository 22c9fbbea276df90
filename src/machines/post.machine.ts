import { enqueueActions, setup } from "xstate";
import type { PostEvent } from "../domain/event.js";
import type { Instruction } from "../domain/instruction.js";
import { newPost, type Post, type PostInput } from "../domain/post.js";
import type { PostStatus } from "../domain/status.js";
import { apply } from "../post/apply.js";
import { takes } from "../post/outcome.js";
import { scheduledAfter } from "../post/review.js";
import { aggregateStatus } from "../rules/aggregate.js";
import type { PostAction, PostGuard } from "./post.types.js";

type Args = { readonly context: Post; readonly event: PostEvent };

/**
 * Every guard of the machine is this question: does `apply` take the event?
 * The action then asks `apply` again rather than remember the answer: a cache
 * keyed on the event object would go stale if a caller reused and changed it,
 * and the machine is not the hot path (`apply` is).
 */
const accepts = ({ context, event }: Args): boolean => takes(apply(context, event));

/**
 * Every action is `apply` itself: the next post becomes the context and the
 * outbox is emitted, one instruction per emitted event. So the machine and the
 * pure API cannot disagree about what a transition does; the machine adds the
 * structure that the inspector and Studio draw.
 */
const applyEvent = enqueueActions<
  Post,
  PostEvent,
  undefined,
  PostEvent,
  never,
  never,
  never,
  never,
  Instruction
>(({ context, event, enqueue }) => {
  const decision = apply(context, event);
  if (!takes(decision)) return;
  enqueue.assign(() => decision.post);
  for (const instruction of decision.outbox) enqueue.emit(instruction);
});

const guards: Record<Exclude<PostGuard, "settlesAs">, (args: Args) => boolean> = {
  canEdit: accepts,
  canSchedule: accepts,
  canUnschedule: accepts,
  canPublish: accepts,
  canSubmit: accepts,
  canApproveForLater: (args) =>
    accepts(args) && args.event.type === "APPROVE" && scheduledAfter(args.context, args.event.now),
  canApproveNow: accepts,
  canReject: accepts,
  isDue: accepts,
  canCancel: accepts,
  canDelete: accepts,
  canRetryFailed: accepts,
  isNewFact: accepts,
};

const actions = Object.fromEntries(
  (
    [
      "recordEdit",
      "plan",
      "returnToDraft",
      "enqueueAll",
      "sendForReview",
      "scheduleApproved",
      "recordFact",
      "cancelWaiting",
      "deletePost",
      "requeueFailed",
    ] as const satisfies readonly PostAction[]
  ).map((name) => [name, applyEvent]),
) as Record<PostAction, typeof applyEvent>;

const fact = { guard: "isNewFact", target: "settling", actions: "recordFact" } as const;
const deliveryFacts = {
  DELIVERY_STARTED: fact,
  DELIVERY_SUCCEEDED: fact,
  DELIVERY_FAILED: fact,
  RETRY_DUE: fact,
  RECONCILED: fact,
  DEADLINE_PASSED: fact,
} as const;
/** What only the platform's truth changes once delivery is over: a post found live. */
const platformReports = { DELIVERY_SUCCEEDED: fact, RECONCILED: fact } as const;

const settlesInto = (status: PostStatus) =>
  ({ guard: { type: "settlesAs", params: { status } }, target: status }) as const;

/**
 * The lifecycle of a post, as an XState v5 machine. Its context is the `Post`
 * (so `createActor(postMachine, { input })`, `initialTransition(postMachine,
 * input)` and `createPost(input)` start from the same post), its states are
 * the post statuses, and it emits the outbox's instructions. During delivery
 * the post's status is derived: every fact passes through `settling`, which
 * moves to the status the destinations give.
 *
 * Time comes only from events (`now`): the machine has no `after` and no
 * `invoke`, so `transition()`, the inspector and model-based tests all work.
 *
 * @example
 * ```ts
 * import { createActor } from "xstate";
 * import { postMachine } from "postlife";
 * const actor = createActor(postMachine, {
 *   input: { id: "post-1", content: "Hello", destinations: [{ id: "d-x", platform: "x", accountId: "a" }] },
 * });
 * actor.on("*", (instruction) => console.log(instruction.type));
 * actor.start();
 * actor.send({ type: "PUBLISH", now: "2026-04-20T14:00:00Z" }); // logs "enqueue_delivery"
 * actor.getSnapshot().value; // "queued"
 * ```
 * @since 0.1.0
 */
export const postMachine = setup({
  types: {} as {
    context: Post;
    events: PostEvent;
    input: PostInput;
    emitted: Instruction;
  },
  guards: {
    ...guards,
    settlesAs: ({ context }: { context: Post }, params: { status: PostStatus }) =>
      aggregateStatus(context.destinations.map((d) => d.status)) === params.status,
  },
  actions,
}).createMachine({
  id: "post",
  description:
    "One post going to one or more destinations: written, reviewed and scheduled, then delivered; its status during delivery is derived from its destinations.",
  /**
   * A post actor starts from the draft `createPost(input)` makes, the post the
   * pure API starts from. Judge a caller's input with `createPost` first: the
   * machine takes it as typed.
   */
  context: ({ input }) => newPost(input),
  initial: "draft",
  states: {
    draft: {
      description:
        "Saved, not queued. Everything is editable and nothing is validated until the post leaves the draft.",
      on: {
        EDIT: { guard: "canEdit", target: "draft", actions: "recordEdit" },
        SCHEDULE: { guard: "canSchedule", target: "scheduled", actions: "plan" },
        PUBLISH: { guard: "canPublish", target: "queued", actions: "enqueueAll" },
        SUBMIT_FOR_APPROVAL: {
          guard: "canSubmit",
          target: "pending_approval",
          actions: "sendForReview",
        },
        DELETE: { guard: "canDelete", target: "deleted", actions: "deletePost" },
      },
    },
    pending_approval: {
      description:
        "Waiting on a reviewer. The content is frozen: the reviewer approves exactly what is sent.",
      on: {
        APPROVE: [
          { guard: "canApproveForLater", target: "scheduled", actions: "scheduleApproved" },
          { guard: "canApproveNow", target: "queued", actions: "enqueueAll" },
        ],
        REJECT: { guard: "canReject", target: "draft", actions: "returnToDraft" },
        DELETE: { guard: "canDelete", target: "deleted", actions: "deletePost" },
      },
    },
    scheduled: {
      description:
        "Waiting for scheduledAt; a job is armed to send DUE. Still editable: each edit bumps the revision and re-arms the job.",
      on: {
        EDIT: { guard: "canEdit", target: "scheduled", actions: "recordEdit" },
        SCHEDULE: { guard: "canSchedule", target: "scheduled", actions: "plan" },
        UNSCHEDULE: { guard: "canUnschedule", target: "draft", actions: "returnToDraft" },
        PUBLISH: { guard: "canPublish", target: "queued", actions: "enqueueAll" },
        DUE: { guard: "isDue", target: "queued", actions: "enqueueAll" },
        CANCEL: { guard: "canCancel", target: "cancelled", actions: "cancelWaiting" },
        DELETE: { guard: "canDelete", target: "deleted", actions: "deletePost" },
      },
    },
    queued: {
      description:
        "Handed to delivery; no destination has started. Nothing is editable any more. A deadline hands out again what no worker starts.",
      on: {
        // No destination waits for a retry yet.
        DELIVERY_STARTED: fact,
        DELIVERY_SUCCEEDED: fact,
        DELIVERY_FAILED: fact,
        RECONCILED: fact,
        DEADLINE_PASSED: fact,
        CANCEL: { guard: "canCancel", target: "cancelled", actions: "cancelWaiting" },
        DELETE: { guard: "canDelete", target: "deleted", actions: "deletePost" },
      },
    },
    publishing: {
      description:
        "Under way: at least one destination has started, and at least one is not done (in flight, retrying, unconfirmed or still queued).",
      on: {
        ...deliveryFacts,
        CANCEL: { guard: "canCancel", target: "settling", actions: "cancelWaiting" },
        DELETE: { guard: "canDelete", target: "deleted", actions: "deletePost" },
        RETRY_FAILED: { guard: "canRetryFailed", target: "settling", actions: "requeueFailed" },
      },
    },
    settling: {
      description:
        "Derives the post's status from its destinations (aggregateStatus) after a delivery fact, a cancel or a retry. Never rests here.",
      always: [
        settlesInto("queued"),
        settlesInto("publishing"),
        settlesInto("published"),
        settlesInto("partially_published"),
        settlesInto("failed"),
        settlesInto("cancelled"),
      ],
    },
    published: {
      description:
        "Every destination is published, and none is sent again. A second post the platform reports for one is recorded and surfaced as a duplicate.",
      on: platformReports,
    },
    partially_published: {
      description:
        "Done: some destinations published, the others failed or were cancelled. Failed ones can be retried by hand, or turn out published after all (a late success, a look-up that finds them).",
      on: {
        // The platform has the post after all: the platform is the truth about what is live.
        ...platformReports,
        RETRY_FAILED: { guard: "canRetryFailed", target: "settling", actions: "requeueFailed" },
      },
    },
    failed: {
      description:
        "Done, and nothing was published: every destination failed or was cancelled. A late success or a look-up that finds one publishes it after all.",
      on: {
        ...platformReports,
        RETRY_FAILED: { guard: "canRetryFailed", target: "settling", actions: "requeueFailed" },
        DELETE: { guard: "canDelete", target: "deleted", actions: "deletePost" },
      },
    },
    cancelled: {
      description:
        "Stopped before delivery: every destination was cancelled. One that had been handed out and turns out live is published after all.",
      on: {
        ...platformReports,
        DELETE: { guard: "canDelete", target: "deleted", actions: "deletePost" },
      },
    },
    deleted: {
      description:
        "Cancelled and removed; nothing of it was published, or so it seemed: a destination the platform reports live after all is published, and the post stays deleted.",
      on: {
        DELIVERY_SUCCEEDED: { guard: "isNewFact", target: "deleted", actions: "recordFact" },
        RECONCILED: { guard: "isNewFact", target: "deleted", actions: "recordFact" },
      },
    },
  },
});
