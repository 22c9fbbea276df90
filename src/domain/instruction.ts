/**
 * What the imperative shell must do after a transition: the outbox.
 *
 * `apply` decides; the service does. Persist the new post and its outbox in one
 * transaction, then carry the instructions out (at least once: each carries
 * what makes repeating it harmless, an idempotency key or a job key).
 */

/**
 * The webhook events a post emits, in seed 000's and seed 001's words.
 *
 * @example
 * ```ts
 * import { webhookEvents } from "postlife";
 * webhookEvents.includes("post.partially_published"); // true
 * ```
 * @since 0.1.0
 */
export const webhookEvents = [
  "post.scheduled",
  "post.published",
  "post.partially_published",
  "post.failed",
  "post.cancelled",
  "destination.published",
  "destination.failed",
] as const;

/**
 * One of `webhookEvents`.
 *
 * @example
 * ```ts
 * import type { WebhookEvent } from "postlife";
 * const event: WebhookEvent = "destination.failed";
 * ```
 * @since 0.1.0
 */
export type WebhookEvent = (typeof webhookEvents)[number];

/** Arm the job that fires DUE at `at`; `jobKey` names it for a later disarm. */
export interface ArmSchedule {
  readonly type: "arm_schedule";
  readonly postId: string;
  readonly jobKey: string;
  readonly revision: number;
  readonly at: string;
}
/** Cancel the armed job named `jobKey`. */
export interface DisarmSchedule {
  readonly type: "disarm_schedule";
  readonly postId: string;
  readonly jobKey: string;
}
/** Hand a delivery to a worker; the platform call must carry `idempotencyKey`. */
export interface EnqueueDelivery {
  readonly type: "enqueue_delivery";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
  readonly idempotencyKey: string;
  /** The number the next attempt will have. */
  readonly attempt: number;
}
/** Remove a delivery that was enqueued or waiting to retry. */
export interface CancelDelivery {
  readonly type: "cancel_delivery";
  readonly postId: string;
  readonly destinationId: string;
  readonly idempotencyKey: string;
}
/** Fire RETRY_DUE for this destination at `at`. */
export interface ScheduleRetry {
  readonly type: "schedule_retry";
  readonly postId: string;
  readonly destinationId: string;
  readonly idempotencyKey: string;
  readonly attempt: number;
  readonly at: string;
}
/** Look the post up on the platform (by `idempotencyKey`), then send RECONCILED. */
export interface RequestReconciliation {
  readonly type: "request_reconciliation";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
  readonly idempotencyKey: string;
}
/** The account's token expired or was revoked: ask its owner to reconnect it. */
export interface RequestReconnect {
  readonly type: "request_reconnect";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
}
/** Notify subscribers. `destinationId` is set for destination.* events. */
export interface EmitWebhook {
  readonly type: "webhook";
  readonly event: WebhookEvent;
  readonly postId: string;
  readonly revision: number;
  readonly destinationId?: string;
}

/**
 * One step for the imperative shell to carry out.
 *
 * @example
 * ```ts
 * import type { Instruction } from "postlife";
 * const run = (instruction: Instruction) => {
 *   switch (instruction.type) {
 *     case "enqueue_delivery":
 *       return `queue ${instruction.platform} with key ${instruction.idempotencyKey}`;
 *     case "webhook":
 *       return `notify ${instruction.event}`;
 *     default:
 *       return instruction.type;
 *   }
 * };
 * ```
 * @since 0.1.0
 */
export type Instruction =
  | ArmSchedule
  | DisarmSchedule
  | EnqueueDelivery
  | CancelDelivery
  | ScheduleRetry
  | RequestReconciliation
  | RequestReconnect
  | EmitWebhook;
