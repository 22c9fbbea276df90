import { setup } from "xstate";
import type { PostEvent } from "../domain/event.js";
import type { Instruction } from "../domain/instruction.js";
import { newPost, type Post, type PostInput } from "../domain/post.js";
import { isEditorial, type PostStatus, postStatuses } from "../domain/status.js";
import { postImplementations } from "../post/implementations.js";
import { postLifecycle } from "../post/lifecycle.js";
import { checkEvent } from "../rules/event-shape.js";
import { postDescriptions } from "./descriptions.js";
import { actionsOf, guardsOf, statesOf } from "./from-definition.js";

/**
 * The context of an actor made without input. XState's `transition()` makes
 * one, inert, on every call (its initial context is never used), so this is
 * built once: an empty draft, not a thrown TypeError each time.
 */
let empty: Post | undefined;
const noInput = (): Post => {
  empty ??= newPost({ id: "", content: "", destinations: [] });
  return empty;
};

const settledStatuses = () =>
  postStatuses.filter((status) => !isEditorial(status) && status !== "deleted");

const makePostMachine = () =>
  setup({
    types: {} as {
      context: Post;
      events: PostEvent;
      input: PostInput;
      emitted: Instruction;
    },
    guards: {
      ...guardsOf(postImplementations, {
        /** The event is one: a malformed event is refused, as `apply` refuses it. */
        isWellFormed: ({ event }) => checkEvent(event) === undefined,
      }),
      /** The update settled the post into this status (the one its destinations give). */
      settledAs: ({ context }: { context: Post }, params: { status: PostStatus }) =>
        context.status === params.status,
    },
    actions: actionsOf(postImplementations, (_post, decision) => decision.post) as Record<
      string,
      never
    >,
  }).createMachine({
    id: postLifecycle.id,
    description: postDescriptions.machine,
    /**
     * A post actor starts from the draft `createPost(input)` makes, the post the
     * pure API starts from. Judge a caller's input with `createPost` first: the
     * machine takes it as typed.
     */
    context: ({ input }) => (input === undefined ? noInput() : newPost(input)),
    initial: "draft",
    states: {
      ...statesOf(postLifecycle, postImplementations, postDescriptions.states, ["isWellFormed"]),
      settling: {
        description:
          "Takes the status the post's destinations give (aggregateStatus), after a delivery fact, a cancel or a retry. Never rests here.",
        // The statuses of delivery: a post is deleted only by DELETE.
        always: settledStatuses().map((status) => ({
          guard: { type: "settledAs", params: { status } },
          target: status,
        })),
      },
    },
  });

/**
 * The lifecycle of a post, as an XState v5 machine, built from the post
 * lifecycle's definition: each guard is one named rule (`needsNoApproval`,
 * `contentFits`, `isDue`, `hasCancellable`, ...), several combined as
 * `all(...)`, and each action one named update. Its context is the `Post`
 * (so `createActor(postMachine, { input })`, `initialTransition(postMachine,
 * input)` and `createPost(input)` start from the same post), its states are
 * the post statuses, and it emits the outbox's instructions. During delivery
 * the post's status is derived: a delivery fact, a cancel or a manual retry
 * passes through `settling`, which moves to the status the destinations give.
 * `apply` runs the same definition and functions, compiled.
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
export const postMachine = /* @__PURE__ */ makePostMachine();
