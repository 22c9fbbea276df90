import type { PostEvent } from "../domain/event.js";
import type { Instruction } from "../domain/instruction.js";
import type { Post, PostInput } from "../domain/post.js";

/**
 * The names the post machine refers to its behaviour by. Every guard asks
 * whether `apply` takes the event; every action is `apply` itself. The names
 * say what each transition means, for the inspector and for Studio.
 */
export type PostGuard =
  | "canEdit"
  | "canSchedule"
  | "canUnschedule"
  | "canPublish"
  | "canSubmit"
  | "canApproveForLater"
  | "canApproveNow"
  | "canReject"
  | "isDue"
  | "canCancel"
  | "canDelete"
  | "canRetryFailed"
  | "isNewFact"
  | "settlesAs";

/** The actions of the post machine, each a name for what `apply` does in that transition. */
export type PostAction =
  | "recordEdit"
  | "plan"
  | "returnToDraft"
  | "enqueueAll"
  | "sendForReview"
  | "scheduleApproved"
  | "recordFact"
  | "cancelWaiting"
  | "deletePost"
  | "requeueFailed";

/**
 * The post machine's types: its context is the `Post`, its input is what
 * `createPost` takes, and it emits the outbox's instructions.
 *
 * @example
 * ```ts
 * import type { PostMachineTypes } from "postlife";
 * type Context = PostMachineTypes["context"]; // Post
 * ```
 * @since 0.1.0
 */
export interface PostMachineTypes {
  context: Post;
  events: PostEvent;
  input: PostInput;
  emitted: Instruction;
}
