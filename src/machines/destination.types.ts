import type { DestinationEvent } from "../destination/event.js";
import type { DestinationContext } from "../destination/step.js";
import type { Destination } from "../domain/destination.js";
import type { Instruction } from "../domain/instruction.js";
import type { RetryPolicy } from "../errors/retry-policy.js";

/**
 * What the destination machine starts from: the destination, and from its
 * post the id, revision and retry options.
 *
 * @example
 * ```ts
 * import type { DestinationMachineInput } from "postlife";
 * const input: DestinationMachineInput = {
 *   postId: "post-1",
 *   destination: { id: "d-x", platform: "x", accountId: "a", postType: "post", status: "queued", attempts: 0, generation: 0, idempotencyKey: "post-1:d-x:0:0" },
 * };
 * ```
 * @since 0.1.0
 */
export interface DestinationMachineInput {
  readonly postId: string;
  readonly revision?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly destination: Destination;
}

/**
 * The destination machine's types.
 *
 * @example
 * ```ts
 * import type { DestinationMachineTypes } from "postlife";
 * type Context = DestinationMachineTypes["context"]; // DestinationContext
 * ```
 * @since 0.1.0
 */
export interface DestinationMachineTypes {
  context: DestinationContext;
  events: DestinationEvent;
  input: DestinationMachineInput;
  emitted: Instruction;
}
