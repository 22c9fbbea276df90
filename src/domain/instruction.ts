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

/**
 * Arm the job that fires DUE at `at`; `jobKey` names it for a later disarm.
 *
 * @example
 * ```ts
 * import type { ArmSchedule } from "postlife";
 * // What SCHEDULE puts in the outbox; the job sends { type: "DUE", now, revision } at `at`.
 * const arm: ArmSchedule = {
 *   type: "arm_schedule",
 *   postId: "post-1",
 *   jobKey: "post-1:due:1",
 *   revision: 1,
 *   at: "2026-04-20T14:00:00.000Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface ArmSchedule {
  readonly type: "arm_schedule";
  readonly postId: string;
  readonly jobKey: string;
  readonly revision: number;
  readonly at: string;
}
/**
 * Cancel the armed job named `jobKey`.
 *
 * @example
 * ```ts
 * import type { DisarmSchedule } from "postlife";
 * // What UNSCHEDULE, CANCEL or DELETE of a scheduled post puts in the outbox; an edit
 * // of one disarms the old revision's job and arms the new one's.
 * const disarm: DisarmSchedule = {
 *   type: "disarm_schedule",
 *   postId: "post-1",
 *   jobKey: "post-1:due:1",
 * };
 * ```
 * @since 0.1.0
 */
export interface DisarmSchedule {
  readonly type: "disarm_schedule";
  readonly postId: string;
  readonly jobKey: string;
}
/**
 * Hand a delivery to a worker; the platform call must carry `idempotencyKey`.
 *
 * @example
 * ```ts
 * import type { EnqueueDelivery } from "postlife";
 * // What DUE or PUBLISH puts in the outbox, one per destination.
 * const job: EnqueueDelivery = {
 *   type: "enqueue_delivery",
 *   postId: "post-1",
 *   destinationId: "d-x",
 *   platform: "x",
 *   accountId: "acct-1",
 *   idempotencyKey: "post-1:d-x:1:0",
 *   attempt: 1,
 * };
 * // A job id from the key and the attempt lets the queue drop an instruction carried out twice.
 * const jobId = `${job.idempotencyKey}#${job.attempt}`;
 * ```
 * @since 0.1.0
 */
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
/**
 * Remove a delivery that was enqueued or waiting to retry.
 *
 * @example
 * ```ts
 * import type { CancelDelivery } from "postlife";
 * // What CANCEL puts in the outbox for each queued or retrying delivery.
 * const cancel: CancelDelivery = {
 *   type: "cancel_delivery",
 *   postId: "post-1",
 *   destinationId: "d-x",
 *   idempotencyKey: "post-1:d-x:1:0",
 * };
 * ```
 * @since 0.1.0
 */
export interface CancelDelivery {
  readonly type: "cancel_delivery";
  readonly postId: string;
  readonly destinationId: string;
  readonly idempotencyKey: string;
}
/**
 * Fire RETRY_DUE for this destination at `at`.
 *
 * @example
 * ```ts
 * import type { ScheduleRetry } from "postlife";
 * // What a retryable DELIVERY_FAILED puts in the outbox (here after a 120 s retry-after).
 * const timer: ScheduleRetry = {
 *   type: "schedule_retry",
 *   postId: "post-1",
 *   destinationId: "d-x",
 *   idempotencyKey: "post-1:d-x:1:0",
 *   attempt: 2,
 *   at: "2026-04-20T14:02:02.000Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface ScheduleRetry {
  readonly type: "schedule_retry";
  readonly postId: string;
  readonly destinationId: string;
  readonly idempotencyKey: string;
  readonly attempt: number;
  readonly at: string;
}
/**
 * Look the post up on the platform (by `idempotencyKey`), then send RECONCILED
 * echoing `idempotencyKey` and `attempt`. The attempt tells two look-ups of one
 * delivery apart (a job id of `${idempotencyKey}#${attempt}`), and a late
 * answer about an earlier attempt is ignored as stale.
 *
 * @example
 * ```ts
 * import type { RequestReconciliation } from "postlife";
 * // What a timeout after the request was sent puts in the outbox: a blind retry could post twice.
 * const lookUp: RequestReconciliation = {
 *   type: "request_reconciliation",
 *   postId: "post-1",
 *   destinationId: "d-x",
 *   platform: "x",
 *   accountId: "acct-1",
 *   idempotencyKey: "post-1:d-x:1:0",
 *   attempt: 1,
 * };
 * ```
 * @since 0.1.0
 */
export interface RequestReconciliation {
  readonly type: "request_reconciliation";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
  readonly idempotencyKey: string;
  /** The attempt whose outcome is unknown: the one the look-up is about. */
  readonly attempt: number;
}
/**
 * The account's token expired or was revoked: ask its owner to reconnect it.
 *
 * @example
 * ```ts
 * import type { RequestReconnect } from "postlife";
 * const notice = (instruction: RequestReconnect) =>
 *   `Reconnect your ${instruction.platform} account ${instruction.accountId} to publish post ${instruction.postId}`;
 * ```
 * @since 0.1.0
 */
export interface RequestReconnect {
  readonly type: "request_reconnect";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
}
/**
 * Notify subscribers. `destinationId` is set for destination.* events.
 *
 * @example
 * ```ts
 * import type { EmitWebhook } from "postlife";
 * // What a destination's final failure puts in the outbox.
 * const hook: EmitWebhook = {
 *   type: "webhook",
 *   event: "destination.failed",
 *   postId: "post-1",
 *   revision: 1,
 *   destinationId: "d-li",
 * };
 * ```
 * @since 0.1.0
 */
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
