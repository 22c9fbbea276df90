/**
 * What the imperative shell must do after a transition: the outbox.
 *
 * `apply` decides; the service does. Persist the new post and its outbox in one
 * transaction, then carry the instructions out (at least once: each carries
 * what makes repeating it harmless, an idempotency key or a job key).
 */

/**
 * The webhook events a post emits, in the publish_post API's and PostPost's words.
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
  "destination.partially_published",
  "destination.failed",
  "destination.item_published",
  "destination.duplicated",
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
 * Where in a thread an instruction's delivery is: the `item` (0 is the first
 * post, each reply the next) and, for a reply, `replyTo`, the platform post
 * of the item before it, which it answers (and under which a look-up
 * searches). Absent for a post without a thread.
 *
 * @example
 * ```ts
 * import type { ThreadPlace } from "postlife";
 * const secondReply: ThreadPlace = { item: 2, replyTo: "1780123456789012346" };
 * ```
 * @since 0.2.0
 */
export interface ThreadPlace {
  readonly item?: number;
  readonly replyTo?: string;
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
export interface EnqueueDelivery extends ThreadPlace {
  readonly type: "enqueue_delivery";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
  readonly idempotencyKey: string;
  /** The number the next attempt will have. */
  readonly attempt: number;
  /**
   * A media container the platform has processed and holds ready: make only
   * the publish call for it, never create it again.
   */
  readonly containerId?: string;
}
/**
 * Remove a delivery that was enqueued or waiting to retry: the queued job and
 * the retry timer of `idempotencyKey`.
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
  /** In a thread: the item the retry is for. */
  readonly item?: number;
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
 *   lookup: 1,
 * };
 * ```
 * @since 0.1.0
 */
export interface RequestReconciliation extends ThreadPlace {
  readonly type: "request_reconciliation";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
  readonly idempotencyKey: string;
  /** The attempt whose outcome is unknown: the one the look-up is about. */
  readonly attempt: number;
  /**
   * Which look-up of that attempt this is (1, then 2, … when one goes
   * unanswered past its deadline): a job id of
   * `${idempotencyKey}#${attempt}#${lookup}` lets a queue that drops repeats
   * still run the next one.
   */
  readonly lookup: number;
}
/**
 * Arm a timer that sends `DEADLINE_PASSED { destinationId, jobKey, now }` at
 * `at`: the longest postlife waits for what the destination is waiting on (a
 * worker to start a queued delivery, a started attempt's report, a look-up's
 * answer). postlife reads no clock, so this timer is how a lost worker or an
 * unanswered look-up is noticed. `jobKey` names this one deadline: arming
 * it twice is arming it once, and `disarm_deadline` removes it.
 *
 * @example
 * ```ts
 * import type { ArmDeadline } from "postlife";
 * // What DELIVERY_STARTED puts in the outbox: X's report is expected within 10 minutes.
 * const deadline: ArmDeadline = {
 *   type: "arm_deadline",
 *   postId: "post-1",
 *   destinationId: "d-x",
 *   jobKey: "post-1:d-x:1:0:report:1:1",
 *   at: "2026-04-20T14:10:01.000Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface ArmDeadline {
  readonly type: "arm_deadline";
  readonly postId: string;
  readonly destinationId: string;
  readonly jobKey: string;
  readonly at: string;
}
/**
 * Remove the timer armed under `jobKey`: what it waited for has happened
 * (the worker started, the report came, the look-up answered) or the
 * delivery was cancelled. A timer that fires anyway is ignored as stale.
 *
 * @example
 * ```ts
 * import type { DisarmDeadline } from "postlife";
 * const disarm: DisarmDeadline = {
 *   type: "disarm_deadline",
 *   postId: "post-1",
 *   destinationId: "d-x",
 *   jobKey: "post-1:d-x:1:0:report:1:1",
 * };
 * ```
 * @since 0.1.0
 */
export interface DisarmDeadline {
  readonly type: "disarm_deadline";
  readonly postId: string;
  readonly destinationId: string;
  readonly jobKey: string;
}
/**
 * The platform reported a second live post for a destination already
 * published as another: the post went out twice (a look-up that answered
 * "not found" too early, a platform that reported a failure for a post it
 * made). postlife never swallows it: alert a person, or take the extra post
 * down. The destination keeps its first post and lists the other in
 * `duplicates`.
 *
 * @example
 * ```ts
 * import type { ReportDuplicate } from "postlife";
 * const alert = (d: ReportDuplicate) =>
 *   `${d.platform} ${d.accountId} has post ${d.postId} twice: ${d.platformPostId} and ${d.duplicatePlatformPostId}`;
 * ```
 * @since 0.1.0
 */
export interface ReportDuplicate {
  readonly type: "report_duplicate";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
  /** The platform post the destination was published as. */
  readonly platformPostId: string;
  /** The other live post the platform reported for it. */
  readonly duplicatePlatformPostId: string;
  readonly duplicatePlatformUrl?: string;
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
 * Ask the platform, at `at`, how its processing of the media `containerId`
 * stands, then send `MEDIA_STATUS` with its word (or, for a final word,
 * what `mediaFact` makes of it). `at` follows the platform's guidance and
 * its per-token budget (TikTok allows 30 status fetches a minute); `poll`
 * tells two polls of one wait apart (a job id of `${idempotencyKey}#media#${poll}`).
 *
 * @example
 * ```ts
 * import type { PollMedia } from "postlife";
 * const poll: PollMedia = {
 *   type: "poll_media",
 *   postId: "post-1",
 *   destinationId: "d-ig",
 *   platform: "instagram",
 *   accountId: "17841400000000000",
 *   idempotencyKey: "post-1:d-ig:1:0",
 *   attempt: 1,
 *   containerId: "17889455560051444",
 *   poll: 1,
 *   at: "2026-04-20T14:01:01.000Z",
 * };
 * ```
 * @since 0.2.0
 */
export interface PollMedia {
  readonly type: "poll_media";
  readonly postId: string;
  readonly destinationId: string;
  readonly platform: string;
  readonly accountId: string;
  readonly idempotencyKey: string;
  /** The attempt that created the container: a late answer about an earlier one is stale. */
  readonly attempt: number;
  readonly containerId: string;
  readonly poll: number;
  readonly at: string;
}
/**
 * Notify subscribers. `destinationId` is set for destination.* events, `at`
 * for `post.scheduled` (emitted again each time the time moves), and
 * `platformPostIds` for `destination.duplicated` (the post kept, then the
 * duplicate).
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
  /** For `post.scheduled`: the time the post is now scheduled for. */
  readonly at?: string;
  /** For `destination.duplicated`: the platform post kept, then the duplicate. */
  readonly platformPostIds?: readonly string[];
  /** For `destination.item_published`: the item of the thread now live. */
  readonly item?: number;
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
  | PollMedia
  | ArmDeadline
  | DisarmDeadline
  | RequestReconnect
  | ReportDuplicate
  | EmitWebhook;
