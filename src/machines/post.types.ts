import type { PostEvent } from "../domain/event.js";
import type { Instruction } from "../domain/instruction.js";
import type { Post, PostInput } from "../domain/post.js";

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
